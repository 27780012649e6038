import { createHash } from 'node:crypto'
import { rehypeHeadingIds } from '@astrojs/markdown-remark'
import type { Element, Root as HastRoot } from 'hast'
import type { Heading, Root } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { parseSectionHeading } from './headings.ts'
import type { HeadingInfo } from './types.ts'

/** What the outline needs besides the tree. */
export interface OutlineOptions {
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
 * Rather than slugging a second way, this runs Astro's own `rehypeHeadingIds`
 * over the headings converted to HTML the way remark-rehype converts them, so
 * the text (after smartypants), the slugger and the duplicate suffixes are
 * Astro's.
 */
export function buildOutline(tree: Root, options: OutlineOptions): HeadingInfo[] {
  const headings: Heading[] = []
  visit(tree, 'heading', (node) => {
    if (node.depth === 1 && node.position?.start.line === options.titleLine) return
    headings.push(node)
  })
  const elements = headings.map((heading) => {
    const element = toHast(heading) as Element
    const preset = options.presetIds?.get(heading)
    if (preset) element.properties = { ...element.properties, id: preset }
    return element
  })
  const file = new VFile()
  const hastRoot: HastRoot = { type: 'root', children: elements }
  unified().use(rehypeHeadingIds).runSync(hastRoot, file)
  const rendered = file.data.astro?.headings ?? []

  return headings.map((heading, index) => {
    const text = rendered[index]?.text ?? ''
    const { number, title } = parseSectionHeading(text)
    return {
      depth: heading.depth,
      text,
      ...(number === undefined ? {} : { number }),
      title,
      id: String(elements[index]?.properties?.id ?? rendered[index]?.slug ?? ''),
      line: (heading.position?.start.line ?? 0) + options.bodyLineOffset,
      fingerprint: fingerprintSection(options.body, headings, index),
    }
  })
}

/**
 * A short hash of a section's own text: its heading and everything up to the
 * next heading of the same or a higher level. Whitespace runs are folded so
 * re-wrapping a paragraph does not count as a change.
 */
function fingerprintSection(body: string, headings: Heading[], index: number): string {
  const heading = headings[index]!
  const start = heading.position?.start.offset ?? 0
  let end = body.length
  for (const next of headings.slice(index + 1)) {
    if (next.depth <= heading.depth) {
      end = next.position?.start.offset ?? end
      break
    }
  }
  const text = body.slice(start, end).replace(/\s+/g, ' ').trim()
  return createHash('sha1').update(text).digest('hex').slice(0, 12)
}
