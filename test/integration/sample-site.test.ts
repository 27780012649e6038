import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadHandbookConfig } from '../../io/load-config.ts'
import { findSourceFiles } from '../../io/sources.ts'
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
    const page = pages.get('requirements')!
    const definitions = selectAll('.hb-requirement', page)
    expect(definitions.length).toBeGreaterThanOrEqual(45)
    for (const definition of definitions) {
      const id = attribute(definition, 'dataRequirement')
      const backlinks = selectAll(`[data-backlinks-for="${id}"]`, page)
      expect(backlinks, id).toHaveLength(1)
      // What implements it, then where it is cited, collapsed to a count by document.
      expect(toString(backlinks[0]!)).toMatch(
        /^(Implemented by .+|○ No implementing design document) · (Cited .+|⚠ Not cited anywhere)/s,
      )
    }
    const nodeRegistry = selectAll('[data-backlinks-for="CLD-REQ-020"] a', page)
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

describe('section references', () => {
  /** Text of the page body outside code, and outside the links given by `skip`. */
  function proseSigns(tree: Root, skip: string): number {
    const main = selectAll('.sl-markdown-content', tree)[0]
    if (!main) return 0
    let count = 0
    const walk = (node: Root['children'][number] | Root) => {
      if (node.type === 'text') count += (node.value.match(/§/g) ?? []).length
      if (node.type !== 'element' && node.type !== 'root') return
      if (node.type === 'element') {
        if (['code', 'pre', 'script', 'style'].includes(node.tagName)) return
        if (node.tagName === 'a' && selectAll(skip, { type: 'root', children: [node] }).length > 0)
          return
        // A heading's own number (`## §7 Functional Requirements`) is not a reference.
        if (/^h[1-6]$/.test(node.tagName) && toString(node).trim().startsWith('§')) return
      }
      for (const child of node.children) walk(child)
    }
    walk(main)
    return count
  }

  test('found = linked + reported: every § in prose is a link or a diagnostic', async () => {
    const { runCheck } = await import('../../check/run-check.ts')
    const { diagnostics } = await runCheck({ contentRoot })
    const { unlinkedSectionRuleIds } = await import('../../core/references/resolve.ts')
    const sectionRules = new Set(unlinkedSectionRuleIds)
    const { files } = findSourceFiles(contentRoot, loadHandbookConfig(contentRoot))
    for (const file of files) {
      const page = [...pages.values()].find((tree) => {
        const meta = selectAll('meta[name="handbook:source"]', tree)[0]
        return meta !== undefined && attribute(meta, 'content') === file.path
      })!
      const unlinked = proseSigns(page, 'a')
      const reported = diagnostics
        .filter((d) => d.file === file.path && sectionRules.has(d.ruleId))
        .reduce((sum, d) => sum + (/`([^`]*)`/.exec(d.message)?.[1]?.match(/§/g) ?? []).length, 0)
      expect(reported, file.path).toBe(unlinked)
    }
  })

  test('every section link lands on a heading with that number or name', () => {
    const wrong: string[] = []
    let count = 0
    for (const [route, tree] of pages) {
      for (const link of selectAll('a.hb-ref--section', tree)) {
        count++
        const target = resolveUrl(attribute(link, 'href') ?? '')
        const heading = selectAll(`[id="${target.id}"]`, pages.get(target.route)!)[0]
        const section = attribute(link, 'dataSection')!
        const text = heading ? toString(heading) : ''
        const ok =
          heading &&
          /^h[2-6]$/.test(heading.tagName) &&
          text.replace(/^(Appendix |§)/, '').startsWith(section.replace(/^§/, ''))
        if (!ok) wrong.push(`${route}: ${toString(link)} → ${target.route}#${target.id} (${text})`)
      }
    }
    expect(count).toBeGreaterThan(150)
    expect(wrong).toEqual([])
  })

  test.each([
    // [page, link text, target document, section] — the awkward forms of the field guide.
    ['agents/architect', '§4', 'Requirements.MD', '4'], // product tenets (§4): title hint
    ['agents/architect', '§3.1', 'Requirements.MD', '3.1'], // product goals (§3.1)
    ['agents/product-owner', '§17', 'Requirements.MD', '17'], // carried-over document name
    ['agents/engineer', '§Build and Test Commands', 'CONTEXT.md', 'Build and Test Commands'],
    ['agents/engineer', '§7', 'Requirements.MD', '7'], // enclosing reading list names the document
    ['engineering-sop', '22.2', 'ENGINEERING_SOP.md', '22.2'], // §22.1-22.2
    ['engineering-sop', '§§3', 'ENGINEERING_SOP.md', '3'], // §§3-12
    ['engineering-sop', '§A', 'ENGINEERING_SOP.md', 'A'],
    ['engineering-sop', '§B.2', 'ENGINEERING_SOP.md', 'B.2'],
    ['docs/reports/2026-q3-reliability-review', '§7.6', 'Requirements.MD', '7.6'],
    [
      'docs/reports/2026-q3-reliability-review',
      '§Revision History',
      'ENGINEERING_SOP.md',
      'Revision History',
    ],
    ['docs/design/cld-req-041-quota-enforcement', '§4', 'Requirements.MD', '4'],
  ])('%s: %s → %s §%s', (route, text, document, section) => {
    const links = selectAll('a.hb-ref--section', pages.get(route)!).filter(
      (link) => toString(link) === text,
    )
    expect(
      links.map((link) => [attribute(link, 'dataDoc'), attribute(link, 'dataSection')]),
    ).toContainEqual([document, section])
  })

  test.each([
    ['engineering-sop', '§XX'],
    ['engineering-sop', '§N'],
    ['engineering-sop', 'design doc §8'],
    ['engineering-sop', 'RFC’s §4'],
    ['engineering-sop', '§三'],
    ['docs/design/cld-req-041-quota-enforcement', 'paper §2.4'],
  ])('%s: %s stays text', (route, text) => {
    // The words before the sign and the sign itself sit in one text node, outside any link.
    const found: boolean[] = []
    const walk = (node: Root | Root['children'][number], inLink: boolean) => {
      if (node.type === 'text' && node.value.includes(text)) found.push(inLink)
      if (node.type === 'element' || node.type === 'root') {
        const link = node.type === 'element' && node.tagName === 'a'
        for (const child of node.children) walk(child, inLink || link)
      }
    }
    walk(pages.get(route)!, false)
    expect(found).toContain(false)
  })

  test('the stale reference is linked and reported', async () => {
    const { runCheck } = await import('../../check/run-check.ts')
    const stale = (await runCheck({ contentRoot })).diagnostics.filter(
      (diagnostic) => diagnostic.ruleId === 'stale-section-title',
    )
    expect(stale.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(
        /^ENGINEERING_SOP\.md:49:3 Unexpected title `Table-driven tests` beside `§12\.4`.*did you mean `§12\.2`/,
      ),
    ])
    expect(build.output).toMatch(
      /ENGINEERING_SOP\.md:49:3 +warning +Unexpected title `Table-driven tests` beside `§12\.4`.*did you mean `§12\.2`.*handbook:stale-section-title/,
    )
  })

  test('a link names its target in its title, readable without JavaScript', () => {
    const link = selectAll(
      'a.hb-ref--section[data-section="5.2"]',
      pages.get('engineering-sop')!,
    )[0]!
    expect(attribute(link, 'title')).toBe('§5.2 Channel Discipline — ENGINEERING_SOP.md')
  })
})

describe('good and bad code samples', () => {
  /** The verdict of every code block of a page, in order: its wrapper's data-verdict, or none. */
  function verdicts(route: string): string[] {
    const found: string[] = []
    const walk = (node: Root | Root['children'][number], verdict: string) => {
      if (node.type !== 'element' && node.type !== 'root') return
      let current = verdict
      if (node.type === 'element') {
        current = attribute(node, 'dataVerdict') ?? verdict
        // Expressive Code's figures (`figure.frame`), not the role page's collaboration map.
        if (node.tagName === 'figure' && /\bframe\b/.test(String(attribute(node, 'className')))) {
          found.push(current)
          return
        }
      }
      for (const child of node.children) walk(child, current)
    }
    walk(selectAll('.sl-markdown-content', pages.get(route)!)[0]!, 'none')
    return found
  }

  // Written from the sample's own markers, block by block (see content/).
  const expected: Record<string, string> = {
    'engineering-sop':
      'none none good mixed none good none bad good good bad mixed good mixed bad good mixed good ' +
      'mixed bad good bad good good none good bad none mixed bad good none mixed good bad good ' +
      'good mixed good bad mixed none good good none bad mixed mixed bad good none mixed none ' +
      'mixed none none',
    'docs/design/cld-req-020-node-registry': 'good mixed',
    'docs/design/cld-req-041-quota-enforcement': 'mixed none',
    'docs/design/cld-req-063-secrets-rotation': 'good bad none',
    'agents/unit-tester': 'good',
    context: 'none none',
  }

  test.each(Object.entries(expected))(
    '%s: every block has the verdict its markers give',
    (route, list) => {
      expect(verdicts(route)).toEqual(list.split(' '))
    },
  )

  test('a bad block followed by a good one is shown as a pair', () => {
    expect(selectAll('.hb-sample-pair', pages.get('engineering-sop')!).length).toBeGreaterThan(0)
  })

  test('labels say good or bad in words and are left out of search', () => {
    const labels = selectAll('.hb-sample__label', pages.get('engineering-sop')!)
    expect(labels.length).toBeGreaterThan(20)
    for (const label of labels) expect(toString(label)).toMatch(/^[✓✗] \p{L}/u)
    for (const list of selectAll('.hb-sample__labels', pages.get('engineering-sop')!)) {
      expect(attribute(list, 'dataPagefindIgnore')).toBeDefined()
    }
  })
})
