import type { VFile } from 'vfile'
import type { AnalyzedSectionRef } from '../../core/analysis/analyze-page.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import type { DocIndex } from '../../core/documents/types.ts'
import { joinBase } from '../../core/links.ts'
import { pointInRun, type RunReplacement } from '../../core/markdown/text-runs.ts'
import { renamedSectionRuleId, staleSectionRuleId } from '../../core/references/resolve.ts'

/** Where a link is written: the page's file (for messages), the index and the base path. */
export interface LinkTarget {
  file: VFile
  index: DocIndex
  base: string
}

/**
 * The link a resolved section reference becomes, or undefined after reporting
 * why it stays text: unresolved references as warnings, placeholders and
 * other documents' sections as information (so every `§` of the page is
 * either a link or a message at its place).
 */
export function linkSectionRef(
  { run, ref, resolution }: AnalyzedSectionRef,
  { file, base }: LinkTarget,
): RunReplacement | undefined {
  const place = pointInRun(run, ref.start)
  if (resolution.status === 'skipped') {
    file.info(`Not linked: \`${ref.text}\` (${resolution.reason}).`, {
      place,
      ruleId: 'ignored-section',
      source: messageSource,
    })
    return undefined
  }
  if (resolution.status === 'unresolved') {
    file.message(resolution.message, { place, ruleId: resolution.rule, source: messageSource })
    return undefined
  }
  const { document, heading } = resolution
  if (resolution.stale) {
    file.message(resolution.stale.message, {
      place,
      ruleId: resolution.stale.renamed ? renamedSectionRuleId : staleSectionRuleId,
      source: messageSource,
    })
  }
  const label = heading.number ? `§${heading.number} ${heading.title}` : `§${heading.title}`
  return {
    start: ref.start,
    end: resolution.end ?? ref.end,
    link: {
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
    },
  }
}
