import type { CollaborationEdge, CollaborationGraph } from './graph.ts'

/** One role's neighbours on the map, as role guide paths. */
export interface RoleConnections {
  /** Roles this one hands work to. */
  handsTo: string[]
  /** Roles that hand work to this one. */
  receivesFrom: string[]
  /** Roles this one works with (a "With …" section in either guide). */
  worksWith: string[]
}

/** The roles one role hands work to, receives it from and works with, in edge order. */
export function findRoleConnections(graph: CollaborationGraph, role: string): RoleConnections {
  const connections: RoleConnections = { handsTo: [], receivesFrom: [], worksWith: [] }
  for (const edge of graph.edges) {
    if (edge.kind === 'hands-off') {
      if (edge.from === role) connections.handsTo.push(edge.to)
      if (edge.to === role) connections.receivesFrom.push(edge.from)
    } else if (edge.from === role || edge.to === role) {
      connections.worksWith.push(edge.from === role ? edge.to : edge.from)
    }
  }
  return connections
}

/** An edge as a sentence: "Product Owner hands work to Architect", "Documenter works with Architect". */
export function describeEdge(edge: CollaborationEdge, labels: ReadonlyMap<string, string>): string {
  const from = labels.get(edge.from) ?? edge.from
  const to = labels.get(edge.to) ?? edge.to
  return edge.kind === 'hands-off' ? `${from} hands work to ${to}` : `${from} works with ${to}`
}

/**
 * The text alternative of the whole map: how many roles and edges, then
 * every edge as a sentence; with `highlight`, which role is highlighted and
 * its neighbours first.
 */
export function describeMap(
  graph: CollaborationGraph,
  labels: ReadonlyMap<string, string>,
  highlight?: string,
): string {
  const name = (role: string) => labels.get(role) ?? role
  const sentences: string[] = []
  if (highlight) {
    const { handsTo, receivesFrom, worksWith } = findRoleConnections(graph, highlight)
    const list = (roles: string[]) => (roles.length === 0 ? 'nobody' : roles.map(name).join(', '))
    sentences.push(
      `${name(highlight)} is highlighted: receives work from ${list(receivesFrom)}; hands work to ${list(handsTo)}; works with ${list(worksWith)}.`,
    )
  }
  const handOffs = graph.edges.filter((edge) => edge.kind === 'hands-off').length
  sentences.push(
    `${graph.roles.length} roles, ${handOffs} hand-offs (arrows) and ${graph.edges.length - handOffs} working relationships (dashed lines, unless a hand-off joins the pair).`,
  )
  for (const edge of graph.edges) sentences.push(`${describeEdge(edge, labels)}.`)
  return sentences.join(' ')
}
