import { kindLabels } from '../config/schema.ts'
import { findImplementations, type CitationIndex } from '../analysis/citations.ts'
import type { DocIndex } from '../documents/types.ts'

/** The Pagefind filters of one page. */
export interface PageFacets {
  /** The document kind's label, as in the sidebar: `Standards`, `Roles`. */
  kind: string
  /** Role guides that cite this page (a role guide also carries its own role), by title. */
  roles: string[]
  /** Requirements this page defines, cites or implements, by ID. */
  requirements: string[]
}

/** Filter names, as the search dialog shows them. */
export const facetNames = { kind: 'kind', roles: 'role', requirements: 'requirement' } as const

/**
 * The search filters of every page, keyed by document path: its kind, the
 * roles whose guides cite it (so "Role: Engineer" narrows results to the
 * engineer's reading), and the requirements it defines, cites or implements.
 * One pass over the citations.
 */
export function buildSearchFacets(built: {
  index: DocIndex
  citations: CitationIndex
}): Map<string, PageFacets> {
  const { index, citations } = built
  const roles = new Map<string, Set<string>>()
  const requirements = new Map<string, Set<string>>()
  const add = (map: Map<string, Set<string>>, path: string | undefined, value: string) => {
    if (path === undefined || !index.documentsByPath.has(path)) return
    const values = map.get(path) ?? new Set<string>()
    values.add(value)
    map.set(path, values)
  }
  const roleOf = (path: string) => {
    const document = index.documentsByPath.get(path)
    return document?.kind === 'role' ? document.title : undefined
  }

  for (const document of index.documents) {
    const role = roleOf(document.path)
    if (role) add(roles, document.path, role)
  }
  for (const [key, list] of citations.sections) {
    const cited = key.slice(0, key.lastIndexOf('#'))
    for (const citation of list) {
      const role = roleOf(citation.document)
      if (role) add(roles, cited, role)
    }
  }
  for (const [key, list] of citations.requirements) {
    const requirement = index.requirements.get(key)
    if (!requirement) continue
    for (const citation of list) {
      add(requirements, citation.document, requirement.id)
      const role = roleOf(citation.document)
      if (role) add(roles, requirement.document, role)
    }
  }
  for (const requirement of index.requirements.values()) {
    add(requirements, requirement.document, requirement.id)
    for (const design of findImplementations(requirement.id, index))
      add(requirements, design.path, requirement.id)
  }

  const sorted = (values: Set<string> | undefined) => [...(values ?? [])].sort()
  return new Map(
    index.documents.map((document) => [
      document.path,
      {
        kind: kindLabels[document.kind],
        roles: sorted(roles.get(document.path)),
        requirements: sorted(requirements.get(document.path)),
      },
    ]),
  )
}
