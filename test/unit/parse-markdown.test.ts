import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkSmartypants from 'remark-smartypants'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import { splitFrontmatter } from '../../core/documents/frontmatter.ts'
import { neutralizeActiveHtml } from '../../core/markdown/active-html.ts'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts'

// The index, the citation pass and `npm run check` parse with Sätteri (core/markdown/parse.ts);
// the page renders from the tree the unified pipeline builds. Heading ids, section numbers,
// definitions and every reference's position are read from the first and applied to the second,
// so the two must be the same tree. This compares them on every document we have.

const projectRoot = resolve(import.meta.dirname, '../..')

const remark = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Starlight parses directives for its asides, on either engine.
  .use(remarkDirective)
  .use(remarkSmartypants)
  .use(() => (tree: Root) => {
    neutralizeActiveHtml(tree)
  })

/** Types, values, attributes and positions (line:column) of every node; `data` aside. */
function shape(node: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data' || key === 'position' || key === 'children' || value == null) continue
    out[key] = value
  }
  const position = node.position as Root['position']
  if (position) {
    out.position = `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`
  }
  if (Array.isArray(node.children)) {
    out.children = node.children.map((child) => shape(child as Record<string, unknown>))
  }
  return out
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return /\.md$/i.test(name) ? [path] : []
  })
}

const ours = [
  ...markdownFiles(join(projectRoot, 'content')),
  ...markdownFiles(join(projectRoot, 'test/fixtures/repositories')),
].map((path) => ({
  name: relative(projectRoot, path),
  body: splitFrontmatter(readFileSync(path, 'utf8')).body,
}))
const generated = generateCorpus({ pages: 60, seed: 11 }).files.map((file) => ({
  name: `corpus/${file.path}`,
  body: splitFrontmatter(file.text).body,
}))

describe('parseMarkdown builds the tree the unified pipeline builds', () => {
  test.each([...ours, ...generated])('$name', ({ body }) => {
    const expected = shape(remark.runSync(remark.parse(body)) as never)
    expect(shape(parseMarkdown(body) as never)).toEqual(expected)
  })

  // Headings are where the two smart-punctuation rules must agree: their text is the id.
  test.each([
    ['two hyphens', '## 5.2 Retry -- only idempotent calls'],
    ['three hyphens', '### 31a---31a'],
    ['hyphens at the ends', '## --Flags--'],
    ['four dots', '## Wait....then'],
    ['spaced dots', '## And so on . . . done'],
    ['backtick quotes', "## ``Quoted'' words"],
    ['a setext heading with hyphens', 'Rules -- in short\n=================\n'],
    ['a heading in a list item', '- ## 7. Release -- steps\n'],
    ['a heading in a block quote', '> ### 4.1 Quotes -- "and" dashes\n'],
    ['a heading after text on earlier lines', 'Intro.\n\n## 2. Ops -- *on call*\n'],
    ['smart quotes alone', '## 5.2 "Channel" discipline'],
    ['a heading inside a fence is code', '```md\n## 9. Not -- a heading\n```\n'],
    ['a table row that defines an ID', '| ID | Title |\n|---|---|\n| CLD-REQ-001 | Nodes |\n'],
    ['active raw HTML is shown as code', 'Before <script>alert(1)</script> after\n'],
    // A document is only walked for active code when its text could hold some: every disguise.
    ['a javascript: link', '[run](javascript:alert(1))\n'],
    ['a scheme in capitals', '[run](JavaScript:alert(1))\n'],
    ['a scheme in a character reference', '[run](&#106;avascript:alert(1))\n'],
    ['a colon behind a backslash', '[run](javascript\\:alert(1))\n'],
    ['a data URL', '![x](data:text/html;base64,PHNjcmlwdD4=)\n'],
    ['a definition', '[run]: vbscript:msgbox\n\n[run]\n'],
    ['an autolink', '<javascript:alert(1)>\n'],
    ['an event handler', '<img src=x onerror=alert(1)>\n'],
    ['a task list', '- [x] done\n- [ ] open\n'],
    ['an aside', ':::note[Heads up]\nSee §5.2 -- twice.\n:::\n'],
    ['dashes and dots in a paragraph', 'Close it -- once... or---twice.... Then--*now*--go\n'],
  ])('%s', (_, body) => {
    expect(shape(parseMarkdown(body) as never)).toEqual(
      shape(remark.runSync(remark.parse(body)) as never),
    )
  })
})
