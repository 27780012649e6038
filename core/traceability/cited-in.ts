import type { CitedBy } from '../analysis/citations.ts'

/** Citations of one requirement by one document: its sections in first-seen order and the total count. */
export interface DocumentCitations {
  /** Path of the citing document. */
  document: string
  title: string
  route: string
  sections: { section: string; sectionId?: string; count: number }[]
  count: number
}

/**
 * Folds per-section citations into one entry per citing document, so a list
 * reads "Node Registry §6, §7 (3×)" instead of repeating the title.
 */
export function groupCitedByDocument(citedBy: readonly CitedBy[]): DocumentCitations[] {
  const groups = new Map<string, DocumentCitations>()
  for (const place of citedBy) {
    const group = groups.get(place.document) ?? {
      document: place.document,
      title: place.title,
      route: place.route,
      sections: [],
      count: 0,
    }
    group.count += place.count
    if (place.section) {
      group.sections.push({
        section: place.section,
        ...(place.sectionId ? { sectionId: place.sectionId } : {}),
        count: place.count,
      })
    }
    groups.set(place.document, group)
  }
  return [...groups.values()]
}

/** `Cited 24× in 9 documents`, `Cited once, in Engineer`, or `Not cited anywhere`. */
export function describeCitedIn(groups: readonly DocumentCitations[]): string {
  const total = groups.reduce((sum, group) => sum + group.count, 0)
  if (total === 0) return 'Not cited anywhere'
  const times = total === 1 ? 'once' : `${total}×`
  if (groups.length === 1) return `Cited ${times}, in ${groups[0]!.title}`
  return `Cited ${times} in ${groups.length} documents`
}
