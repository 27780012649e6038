import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { buildSite, readPages, sourceOf, type BuildResult } from './helpers/build-site.ts'
import { attribute, parsePage, select, selectAll, toString, type Root } from './helpers/html.ts'

/**
 * The bad-input catalogue, built (issue 9): two repositories full of broken
 * and hostile input. One holds everything that makes a build untrustworthy:
 * it must fail, its report must name each bad file (and line where there is
 * one), and every other page must still be written. The other holds what
 * only deserves a warning: it must pass, print the warnings, render every
 * page completely, escape everything authors wrote, and not take minutes on
 * a 5 MB file or a 10,000-item list. The unit-level catalogue is in
 * test/fixtures/bad-input/bad-input.test.ts.
 */

/** Writes a content folder: file → text or bytes; a `link:` prefix makes a symbolic link. */
function writeRepository(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-bad-input-'))
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name)
    mkdirSync(dirname(path), { recursive: true })
    if (typeof content === 'string' && content.startsWith('link:')) {
      symlinkSync(content.slice('link:'.length), path)
    } else writeFileSync(path, content)
  }
  return root
}

const outDir = () => mkdtempSync(join(tmpdir(), 'handbook-bad-input-out-'))

/** The report lines the build printed: `path[:line[:col]]  severity  message  handbook:rule`. */
function reportLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => / {2}(error|warning) {2}.* {2}handbook:[a-z0-9-]+$/.test(line))
}

describe('a repository with input the build cannot trust', () => {
  let build: BuildResult
  let pages: Map<string, string>
  let report: string[]

  beforeAll(() => {
    const outside = mkdtempSync(join(tmpdir(), 'handbook-outside-'))
    writeFileSync(join(outside, 'secret.md'), '# Secret\n\nNot part of this handbook.\n')
    const root = writeRepository({
      'handbook.config.json': JSON.stringify({
        documents: [
          { kind: 'sop', include: ['SOP.md'] },
          { kind: 'requirements', include: ['*.MD'] },
          { kind: 'guide', include: ['docs/*', 'links/**/*.md', '../outside/*.md'] },
        ],
        aliases: { 'Other.MD': 'SOP.md', Ghost: 'NOPE.md' },
        requirementPatterns: ['CLD-REQ-\\d{3}'],
      }),
      'SOP.md': '# SOP\n\n## 1. Scope\n\nThe registry (CLD-REQ-020) is the first page.\n',
      'Requirements.MD': '# Requirements\n\n- CLD-REQ-020: The first definition.\n',
      'Other.MD': '# Other\n\nIntro.\n\n- CLD-REQ-020: Defined again.\n',
      'docs/guide.md': '# Guide\n\n## Setup\n\nA good page among bad ones.\n',
      'docs/diagram.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'docs/Dup.md': '# Dup one\n\nFirst of two.\n',
      'docs/dup.MD': '# Dup two\n\nSecond of two.\n',
      'docs/list-frontmatter.md': '---\n- not\n- a mapping\n---\n# Listed\n\nThe body survives.\n',
      'links/fine.md': '# Fine\n\nReached through no link.\n',
      'links/again': 'link:..',
      'links/loop-1.md': 'link:loop-2.md',
      'links/loop-2.md': 'link:loop-1.md',
      'links/moved.md': 'link:nowhere.md',
      'links/outside.md': `link:${join(outside, 'secret.md')}`,
    })
    build = buildSite(outDir(), { HANDBOOK_CONTENT: root })
    pages = readPages(build.outDir)
    report = reportLines(build.output)
  })

  test('fails', () => {
    expect(build.status, build.output).not.toBe(0)
    expect(build.output).toContain('The handbook has errors; see the report above.')
  })

  test.each([
    [
      'frontmatter that is not a mapping',
      /^docs\/list-frontmatter\.md:2 {2}error .*handbook:invalid-frontmatter$/,
    ],
    ['a binary file matched by a glob', /^docs\/diagram\.png {2}error .*handbook:binary-file$/],
    [
      'two files that map to one route',
      /^docs\/dup\.MD {2}error .*`\/docs\/dup-2\/`.*handbook:duplicate-route$/,
    ],
    [
      'two aliases for different documents',
      /^handbook\.config\.json {2}error {2}Alias `Other\.MD` names `SOP\.md`, but `Other\.MD` already names `Other\.MD`.*handbook:conflicting-alias$/,
    ],
    [
      'an alias that names no document',
      /^handbook\.config\.json {2}error {2}Alias `Ghost` names `NOPE\.md`.*handbook:unknown-alias-target$/,
    ],
    [
      'an include that escapes the content root',
      /^handbook\.config\.json {2}error {2}Include pattern `\.\.\/outside\/\*\.md` points outside.*handbook:include-outside-root$/,
    ],
    [
      'a link to a file outside the content root',
      /^links\/outside\.md {2}error .*handbook:include-outside-root$/,
    ],
    [
      'a symbolic link loop',
      /^links\/loop-1\.md {2}error .*loops back on itself.*handbook:broken-link$/,
    ],
    [
      'a dangling symbolic link',
      /^links\/moved\.md {2}error .*points at nothing.*handbook:broken-link$/,
    ],
    [
      'a folder link back up the tree',
      /^links\/again\/links\/fine\.md {2}warning .*`links\/fine\.md`.*handbook:duplicate-file$/,
    ],
    [
      'a requirement defined twice',
      /^Requirements\.MD:3:1 {2}error .*`CLD-REQ-020` is defined twice in the top folder: here and at Other\.MD:5\..*handbook:duplicate-requirement$/,
    ],
  ])('names the file (and line) of %s', (_, line) => {
    expect(
      report.filter((printed) => line.test(printed)),
      report.join('\n'),
    ).toHaveLength(1)
  })

  test('still writes every page it can, completely, and loses none', () => {
    const expected = {
      sop: 'The registry',
      requirements: 'The first definition.',
      other: 'Defined again.',
      'docs/guide': 'A good page among bad ones.',
      'docs/dup': 'First of two.',
      'docs/dup-2': 'Second of two.',
      'docs/list-frontmatter': 'The body survives.',
      'links/fine': 'Reached through no link.',
    }
    for (const [route, text] of Object.entries(expected)) {
      expect(pages.get(route), route).toContain(text)
    }
    const sources = [...pages.values()].map(sourceOf).filter((source) => source !== undefined)
    expect(sources.sort()).toEqual([
      'Other.MD',
      'Requirements.MD',
      'SOP.md',
      'docs/Dup.md',
      'docs/dup.MD',
      'docs/guide.md',
      'docs/list-frontmatter.md',
      'links/fine.md',
    ])
    expect(build.output).not.toContain('handbook:lost-page')
    expect(build.output).not.toContain('Secret')
  })
})

describe('a repository with input that only deserves warnings', () => {
  let build: BuildResult
  let seconds: number
  let pages: Map<string, Root>
  let html: Map<string, string>
  let report: string[]

  /** 5 MB of numbered sections (`## 12.34 …`) that cite each other, with lists, tables and code now and then. */
  function writeHugeDocument(): string {
    const lorem =
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. '
    // Section numbers stay below 1000 (a four-digit number reads as a year): 1.1 … 99.99.
    const number = (section: number) => `${Math.floor(section / 100) + 1}.${(section % 100) + 1}`
    const parts = ['# Huge\n\n']
    let size = 0
    for (let section = 0; size < 5 * 1024 * 1024; section++) {
      let text = `## ${number(section)} Section ${section}\n\nThis follows huge.md §${number(Math.max(0, section - 1))} and SOP.md §4. ${lorem.repeat(6)}\n\n${lorem.repeat(5)}\n\n`
      if (section % 10 === 0) text += '- one item\n- another citing huge.md §1.1\n- a third\n\n'
      if (section % 25 === 0) text += '| a | b |\n| - | - |\n| §1 | x |\n\n'
      if (section % 50 === 0) text += '```go\n// Good\nx := 1\n```\n\n'
      parts.push(text)
      size += text.length
    }
    parts.push('## Last Section\n\nThe end of five megabytes.\n')
    return parts.join('')
  }

  beforeAll(() => {
    const root = writeRepository({
      'handbook.config.json': JSON.stringify({
        documents: [
          { kind: 'sop', include: ['SOP.md'] },
          { kind: 'role', include: ['role.md'] },
          { kind: 'guide', include: ['guides/*.md', 'missing/*.md'] },
        ],
        requirementPatterns: ['CLD-REQ-\\d{3}'],
      }),
      'SOP.md': [
        '# SOP',
        '## 1. Scope',
        'See OLD.md §2, [the old guide](old.md) and §3-§1.',
        '## 2. Handling <script>alert("heading")</script> tags',
        'Text two.',
        '## 3. Quotes `"double"` and `\'single\'` & `</title>`',
        'Text three.',
        '## 4. Last',
        'See §2 and §3.',
        '<img src=x onerror="alert(\'img\')">',
      ].join('\n\n'),
      'role.md':
        '---\nname: x</title><script>alert(5)</script>\ndescription: Use when: "quoted" </title><script>alert(6)</script>\n---\n\nCites SOP.md §2 and §3.\n',
      'guides/empty.md': '',
      'guides/latin1.md': Uint8Array.from(Buffer.from('# Menu\n\nCaf\xe9 na\xefve\n', 'latin1')),
      'guides/big-list.md': `# Big list\n\n${Array.from({ length: 10_000 }, (_, item) => `- item ${item + 1}${item % 10 === 0 ? ' (see SOP.md §4)' : ''}`).join('\n')}\n`,
      'guides/huge.md': writeHugeDocument(),
    })
    const started = performance.now()
    build = buildSite(outDir(), { HANDBOOK_CONTENT: root })
    seconds = Math.round((performance.now() - started) / 1000)
    console.log(`bad-input warnings build (5 MB file, 10,000-item list): ${seconds} s`)
    html = readPages(build.outDir)
    pages = new Map([...html].map(([route, text]) => [route, parsePage(text)]))
    report = reportLines(build.output)
  })

  test('passes, in well under ten minutes', () => {
    expect(build.status, build.output).toBe(0)
    expect(seconds).toBeLessThan(600)
  })

  test.each([
    ['lenient frontmatter', /^role\.md:3 {2}warning .*handbook:lenient-frontmatter$/],
    ['a file that is not UTF-8', /^guides\/latin1\.md:3 {2}warning .*handbook:not-utf8$/],
    [
      'an include that matches nothing',
      /^handbook\.config\.json {2}warning {2}Include pattern `missing\/\*\.md`.*handbook:empty-include$/,
    ],
    [
      'a reference to a document that is not configured',
      /^SOP\.md:5:12 {2}warning {2}Unexpected document `OLD\.md`.*handbook:unknown-document$/,
    ],
    [
      'a link to a file that is not configured',
      /^SOP\.md:5:16 {2}warning {2}Unexpected link to `old\.md`.*handbook:unknown-link-target$/,
    ],
    [
      'a range written backwards',
      /^SOP\.md:5:44 {2}warning {2}Unexpected range `§3–§1`.*handbook:reversed-range$/,
    ],
    [
      'a heading with a script in it',
      /^SOP\.md:7:16 {2}warning .*`<script>`.*handbook:unsafe-html$/,
    ],
    [
      'an event handler in raw HTML',
      /^SOP\.md:19:1 {2}warning .*`onerror=`.*handbook:unsafe-html$/,
    ],
  ])('warns about %s, naming file and line', (_, line) => {
    expect(
      report.filter((printed) => line.test(printed)),
      report.join('\n'),
    ).toHaveLength(1)
  })

  test('renders every page, completely', () => {
    expect(build.output).not.toContain('handbook:lost-page')
    expect([...pages.keys()].filter((route) => /^(sop|role|guides\/)/.test(route)).sort()).toEqual([
      'guides/big-list',
      'guides/empty',
      'guides/huge',
      'guides/latin1',
      'role',
      'sop',
    ])
  })

  test('an empty file is an empty page titled from its file name', () => {
    expect(toString(select('h1', pages.get('guides/empty')!)!)).toBe('Empty')
  })

  test('a Latin-1 file reads as the author wrote it', () => {
    expect(html.get('guides/latin1')).toContain('Café naïve')
  })

  test('a 10,000-item list has all its items and links', () => {
    const list = pages.get('guides/big-list')!
    expect(selectAll('.sl-markdown-content li', list)).toHaveLength(10_000)
    expect(selectAll('a.hb-ref--section', list)).toHaveLength(1_000)
  })

  test('a 5 MB file has its last section', () => {
    expect(html.get('guides/huge')).toContain('The end of five megabytes.')
    expect(select('#last-section', pages.get('guides/huge')!)).toBeDefined()
  })

  test('no script from content is in any page: raw HTML is shown as code, handlers are gone', () => {
    for (const [route, tree] of pages) {
      for (const script of selectAll('script', tree)) {
        expect(toString(script), route).not.toContain('alert(')
        expect(attribute(script, 'src') ?? '', route).not.toContain('alert(')
      }
      for (const element of selectAll('*', tree)) {
        const handlers = Object.keys(element.properties).filter((name) => /^on/i.test(name))
        expect(handlers, `${route}: <${element.tagName}>`).toEqual([])
      }
    }
    const sop = pages.get('sop')!
    expect(selectAll('h2', sop).map(toString)).toContain(
      '2. Handling <script>alert(“heading”)</script> tags',
    )
    expect(toString(select('main', sop)!)).toContain('<img src=x onerror="alert(\'img\')">')
  })

  test('titles, previews and attributes keep quotes, `<` and `&` as text', () => {
    const sop = pages.get('sop')!
    const titles = selectAll('a.hb-ref--section', sop).map((link) => attribute(link, 'title'))
    expect(titles).toContain('§2 Handling <script>alert(“heading”)</script> tags — SOP.md')
    expect(titles).toContain('§3 Quotes "double" and \'single\' & </title> — SOP.md')
    // The previews read the same titles from attributes of their own.
    const previews = selectAll('.hb-previews [data-title]', sop).map((data) =>
      attribute(data, 'dataTitle'),
    )
    expect(previews).toContain('Handling <script>alert(“heading”)</script> tags')
    expect(previews).toContain('Quotes "double" and \'single\' & </title>')
  })

  test('the page <title>, heading and description of a hostile role file are text', () => {
    const role = pages.get('role')!
    const title = 'X</title><script>alert(5)</script>'
    expect(toString(select('title', role)!)).toBe(`${title} | Handbook`)
    expect(toString(select('h1', role)!)).toBe(title)
    expect(attribute(select('meta[name="description"]', role)!, 'content')).toBe(
      'Use when: "quoted" </title><script>alert(6)</script>',
    )
  })
})
