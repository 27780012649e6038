import type { ListItem, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { ReadingItem } from '../../core/reading/types.ts'

/** One item of the author's reading list and the sections it asks for. */
export interface AuthorItem {
  node: ListItem
  items: ReadingItem[]
}

/**
 * Finds, for each section of a guide's required reading, the list item of the guide's own
 * reading list that cites it: the innermost list item whose own lines (nested lists aside)
 * hold the citation's line. Items come back in the guide's order, each with every section it
 * asks for (`- **§3-§12**: …` asks for ten). `lineOffset` turns the tree's lines into the
 * author's.
 */
export function findAuthorItems(
  tree: Root,
  reading: readonly ReadingItem[],
  lineOffset: number,
): AuthorItem[] {
  const spans: Array<{ node: ListItem; from: number; to: number }> = []
  visit(tree, 'listItem', (node) => {
    const start = node.position?.start.line
    const end = node.position?.end.line
    if (start === undefined || end === undefined) return
    const nested = node.children.find((child) => child.type === 'list')
    const ownEnd = nested?.position ? nested.position.start.line - 1 : end
    spans.push({ node, from: start + lineOffset, to: ownEnd + lineOffset })
  })
  const byNode = new Map<ListItem, ReadingItem[]>()
  for (const item of reading) {
    // Nested items start later than their parents: the last span that holds the line is innermost.
    const span = spans.filter(({ from, to }) => from <= item.line && item.line <= to).at(-1)
    if (!span) continue
    byNode.set(span.node, [...(byNode.get(span.node) ?? []), item])
  }
  return [...byNode].map(([node, items]) => ({ node, items }))
}
