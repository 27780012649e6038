import { describe, expect, test } from 'vitest'
import { documentKinds } from '../../core/config/schema.ts'
import { toRoute } from '../../core/documents/describe.ts'
import {
  isWindowedKind,
  kindIndexFolder,
  kindIndexLabel,
  kindIndexRoute,
  selectSidebarWindow,
  windowKindLinks,
  type SidebarWindowOptions,
} from '../../core/navigation/sidebar-window.ts'

const options: SidebarWindowOptions = { threshold: 30, before: 5, after: 5 }

describe('selectSidebarWindow', () => {
  test.each([
    // count, current, [start, end)
    ['an empty kind', 0, undefined, [0, 0]],
    ['a small kind, page of another kind', 3, undefined, [0, 3]],
    ['a small kind, its first page', 3, 0, [0, 3]],
    ['a kind at the threshold', 30, 17, [0, 30]],
    ['a kind just above it, page of another kind', 31, undefined, [0, 0]],
    ['the first page', 200, 0, [0, 11]],
    ['the third page', 200, 2, [0, 11]],
    ['the sixth page: 5 before it', 200, 5, [0, 11]],
    ['the seventh page: the window moves', 200, 6, [1, 12]],
    ['a page in the middle', 200, 100, [95, 106]],
    ['the sixth page from the end', 200, 194, [189, 200]],
    ['the third page from the end', 200, 197, [189, 200]],
    ['the last page', 200, 199, [189, 200]],
    ['a position out of range, as no page', 200, 200, [0, 0]],
    ['a negative position, as no page', 200, -1, [0, 0]],
  ] as const)('%s (%i documents, page %s)', (_name, count, current, [start, end]) => {
    expect(selectSidebarWindow(count, current, options)).toEqual({ start, end })
  })

  test.each([
    // threshold, before, after, count, current, [start, end)
    [2, 1, 1, 3, 2, [0, 3]],
    [2, 1, 1, 5, 2, [1, 4]],
    [2, 0, 0, 5, 4, [4, 5]],
    [2, 3, 1, 5, 4, [0, 5]],
    [10, 10, 10, 12, 6, [0, 12]],
  ] as const)(
    'threshold %i, %i before and %i after, %i documents, page %i',
    (threshold, before, after, count, current, [start, end]) => {
      expect(selectSidebarWindow(count, current, { threshold, before, after })).toEqual({
        start,
        end,
      })
    },
  )

  test('a windowed kind shows the same number of documents on every one of its pages', () => {
    for (const count of [31, 100, 200, 1000]) {
      for (let current = 0; current < count; current++) {
        const { start, end } = selectSidebarWindow(count, current, options)
        expect(end - start).toBe(11)
        expect(current).toBeGreaterThanOrEqual(start)
        expect(current).toBeLessThan(end)
      }
    }
  })
})

describe('windowKindLinks', () => {
  const links = (count: number, current?: number) =>
    Array.from({ length: count }, (_, index) => ({ id: index, isCurrent: index === current }))
  const ids = (list: { id: number }[]) => list.map((link) => link.id)

  test.each([
    ['a small kind is left as it is', 4, 1, false, [0, 1, 2, 3]],
    ['a small kind on a page of another kind', 4, undefined, false, [0, 1, 2, 3]],
    [
      'a large kind: the window around the current link',
      40,
      20,
      true,
      [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25],
    ],
    ['a large kind at its start', 40, 0, true, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['a large kind at its end', 40, 39, true, [29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]],
    ['a large kind on a page of another kind: no document', 40, undefined, true, []],
  ] as const)('%s', (_name, count, current, windowed, expected) => {
    const result = windowKindLinks(links(count, current), options)
    expect(result.windowed).toBe(windowed)
    expect(ids(result.links)).toEqual(expected)
  })

  test('keeps the current mark on the link it was on', () => {
    const result = windowKindLinks(links(100, 50), options)
    expect(result.links.filter((link) => link.isCurrent).map((link) => link.id)).toEqual([50])
  })
})

describe('kind index pages', () => {
  test.each([
    ['design', 412, 'All 412 design documents', '_all/design'],
    ['sop', 31, 'All 31 standards documents', '_all/standards'],
    ['role', 45, 'All 45 role guides', '_all/roles'],
    ['guide', 1, 'All 1 guide', '_all/guides'],
    ['requirements', 40, 'All 40 requirements documents', '_all/requirements'],
  ] as const)('%s', (kind, count, label, route) => {
    expect(kindIndexLabel(kind, count)).toBe(label)
    expect(kindIndexRoute(kind)).toBe(route)
  })

  test('every kind has its own index route', () => {
    const routes = documentKinds.map(kindIndexRoute)
    expect(new Set(routes).size).toBe(documentKinds.length)
  })

  test.each([
    '_all/design.md',
    '_all/Design.md',
    '_all/guides/index.md',
    '__all__/design.md',
    '.all/design.md',
    'all/design.md',
  ])('no document route falls under the index folder: %s', (path) => {
    expect(toRoute(path).startsWith(`${kindIndexFolder}/`)).toBe(false)
  })

  test('the threshold: windowed above it, not at it', () => {
    expect(isWindowedKind(30, options)).toBe(false)
    expect(isWindowedKind(31, options)).toBe(true)
  })
})
