import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { IndexOptions } from '../options.ts'
import { joinBase } from '../../core/links.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { getPageData } from '../../core/page-data.ts'
import {
  applyRunReplacements,
  collectTextRuns,
  pointInRun,
  type RunReplacement,
  type TextRun,
} from '../../core/markdown/text-runs.ts'
import { analyzeSectionRefs, createIsDocumentName } from '../../core/analysis/section-refs.ts'
import { staleSectionRuleId } from '../../core/references/resolve.ts'

/** Options of `remarkSectionLinks`: the index and the base path. */
export type Options = IndexOptions

/**
 * Turns every `§` reference in prose, headings, lists and tables into a link
 * to the heading it means, keeping the author's text. References that do
 * not resolve stay text and are reported with the rule that failed and a
 * hint; placeholders and other documents' sections (`§XX`, `design doc §8`)
 * stay text and are noted as information.
 */
export function remarkSectionLinks(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const { index } = options.store.get()
    const runs = collectTextRuns(tree, { keepInlineCode: createIsDocumentName(index) })
    const replacements = new Map<TextRun, RunReplacement[]>()
    for (const { run, ref, resolution } of analyzeSectionRefs(runs, index)) {
      const place = { start: pointInRun(run, ref.start), end: pointInRun(run, ref.end) }
      if (resolution.status === 'skipped') {
        // A reversed range's end is an info too (its start carries the warning), so every `§`
        // of the page is either a link or a message at its place.
        file.info(`Not linked: \`${ref.text}\` (${resolution.reason}).`, {
          place: place.start,
          ruleId: 'ignored-section',
          source: messageSource,
        })
        continue
      }
      if (resolution.status === 'unresolved') {
        file.message(resolution.message, {
          place: place.start,
          ruleId: resolution.rule,
          source: messageSource,
        })
        continue
      }
      const { document, heading } = resolution
      const end = resolution.end ?? ref.end
      const label = heading.number ? `§${heading.number} ${heading.title}` : `§${heading.title}`
      const link: RunReplacement['link'] = {
        type: 'link',
        url: `${joinBase(base, document.route)}#${heading.id}`,
        title: `${label} — ${document.path}`,
        data: {
          hProperties: {
            className: ['hb-ref', 'hb-ref--section'],
            dataDoc: document.path,
            dataSection: heading.number ?? heading.title,
          },
        },
      }
      replacements.set(run, [...(replacements.get(run) ?? []), { start: ref.start, end, link }])
      if (resolution.stale) {
        file.message(resolution.stale.message, {
          place: place.start,
          ruleId: staleSectionRuleId,
          source: messageSource,
        })
      }
    }
    for (const [run, list] of replacements) {
      for (const rejected of applyRunReplacements(run, list)) {
        file.message(
          `Not linked: \`${run.text.slice(rejected.start, rejected.end)}\` spans formatting; write the reference in one piece of text.`,
          {
            place: pointInRun(run, rejected.start),
            ruleId: 'unlinkable-section',
            source: messageSource,
          },
        )
      }
    }
  }
}
