import { kindLabels } from '../config/schema.ts'
import { findImplementations, type PageCitations } from '../analysis/citations.ts'
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
 * The search filters of a page: its kind, the roles whose guides cite it (so "Role:
 * Engineer" narrows results to the engineer's reading), and the requirements it defines,
 * cites or implements. Asked one page at a time while pages render, from the citations of
 * the role guides (recorded before any page renders) and of the page itself (recorded by its
 * own analysis just before), so no page waits for the citations of all the others. What does
 * not depend on a page's own citations is computed once, on the first call.
 */
export function createPageFacets(
  index: DocIndex,
  citationsOf: (path: string) => PageCitations | undefined,
): (path: string) => PageFacets | undefined {
  let fixed:
    { rolesCiting: Map<string, Set<string>>; requirementsOf: Map<string, Set<string>> } | undefined
  const add = (map: Map<string, Set<string>>, path: string | undefined, value: string) => {
    if (path === undefined || !index.documentsByPath.has(path)) return
    const values = map.get(path) ?? new Set<string>()
    values.add(value)
    map.set(path, values)
  }
  const computeFixed = () => {
    const rolesCiting = new Map<string, Set<string>>()
    const requirementsOf = new Map<string, Set<string>>()
    for (const document of index.documents) {
      if (document.kind !== 'role') continue
      add(rolesCiting, document.path, document.title)
      const page = citationsOf(document.path)
      for (const [key] of page?.sections ?? []) {
        add(rolesCiting, key.slice(0, key.lastIndexOf('#')), document.title)
      }
      for (const [key] of page?.requirements ?? []) {
        add(rolesCiting, index.requirements.get(key)?.document, document.title)
      }
    }
    for (const requirement of index.requirements.values()) {
      add(requirementsOf, requirement.document, requirement.id)
      for (const design of findImplementations(requirement.id, index))
        add(requirementsOf, design.path, requirement.id)
    }
    return { rolesCiting, requirementsOf }
  }
  return (path) => {
    const document = index.documentsByPath.get(path)
    if (!document) return undefined
    fixed ??= computeFixed()
    const requirements = new Set(fixed.requirementsOf.get(path))
    for (const [key] of citationsOf(path)?.requirements ?? []) {
      const requirement = index.requirements.get(key)
      if (requirement) requirements.add(requirement.id)
    }
    return {
      kind: kindLabels[document.kind],
      roles: [...(fixed.rolesCiting.get(path) ?? [])].sort(),
      requirements: [...requirements].sort(),
    }
  }
}
