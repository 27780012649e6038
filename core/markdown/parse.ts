import type { Heading, Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkSmartypants from 'remark-smartypants'
import { markdownToMdast } from 'satteri'
import { unified } from 'unified'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import { neutralizeActiveHtml } from './active-html.ts'

/**
 * Parses a document body (frontmatter already removed) into the mdast tree the page renders
 * from: GFM, smart punctuation (which changes heading text, and so heading ids), and active
 * raw HTML shown as code, as `remarkDocumentPage` shows it on the page, so headings read alike.
 *
 * Sätteri, Astro's own Markdown engine, parses in Rust and hands back the tree that
 * remark-parse + remark-gfm + remark-smartypants build (types, values and positions; compared
 * over the sample handbook, the house-style fixtures and a generated corpus by
 * test/unit/parse-markdown.test.ts) at a small fraction of the cost: the index, the citation
 * pass and `npm run check` parse every document, and remark-smartypants alone took most of a
 * large handbook's scan. Sätteri's quotes are remark-smartypants' quotes; its dashes and
 * ellipses are not (two hyphens are an en dash to it, an em dash to remark-smartypants), so
 * those two rules are applied here as remark-smartypants applies them, one text node at a
 * time. A few rare forms still differ (spaced ellipses, ``` ``quotes'' ```, a quote next to
 * dashes); they could change a heading's id, so a heading written with one of them is parsed
 * again, alone, by the page's own pipeline.
 */
export function parseMarkdown(body: string): Root {
  const tree = markdownToMdast(body, {
    features: {
      gfm: true,
      smartPunctuation: { quotes: true, dashes: false, ellipses: false },
      frontmatter: false,
    },
  }) as Root
  visit(tree, 'text', (node) => {
    if (node.value.includes('--')) node.value = node.value.replace(/(?<!-)--(?!-)/g, '—')
    if (node.value.includes('...')) node.value = node.value.replace(/\.{3,}/g, '…')
  })
  visit(tree, 'heading', (heading) => {
    const start = heading.position?.start
    const end = heading.position?.end
    if (start?.offset === undefined || end?.offset === undefined) return
    const source = body.slice(start.offset, end.offset)
    if (punctuationRulesDiffer.test(source)) reparseHeading(heading, source, start)
  })
  neutralizeActiveHtml(tree)
  return tree
}

/** Where Sätteri's smart punctuation and remark-smartypants part ways (see parseMarkdown). */
const punctuationRulesDiffer = /--|\.\s*\.|''|``/

const headingPipeline = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants)

/** Replaces a heading's content with what the unified pipeline makes of the same source. */
function reparseHeading(heading: Heading, source: string, start: Point): void {
  const reparsed = headingPipeline.runSync(headingPipeline.parse(source)) as Root
  const only = reparsed.children[0]
  if (reparsed.children.length !== 1 || only?.type !== 'heading') return
  // The heading was parsed alone: its positions count from the slice, not from the body.
  visit(only, (node) => {
    if (!node.position) return
    node.position = {
      start: shift(node.position.start, start),
      end: shift(node.position.end, start),
    }
  })
  heading.children = only.children
}

function shift(point: Point, by: Point): Point {
  return {
    line: point.line + by.line - 1,
    column: point.line === 1 ? point.column + by.column - 1 : point.column,
    ...(point.offset !== undefined && by.offset !== undefined
      ? { offset: point.offset + by.offset }
      : {}),
  }
}
