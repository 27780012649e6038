import type { CollaborationGraph, EdgeKind } from './graph.ts'

/** A role's box on the map; `x`, `y` are its centre. */
export interface MapNode {
  role: string
  label: string
  x: number
  y: number
  width: number
  height: number
}

/** A drawn edge: an SVG path from the border of one box to the border of the other. */
export interface MapEdge {
  from: string
  to: string
  kind: EdgeKind
  /** SVG path data (`M x y L x y`, or a quadratic curve when both directions are drawn). */
  path: string
}

/** Everything needed to draw the map as inline SVG. */
export interface MapLayout {
  width: number
  height: number
  nodes: MapNode[]
  edges: MapEdge[]
}

/** Options of {@link layoutCollaborationMap}. */
export interface LayoutOptions {
  /**
   * Width of the drawing in SVG units.
   * @default 640
   */
  width?: number
  /**
   * Height of the drawing in SVG units.
   * @default 400
   */
  height?: number
}

const nodeHeight = 40
/** Gap between an edge's end and the box it points at, so arrowheads stay visible. */
const gap = 4
/** How far apart two opposite edges between one pair are bent, in SVG units. */
const bend = 22

/**
 * Places the roles on a ring in the graph's order (so a stated chain reads
 * clockwise from the top) and draws each edge between the borders of its
 * boxes; a "works with" pair that a hand-off already joins is drawn once, as
 * the hand-off. Pure geometry, rounded to one decimal so the markup is stable.
 */
export function layoutCollaborationMap(
  graph: CollaborationGraph,
  labels: ReadonlyMap<string, string>,
  options: LayoutOptions = {},
): MapLayout {
  const width = options.width ?? 640
  const height = options.height ?? 400
  const sizes = graph.roles.map((role) => {
    const label = labels.get(role) ?? role
    return { role, label, width: Math.max(112, Math.round(label.length * 8.4 + 28)) }
  })
  const widest = Math.max(0, ...sizes.map((size) => size.width))
  const radiusX = width / 2 - widest / 2 - 8
  const radiusY = height / 2 - nodeHeight / 2 - 8
  const count = sizes.length
  const nodes: MapNode[] = sizes.map((size, position) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * position) / Math.max(count, 1)
    return {
      ...size,
      x: round(count === 1 ? width / 2 : width / 2 + radiusX * Math.cos(angle)),
      y: round(count === 1 ? height / 2 : height / 2 + radiusY * Math.sin(angle)),
      height: nodeHeight,
    }
  })
  const byRole = new Map(nodes.map((node) => [node.role, node]))
  const handOffs = new Set(
    graph.edges
      .filter((edge) => edge.kind === 'hands-off')
      .map((edge) => `${edge.from}>${edge.to}`),
  )
  const pair = (a: string, b: string) => [a, b].sort().join('\u0000')
  const joined = new Set(
    graph.edges.filter((edge) => edge.kind === 'hands-off').map((edge) => pair(edge.from, edge.to)),
  )
  const edges: MapEdge[] = []
  for (const edge of graph.edges) {
    const from = byRole.get(edge.from)
    const to = byRole.get(edge.to)
    if (!from || !to) continue
    // Two roles joined by a hand-off are drawn once, as the hand-off.
    if (edge.kind === 'works-with' && joined.has(pair(edge.from, edge.to))) continue
    const twoWay = edge.kind === 'hands-off' && handOffs.has(`${edge.to}>${edge.from}`)
    edges.push({ from: edge.from, to: edge.to, kind: edge.kind, path: drawEdge(from, to, twoWay) })
  }
  return { width, height, nodes, edges }
}

/** A straight line between two boxes, or a bent one when the opposite edge is drawn too. */
function drawEdge(from: MapNode, to: MapNode, bent: boolean): string {
  if (!bent) {
    const start = leaveBox(from, to.x - from.x, to.y - from.y, gap)
    const end = leaveBox(to, from.x - to.x, from.y - to.y, gap)
    return `M ${start.x} ${start.y} L ${end.x} ${end.y}`
  }
  // Bend to the right of the direction of travel: the two opposite edges part.
  const dx = to.x - from.x
  const dy = to.y - from.y
  const length = Math.hypot(dx, dy) || 1
  const control = {
    x: (from.x + to.x) / 2 + (-dy / length) * bend * 2,
    y: (from.y + to.y) / 2 + (dx / length) * bend * 2,
  }
  const start = leaveBox(from, control.x - from.x, control.y - from.y, gap)
  const end = leaveBox(to, control.x - to.x, control.y - to.y, gap)
  return `M ${start.x} ${start.y} Q ${round(control.x)} ${round(control.y)} ${end.x} ${end.y}`
}

/** Where a ray from the box's centre in direction (dx, dy) leaves the box, plus `margin`. */
function leaveBox(node: MapNode, dx: number, dy: number, margin: number) {
  const halfWidth = node.width / 2 + margin
  const halfHeight = node.height / 2 + margin
  const scale = Math.min(
    dx === 0 ? Infinity : halfWidth / Math.abs(dx),
    dy === 0 ? Infinity : halfHeight / Math.abs(dy),
  )
  const factor = Number.isFinite(scale) ? scale : 0
  return { x: round(node.x + dx * factor), y: round(node.y + dy * factor) }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
