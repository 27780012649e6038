import type { SiteReadingItem, SiteRole } from '../../../core/reading/site-roles.ts'
import { pageUrl } from '../../lib/urls.ts'

/** How an item is written in lists: `§5.2 Channel Discipline`, or the heading text when unnumbered. */
export function itemLabel(item: Pick<SiteReadingItem, 'number' | 'title'>): string {
  return item.number ? `§${item.number} ${item.title}` : item.title
}

/** The URL of an item's section. */
export function itemUrl(item: Pick<SiteReadingItem, 'route' | 'headingId'>): string {
  return pageUrl(item.route, item.headingId)
}

/**
 * A role's items as the progress script reads them from `data-reading-items`:
 * `[key, fingerprint, label, href]`, the label naming the document too.
 */
export function toProgressEntries(role: SiteRole): [string, string, string, string][] {
  return role.reading.flatMap((group) =>
    group.items.map(
      (item) =>
        [item.key, item.fingerprint, `${itemLabel(item)} (${group.title})`, itemUrl(item)] as [
          string,
          string,
          string,
          string,
        ],
    ),
  )
}

/** One stretch of a group's list: items cited one by one, or the items one range expanded to. */
export interface ReadingRun {
  range?: { from: string; to: string }
  items: SiteReadingItem[]
}

/** Splits a group's items into runs, so a range's items can be listed under the range. */
export function toReadingRuns(items: readonly SiteReadingItem[]): ReadingRun[] {
  const runs: ReadingRun[] = []
  for (const item of items) {
    const last = runs.at(-1)
    const sameRange =
      last?.range &&
      item.range &&
      last.range.from === item.range.from &&
      last.range.to === item.range.to
    if (last && (sameRange || (!last.range && !item.range))) last.items.push(item)
    else runs.push({ ...(item.range ? { range: item.range } : {}), items: [item] })
  }
  return runs
}

/** Inline CSS custom properties that carry a role's accent for both themes. */
export function accentStyle(role: Pick<SiteRole, 'accent'>): string {
  return `--hb-role-accent-light: ${role.accent.light}; --hb-role-accent-dark: ${role.accent.dark}`
}

/** `11 sections in 3 documents`, with whole documents counted as documents. */
export function describeReadingSize(role: SiteRole): string {
  const documents = role.reading.length
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  if (documents === 0) return 'No required reading'
  return `${plural(role.sections, 'section')} in ${plural(documents, 'document')}`
}
