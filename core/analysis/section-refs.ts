import { findDocument } from '../documents/names.ts'
import type { DocIndex, DocumentInfo } from '../documents/types.ts'
import type { TextRun } from '../markdown/text-runs.ts'
import { findCellHint, findListDocument } from '../references/context.ts'
import { findSectionRefs, type SectionRefMatch } from '../references/parse.ts'
import { resolveSectionRef, type SectionResolution } from '../references/resolve.ts'

/** A section reference found in a run, and what it resolves to. */
export interface AnalyzedSectionRef {
  run: TextRun
  ref: SectionRefMatch
  resolution: SectionResolution
}

/** True for any name that refers to a configured document (found or ambiguous). */
export function createIsDocumentName(index: DocIndex): (candidate: string) => boolean {
  return (candidate) => findDocument(index, candidate).status !== 'missing'
}

/**
 * Finds and resolves every section reference in the runs of one document,
 * with the context the field guide's rules need: document names in the same
 * run (rule 1), the document the enclosing list or table names (rule 2), and
 * the neighbouring table cell as a title hint (rule 3). Pure: the plugin turns
 * the result into links and messages, the citation index into counts.
 */
export function analyzeSectionRefs(
  runs: TextRun[],
  index: DocIndex,
  _document?: DocumentInfo,
): AnalyzedSectionRef[] {
  const isDocumentName = createIsDocumentName(index)
  const analyzed: AnalyzedSectionRef[] = []
  for (const run of runs) {
    if (!run.text.includes('§')) continue
    const cellHint = findCellHint(run)
    const refs = findSectionRefs(run.text, { isDocumentName, ...(cellHint ? { cellHint } : {}) })
    if (refs.length === 0) continue
    const listDocument = findListDocument(run, isDocumentName)
    for (const ref of refs) {
      // `## §7 Functional Requirements`: a heading's own number, not a reference.
      if (run.container.type === 'heading' && run.text.slice(0, ref.start).trim() === '') continue
      const insideLink = run.pieces.some(
        (piece) => !piece.linkable && piece.start <= ref.start && ref.start < piece.end,
      )
      if (insideLink) continue
      const resolution = resolveSectionRef(ref, listDocument ? { listDocument } : {}, index)
      analyzed.push({ run, ref, resolution })
    }
  }
  return analyzed
}
