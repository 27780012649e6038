import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import { parseSectionHeading } from '../../core/documents/headings.ts'
import type { DocIndex } from '../../core/documents/types.ts'
import { facetNames, type PageFacets } from '../../core/search/facets.ts'

/**
 * Pagefind weights (0–10, quadratic; body text is 1). Numbered sections all
 * weigh as a level-two heading would, however deep they sit, and a
 * requirement definition outweighs prose that merely mentions its words.
 */
export const searchWeights = { section: '6', definition: '3', definitionHeading: '6' } as const

/** Longest sub-result title, in characters. */
const titleLength = 90

/**
 * Tells Pagefind what a page's parts are. Each numbered heading becomes a
 * sub-result titled `§5.2 Channel Discipline`; each requirement definition
 * (`li.hb-requirement`, a table row or a heading with the ID as its id)
 * becomes a sub-result titled `CLD-REQ-020: <its text>` although it is not a
 * heading (Pagefind makes a sub-result of any element with an `id` and
 * `data-pagefind-title`); both weigh more than body text.
 */
export function markSearchTargets(
  tree: Root,
  index: Pick<DocIndex, 'requirements' | 'documentsByPath'>,
  documentPath?: string,
  lineOffset = 0,
): void {
  const markOf = createSearchMarker(index, documentPath, lineOffset)
  visit(tree, 'element', (node) => {
    const mark = markOf(node, () => textOf(node))
    if (mark) Object.assign(node.properties, mark)
  })
}

/** The Pagefind attributes {@link markSearchTargets} gives one element. */
export interface SearchMark {
  dataPagefindTitle: string
  dataPagefindWeight: string
}

/**
 * What {@link markSearchTargets} decides for each element of one page, one element at a time:
 * the unified plugin and its Sätteri form both ask it. `textOf` is read only for a heading of
 * a page without an outline.
 */
export function createSearchMarker(
  index: Pick<DocIndex, 'requirements' | 'documentsByPath'>,
  documentPath?: string,
  lineOffset = 0,
): (node: Element, textOf: () => string) => SearchMark | undefined {
  // Only the document's outline numbers its sections: `### 1. Before coding` under
  // `## Workflow` is list numbering, not §1. Headings are matched by source line: Astro gives
  // them their ids after this plugin runs.
  const outline = new Map(
    (documentPath === undefined
      ? []
      : (index.documentsByPath.get(documentPath)?.headings ?? [])
    ).map((heading) => [heading.line, heading]),
  )
  return (node, textOf) => {
    const definition = findDefinition(node)
    const isHeading = /^h[1-6]$/.test(node.tagName)
    if (definition !== undefined) {
      const requirement =
        definition.key === undefined ? undefined : index.requirements.get(definition.key)
      const text = requirement ? `${requirement.id}: ${requirement.text}` : definition.id
      return {
        dataPagefindTitle: shorten(text, titleLength),
        dataPagefindWeight: isHeading ? searchWeights.definitionHeading : searchWeights.definition,
      }
    }
    if (!isHeading) return undefined
    const line = node.position?.start.line
    const known = line === undefined ? undefined : outline.get(line + lineOffset)
    const { number, title } = known ?? (outline.size === 0 ? parseSectionHeading(textOf()) : {})
    if (number === undefined) return undefined
    return {
      dataPagefindTitle: shorten(`§${number} ${title}`, titleLength),
      dataPagefindWeight: searchWeights.section,
    }
  }
}

/**
 * Tags of the elements {@link createSearchMarker} may mark: headings, and the list items and
 * table rows the requirement plugin marks as definitions (`plugins/remark-requirement-links`).
 */
export const searchMarkTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr'] as const

/**
 * The page's filters and the `kind` meta as empty, hidden elements; Pagefind
 * reads each value from an attribute (`role[data-value]`), so a value may
 * hold any character.
 */
export function buildFacetElement(facets: PageFacets): Element {
  const marker = (attribute: string, name: string, value: string) =>
    h('span', { [attribute]: `${name}[data-value]`, dataValue: value })
  return h('div', { hidden: true, className: ['hb-search-facets'] }, [
    marker('dataPagefindFilter', facetNames.kind, facets.kind),
    marker('dataPagefindMeta', facetNames.kind, facets.kind),
    ...facets.roles.map((role) => marker('dataPagefindFilter', facetNames.roles, role)),
    ...facets.requirements.map((id) => marker('dataPagefindFilter', facetNames.requirements, id)),
  ])
}

function findDefinition(node: Element): { id: string; key?: string } | undefined {
  const classes = node.properties.className
  const isDefinition = Array.isArray(classes) && classes.includes('hb-requirement')
  const id = node.properties.dataRequirement
  const key = node.properties.dataRequirementKey
  if (!isDefinition || typeof id !== 'string') return undefined
  return typeof key === 'string' ? { id, key } : { id }
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`
}
