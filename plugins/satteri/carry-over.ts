import type { Element, Properties, Root as HastRoot, RootContent as HastContent } from 'hast'
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast'
import type { Position } from 'unist'

/**
 * What the HTML tree needs from the markdown tree that Sätteri does not carry over, by element
 * kind, in document order (one entry per element of that kind).
 */
export interface CarryOver {
  /** Positions of the nodes that become `h1`–`h6`: Sätteri drops positions of plugin-built trees. */
  headings: Array<Position | undefined>
  /** `data.hProperties` of table rows: Sätteri ignores them there (`mdast-util-to-hast` applies them). */
  rows: Array<Properties | undefined>
  /** `data.hProperties` of table cells, as for rows. */
  cells: Array<Properties | undefined>
}

/** The type Sätteri renders through `data.hName` like any user-defined parent node. */
export const elementNodeType = 'handbookElement'

const headingTag = /^h[1-6]$/

/**
 * Prepares the markdown tree the remark plugins made for Sätteri's conversion to HTML, so that
 * it yields what `mdast-util-to-hast` yields, and returns what the HTML tree must get back.
 *
 * `mdast-util-to-hast` unwraps a tight list item's paragraph only when it still renders as
 * `<p>`; Sätteri unwraps every paragraph, losing a `data.hName` such as the `div` of a
 * requirement's backlinks. Such a paragraph becomes a user-defined node, which Sätteri renders
 * through `data.hName` and `data.hProperties` alone.
 */
export function prepareMarkdownTree(tree: MdastRoot): CarryOver {
  const carry: CarryOver = { headings: [], rows: [], cells: [] }
  const walk = (node: MdastRoot | MdastContent, parentType: string | undefined) => {
    const data = node.data as { hName?: unknown; hProperties?: Properties } | undefined
    const hName = data?.hName
    if (typeof hName === 'string' ? headingTag.test(hName) : node.type === 'heading') {
      carry.headings.push((node as { position?: Position }).position)
    }
    if (node.type === 'tableRow') carry.rows.push(data?.hProperties)
    if (node.type === 'tableCell') carry.cells.push(data?.hProperties)
    if (
      node.type === 'paragraph' &&
      parentType === 'listItem' &&
      typeof hName === 'string' &&
      hName !== 'p'
    ) {
      ;(node as { type: string }).type = elementNodeType
    }
    if ('children' in node) for (const child of node.children) walk(child, node.type)
  }
  walk(tree, undefined)
  return carry
}

/**
 * Gives the HTML tree what `mdast-util-to-hast` would have carried over (see {@link CarryOver}).
 * Elements are matched to markdown nodes in document order; a kind whose counts differ is left
 * alone rather than guessed.
 */
export function applyCarryOver(tree: HastRoot, carry: CarryOver): void {
  const headings: Element[] = []
  const rows: Element[] = []
  const cells: Element[] = []
  const walk = (node: HastRoot | HastContent) => {
    if (node.type === 'element') {
      if (headingTag.test(node.tagName)) headings.push(node)
      else if (node.tagName === 'tr') rows.push(node)
      else if (node.tagName === 'td' || node.tagName === 'th') cells.push(node)
    }
    if ('children' in node) node.children.forEach(walk)
  }
  walk(tree)
  if (headings.length === carry.headings.length) {
    headings.forEach((heading, index) => {
      const position = carry.headings[index]
      if (position) heading.position = position
    })
  }
  const assign = (elements: Element[], properties: Array<Properties | undefined>) => {
    if (elements.length !== properties.length) return
    elements.forEach((element, index) => {
      const extra = properties[index]
      if (extra) element.properties = { ...element.properties, ...structuredClone(extra) }
    })
  }
  assign(rows, carry.rows)
  assign(cells, carry.cells)
}

/** Tag names of the elements {@link createCarryOverMatcher} gives what the markdown tree held. */
export const carriedTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th'] as const

/**
 * {@link applyCarryOver} one element at a time, for a walk that visits the HTML tree's
 * elements in document order without copying it: the returned function gives a heading its
 * position and returns the properties a row or cell must get. `counts` holds how many elements
 * of each tag the tree has; a kind whose count differs from the markdown tree's is left alone.
 */
export function createCarryOverMatcher(
  carry: CarryOver,
  counts: ReadonlyMap<string, number>,
): (element: Element) => Properties | undefined {
  const count = (tags: readonly string[]) =>
    tags.reduce((sum, tag) => sum + (counts.get(tag) ?? 0), 0)
  const matches = {
    headings: count(carriedTags.slice(0, 6)) === carry.headings.length,
    rows: count(['tr']) === carry.rows.length,
    cells: count(['td', 'th']) === carry.cells.length,
  }
  const seen = { headings: 0, rows: 0, cells: 0 }
  return (element) => {
    if (headingTag.test(element.tagName)) {
      const position = carry.headings[seen.headings++]
      if (matches.headings && position) element.position = position
      return undefined
    }
    const kind =
      element.tagName === 'tr'
        ? 'rows'
        : element.tagName === 'td' || element.tagName === 'th'
          ? 'cells'
          : undefined
    if (kind === undefined) return undefined
    const extra = carry[kind][seen[kind]++]
    return matches[kind] && extra ? structuredClone(extra) : undefined
  }
}
