import type { Heading, ListItem, Paragraph, Root, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { DocumentKind } from '../config/schema.ts'
import { parseMarkdown } from '../markdown/parse.ts'
import type { RunContainer } from '../markdown/text-runs.ts'
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
 * Whether a document of kind `requirements` defines any ID, as the index finds definitions:
 * known from the documents alone, before the index is built (the sidebar's Traceability
 * entry). Parses the requirements documents only.
 */
export function definesAnyRequirement(
  sources: Iterable<{ kind: DocumentKind; body: string }>,
  matcher: RequirementMatcher,
): boolean {
  for (const source of sources) {
    if (source.kind !== 'requirements') continue
    if (findRequirementDefinitions(parseMarkdown(source.body), matcher).length > 0) return true
  }
  return false
}

/**
 * Finds the list items, table rows and headings that define requirement IDs:
 * those that begin with an ID, bold or not, followed by a separator or by a
 * short title and a separator (see `RequirementMatcher.matchDefinition`), and
 * table rows whose first cell is the ID alone. Pure: reads the tree only.
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
      const found = matcher.matchDefinition(toString(first)) ?? matchBoldLabel(first, matcher)
      if (found) push(node, found)
    } else if (node.type === 'heading') {
      const found = matcher.matchDefinition(toString(node), { atEnd: true })
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
      // `| REQ-15: Audit | Every change is logged |`: the rest of the row is the text too.
      if (found) {
        const others = rest.map((cell) => toString(cell).trim()).filter((text) => text !== '')
        push(node, { id: found.id, text: [found.text, ...others].filter(Boolean).join(' — ') })
      }
    }
  })
  return definitions
}

/**
 * `**FR-002** Users see an error`: an ID set in bold as the item's label defines it, whatever
 * follows (bold marks a label the way a separator does).
 */
function matchBoldLabel(
  paragraph: Paragraph,
  matcher: RequirementMatcher,
): { id: string; text: string } | undefined {
  const [label, ...rest] = paragraph.children
  if (label?.type !== 'strong') return undefined
  const id = matcher.matchWholeId(toString(label))
  if (!id) return undefined
  const text = toString({ type: 'paragraph', children: rest }).trim()
  if (matcher.findMentions(text)[0]?.start === 0) return undefined // `**FR-1** FR-2 …`: a list
  return { id, text }
}

/**
 * The runs whose first ID is a definition rather than a mention (the first
 * paragraph of a defining list item, a defining heading, the ID cell of a
 * defining row). Only documents of kind `requirements` define.
 */
export function findDefiningContainers(tree: Root, matcher: RequirementMatcher): Set<RunContainer> {
  const containers = new Set<RunContainer>()
  for (const definition of findRequirementDefinitions(tree, matcher)) {
    const node = definition.node
    const first = node.type === 'heading' ? node : node.children[0]
    if (
      first &&
      (first.type === 'paragraph' || first.type === 'heading' || first.type === 'tableCell')
    )
      containers.add(first)
  }
  return containers
}
