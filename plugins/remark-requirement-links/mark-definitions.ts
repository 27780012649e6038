import type { Properties } from 'hast'
import type { ListItem, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast'
import type { HandbookIndex } from '../../core/handbook-index.ts'
import { joinBase } from '../../core/links.ts'
import { findRequirementDefinitions } from '../../core/requirements/definitions.ts'
import type { RequirementMatcher } from '../../core/requirements/patterns.ts'
import { summarizeCitations } from '../../core/analysis/citations.ts'
import type { PageData } from '../../core/page-data.ts'

/**
 * Gives each definition its anchor and, under it, where it is cited and which
 * design documents implement it, as plain links: readable without
 * JavaScript. A second definition of the same ID gets no anchor (the first
 * one owns it; the index reports the duplicate).
 */
export function markDefinitions(
  tree: Root,
  matcher: RequirementMatcher,
  page: PageData,
  built: HandbookIndex,
  base: string,
): void {
  for (const definition of findRequirementDefinitions(tree, matcher)) {
    const requirement = built.index.requirements.get(definition.id)
    const isFirstDefinition =
      requirement?.document === page.path && requirement.line === definition.line + page.lineOffset
    if (!requirement || !isFirstDefinition) continue
    const node = definition.node
    node.data = {
      ...node.data,
      hProperties: {
        ...(node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties,
        id: requirement.anchor,
        className: ['hb-requirement'],
        dataRequirement: requirement.id,
      },
    }
    const backlinks = buildBacklinks(requirement.id, built, base)
    const block: Paragraph = {
      type: 'paragraph',
      children: backlinks,
      data: { hName: 'div', hProperties: backlinkProperties(requirement.id) },
    }
    if (node.type === 'listItem') (node as ListItem).children.push(block)
    else if (node.type === 'tableRow') appendToLastCell(node as TableRow, requirement.id, backlinks)
    else insertAfter(tree, node, block)
  }
}

/** Marks the backlinks of one requirement; search skips them. */
function backlinkProperties(id: string): Properties {
  return { className: ['hb-backlinks'], dataBacklinksFor: id, dataPagefindIgnore: '' }
}

/** `Cited in: Engineer §2 (2×) · Implemented by: Node Registry`, as phrasing content. */
function buildBacklinks(id: string, built: HandbookIndex, base: string): PhrasingContent[] {
  const { citedBy, implementedBy } = summarizeCitations(id, built)
  const children: PhrasingContent[] = []
  const addList = (label: string, items: { text: string; url: string }[]) => {
    if (children.length > 0) children.push({ type: 'text', value: ' · ' })
    children.push({ type: 'strong', children: [{ type: 'text', value: `${label}: ` }] })
    if (items.length === 0) children.push({ type: 'text', value: 'none' })
    items.forEach((item, position) => {
      if (position > 0) children.push({ type: 'text', value: ', ' })
      children.push({ type: 'link', url: item.url, children: [{ type: 'text', value: item.text }] })
    })
  }
  addList(
    'Cited in',
    citedBy.map((entry) => ({
      text: `${entry.title}${entry.section ? ` §${entry.section}` : ''}${entry.count > 1 ? ` (${entry.count}×)` : ''}`,
      url: `${joinBase(base, entry.route)}${entry.sectionId ? `#${entry.sectionId}` : ''}`,
    })),
  )
  addList(
    'Implemented by',
    implementedBy.map((document) => ({
      text: document.title,
      url: joinBase(base, document.route),
    })),
  )
  return children
}

function appendToLastCell(row: TableRow, id: string, children: PhrasingContent[]) {
  const cell = row.children[row.children.length - 1]
  if (!cell) return
  // A cell holds phrasing only: the same links in a span.
  cell.children.push(
    { type: 'break' },
    { type: 'emphasis', children, data: { hName: 'span', hProperties: backlinkProperties(id) } },
  )
}

function insertAfter(tree: Root, node: RootContent, content: RootContent) {
  const position = tree.children.indexOf(node)
  if (position !== -1) tree.children.splice(position + 1, 0, content)
}
