import type { Properties } from 'hast'
import type { ListItem, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast'
import type { HandbookIndex } from '../../core/handbook-index.ts'
import type { RequirementInfo } from '../../core/documents/types.ts'
import { joinBase } from '../../core/links.ts'
import { findRequirementDefinitions } from '../../core/requirements/definitions.ts'
import type { RequirementMatcher } from '../../core/requirements/patterns.ts'
import { summarizeCitations } from '../../core/analysis/citations.ts'
import { describeCitedIn, groupCitedByDocument } from '../../core/traceability/cited-in.ts'
import { h } from 'hastscript'
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
    // The definition that owns the anchor in its folder (a duplicate in the same folder has none).
    const requirement = (built.index.requirementsById.get(definition.id) ?? []).find(
      (candidate) =>
        candidate.document === page.path && candidate.line === definition.line + page.lineOffset,
    )
    if (!requirement) continue
    const node = definition.node
    node.data = {
      ...node.data,
      hProperties: {
        ...(node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties,
        id: requirement.anchor,
        className: ['hb-requirement'],
        dataRequirement: requirement.id,
        dataRequirementKey: requirement.key,
      },
    }
    const backlinks = buildBacklinks(requirement, built, base)
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

/**
 * `Implemented by Node Registry · ▸ Cited 24× in 9 documents`, as phrasing content: the
 * citations collapse to a count by document, in a disclosure that lists each document with
 * links to its sections (the traceability page shows the same).
 */
function buildBacklinks(
  requirement: RequirementInfo,
  built: HandbookIndex,
  base: string,
): PhrasingContent[] {
  const { citedBy, implementedBy } = summarizeCitations(requirement, built)
  const children: PhrasingContent[] = []
  if (implementedBy.length === 0) {
    children.push({
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['hb-backlinks__missing'] } },
      children: [{ type: 'text', value: '○ No implementing design document' }],
    })
  } else {
    children.push({ type: 'text', value: 'Implemented by ' })
    implementedBy.forEach((document, position) => {
      if (position > 0) children.push({ type: 'text', value: ', ' })
      children.push({
        type: 'link',
        url: joinBase(base, document.route),
        children: [{ type: 'text', value: document.title }],
      })
    })
  }
  children.push({ type: 'text', value: ' · ' })
  const cited = groupCitedByDocument(citedBy)
  if (cited.length === 0) {
    children.push({
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['hb-backlinks__missing'] } },
      children: [{ type: 'text', value: '⚠ Not cited anywhere' }],
    })
    return children
  }
  const url = (route: string, fragment?: string) =>
    `${joinBase(base, route)}${fragment ? `#${fragment}` : ''}`
  const places = cited.map((place) =>
    h('li', [
      h('a', { href: url(place.route) }, place.title),
      ...(place.sections.length > 0 ? [': '] : []),
      ...place.sections.flatMap((section, position) => [
        ...(position > 0 ? [', '] : []),
        h('a', { href: url(place.route, section.sectionId) }, `§${section.section}`),
        ...(section.count > 1 ? [` (${section.count}×)`] : []),
      ]),
      ...(place.sections.length === 0 && place.count > 1 ? [` (${place.count}×)`] : []),
    ]),
  )
  children.push({
    type: 'emphasis',
    children: [],
    data: {
      hName: 'details',
      hChildren: [h('summary', describeCitedIn(cited)), h('ul', places)],
    },
  })
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
