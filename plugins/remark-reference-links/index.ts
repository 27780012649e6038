import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { analyzePage } from '../../core/analysis/analyze-page.ts'
import { citePage, concatPageCitations, type PageCitations } from '../../core/analysis/citations.ts'
import { getDroppedTitles } from '../remark-document-page/index.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { getPageData } from '../../core/page-data.ts'
import {
  applyRunReplacements,
  pointInRun,
  type RunReplacement,
  type TextRun,
} from '../../core/markdown/text-runs.ts'
import type { IndexOptions } from '../options.ts'
import { linkRequirementMention } from './requirement-links.ts'
import { linkSectionRef } from './section-links.ts'

/** Options of `remarkReferenceLinks`: the index and the base path. */
export type Options = IndexOptions

/**
 * Turns every `§` reference and every requirement ID of a page into a link
 * to what it means, keeping the author's text, from one analysis of the page
 * (`analyzePage`, the same one the citation index and `npm run check` use).
 * What cannot be linked stays text and is reported where it stands, with the
 * rule that failed and a hint.
 */
export function remarkReferenceLinks(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const built = options.store.get()
    const { index } = built
    const document = index.documentsByPath.get(page.path)
    if (!document) return
    const analysis = analyzePage(tree, document, index, { lineOffset: page.lineOffset })
    // This analysis is the page's only one in a build: the citation index is made of these. The
    // title heading Starlight shows instead of the body's `# heading` is analysed for its
    // citations only (it is above everything else, so its citations come first).
    const dropped = getDroppedTitles(file)
    const cited = citePage(analysis, page.lineOffset)
    const titles = (): PageCitations => {
      const root: Root = { type: 'root', children: dropped }
      const options = { lineOffset: page.lineOffset }
      return citePage(analyzePage(root, document, index, options), page.lineOffset)
    }
    built.citationRecorder.record(
      document.path,
      dropped.length === 0 ? cited : concatPageCitations(titles(), cited),
    )
    const replacements = new Map<TextRun, RunReplacement[]>()
    const add = (run: TextRun, replacement: RunReplacement | undefined) => {
      if (replacement) replacements.set(run, [...(replacements.get(run) ?? []), replacement])
    }
    for (const analyzed of analysis.sections) {
      add(analyzed.run, linkSectionRef(analyzed, { file, index, base }))
    }
    for (const analyzed of analysis.requirements) {
      add(analyzed.run, linkRequirementMention(analyzed, { file, index, base }))
    }
    for (const [run, list] of replacements) {
      for (const rejected of applyRunReplacements(run, list)) {
        const isSection = run.text[rejected.start] === '§'
        file.message(
          `Not linked: \`${run.text.slice(rejected.start, rejected.end)}\` spans formatting or a link; write the ${isSection ? 'reference' : 'ID'} in one piece of text.`,
          {
            place: pointInRun(run, rejected.start),
            ruleId: isSection ? 'unlinkable-section' : 'unlinkable-requirement',
            source: messageSource,
          },
        )
      }
    }
  }
}
