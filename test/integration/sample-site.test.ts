import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadHandbookConfig } from '../../plugins/config/load.ts'
import { findSourceFiles } from '../../plugins/doc-index/sources.ts'
import {
  buildSite,
  projectRoot,
  readPages,
  sourceOf,
  type BuildResult,
} from './helpers/build-site.ts'
import { attribute, idsOf, parsePage, selectAll, toString, type Root } from './helpers/html.ts'

// One real build of the sample handbook; every test below reads its output.
const contentRoot = join(projectRoot, 'content')
let build: BuildResult
let pages: Map<string, Root>

beforeAll(() => {
  build = buildSite(mkdtempSync(join(tmpdir(), 'handbook-sample-')))
  pages = new Map([...readPages(build.outDir)].map(([route, html]) => [route, parsePage(html)]))
})

/** The page and element a site-relative URL points at. */
function resolveUrl(href: string): { route: string; id?: string } {
  const [path = '', hash] = href.split('#')
  return { route: path.replace(/^\/|\/$/g, ''), ...(hash ? { id: decodeURIComponent(hash) } : {}) }
}

describe('the sample handbook build', () => {
  test('succeeds and prints the handbook report', () => {
    expect(build.status, build.output).toBe(0)
    expect(build.output).toContain('Handbook report')
  })

  test('renders one page per configured file, each naming its source', () => {
    const { files } = findSourceFiles(contentRoot, loadHandbookConfig(contentRoot))
    const sources = [...pages.values()]
      .map((tree) => selectAll('meta[name="handbook:source"]', tree)[0])
      .filter((meta) => meta !== undefined)
      .map((meta) => attribute(meta, 'content'))
    expect(sources.sort()).toEqual(files.map((file) => file.path).sort())
  })

  test('every generated link lands on a page and an id that exist', () => {
    const broken: string[] = []
    for (const [route, tree] of pages) {
      for (const link of selectAll('a.hb-ref, .hb-backlinks a', tree)) {
        const href = attribute(link, 'href') ?? ''
        const target = resolveUrl(href)
        const page = pages.get(target.route)
        if (!page || (target.id && !idsOf(page).has(target.id))) broken.push(`${route}: ${href}`)
      }
    }
    expect(broken).toEqual([])
  })

  test('links between repository files point at pages', () => {
    const readme = pages.get('readme')!
    const hrefs = selectAll('.sl-markdown-content a', readme).map(
      (link) => attribute(link, 'href') ?? '',
    )
    expect(hrefs.filter((href) => /\.(md|MD)(#|$)/.test(href))).toEqual([])
    expect(hrefs).toContain('/engineering-sop/#4-error-handling-policy')
  })
})

describe('requirement IDs', () => {
  test('every mention links to an element whose text defines that ID', () => {
    const wrong: string[] = []
    let count = 0
    for (const [route, tree] of pages) {
      for (const link of selectAll('a.hb-ref--requirement', tree)) {
        count++
        const id = attribute(link, 'dataRequirement')!
        const target = resolveUrl(attribute(link, 'href') ?? '')
        const element =
          pages.get(target.route) && selectAll(`[id="${target.id}"]`, pages.get(target.route)!)[0]
        const text = element
          ? toString(element)
              .replace(/[\u2010-\u2013\u2212]/g, '-')
              .trim()
          : ''
        if (!text.replace(/^\[/, '').startsWith(id))
          wrong.push(`${route}: ${id} → ${target.route}#${target.id}`)
      }
    }
    expect(count).toBeGreaterThan(50)
    expect(wrong).toEqual([])
  })

  test('every definition shows where it is cited and what implements it', () => {
    const definitions = selectAll('.hb-requirement', pages.get('requirements')!)
    expect(definitions.length).toBeGreaterThanOrEqual(45)
    for (const definition of definitions) {
      expect(toString(definition), attribute(definition, 'id')).toMatch(
        /Cited in: .*Implemented by: /s,
      )
    }
    const nodeRegistry = selectAll('#cld-req-020 .hb-backlinks a', pages.get('requirements')!)
    expect(nodeRegistry.map((link) => attribute(link, 'href'))).toContain(
      '/docs/design/cld-req-020-node-registry/',
    )
  })

  test('an ID pasted with non-breaking hyphens is defined and linked', () => {
    expect(selectAll('#cld-req-024', pages.get('requirements')!)).toHaveLength(1)
  })

  test('a longer identifier that starts with an ID is not linked', () => {
    const links = selectAll('a.hb-ref--requirement', pages.get('requirements')!)
    const texts = links.map((link) => toString(link))
    expect(texts).not.toContain('CLD-REQ-023-TC-004')
    expect(toString(pages.get('requirements')!)).toContain('CLD-REQ-023-TC-004')
  })

  test('the unknown ID is reported with file, line and column, and not linked', () => {
    expect(build.output).toMatch(
      /Requirements\.MD:\d+:\d+ +warning +Unexpected requirement `CLD-REQ-099`.* handbook:unknown-requirement/,
    )
    for (const tree of pages.values()) {
      expect(selectAll('a[data-requirement="CLD-REQ-099"]', tree)).toEqual([])
    }
  })
})
