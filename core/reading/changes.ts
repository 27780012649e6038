import type { DocumentInfo, HeadingInfo } from '../documents/types.ts'
import type { ReadingItem } from './types.ts'

/** A cited section whose content is not what it was when the citing guide last changed. */
export interface SectionChange {
  document: string
  headingId: string
  number?: string
  title: string
  /** `changed`: its text differs; `added`: the section (or its document) did not exist then. */
  change: 'changed' | 'added'
}

/**
 * Compares each cited section with the same section in an earlier version of
 * its document (the version at the citing guide's last change). The same
 * section is the heading with the same number, else, for an unnumbered one,
 * the same title (any case), else the same id; its content is compared by
 * fingerprint, which includes its subsections and ignores re-wrapping.
 * `previous` maps a document path to its earlier version, or to undefined
 * when the document did not exist then; a document missing from the map is
 * skipped (nothing known to compare with).
 */
export function findChangedSections(
  cited: readonly ReadingItem[],
  previous: ReadonlyMap<string, DocumentInfo | undefined>,
): SectionChange[] {
  const changes: SectionChange[] = []
  for (const item of cited) {
    if (!previous.has(item.document)) continue
    const before = previous.get(item.document)
    const match = before ? findSameSection(before.headings, item) : undefined
    if (match && match.fingerprint === item.fingerprint) continue
    changes.push({
      document: item.document,
      headingId: item.headingId,
      ...(item.number === undefined ? {} : { number: item.number }),
      title: item.title,
      change: match ? 'changed' : 'added',
    })
  }
  return changes
}

function findSameSection(
  headings: readonly HeadingInfo[],
  item: ReadingItem,
): HeadingInfo | undefined {
  if (item.number !== undefined) {
    const wanted = item.number.toUpperCase()
    return headings.find((heading) => heading.number?.toUpperCase() === wanted)
  }
  const title = item.title.toLowerCase()
  return (
    headings.find(
      (heading) => heading.number === undefined && heading.title.toLowerCase() === title,
    ) ?? headings.find((heading) => heading.id === item.headingId)
  )
}
