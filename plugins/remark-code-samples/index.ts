/**
 * remark plugin: show good and bad code samples as such. Classifies each fence (docs/authoring.md,
 * "Good and bad code samples"), wraps it in `<div class="hb-sample hb-sample--bad"
 * data-verdict="bad">` with text labels, and writes `ins`/`del`/`title`/`wrap` into the fence meta
 * for Expressive Code, which runs after us and draws the code. Lines labelled by a trailing comment
 * are marked on their own. Also pairs adjacent bad/good samples and classes do/don't lists.
 */

import type { List, Parent, Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import {
  defaultSampleText,
  rewriteDosList,
  rewriteSamples,
  type RewriteSettings,
  type SampleText,
} from './transform.ts'

/** Options of {@link remarkCodeSamples}. */
export interface Options {
  /**
   * Mark each region's lines for Expressive Code: good lines as inserted (`+`), bad lines as
   * deleted (`-`); and mark each line a trailing comment labels on its own, with ✓ or ✗ in its
   * gutter.
   * @default true
   */
  markLines?: boolean
  /**
   * Wrap a bad sample directly followed by a good one (or the reverse) in a
   * `.hb-sample-pair`, shown side by side on wide screens, with long lines wrapped.
   * @default true
   */
  pairSamples?: boolean
  /**
   * Give lists whose every item starts with ✅ or ❌ the classes `hb-dos-list`, `hb-do` and
   * `hb-dont`.
   * @default true
   */
  classifyDosLists?: boolean
  /**
   * Reader-facing texts, to translate them; `{start}` and `{end}` stand for line numbers.
   * @default defaultSampleText (English; each field documents its own default)
   */
  text?: Partial<SampleText>
}

/** Classify code samples and mark them up for Expressive Code and `code-samples.css`. */
export function remarkCodeSamples(options: Options = {}) {
  const settings: RewriteSettings = {
    markLines: options.markLines ?? true,
    pairSamples: options.pairSamples ?? true,
    text: { ...defaultSampleText, ...options.text },
  }
  return function transformer(tree: Root, file: VFile): undefined {
    const parents: Parent[] = []
    const lists: List[] = []
    visit(tree, (node) => {
      if (node.type === 'list') lists.push(node)
      if ('children' in node && node.children.some((child) => child.type === 'code')) {
        parents.push(node)
      }
    })
    // Rewrite after the walk: the wrappers we insert hold the same fences again.
    for (const parent of parents) {
      // Fences only sit where block content may, and a wrapper is block content.
      const { children, problems } = rewriteSamples(parent.children, settings)
      parent.children = children
      for (const { node, ruleId, reason } of problems) {
        file.message(reason, { place: node.position, ruleId, source: messageSource })
      }
    }
    if (options.classifyDosLists ?? true) lists.forEach(rewriteDosList)
  }
}
