import type { DocIndex, DocumentInfo } from '../doc-index/types.ts'
import type { TextRun } from '../shared/text-runs.ts'

// Placeholder until the parser lands.
export function analyzeSectionRefs(
  _runs: TextRun[],
  _index: DocIndex,
  _document: DocumentInfo,
): Array<{
  run: TextRun
  ref: { start: number; end: number }
  resolution:
    { status: 'resolved'; document: DocumentInfo; heading: { id: string } } | { status: 'other' }
}> {
  return []
}
