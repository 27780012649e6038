/** What grouping needs of a requirement. */
export interface ScopedRequirement {
  id: string
  /** The folder of the defining document (`.` at the root). */
  scope: string
  citedBy: readonly { count: number }[]
  implementedBy: readonly unknown[]
}

/** The requirements one folder defines, with its counts. */
export interface ScopeGroup<T extends ScopedRequirement> {
  /** The folder, `.` for the top of the repository. */
  scope: string
  /** How the folder is shown: its path, or "Top folder". */
  label: string
  requirements: T[]
  counts: { total: number; notCited: number; notImplemented: number }
}

/**
 * Requirements grouped by the folder that defines them (docs/authoring.md,
 * "Scope"), in folder order, each group with its counts: one section per
 * feature where numbering restarts per feature. A handbook whose
 * requirements all live in one folder has one group.
 */
export function groupByScope<T extends ScopedRequirement>(
  requirements: readonly T[],
): ScopeGroup<T>[] {
  const groups = new Map<string, T[]>()
  for (const requirement of requirements) {
    groups.set(requirement.scope, [...(groups.get(requirement.scope) ?? []), requirement])
  }
  return [...groups]
    .sort(([a], [b]) =>
      a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b, 'en', { numeric: true }),
    )
    .map(([scope, list]) => ({
      scope,
      label: scope === '.' ? 'Top folder' : scope,
      requirements: list,
      counts: {
        total: list.length,
        notCited: list.filter((requirement) => requirement.citedBy.length === 0).length,
        notImplemented: list.filter((requirement) => requirement.implementedBy.length === 0).length,
      },
    }))
}
