import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildSite, readPages, type BuildResult } from './helpers/build-site.ts'
import { attribute, parsePage, select, selectAll, toString, type Element } from './helpers/html.ts'
import { writeLargeKindCorpus } from './helpers/large-kind-corpus.ts'

/** The sidebar of a built page: its groups' labels and links. */
function readSidebar(html: string) {
  const nav = select('nav.sidebar', parsePage(html))
  if (!nav) throw new Error('no sidebar')
  const links = selectAll('a[href]', nav)
  const groups = selectAll('details', nav).map((group) => ({
    label: toString(select('summary .large', group)!).trim(),
    links: selectAll('a[href]', group).map((link) => ({
      label: toString(link).trim(),
      href: attribute(link, 'href'),
      current: attribute(link as Element, 'ariaCurrent') === 'page',
    })),
  }))
  return { links, groups }
}

// A handbook with a kind of 200 documents, one of 100 and a small one: the sidebar of every
// page is bounded, the same whatever the size of the kind the page belongs to.
describe('the sidebar of a handbook with large kinds', () => {
  let folder: string
  let build: BuildResult
  let pages: Map<string, string>
  let routes: ReturnType<typeof writeLargeKindCorpus>
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'handbook-large-kinds-'))
    const content = join(folder, 'content')
    routes = writeLargeKindCorpus(content, { standards: 3, designs: 200, guides: 100 })
    build = buildSite(join(folder, 'dist'), { HANDBOOK_CONTENT: content })
    pages = readPages(build.outDir)
  })
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  test('the build succeeds', () => {
    expect(build.status, build.output).toBe(0)
  })

  test('a page of the 200-document kind has as many sidebar entries as one of the 100-document kind', () => {
    const sidebarSizes = new Map<string, number>()
    for (const [route, html] of pages) {
      if (html.includes('<nav class="sidebar'))
        sidebarSizes.set(route, readSidebar(html).links.length)
    }
    const counts = (list: string[]) => [...new Set(list.map((route) => sidebarSizes.get(route)))]
    // Start here, 3 standards, the index link and 11 documents of the page's own large kind,
    // the index link of the other, and Reference's two links; on a standard, no window.
    expect(counts(routes.designs)).toEqual([19])
    expect(counts(routes.guides)).toEqual([19])
    expect(counts(routes.standards)).toEqual([8])
    expect(Math.max(...sidebarSizes.values())).toBe(19)
  })

  test.each([
    ['the first design', 'design/design-001', 0],
    ['a design in the middle', 'design/design-100', 99],
    ['the last design', 'design/design-200', 199],
    ['the first guide', 'guides/guide-001', 0],
    ['the last guide', 'guides/guide-100', 99],
  ])('%s: its neighbours, itself marked current, and the index link', (_name, route, position) => {
    const { groups } = readSidebar(pages.get(route)!)
    const ownKind = route.startsWith('design/') ? 'Design' : 'Guides'
    const own = groups.find((group) => group.label === ownKind)!
    const list = ownKind === 'Design' ? routes.designs : routes.guides
    const start = Math.max(0, Math.min(position - 5, list.length - 11))
    expect(own.links[0]).toMatchObject({
      label: ownKind === 'Design' ? 'All 200 design documents' : 'All 100 guides',
      href: ownKind === 'Design' ? '/_all/design/' : '/_all/guides/',
      current: false,
    })
    expect(own.links.slice(1).map((link) => link.href)).toEqual(
      list.slice(start, start + 11).map((documentRoute) => `/${documentRoute}/`),
    )
    expect(own.links.filter((link) => link.current).map((link) => link.href)).toEqual([
      `/${route}/`,
    ])
    // The other large kind: its index link only. The small kind: every document.
    const other = groups.find(
      (group) => group.label === (ownKind === 'Design' ? 'Guides' : 'Design'),
    )!
    expect(other.links.map((link) => link.label)).toEqual([
      ownKind === 'Design' ? 'All 100 guides' : 'All 200 design documents',
    ])
    const standards = groups.find((group) => group.label === 'Standards')!
    expect(standards.links.map((link) => link.href)).toEqual(
      routes.standards.map((documentRoute) => `/${documentRoute}/`),
    )
  })

  test('"previous" and "next" still lead through the whole kind', () => {
    const html = pages.get('design/design-100')!
    const tree = parsePage(html)
    const hrefs = selectAll('.pagination-links a', tree).map((link) => attribute(link, 'href'))
    expect(hrefs).toEqual(['/design/design-099/', '/design/design-101/'])
  })

  test.each([
    ['_all/design', 'designs', 'All 200 design documents'],
    ['_all/guides', 'guides', 'All 100 guides'],
  ] as const)('/%s/ lists every document of the kind, in order', (route, kind, title) => {
    const html = pages.get(route)
    expect(html, `no page at /${route}/`).toBeDefined()
    const tree = parsePage(html!)
    expect(toString(select('h1', tree)!)).toBe(title)
    const items = selectAll('ol[data-kind-index] > li', tree)
    expect(items.map((item) => attribute(select('a', item)!, 'href'))).toEqual(
      routes[kind].map((documentRoute) => `/${documentRoute}/`),
    )
    expect(toString(select('code', items[0]!)!)).toMatch(/^(design|guides)\/\w+-001\.md$/)
    if (kind === 'designs')
      expect(toString(select('.hb-az__description', items[41]!)!)).toBe('How part 042 works.')
    // Its own sidebar link is marked current; left out of the search index.
    const { groups } = readSidebar(html!)
    const current = groups.flatMap((group) => group.links).filter((link) => link.current)
    expect(current).toEqual([{ label: title, href: `/${route}/`, current: true }])
    expect(html).not.toContain('data-pagefind-body')
  })

  test('a small kind has no index page', () => {
    expect(pages.has('_all/standards')).toBe(false)
  })
})
