import type { CitedBy } from '../../core/analysis/citations.ts'

/** Citations of one document: its sections in first-seen order and the total count. */
export interface DocumentCitations {
  title: string
  route: string
  sections: { section: string; sectionId?: string }[]
  count: number
}

/**
 * Folds per-section citations into one entry per citing document, so a
 * table cell reads "Node Registry §6, §7 (3×)" instead of repeating the title.
 */
export function groupByDocument(citedBy: CitedBy[]): DocumentCitations[] {
  const groups = new Map<string, DocumentCitations>()
  for (const place of citedBy) {
    const group = groups.get(place.document) ?? {
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
      })
    }
    groups.set(place.document, group)
  }
  return [...groups.values()]
}
