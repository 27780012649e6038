import type { Heading, ListItem, Root, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { RequirementMatcher } from './patterns.ts'

/** An element of a requirements document that defines an ID. */
export interface RequirementDefinitionNode {
  id: string
  text: string
  node: ListItem | TableRow | Heading
  /** Body-relative position of the element's start. */
  line: number
  column: number
}

/**
 * Finds the list items, table rows and headings that define requirement IDs:
 * those that begin with an ID followed by `:`, `-`, `—` or a closing bracket
 * (a table row whose first cell is the ID alone). Pure: reads the tree only.
 */
export function findRequirementDefinitions(
  tree: Root,
  matcher: RequirementMatcher,
): RequirementDefinitionNode[] {
  const definitions: RequirementDefinitionNode[] = []
  const push = (node: RequirementDefinitionNode['node'], found: { id: string; text: string }) =>
    definitions.push({
      ...found,
      node,
      line: node.position?.start.line ?? 0,
      column: node.position?.start.column ?? 0,
    })

  visit(tree, (node) => {
    if (node.type === 'listItem') {
      const first = node.children[0]
      if (first?.type !== 'paragraph') return
      const found = matcher.matchDefinition(toString(first))
      if (found) push(node, found)
    } else if (node.type === 'heading') {
      const found = matcher.matchDefinition(toString(node))
      if (found) push(node, found)
    } else if (node.type === 'tableRow') {
      const [idCell, ...rest] = node.children
      if (!idCell) return
      const cellText = toString(idCell)
      const whole = matcher.matchWholeId(cellText)
      if (whole) {
        push(node, { id: whole, text: rest.map((cell) => toString(cell).trim()).join(' — ') })
        return
      }
      const found = matcher.matchDefinition(cellText)
      if (found) push(node, found)
    }
  })
  return definitions
}
