import { unlinkedSectionRuleIds } from '../../core/references/resolve.ts'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { rehypeHeadingIds } from '@astrojs/markdown-remark'
import fc from 'fast-check'
import type { Element, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString as hastToString } from 'hast-util-to-string'
import type { FootnoteDefinition, InlineCode, Root, Table, TableCell, TableRow, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import remarkSmartypants from 'remark-smartypants'
import { unified, type PluggableList } from 'unified'
import { VFile } from 'vfile'
import { beforeAll, describe, expect, test } from 'vitest'
import type { DocIndex, DocumentKind } from '../../core/documents/types.ts'
import { createHandbook, type Handbook } from '../../integration/create-handbook.ts'
import { createIndexStore } from '../../io/index-store.ts'
import { remarkRequirementLinks } from '../../plugins/remark-requirement-links/index.ts'
import { findDefiningContainers } from '../../core/requirements/definitions.ts'
import { createRequirementMatcher } from '../../core/requirements/patterns.ts'
import { createIsDocumentName } from '../../core/documents/names.ts'
import { isReferenceOnly } from '../../core/analysis/analyze-page.ts'
import { remarkReferenceLinks } from '../../plugins/remark-reference-links/index.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { toPageData, type PageData } from '../../core/page-data.ts'
import { collectTextRuns, type TextRun } from '../../core/markdown/text-runs.ts'
import { frontmatter, fuzzHandbookFiles, hostileDocument } from './helpers/arbitraries.ts'

/**
 * Property tests of the whole markdown pipeline (field guide, issue 9):
 * random and mutated handbook markdown goes through remark-parse, GFM,
 * smartypants, every remark plugin of `createHandbook`, remark-rehype,
 * Astro's own heading ids, every rehype plugin and rehype-stringify, as a
 * page renders in the build. Seeded: `FUZZ_SEED=<n>` replays a run,
 * `FUZZ_RUNS=<n>` scales the number of cases.
 */
const seed = Number(process.env.FUZZ_SEED ?? 9_2026)
const scale = Number(process.env.FUZZ_RUNS ?? 1)
const runs = (count: number) => Math.max(1, Math.round(count * scale))

/** Rules a `§` reference that is not linked is reported under (info `ignored-section` included). */
const sectionRules = new Set(unlinkedSectionRuleIds)
const requirementRules = new Set([
  'unknown-requirement',
  'ambiguous-requirement',
  'unlinkable-requirement',
])

interface Point {
  line: number
  column: number
}

interface Rendered {
  /** The parsed markdown before our plugins (GFM and smartypants applied): the oracle reads it. */
  source: Root
  html: string
  hast: HastRoot
  messages: Array<{ rule: string; line?: number; column?: number; reason: string }>
}

function createProcessor(remarkPlugins: PluggableList, rehypePlugins: PluggableList) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      // smartypants runs in render(), before the oracle's copy of the tree is taken.
      .use(remarkPlugins)
      .use(remarkRehype)
      .use(rehypePlugins)
      .use(rehypeHeadingIds)
      .use(rehypeStringify)
  )
}

type Processor = ReturnType<typeof createProcessor>

/** The transform Astro runs between the parse and our plugins (the build's own order). */
const smartypants = unified().use(remarkSmartypants)

/** Renders a body as the build does: after one newline, with the page data in the frontmatter. */
async function render(processor: Processor, body: string, page: PageData): Promise<Rendered> {
  const file = new VFile({
    path: page.path,
    value: `\n${body}`,
    data: { astro: { frontmatter: { handbook: page } } },
  })
  const parsed = smartypants.runSync(processor.parse(file), file) as Root
  const source = structuredClone(parsed)
  const hast = (await processor.run(parsed, file)) as HastRoot
  const html = String(processor.stringify(hast, file))
  const messages = file.messages
    .filter((message) => message.source === messageSource)
    .map((message) => ({
      rule: message.ruleId ?? '',
      ...(message.line ? { line: message.line } : {}),
      ...(message.column ? { column: message.column } : {}),
      reason: message.reason,
    }))
  return { source, html, hast, messages }
}

/** Where character `index` of a text node is in the source, as the plugins compute it. */
function pointInText(node: Text | InlineCode, index: number): Point | undefined {
  const start = node.position?.start
  if (!start) return undefined
  const before = node.value.slice(0, index)
  const newline = before.lastIndexOf('\n')
  if (newline === -1) return { line: start.line, column: start.column + index }
  return { line: start.line + before.split('\n').length - 1, column: index - newline }
}

/** The point of a run offset, from the text piece that holds the character. */
function pointOfCharacter(run: TextRun, offset: number): { point?: Point; linkable: boolean } {
  const piece = run.pieces.find((candidate) => candidate.start <= offset && offset < candidate.end)
  if (!piece) return { linkable: false }
  const point = pointInText(piece.node, offset - piece.start)
  return { ...(point ? { point } : {}), linkable: piece.linkable }
}

const before = (a: Point, b: Point) => a.line < b.line || (a.line === b.line && a.column < b.column)
const same = (a: Point, b: Point) => a.line === b.line && a.column === b.column

/** Our links, with their source ranges. */
function ourLinks(hast: HastRoot): Array<{ element: Element; start?: Point; end?: Point }> {
  return selectAll('a.hb-ref', hast).map((element) => ({
    element,
    ...(element.position ? { start: element.position.start, end: element.position.end } : {}),
  }))
}

/** `§` signs that begin a reference: a digit, a capital Latin letter or another script after the sign. */
const referenceShapedSign =
  /§+[ \t\u00a0\u2009\u202f]*(?:[0-9A-Z]|(?!\p{Script=Latin})[\p{L}\p{N}])/uy

/**
 * found = linked + reported: every `§` that begins a reference in prose, and
 * every ID-shaped token, is inside one of our links or has a message of a
 * section (or requirement) rule at its place. Signs inside code, HTML or
 * existing links, and a heading's own number (`## §7 …`), are not references.
 */
function findUnaccounted(index: DocIndex, rendered: Rendered, page: PageData): string[] {
  const tree = rendered.source
  // Text the page never shows is not counted: the title heading (it becomes the page
  // title, plain text), a footnote nobody references or defined a second time, and table
  // cells beyond the header's width (GFM drops them, as GitHub does).
  const shownFootnotes = findRenderedFootnotes(tree)
  const isHidden = (run: TextRun) =>
    (run.container.type === 'heading' && run.container.position?.start.line === page.titleLine) ||
    run.ancestors.some(
      (ancestor) =>
        ancestor.type === 'footnoteDefinition' &&
        !shownFootnotes.has(ancestor as FootnoteDefinition),
    ) ||
    (run.container.type === 'tableCell' && isExcessCell(run))
  const matcher = createRequirementMatcher(index.requirementPatterns)
  const defining =
    page.kind === 'requirements' ? findDefiningContainers(tree, matcher) : new Set<unknown>()
  const links = ourLinks(rendered.hast)
  const linked = (point: Point) =>
    links.some(
      (link) => link.start && link.end && !before(point, link.start) && before(point, link.end),
    )
  const reported = (point: Point, rules: Set<string>) =>
    rendered.messages.some(
      (message) =>
        rules.has(message.rule) &&
        message.line !== undefined &&
        same(point, { line: message.line, column: message.column ?? 0 }),
    )
  const problems: string[] = []
  // The runs as the page analysis reads them: document names in code are context, and a
  // code span holding only a reference (`` `SOP §4` ``) is a reference to link or report.
  const isDocumentName = createIsDocumentName(index, page.path)
  const runs = collectTextRuns(tree, {
    keepInlineCode: isDocumentName,
    isReferenceCode: (value) => isReferenceOnly(value, isDocumentName),
  })
  for (const run of runs) {
    if (isHidden(run)) continue
    for (
      let offset = run.text.indexOf('§');
      offset !== -1;
      offset = run.text.indexOf('§', offset + 1)
    ) {
      if (run.text[offset - 1] === '§') continue
      referenceShapedSign.lastIndex = offset
      if (!referenceShapedSign.test(run.text)) continue
      if (run.container.type === 'heading' && run.text.slice(0, offset).trim() === '') continue
      const { point, linkable } = pointOfCharacter(run, offset)
      if (!point || !linkable) continue
      if (!linked(point) && !reported(point, sectionRules)) {
        problems.push(
          `\`${run.text.slice(offset, offset + 24)}\` at ${point.line}:${point.column} is neither linked nor reported`,
        )
      }
    }
  }
  for (const run of runs) {
    if (isHidden(run)) continue
    for (const [position, mention] of matcher.findMentions(run.text).entries()) {
      // The ID that begins a definition is the anchor, not a mention.
      if (position === 0 && defining.has(run.container)) continue
      const inLink = run.pieces.some(
        (piece) => !piece.linkable && piece.start <= mention.start && mention.end <= piece.end,
      )
      if (inLink) continue
      const { point } = pointOfCharacter(run, mention.start)
      if (!point) continue
      if (!linked(point) && !reported(point, requirementRules)) {
        problems.push(
          `\`${mention.id}\` at ${point.line}:${point.column} is neither linked nor reported`,
        )
      }
    }
  }
  return problems
}

/**
 * The footnote definitions remark-rehype renders: the first definition of
 * each label referenced from the text, then of those referenced from a
 * rendered footnote, and so on.
 */
function findRenderedFootnotes(tree: Root): Set<FootnoteDefinition> {
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  const rendered = new Set<FootnoteDefinition>()
  const queue: Array<Root | FootnoteDefinition> = [tree]
  while (queue.length > 0) {
    visit(queue.pop()!, (node) => {
      if (node.type === 'footnoteDefinition') return 'skip'
      const definition =
        node.type === 'footnoteReference' ? definitions.get(node.identifier) : undefined
      if (definition && !rendered.has(definition)) {
        rendered.add(definition)
        queue.push({ ...definition, type: 'root' } as unknown as Root)
      }
      return undefined
    })
  }
  return rendered
}

/** A cell beyond the number of columns its table's header row has. */
function isExcessCell(run: TextRun): boolean {
  const row = run.ancestors.at(-1) as TableRow | undefined
  const table = run.ancestors.at(-2) as Table | undefined
  if (row?.type !== 'tableRow' || table?.type !== 'table') return false
  return (
    row.children.indexOf(run.container as TableCell) >= (table.children[0]?.children.length ?? 0)
  )
}

/** Every generated link lands on a document route and on a heading id or requirement anchor it has. */
function findBrokenLinks(index: DocIndex, rendered: Rendered, base = '/'): string[] {
  const problems: string[] = []
  const byUrl = new Map(index.documents.map((document) => [`${base}${document.route}/`, document]))
  for (const { element } of ourLinks(rendered.hast)) {
    const href = String(element.properties.href ?? '')
    const classes = (element.properties.className as string[] | undefined) ?? []
    const [path = '', fragment] = href.split('#')
    if (classes.includes('hb-ref--requirement-list')) {
      if (href !== `${base}traceability/`) problems.push(`wildcard link to ${href}`)
      continue
    }
    const document = byUrl.get(path)
    if (!document || fragment === undefined) {
      problems.push(`link to ${href}: no such page or no fragment`)
      continue
    }
    const id = decodeURIComponent(fragment)
    const ids = new Set([
      ...document.headings.map((heading) => heading.id),
      ...[...index.requirements.values()]
        .filter((requirement) => requirement.document === document.path)
        .map((requirement) => requirement.anchor),
    ])
    if (!ids.has(id)) problems.push(`link to ${href}: ${document.path} has no id \`${id}\``)
  }
  return problems
}

/**
 * Attributes survive serialisation: parsing the HTML again gives every link
 * the same title, href and data attributes (quotes, `<` and `&` from heading
 * text are escaped, not interpreted).
 */
function findMangledAttributes(rendered: Rendered): string[] {
  const reparsed = selectAll('a.hb-ref', fromHtml(rendered.html, { fragment: true }))
  const original = ourLinks(rendered.hast).map(({ element }) => element)
  if (reparsed.length !== original.length) {
    return [`${original.length} links rendered, ${reparsed.length} after parsing the HTML again`]
  }
  const problems: string[] = []
  original.forEach((element, position) => {
    const again = reparsed[position]!
    for (const name of ['href', 'title', 'dataDoc', 'dataSection', 'dataRequirement']) {
      const a = element.properties[name]
      const b = again.properties[name]
      if (a !== undefined && String(a) !== String(b)) {
        problems.push(`${name} ${JSON.stringify(a)} reads back as ${JSON.stringify(b)}`)
      }
    }
  })
  return problems
}

/** The page's text without the hidden preview data (which exists only when there are links). */
function textContent(hast: HastRoot): string {
  const clone = structuredClone(hast)
  const strip = (node: HastRoot | Element) => {
    node.children = node.children.filter(
      (child) =>
        child.type !== 'element' ||
        !((child.properties.className as string[] | undefined) ?? []).includes('hb-previews'),
    )
    for (const child of node.children) if (child.type === 'element') strip(child)
  }
  strip(clone)
  return hastToString(clone)
}

let contentRoot: string
let handbook: Handbook
let index: DocIndex
let full: Processor
let withoutLinks: Processor

beforeAll(() => {
  contentRoot = mkdtempSync(join(tmpdir(), 'handbook-fuzz-'))
  // The page the fuzzed bodies render as is a document of the index, as every page of a
  // build is (the link plugin analyses only documents it knows); its indexed text is empty.
  const config = JSON.parse(fuzzHandbookFiles['handbook.config.json']!) as {
    documents: Array<{ kind: string; include: string[] }>
  }
  config.documents.push({ kind: 'guide', include: [guidePage.path] })
  const files = {
    ...fuzzHandbookFiles,
    'handbook.config.json': JSON.stringify(config),
    [guidePage.path]: '',
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentRoot, name)), { recursive: true })
    writeFileSync(join(contentRoot, name), text)
  }
  handbook = createHandbook({ contentRoot })
  index = handbook.store.get().index
  const remark = handbook.remarkPlugins as PluggableList
  const rehype = handbook.rehypePlugins as PluggableList
  full = createProcessor(remark, rehype)
  withoutLinks = createProcessor(
    (handbook.remarkPlugins as [unknown, unknown][]).filter(
      ([plugin]) => plugin !== remarkReferenceLinks && plugin !== remarkRequirementLinks,
    ) as PluggableList,
    rehype,
  )
  console.log(`property-pipeline: seed ${seed} (FUZZ_SEED=${seed} replays it)`)
})

/** The page of the fuzz handbook that fuzzed bodies render as (indexed with an empty body). */
const guidePage: PageData = {
  path: 'notes/FUZZ.md',
  route: 'notes/fuzz',
  kind: 'guide',
  lineOffset: -1,
}

/** Runs a seeded property and prints how many cases took how long. */
async function check<T extends unknown[]>(
  name: string,
  numRuns: number,
  property: fc.IAsyncProperty<T>,
) {
  const started = performance.now()
  await fc.assert(property, { seed, numRuns })
  console.log(`${name}: ${numRuns} cases in ${Math.round(performance.now() - started)} ms`)
}

/** What is wrong with a page of the fuzz handbook that is not in its index. */
async function checkPage(body: string): Promise<string[]> {
  const rendered = await render(full, body, guidePage)
  return [
    ...findUnaccounted(index, rendered, guidePage),
    ...findBrokenLinks(index, rendered),
    ...findMangledAttributes(rendered),
  ]
}

/** What is wrong with a document of the given kind indexed with the fuzz handbook and rendered. */
async function checkInIndex(head: string, body: string, kind: DocumentKind): Promise<string[]> {
  writeFileSync(join(contentRoot, 'FUZZ.md'), `${head}${body}`)
  const store = createIndexStore(contentRoot, {
    ...handbook.config,
    documents: [...handbook.config.documents, { kind, include: ['FUZZ.md'] }],
  })
  const built = store.get()
  const source = built.sources.get('FUZZ.md')
  if (!source) {
    // Only a NUL byte keeps a matched file out of the index, and that is reported.
    const reported = built.problems.some((problem) => problem.ruleId === 'binary-file')
    return reported ? [] : ['FUZZ.md is missing from the index, and nothing says why']
  }
  const page = toPageData(source)
  const withStore = (plugins: unknown[]) =>
    (plugins as [unknown, Record<string, unknown>][]).map(([plugin, options]) => [
      plugin,
      'store' in options ? { ...options, store } : options,
    ]) as PluggableList
  const rendered = await render(
    createProcessor(withStore(handbook.remarkPlugins), withStore(handbook.rehypePlugins)),
    source.body,
    page,
  )
  const document = built.index.documentsByPath.get('FUZZ.md')!
  const problems = [
    ...findBrokenLinks(built.index, rendered),
    ...findUnaccounted(built.index, rendered, page),
  ]
  // remark-rehype's own `Footnotes` heading is not the author's. An opening heading that
  // restates the page title is not shown again but leaves an anchor with its id
  // (remarkDocumentPage), so links to it still land.
  const headingIds = selectAll('h1, h2, h3, h4, h5, h6, span.hb-anchor', rendered.hast)
    .map((element) => String(element.properties.id))
    .filter((id) => id !== 'footnote-label')
  const expected = document.headings.map((heading) => heading.id)
  if (JSON.stringify(headingIds) !== JSON.stringify(expected)) {
    problems.push(
      `page heading ids ${JSON.stringify(headingIds)}, index ${JSON.stringify(expected)}`,
    )
  }
  const pageIds = new Set(
    selectAll('[id]', rendered.hast).map((element) => String(element.properties.id)),
  )
  for (const requirement of built.index.requirements.values()) {
    // `_top` is Starlight's page title, where a definition that is the title heading lands.
    const anchored = requirement.anchor === '_top' || pageIds.has(requirement.anchor)
    if (requirement.document === 'FUZZ.md' && !anchored) {
      problems.push(`definition of ${requirement.id} has no element with id ${requirement.anchor}`)
    }
  }
  return problems
}

describe('any markdown through the whole pipeline', () => {
  test('never throws; every § and ID is linked or reported; links land; attributes escape', async () => {
    await check(
      'linked or reported',
      runs(3000),
      fc.asyncProperty(hostileDocument, async (body) => {
        expect(await checkPage(body)).toEqual([])
      }),
    )
  }, 600_000)

  test('the text outside our links is unchanged, and a second run gives the same output', async () => {
    await check(
      'text unchanged, deterministic',
      runs(600),
      fc.asyncProperty(hostileDocument, async (body) => {
        const first = await render(full, body, guidePage)
        const plain = await render(withoutLinks, body, guidePage)
        expect(textContent(first.hast)).toBe(textContent(plain.hast))
        const second = await render(full, body, guidePage)
        expect(second.html).toBe(first.html)
        expect(second.messages).toEqual(first.messages)
      }),
    )
  }, 600_000)
})

describe('any document inside the index it is rendered against', () => {
  test('indexing never throws, and the page has exactly the ids the index gives its headings and definitions', async () => {
    await check(
      'inside the index',
      runs(400),
      fc.asyncProperty(
        frontmatter,
        hostileDocument,
        fc.constantFrom<DocumentKind>('requirements', 'sop', 'guide'),
        async (head, body, kind) => {
          expect(await checkInIndex(head, body, kind)).toEqual([])
        },
      ),
    )
  }, 600_000)
})

/** Counterexamples fuzzing found, each fixed in plugins/; kept so they stay fixed. */
describe('counterexamples found by fuzzing', () => {
  test.each([
    // A message placed on the `**` before an ID or `§` that starts a formatted piece (pointInRun).
    ['\uFEFF| § 1.1 |\n| --- |\n| CLD-REQ-020 |\n| see CLD-REQ-000 |\n| **CLD-REQ-000** § 1.1 |'],
    ['- see **§2026**: CLD-REQ-000'],
    // The end of a reversed range was neither linked nor reported.
    ['| CLD-REQ-000 |\n| --- |\n| §1.1–§1 |'],
    // `§1CLD`, `§B.1CLD`, `§11_x`: shaped like a number, dropped without a word.
    ['- § 1 §1 and §1CLD-REQ-000'],
    ['§Z, §1.5 §B.1CLD−REQ‑103 requirements.md §24 (Vision)'],
    ['§25, §11_engineering_sop.md_ (§16) standards'],
    // A placeholder `[…]` swallowed the `§1` inside it.
    ['ENGINEERING_SOP.md §A (Vision), §3.1 (Goals) § [(§1)][ref]'],
    // An ID split by formatting was dropped without a word.
    ['See CLD-REQ-**020** and CLD-[REQ-021](https://example.com).'],
  ])('%j', async (body) => {
    expect(await checkPage(body)).toEqual([])
  })

  test('`§5.2b` is reported, never linked to §5', async () => {
    const rendered = await render(full, 'See §5.2b and §B.2x.', guidePage)
    expect(ourLinks(rendered.hast)).toEqual([])
    expect(rendered.messages.map((message) => message.rule)).toEqual([
      'unknown-section',
      'unknown-section',
    ])
  })

  test.each<[string, string, DocumentKind]>([
    // A BOM after the frontmatter: the index read a fence, the page a heading.
    ['---\ntitle: "Quoted: fine"\n---\n', '\uFEFF```\n--  \n **CLD-REQ-000**\n```', 'requirements'],
    // A second definition heading got the first one's anchor in the index only.
    ['---\nname: tech-lead\n---\n', '# CLD-REQ-050: **§A–§A**', 'requirements'],
    // A heading with `[text][ref]`: the index slugged it without the definition.
    ['', '[ref]: https://example.com "§5 title"\n\n# [§1.1, §3.1][ref] see', 'requirements'],
    // A definition that is the page title: its anchor is the title, `_top`.
    ['', '# CLD-REQ-099: A definition as the title\n\nText citing CLD-REQ-099.', 'requirements'],
    // Unreferenced footnotes and cells past the header are not shown (GFM), so not counted.
    ['', '[^1]: A footnote citing §5.2 and CLD-REQ-020.\n\n| a |\n| - |\n| b | §3.1 |', 'sop'],
    ['', '[^1]: Cites §5.2.\n\n[^1]: Cites CLD-REQ-020 again.\n\nSee[^1].', 'sop'],
  ])('%j %j (%s)', async (head, body, kind) => {
    expect(await checkInIndex(head, body, kind)).toEqual([])
  })
})
