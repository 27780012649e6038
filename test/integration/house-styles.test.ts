import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { runCheck } from '../../check/run-check.ts'
import {
  buildSite,
  projectRoot,
  readPages,
  sourceOf,
  type BuildResult,
} from './helpers/build-site.ts'
import {
  attribute,
  idsOf,
  parsePage,
  select,
  selectAll,
  toString,
  type Element,
  type Root,
} from './helpers/html.ts'

/**
 * Two repositories in house styles unlike the sample handbook and unlike each
 * other, built as black boxes against the field guide (`/work/shared/spec/references.md`):
 *
 * - numbered-spec: an architecture spec (`ARCH.md`) numbered `§0 —`, `4 ·`,
 *   `5a ·`, with `T3 —` subsections; decisions defined as bold list items and
 *   headings (`**ADR-3 · …**`, `### ADR-12 · …`); a guide whose list-numbered
 *   headings sit under an unnumbered one; a conformance checklist of `### §4:`
 *   headings under `## Conformance (ARCH.md)`.
 * - spec-driven: one folder per feature, each with the same file names
 *   (spec, plan, research, tasks, contracts/api.md) and its own `FR-001`…
 *
 * Each repository's `expected.json` lists every link its authors meant
 * (file, line, text as written, target document and anchor) and every
 * finding planted on purpose. Everything else must resolve without a word.
 */

interface ExpectedLink {
  file: string
  line: number
  text: string
  doc: string
  heading: string
}

interface ExpectedFinding {
  rule: string
  file: string
  line: number
  text: string
}

interface Expected {
  links: ExpectedLink[]
  findings: ExpectedFinding[]
}

const repositories = join(projectRoot, 'test/fixtures/repositories')

/** Every markdown file of a repository, relative to its root: all of them are configured. */
function markdownFiles(root: string): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.md$/i.test(name)) found.push(relative(root, path).split('\\').join('/'))
    }
  }
  walk(root)
  return found.sort()
}

/** The page and element a site-relative URL points at. */
function resolveUrl(href: string): { route: string; id?: string } {
  const [path = '', hash] = href.split('#')
  return { route: path.replace(/^\/|\/$/g, ''), ...(hash ? { id: decodeURIComponent(hash) } : {}) }
}

/** Text as the page shows it, with typographic quotes and spaces made plain for comparing. */
function plain(text: string): string {
  return text
    .replace(/[“”„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\u00a0/g, ' ')
    .trim()
}

/**
 * The findings of the handbook report (`npm run check`, the same analysis as the build, which
 * prints only the summary), not info: `rule path:line`.
 */
async function reportedFindings(root: string): Promise<string[]> {
  const result = await runCheck({ contentRoot: root })
  return result.diagnostics
    .filter((diagnostic) => diagnostic.severity !== 'info')
    .map((d) => `${d.ruleId} ${d.file}${d.line ? `:${d.line}` : ''}`)
}

/** One generated link of a page, with whether it sits inside the element it points at. */
interface PageLink {
  element: Element
  text: string
  href: string
  /** A permalink: the link sits inside the element whose id it names, on its own page. */
  selfAnchor: boolean
}

function hbLinks(tree: Root, route: string): PageLink[] {
  const links: PageLink[] = []
  const walk = (node: Root | Root['children'][number], ids: string[]) => {
    if (node.type !== 'element' && node.type !== 'root') return
    let inside = ids
    if (node.type === 'element') {
      const id = attribute(node, 'id')
      if (id) inside = [...ids, id]
      const classes = attribute(node, 'className')?.split(' ') ?? []
      if (node.tagName === 'a' && classes.includes('hb-ref')) {
        const href = attribute(node, 'href') ?? ''
        const target = resolveUrl(href)
        links.push({
          element: node,
          text: plain(toString(node)),
          href,
          selfAnchor:
            target.route === route && target.id !== undefined && inside.includes(target.id),
        })
      }
    }
    for (const child of node.children) walk(child, inside)
  }
  walk(tree, [])
  return links
}

describe.each(['numbered-spec', 'spec-driven'])('the %s repository', (name) => {
  const root = join(repositories, name)
  const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Expected
  const config = JSON.parse(readFileSync(join(root, 'handbook.config.json'), 'utf8')) as {
    requirementPatterns: string[]
  }
  const requirementId = new RegExp(`^(?:${config.requirementPatterns.join('|')})$`)
  const sourceLines = new Map(
    markdownFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8').split('\n')]),
  )

  let build: BuildResult
  let findings: string[]
  let pages: Map<string, Root>
  /** Source path → route. */
  let routes: Map<string, string>

  beforeAll(async () => {
    build = buildSite(mkdtempSync(join(tmpdir(), `handbook-${name}-`)), { HANDBOOK_CONTENT: root })
    findings = await reportedFindings(root)
    const html = readPages(build.outDir)
    pages = new Map([...html].map(([route, text]) => [route, parsePage(text)]))
    routes = new Map()
    for (const [route, text] of html) {
      const source = sourceOf(text)
      if (source !== undefined) routes.set(source, route)
    }
  })

  /** The built page of a source file. */
  function pageOf(file: string): { route: string; tree: Root } | undefined {
    const route = routes.get(file)
    const tree = route === undefined ? undefined : pages.get(route)
    return route === undefined || tree === undefined ? undefined : { route, tree }
  }

  /** Does the source line hold `text` as a whole code span? */
  function writtenAsCode(link: ExpectedLink): boolean {
    return sourceLines.get(link.file)?.[link.line - 1]?.includes(`\`${link.text}\``) ?? false
  }

  /**
   * Pairs every expected link with one link of its page (same text, same
   * target), in order; returns the expected links left without one and the
   * page links that nothing expected.
   */
  function matchLinks(): { missing: string[]; unexpected: string[] } {
    const missing: string[] = []
    const unexpected: string[] = []
    const files = [...new Set(expected.links.map((link) => link.file))]
    for (const file of [...routes.keys()].filter((source) => !files.includes(source))) {
      files.push(file)
    }
    for (const file of files) {
      const page = pageOf(file)
      const wanted = expected.links.filter((link) => link.file === file)
      if (!page) {
        missing.push(...wanted.map((link) => `${file}:${link.line} ${link.text}: no page`))
        continue
      }
      // Permalinks at definitions last: an expected mention must match a mention, not the anchor.
      const pool = hbLinks(page.tree, page.route).sort(
        (a, b) => Number(a.selfAnchor) - Number(b.selfAnchor),
      )
      for (const link of wanted) {
        const targetRoute = routes.get(link.doc)
        const index = pool.findIndex((candidate) => {
          const target = resolveUrl(candidate.href)
          return (
            candidate.text === plain(link.text) &&
            target.route === targetRoute &&
            target.id === link.heading &&
            (!writtenAsCode(link) || select('code', candidate.element) !== undefined)
          )
        })
        if (index === -1) {
          const sameText = pool
            .filter((candidate) => candidate.text === plain(link.text))
            .map((candidate) => candidate.href)
          missing.push(
            `${file}:${link.line} ${link.text} → ${link.doc}#${link.heading}` +
              (sameText.length > 0 ? ` (links with that text go to ${sameText.join(', ')})` : ''),
          )
        } else pool.splice(index, 1)
      }
      for (const extra of pool.filter((candidate) => !candidate.selfAnchor)) {
        unexpected.push(`${file}: ${extra.text} → ${extra.href}`)
      }
    }
    return { missing, unexpected }
  }

  test('builds: the planted findings are warnings', () => {
    expect(build.status, build.output).toBe(0)
  })

  test('renders one page per configured file, each naming its source', () => {
    expect([...routes.keys()].sort()).toEqual(markdownFiles(root))
  })

  test('every expected link exists, with the text as written and the right target', () => {
    expect(matchLinks().missing).toEqual([])
  })

  test('nothing else is linked (a wrong link is worse than none)', () => {
    expect(matchLinks().unexpected).toEqual([])
  })

  test('a reference written as a code span is linked around the code', () => {
    const codeLinks = expected.links.filter(writtenAsCode)
    expect(codeLinks.length).toBeGreaterThan(0)
    const wrong: string[] = []
    for (const link of codeLinks) {
      const page = pageOf(link.file)
      const found = page
        ? hbLinks(page.tree, page.route).some((candidate) => {
            const code = select('code', candidate.element)
            return (
              candidate.text === plain(link.text) &&
              code !== undefined &&
              toString(code) === link.text
            )
          })
        : false
      if (!found) wrong.push(`${link.file}:${link.line} \`${link.text}\``)
    }
    expect(wrong).toEqual([])
  })

  test('every expected target id exists on its page', () => {
    const absent: string[] = []
    for (const link of expected.links) {
      const page = pageOf(link.doc)
      if (!page || !idsOf(page.tree).has(link.heading)) absent.push(`${link.doc}#${link.heading}`)
    }
    expect([...new Set(absent)]).toEqual([])
  })

  test('every generated link lands on a page and an id that exist', () => {
    const broken: string[] = []
    for (const [route, tree] of pages) {
      for (const link of hbLinks(tree, route)) {
        const target = resolveUrl(link.href)
        const page = pages.get(target.route)
        if (!page || (target.id && !idsOf(page).has(target.id))) {
          broken.push(`${route}: ${link.text} → ${link.href}`)
        }
      }
    }
    expect(broken).toEqual([])
  })

  test('the report has exactly the planted findings, and the build counts them', () => {
    const printed = [...new Set(findings)].sort()
    expect(build.output).toContain(
      `${expected.findings.length} warning${expected.findings.length === 1 ? '' : 's'}`,
    )
    const planted = expected.findings.map(
      (finding) => `${finding.rule} ${finding.file}:${finding.line}`,
    )
    expect(printed, build.output).toEqual([...new Set(planted)].sort())
  })

  test('each planted finding is reported once, and its text stays unlinked', () => {
    const printed = findings
    for (const finding of expected.findings) {
      const key = `${finding.rule} ${finding.file}:${finding.line}`
      expect(
        printed.filter((line) => line === key),
        key,
      ).toHaveLength(1)
      const page = pageOf(finding.file)
      expect(page, finding.file).toBeDefined()
      expect(toString(select('main', page!.tree)!)).toContain(finding.text)
      const linked = hbLinks(page!.tree, page!.route).filter((link) => link.text === finding.text)
      expect(linked, key).toEqual([])
    }
  })

  if (name === 'spec-driven') {
    test('requirement links inside a feature folder go to that feature’s spec', () => {
      const wrong: string[] = []
      const counts = new Map<string, number>()
      for (const [source, route] of routes) {
        const feature = /^specs\/[^/]+\//.exec(source)?.[0]
        if (!feature) continue
        const specRoute = routes.get(`${feature}spec.md`)
        for (const link of hbLinks(pages.get(route)!, route)) {
          if (!requirementId.test(link.text.replace(/[\u2010-\u2013\u2212]/g, '-'))) continue
          counts.set(feature, (counts.get(feature) ?? 0) + 1)
          if (resolveUrl(link.href).route !== specRoute) {
            wrong.push(`${source}: ${link.text} → ${link.href}`)
          }
        }
      }
      expect(wrong).toEqual([])
      expect([...counts.keys()].sort()).toEqual(['specs/001-login/', 'specs/002-billing/'])
    })

    test('the title (and so the preview) of each requirement link is its own feature’s text', () => {
      const definitions = new Map<string, string>()
      for (const feature of ['specs/001-login/', 'specs/002-billing/']) {
        for (const line of sourceLines.get(`${feature}spec.md`) ?? []) {
          const definition = /^- \*\*(FR-\d{3})\*\*: (.*)$/.exec(line)
          if (definition) definitions.set(`${feature}${definition[1]}`, definition[2]!)
        }
      }
      const wrong: string[] = []
      for (const [source, route] of routes) {
        const feature = /^specs\/[^/]+\//.exec(source)?.[0]
        if (!feature) continue
        for (const link of hbLinks(pages.get(route)!, route)) {
          const id = /^FR-\d{3}$/.exec(link.text.replace(/[\u2010-\u2013\u2212]/g, '-'))?.[0]
          const text = id && definitions.get(`${feature}${id}`)
          if (!text || link.selfAnchor) continue
          const title = attribute(link.element, 'title') ?? ''
          if (!title.includes(plain(text).slice(0, 30)))
            wrong.push(`${source}: ${id} titled ${title}`)
        }
      }
      expect(definitions.size).toBeGreaterThan(6)
      expect(wrong).toEqual([])
    })

    test('backlinks under a feature’s definition list only the places that mean that feature', () => {
      for (const [feature, other] of [
        ['specs/001-login/', 'specs/002-billing/'],
        ['specs/002-billing/', 'specs/001-login/'],
      ] as const) {
        const page = pageOf(`${feature}spec.md`)!
        const backlinks = selectAll('.hb-backlinks a', page.tree).map(
          (link) => resolveUrl(attribute(link, 'href') ?? '').route,
        )
        expect(backlinks.length, feature).toBeGreaterThan(0)
        const otherRoutes = [...routes].filter(([source]) => source.startsWith(other))
        for (const [, route] of otherRoutes)
          expect(backlinks, `${feature} → ${route}`).not.toContain(route)
      }
    })

    test('the traceability page has one section per feature, with its counts', () => {
      const page = pages.get('traceability')!
      const groups = selectAll('section.hb-trace__group', page).map((group) => ({
        label: toString(select('h2', group)!),
        ids: selectAll('li.hb-trace__item', group).map((item) =>
          attribute(item, 'dataRequirement'),
        ),
        counts: toString(select('.hb-trace__group-counts', group)!),
      }))
      expect(groups.map((group) => group.label)).toEqual(['specs/001-login', 'specs/002-billing'])
      for (const group of groups) {
        expect(group.ids).toContain('FR-001')
        expect(group.counts).toMatch(/^\d+ requirements: \d+ cited nowhere/)
      }
    })
  }
})
