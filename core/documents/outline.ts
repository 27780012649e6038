import { createHash } from 'node:crypto'
import type { Element, Root as HastRoot } from 'hast'
import type { Heading, Paragraph, Parent, Root } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import { EXIT, visit } from 'unist-util-visit'
import { parseSectionHeading } from './headings.ts'
import type { HeadingInfo } from './types.ts'

/**
 * Gives the headings of a page the ids the rendered page will have, by
 * running the renderer's own slugger over them (in the build: Astro's
 * `rehypeHeadingIds`, see `io/heading-ids.ts`), and returns each heading's
 * rendered text and id in document order. Injected so that this module never
 * slugs a second, slightly different way, and never imports the renderer.
 */
export type HeadingIdAssigner = (root: HastRoot) => Array<{ text: string; slug: string }>

/** What the outline needs besides the tree. */
export interface OutlineOptions {
  /** The renderer's heading ids. */
  assignHeadingIds: HeadingIdAssigner
  /** The body text the tree was parsed from (for section fingerprints). */
  body: string
  /** Lines before the body, added to reported lines. */
  bodyLineOffset: number
  /** Body-relative line of the `# heading` used as page title; it is not rendered, so it gets no id. */
  titleLine?: number
  /** Ids our plugins set on headings themselves (requirement definitions); Astro keeps them. */
  presetIds?: ReadonlyMap<Heading, string>
}

/**
 * Lists a document's headings with the exact ids its page will give them.
 * Rather than slugging a second way, this hands the headings, converted to
 * HTML the way remark-rehype converts them, to the renderer's own heading-id
 * step, so the text (after smartypants), the slugger and the duplicate
 * suffixes are Astro's.
 */
export function buildOutline(tree: Root, options: OutlineOptions): HeadingInfo[] {
  const headings: Heading[] = []
  forEachBlock(tree, (node) => {
    if (
      node.type === 'heading' &&
      (node.depth !== 1 || node.position?.start.line !== options.titleLine)
    ) {
      headings.push(node)
    }
  })
  // A heading's `[text][ref]` is a link only with its definition, and a footnote mark is
  // numbered by the references before it: such headings are converted with the whole tree, as
  // the page converts them. Any other heading converts alike on its own, at a fraction of the cost.
  const converted = new Map<number, Element>()
  if (headings.some(needsWholeTree)) {
    visit(toHast(tree) as HastRoot, 'element', (element) => {
      const offset = element.position?.start.offset
      if (/^h[1-6]$/.test(element.tagName) && offset !== undefined) converted.set(offset, element)
    })
  }
  const elements = headings.map((heading) => {
    const element =
      converted.get(heading.position?.start.offset ?? -1) ?? (toHast(heading) as Element)
    const preset = options.presetIds?.get(heading)
    if (preset) element.properties = { ...element.properties, id: preset }
    return element
  })
  const rendered = options.assignHeadingIds({ type: 'root', children: elements })
  const summaries = summarizeSections(tree)

  const ranges = sectionRanges(options.body, headings)
  return headings.map((heading, index) => {
    const summary = summaries.get(heading)
    const text = rendered[index]?.text ?? ''
    const { number, title } = parseSectionHeading(text)
    const range = ranges[index]!
    const info = {
      depth: heading.depth,
      text,
      ...(number === undefined ? {} : { number }),
      title,
      id: String(elements[index]?.properties?.id ?? rendered[index]?.slug ?? ''),
      line: (heading.position?.start.line ?? 0) + options.bodyLineOffset,
      range,
      ...(summary ? { summary } : {}),
    }
    return withLazyFingerprint(info, options.body, range)
  })
}

/**
 * The heading with its `fingerprint`, hashed when first read: only the sections a reading list
 * cites or the review compares need one, and hashing every section of every document was a
 * tenth of the index. Enumerable, so JSON, spreads and comparisons read it like any property.
 */
function withLazyFingerprint(
  info: Omit<HeadingInfo, 'fingerprint'>,
  body: string,
  range: [number, number],
): HeadingInfo {
  let fingerprint: string | undefined
  return Object.defineProperty(info, 'fingerprint', {
    enumerable: true,
    configurable: true,
    get: () => (fingerprint ??= fingerprintSection(body, range)),
    set: (value: string) => {
      fingerprint = value
    },
  }) as HeadingInfo
}

/** Whether a heading holds a reference that only the whole document resolves. */
function needsWholeTree(heading: Heading): boolean {
  let found = false
  visit(heading, (node) => {
    if (
      node.type === 'linkReference' ||
      node.type === 'imageReference' ||
      node.type === 'footnoteReference'
    ) {
      found = true
      return EXIT
    }
    return undefined
  })
  return found
}

/** Longest summary kept, in characters; previews show a paragraph, not a page. */
const summaryLength = 280

/**
 * The first paragraph after each heading, before the next heading, as plain
 * text (a paragraph inside a list item or quote counts; code and tables do
 * not), cut at a word boundary. One pass over the tree, in document order.
 */
export function summarizeSections(tree: Root): Map<Heading, string> {
  const summaries = new Map<Heading, string>()
  let pending: Heading | undefined
  forEachBlock(tree, (node) => {
    if (node.type === 'heading') {
      pending = node
    } else if (pending) {
      // Raw HTML in a paragraph is markup, not words a preview should show.
      const text = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim()
      if (text) {
        summaries.set(pending, shorten(text, summaryLength))
        pending = undefined
      }
    }
  })
  return summaries
}

/**
 * Calls `found` with every heading and paragraph of the tree, in document order, inside lists,
 * quotes, asides and footnotes too. Only the block structure is walked: phrasing lives inside
 * headings, paragraphs and table cells, none of which holds a heading or a paragraph, so
 * neither those nor code are entered (with `unist-util-visit`, which enters every node, these
 * walks took about 60 ms of a 750 ms index at 1000 pages).
 */
function forEachBlock(tree: Parent, found: (node: Heading | Paragraph) => void): void {
  for (const node of tree.children) {
    if (node.type === 'heading' || node.type === 'paragraph') found(node)
    else if (node.type !== 'table' && 'children' in node) forEachBlock(node, found)
  }
}

function shorten(text: string, length: number): string {
  if (text.length <= length) return text
  const cut = text.slice(0, length - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`
}

/**
 * Where each section's text lies in the body: its heading up to the next heading of the same or
 * a higher level. One pass with the open sections on a stack, not a look ahead from each heading
 * (quadratic in the headings of a long SOP).
 */
function sectionRanges(body: string, headings: Heading[]): Array<[number, number]> {
  const ranges = headings.map((heading): [number, number] => [
    heading.position?.start.offset ?? 0,
    body.length,
  ])
  const open: number[] = []
  headings.forEach((heading, index) => {
    while (open.length > 0 && headings[open.at(-1)!]!.depth >= heading.depth) {
      ranges[open.pop()!]![1] = heading.position?.start.offset ?? body.length
    }
    open.push(index)
  })
  return ranges
}

/**
 * A short hash of a section's own text: its heading and everything up to the
 * next heading of the same or a higher level. Whitespace runs are folded so
 * re-wrapping a paragraph does not count as a change.
 */
function fingerprintSection(body: string, [start, end]: [number, number]): string {
  const text = body.slice(start, end).replace(/\s+/g, ' ').trim()
  return createHash('sha1').update(text).digest('hex').slice(0, 12)
}
