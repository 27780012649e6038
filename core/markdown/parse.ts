import type { Heading, Parent, Root } from 'mdast'
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
 * `finishPunctuation` applies those as remark-smartypants does. The pages render from the
 * same parse (astro.config.mjs), so their heading ids are the index's.
 */
export function parseMarkdown(body: string, options: ParseOptions = {}): Root {
  const tree = markdownToMdast(body, {
    features: { ...satteriFeatures, frontmatter: false },
  }) as Root
  finishPunctuation(tree, body)
  if (!options.keepActiveHtml) neutralizeActiveHtml(tree, body)
  return tree
}

/** Options of {@link parseMarkdown}. */
export interface ParseOptions {
  /**
   * Leave active raw HTML as the author wrote it, for a caller that runs the page's plugins,
   * where `remarkDocumentPage` shows it as code and reports each place.
   * @default false
   */
  keepActiveHtml?: boolean
}

/**
 * What Sätteri is asked to parse, here and when it renders the pages (astro.config.mjs):
 * GFM, directives, and of smart punctuation only the quotes, which follow
 * remark-smartypants' rule; `finishPunctuation` does the rest as remark-smartypants does.
 */
export const satteriFeatures = {
  gfm: true,
  smartPunctuation: { quotes: true, dashes: false, ellipses: false },
  // Starlight turns directives on for its asides (`:::note`), so our plugins see them parsed.
  directive: true,
} as const

/**
 * Completes smart punctuation on a tree Sätteri parsed with `satteriFeatures`, as
 * remark-smartypants does it: two hyphens (and only two) are an em dash, three or more dots
 * an ellipsis, one text node at a time; a heading written with a form the two rules still
 * disagree on is parsed again, alone, by the unified pipeline. `source` is the text the
 * tree's positions count in.
 */
export function finishPunctuation(tree: Root, source: string): void {
  // Most documents have none of these: the tree is walked only for those that do.
  const dashes = source.includes('--')
  const dots = source.includes('...')
  const rulesDiffer = punctuationRulesDiffer.test(source)
  if (!dashes && !dots && !rulesDiffer) return
  const walk = (node: Parent) => {
    for (const child of node.children) {
      if (child.type === 'text') {
        if (dashes && child.value.includes('--')) {
          child.value = child.value.replace(/(?<!-)--(?!-)/g, '—')
        }
        if (dots && child.value.includes('...')) child.value = child.value.replace(/\.{3,}/g, '…')
      } else if ('children' in child) {
        walk(child)
        if (child.type === 'heading' && rulesDiffer) checkHeading(child, source)
      }
    }
  }
  walk(tree)
}

function checkHeading(heading: Heading, source: string): void {
  const start = heading.position?.start
  const end = heading.position?.end
  if (start?.offset === undefined || end?.offset === undefined) return
  const text = source.slice(start.offset, end.offset)
  if (punctuationRulesDiffer.test(text)) reparseHeading(heading, text, start)
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
