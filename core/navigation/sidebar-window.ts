import type { DocumentKind } from '../config/schema.ts'

/** How the sidebar shortens the group of a kind with many documents. */
export interface SidebarWindowOptions {
  /**
   * A kind with more documents than this is windowed; smaller kinds list every document.
   * @default 30
   */
  threshold: number
  /**
   * Documents listed before the current page (more when it is near the end of its kind).
   * @default 5
   */
  before: number
  /**
   * Documents listed after the current page (more when it is near the start of its kind).
   * @default 5
   */
  after: number
}

/**
 * The window the site uses. Threshold 30: a group of 30 links is about one screen of sidebar,
 * and five such groups are at most 150 links on a page (about 33 KB of HTML at some 170 bytes
 * a link), bounded whatever the size of the handbook. Kinds that small (a few standards, a
 * dozen role guides, the sample handbook's every kind) stay fully listed, which readers scan
 * more easily than a window. Above it, a window of 11 (5 before, 5 after) keeps the pages
 * "previous" and "next" lead to and their neighbours, at a third of the cost of a group of 30.
 */
export const sidebarWindow: SidebarWindowOptions = { threshold: 30, before: 5, after: 5 }

/**
 * First folder of every kind index page. `toRoute` folds `_` to `-` and drops hyphens at the
 * ends of a folder name, so no document's route can start with `_all/`.
 */
export const kindIndexFolder = '_all'

const kindSlugs: Record<DocumentKind, string> = {
  sop: 'standards',
  requirements: 'requirements',
  role: 'roles',
  design: 'design',
  guide: 'guides',
}

const kindNouns: Record<DocumentKind, [singular: string, plural: string]> = {
  sop: ['standards document', 'standards documents'],
  requirements: ['requirements document', 'requirements documents'],
  role: ['role guide', 'role guides'],
  design: ['design document', 'design documents'],
  guide: ['guide', 'guides'],
}

/** Route of a kind's index page, without slashes at the ends: `_all/design`. */
export function kindIndexRoute(kind: DocumentKind): string {
  return `${kindIndexFolder}/${kindSlugs[kind]}`
}

/** The slug of a kind's index page: `kindIndexRoute(kind)` is `_all/<slug>`. */
export function kindIndexSlug(kind: DocumentKind): string {
  return kindSlugs[kind]
}

/** The words for a number of documents of a kind: `412 design documents`, `1 guide`. */
export function countDocuments(kind: DocumentKind, count: number): string {
  const [singular, plural] = kindNouns[kind]
  return `${count} ${count === 1 ? singular : plural}`
}

/** Label of the sidebar link to a kind's index page: `All 412 design documents`. */
export function kindIndexLabel(kind: DocumentKind, count: number): string {
  return `All ${countDocuments(kind, count)}`
}

/** Whether a kind with `count` documents is windowed in the sidebar (and has an index page). */
export function isWindowedKind(
  count: number,
  options: SidebarWindowOptions = sidebarWindow,
): boolean {
  return count > options.threshold
}

/**
 * Which of a kind's `count` documents the sidebar lists, as `[start, end)` in the kind's
 * order. A small kind: all of them. A windowed kind: `before` documents before the current
 * one (`current`, its position) and `after` after it, shifted at either end so the window
 * always has `before + after + 1` documents; none on a page of another kind (`current`
 * undefined), where the group shows only the link to the index page.
 */
export function selectSidebarWindow(
  count: number,
  current: number | undefined,
  options: SidebarWindowOptions = sidebarWindow,
): { start: number; end: number } {
  if (!isWindowedKind(count, options)) return { start: 0, end: count }
  if (current === undefined || current < 0 || current >= count) return { start: 0, end: 0 }
  const size = Math.min(count, options.before + options.after + 1)
  const start = Math.max(0, Math.min(current - options.before, count - size))
  return { start, end: start + size }
}

/**
 * The links of a kind's sidebar group on one page: all of them for a small kind
 * (`windowed: false`, the group stays as it is), else the window around the link marked
 * current (none when no link is current).
 */
export function windowKindLinks<Link extends { isCurrent: boolean }>(
  links: readonly Link[],
  options: SidebarWindowOptions = sidebarWindow,
): { windowed: boolean; links: Link[] } {
  if (!isWindowedKind(links.length, options)) return { windowed: false, links: [...links] }
  const current = links.findIndex((link) => link.isCurrent)
  const { start, end } = selectSidebarWindow(
    links.length,
    current === -1 ? undefined : current,
    options,
  )
  return { windowed: true, links: links.slice(start, end) }
}
