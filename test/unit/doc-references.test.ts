import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import GithubSlugger from 'github-slugger'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'

// Two checks that keep the written word true to the repository (CONTRIBUTING.md, "Docs"):
// code comments cite only files that are here, and the docs' internal links and anchors lead
// somewhere.

const projectRoot = resolve(import.meta.dirname, '../..')
const sourceFolders = ['core', 'io', 'plugins', 'integration', 'check', 'src', 'scripts']
const sourceFiles = ['astro.config.mjs', 'vitest.config.ts', '.dependency-cruiser.cjs']
const codeExtensions = /\.(?:ts|mts|mjs|cjs|js|astro)$/

/** The markdown files whose links are checked. */
const docFiles = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
].filter((path) => existsSync(join(projectRoot, path)))

function listCode(folder: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(join(projectRoot, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) found.push(...listCode(path))
    else if (codeExtensions.test(entry.name)) found.push(path)
  }
  return found
}

/** One comment of a source file: its text (block comments joined into one line) and first line. */
interface Comment {
  file: string
  line: number
  text: string
}

/**
 * The comments of a source file. Strings and template literals are skipped so that a `//` in a
 * URL is not a comment; block comments lose their leading `*` and are joined into one line, so a
 * citation wrapped over two lines reads as one.
 */
export function findComments(file: string, source: string): Comment[] {
  const comments: Comment[] = []
  const pattern =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|<!--[\s\S]*?-->|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g
  for (const match of source.matchAll(pattern)) {
    const raw = match[0]
    let text: string
    if (raw.startsWith('//')) text = raw.slice(2)
    else if (raw.startsWith('/*')) text = raw.slice(2, -2)
    else if (raw.startsWith('<!--')) text = raw.slice(4, -3)
    else continue
    text = text
      .split('\n')
      .map((line) => line.replace(/^\s*\*(?!\*)/u, '').trim())
      .join(' ')
    const line = source.slice(0, match.index).split('\n').length
    comments.push({ file, line, text })
  }
  return comments
}

/** A file of this repository named in a comment, and the section title quoted after it, if any. */
interface Citation {
  path: string
  section?: string
}

const topLevelCode = new Set([...sourceFolders, 'test', '.ci', '.github'])
const rootDocuments = /^(?:README|CONTRIBUTING|BENCHMARKS|CHANGELOG|SECURITY|LICENSE)\.md$/
const pathToken = /(?<![\w./@-])(?:\.\/)?[\w.@-]+(?:\/[\w.@<>*{}…-]+)*\/?(?![\w/])/gu

/**
 * The repository files a comment cites. Comments are full of example file names from the
 * documents authors write (`ENGINEERING_SOP.md`, `docs/design/CLD-REQ-063-secrets.md`,
 * `specs/001/spec.md`); those are not citations. A citation is a path into our own code
 * (`core/…`, `plugins/…`, `test/…` with an extension, or a folder with a trailing `/`), one of
 * our docs (a lower-case name directly in `docs/`: `docs/authoring.md`), or a root document
 * (`README.md`, `CONTRIBUTING.md`, `BENCHMARKS.md`). A quoted title right after a document
 * (`docs/authoring.md, "Stale references"`) names one of its headings.
 */
export function findCitations(text: string): Citation[] {
  const citations: Citation[] = []
  for (const match of text.matchAll(pathToken)) {
    const path = match[0].replace(/^\.\//u, '').replace(/[.,:;]+$/u, '')
    if (/[<>*{}…]/u.test(path)) continue
    const first = path.split('/')[0]!
    const code =
      topLevelCode.has(first) &&
      path.includes('/') &&
      (/\.[a-z]+$/u.test(path) || path.endsWith('/'))
    const doc = /^docs\/[a-z0-9-]+\.(?:md|json)$/u.test(path) || path.startsWith('docs/images/')
    if (!code && !doc && !rootDocuments.test(path)) continue
    const after = text.slice(match.index + match[0].length)
    const quoted = /^[.,:;]*\s*(?:,\s*(?:section\s+)?|\(\s*)"([^"]+)"/u.exec(after)
    citations.push({ path, ...(quoted && path.endsWith('.md') ? { section: quoted[1]! } : {}) })
  }
  return citations
}

/** Documents outside this repository that code must not cite: the reader cannot follow them. */
const outsideDocuments = /field guide|\breferences\.md\b|\/work\/shared\//iu

/** Heading texts of a markdown file, as written and with inline code marks dropped. */
function readHeadings(path: string): Set<string> {
  const tree = parseMarkdown(readFileSync(join(projectRoot, path), 'utf8'))
  const titles = new Set<string>()
  visit(tree, 'heading', (heading) => {
    const text = toString(heading).replace(/\s+/gu, ' ').trim()
    titles.add(text)
  })
  return titles
}

function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text) as Root
}

const anchorsByFile = new Map<string, Set<string>>()

/** GitHub's anchor for each heading of a markdown file (github-slugger over the heading's text). */
function readAnchors(path: string): Set<string> {
  const known = anchorsByFile.get(path)
  if (known) return known
  const tree = parseMarkdown(readFileSync(join(projectRoot, path), 'utf8'))
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  visit(tree, 'heading', (heading) => {
    anchors.add(slugger.slug(toString(heading)))
  })
  visit(tree, 'html', (node) => {
    for (const match of node.value.matchAll(/\b(?:id|name)="([^"]+)"/gu)) anchors.add(match[1]!)
  })
  anchorsByFile.set(path, anchors)
  return anchors
}

const comments = [...sourceFolders.flatMap(listCode), ...sourceFiles]
  .filter((path) => existsSync(join(projectRoot, path)))
  .flatMap((path) => findComments(path, readFileSync(join(projectRoot, path), 'utf8')))

describe('code comments cite files of this repository', () => {
  test('the scanner sees comments and citations', () => {
    // If these stop being found, the scanner has gone blind, not the code clean.
    expect(comments.length).toBeGreaterThan(500)
    expect(findCitations('see docs/authoring.md, "Stale references", and README.md')).toEqual([
      { path: 'docs/authoring.md', section: 'Stale references' },
      { path: 'README.md' },
    ])
    expect(findCitations('`ENGINEERING_SOP.md`, `docs/design/CLD-REQ-063-secrets.md`')).toEqual([])
    expect(findCitations('runs core/analysis/analyze-page.ts (see io/)')).toEqual([
      { path: 'core/analysis/analyze-page.ts' },
      { path: 'io/' },
    ])
  })

  test('no comment cites the field guide or another document outside the repository', () => {
    const outside = comments
      .filter((comment) => outsideDocuments.test(comment.text))
      .map((comment) => `${comment.file}:${comment.line}  ${comment.text.slice(0, 100)}`)
    expect(
      outside,
      'Cite docs/authoring.md (or another file in this repository) instead: readers of the code cannot open a document outside it',
    ).toEqual([])
  })

  test('every file a comment cites exists', () => {
    const missing = comments.flatMap((comment) =>
      findCitations(comment.text)
        .filter((citation) => !existsSync(join(projectRoot, citation.path)))
        .map((citation) => `${comment.file}:${comment.line}  ${citation.path}`),
    )
    expect(missing).toEqual([])
  })

  test('every section a comment cites by its title is a heading of that document', () => {
    const headings = new Map<string, Set<string>>()
    const missing = comments.flatMap((comment) =>
      findCitations(comment.text)
        .filter((citation) => citation.section && existsSync(join(projectRoot, citation.path)))
        .filter((citation) => {
          const titles = headings.get(citation.path) ?? readHeadings(citation.path)
          headings.set(citation.path, titles)
          const wanted = citation.section!.replace(/\s+/gu, ' ').trim()
          return !titles.has(wanted) && !titles.has(wanted.replace(/`/gu, ''))
        })
        .map(
          (citation) => `${comment.file}:${comment.line}  ${citation.path}, "${citation.section}"`,
        ),
    )
    expect(missing).toEqual([])
  })
})

describe('the docs link to what exists', () => {
  test('there are docs to check', () => {
    expect(docFiles).toContain('README.md')
    expect(docFiles.length).toBeGreaterThanOrEqual(4)
  })

  test.each(docFiles)(
    '%s: every relative link and #anchor exists',
    (file) => {
      const tree = parseMarkdown(readFileSync(join(projectRoot, file), 'utf8'))
      const urls: string[] = []
      visit(tree, (node) => {
        if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
          urls.push(node.url)
        }
      })
      const broken: string[] = []
      for (const url of urls) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//iu.test(url)) continue // other sites: not checked offline
        const [rawPath, anchor] = url.split('#') as [string, string | undefined]
        const path = decodeURIComponent(rawPath)
        const target =
          path === ''
            ? file
            : relative(projectRoot, resolve(dirname(join(projectRoot, file)), path))
        if (target.startsWith('..') || !existsSync(join(projectRoot, target))) {
          broken.push(`${url}: no such file`)
          continue
        }
        if (anchor === undefined || anchor === '') continue
        if (!target.endsWith('.md') || statSync(join(projectRoot, target)).isDirectory()) continue
        if (!readAnchors(target).has(decodeURIComponent(anchor))) {
          broken.push(`${url}: no heading with the anchor #${anchor} in ${target}`)
        }
      }
      expect(broken).toEqual([])
    },
    60_000,
  )
})
