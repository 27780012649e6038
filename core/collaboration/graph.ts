import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { humanize } from '../documents/describe.ts'
import type { DocIndex } from '../documents/types.ts'
import { collectTextRuns, pointInRun } from '../markdown/text-runs.ts'

/** How a guide says that work moves or that two roles work together. */
export type EvidenceKind = 'hand-off-heading' | 'chain' | 'with-heading'

/** Where a guide states an edge. */
export interface EdgeEvidence {
  /** Path of the guide that says it. */
  guide: string
  /** Line in the guide (frontmatter included). */
  line: number
  kind: EvidenceKind
  /** The words as written (`Hand-off to Tech Lead`, `Product Owner → Architect → Engineer`). */
  text: string
}

/**
 * `hands-off`: `from` hands work to `to` (a "Hand-off to …" heading, or
 * `A → B` in a chain). `works-with`: the guide of `from` has a "With …"
 * section about `to`; it has no direction.
 */
export type EdgeKind = 'hands-off' | 'works-with'

/** One edge between two roles, with every place that states it. */
export interface CollaborationEdge {
  /** Role guide paths. */
  from: string
  to: string
  kind: EdgeKind
  evidence: EdgeEvidence[]
}

/** Who hands work to whom, from what the role guides say. */
export interface CollaborationGraph {
  /** Role guide paths, in the order the map places them (see {@link orderRoles}). */
  roles: string[]
  /**
   * Hand-off edges first, then `works-with` pairs (each pair once, whichever
   * guide said it first), each group in order of first evidence.
   */
  edges: CollaborationEdge[]
}

/** A role as the graph needs it: its guide, the names authors call it by, its parsed body. */
export interface RoleGuide {
  path: string
  /** Names to match (`Tech Lead`, `tech-lead`); "Agent" after a name is allowed. */
  names: string[]
  tree: Root
  /** Lines before the body, added to reported lines. */
  bodyLineOffset: number
}

const withHeading = /^(?:working\s+|collaborat(?:e|ing|ion)\s+)?with\s+/i
const handOffHeading =
  /^(?:hand[\s-]?offs?|handing\s+off|hand(?:ing)?\s+over|handover)\s+(to|from)\s+/i
/** Arrows authors use between roles in a flow; smartypants turns `-->` into `–>`. */
const arrow = /^\s*(?:→|⟶|➔|➜|➝|->|-->|–>|—>|=>)\s*$/u

/** The role guides of an index, with the names they are called by. */
export function toRoleGuides(index: DocIndex, trees: ReadonlyMap<string, Root>): RoleGuide[] {
  return index.documents
    .filter((document) => document.kind === 'role' && trees.has(document.path))
    .map((document) => {
      const tree = trees.get(document.path)!
      const names = new Set([document.title])
      if (document.name) names.add(humanize(document.name)).add(document.name)
      const first = tree.children.find((node) => node.type === 'heading' && node.depth === 1)
      if (first) names.add(toString(first))
      return {
        path: document.path,
        names: [...names],
        tree,
        bodyLineOffset: document.bodyLineOffset,
      }
    })
}

/**
 * Reads who hands work to whom from the role guides: "Hand-off to X" (and
 * "Hand-off from X") headings, chains such as `Product Owner → Architect →
 * Engineer` in any paragraph, list item or table cell, and "With X"
 * headings for roles that work together. Names are matched whole and
 * case-insensitively; an unknown name and a role's hand-off to itself are
 * ignored.
 */
export function buildCollaborationGraph(guides: readonly RoleGuide[]): CollaborationGraph {
  const findMentions = createRoleMatcher(guides)
  const edges = new Map<string, CollaborationEdge>()
  const chains: string[][] = []
  const add = (from: string, to: string, kind: EdgeKind, evidence: EdgeEvidence) => {
    if (from === to) return
    const key =
      kind === 'works-with'
        ? [kind, ...[from, to].sort()].join('\u0000')
        : `${kind}\u0000${from}\u0000${to}`
    const edge = edges.get(key)
    if (edge) edge.evidence.push(evidence)
    else edges.set(key, { from, to, kind, evidence: [evidence] })
  }
  for (const guide of guides) {
    for (const run of collectTextRuns(guide.tree)) {
      const line = (run.container.position?.start.line ?? 0) + guide.bodyLineOffset
      const text = run.text.replace(/\s+/g, ' ').trim()
      const mentions = findMentions(run.text)
      if (run.container.type === 'heading') {
        const stated = readHeading(text, findMentions)
        if (stated) {
          const [from, to] =
            stated.direction === 'from' ? [stated.role, guide.path] : [guide.path, stated.role]
          const kind = stated.direction === 'with' ? 'works-with' : 'hands-off'
          add(from, to, kind, {
            guide: guide.path,
            line,
            kind: kind === 'works-with' ? 'with-heading' : 'hand-off-heading',
            text,
          })
          continue
        }
      }
      let chain: string[] = []
      for (let position = 0; position < mentions.length; position++) {
        const current = mentions[position]!
        const next = mentions[position + 1]
        if (next && arrow.test(run.text.slice(current.end, next.start))) {
          const evidenceText = run.text.slice(current.start, next.end).replace(/\s+/g, ' ')
          add(current.role, next.role, 'hands-off', {
            guide: guide.path,
            line: (pointInRun(run, current.start)?.line ?? 0) + guide.bodyLineOffset,
            kind: 'chain',
            text: evidenceText,
          })
          if (chain.length === 0) chain.push(current.role)
          chain.push(next.role)
        } else if (chain.length > 0) {
          chains.push(chain)
          chain = []
        }
      }
    }
  }
  const all = [...edges.values()]
  return {
    roles: orderRoles(
      guides.map((guide) => guide.path),
      chains,
    ),
    edges: [
      ...all.filter((edge) => edge.kind === 'hands-off'),
      ...all.filter((edge) => edge.kind === 'works-with'),
    ],
  }
}

/**
 * The order the map places roles in, around its ring: the longest chain a
 * guide states (the flow readers already know), then every other role in
 * guide order. With no chain, guide order.
 */
export function orderRoles(roles: readonly string[], chains: readonly string[][]): string[] {
  const longest = [...chains].sort((a, b) => b.length - a.length)[0] ?? []
  const ordered = [...new Set(longest)].filter((role) => roles.includes(role))
  for (const role of roles) if (!ordered.includes(role)) ordered.push(role)
  return ordered
}

/**
 * What a collaboration heading says: "Hand-off to the Tech Lead" (`to`),
 * "Hand-off from Architect" (`from`), "With Architect Agent" (`with`). The
 * role must follow the phrase directly (an article aside).
 */
function readHeading(
  text: string,
  findMentions: (text: string) => RoleMention[],
): { direction: 'to' | 'from' | 'with'; role: string } | undefined {
  const handOff = handOffHeading.exec(text)
  const together = handOff ? undefined : withHeading.exec(text)
  const phrase = handOff ?? together
  if (!phrase) return undefined
  const rest = text.slice(phrase[0].length)
  const role = findMentions(rest)[0]
  if (!role || !/^(?:the\s+)?$/i.test(rest.slice(0, role.start))) return undefined
  const direction = handOff ? (handOff[1]!.toLowerCase() as 'to' | 'from') : 'with'
  return { direction, role: role.role }
}

/** A role named in a text. */
interface RoleMention {
  role: string
  start: number
  end: number
}

/**
 * A function that finds role names in a text: whole words, any case, hyphens
 * or spaces between words, an optional "Agent" after; longer names first, so
 * "Unit Tester" is not read as "Tester".
 */
function createRoleMatcher(guides: readonly RoleGuide[]): (text: string) => RoleMention[] {
  const names = guides
    .flatMap((guide) =>
      guide.names.map((name) => ({
        role: guide.path,
        words: name
          .replace(/\s+agent$/i, '')
          .trim()
          .split(/[\s_-]+/)
          .filter(Boolean),
      })),
    )
    .filter((name) => name.words.length > 0)
    .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length)
  const byPattern = new Map<string, string>()
  for (const name of names) {
    const key = name.words.map((word) => word.toLowerCase()).join(' ')
    if (!byPattern.has(key)) byPattern.set(key, name.role)
  }
  if (byPattern.size === 0) return () => []
  const alternatives = [...byPattern.keys()].map((key) =>
    key
      .split(' ')
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s_-]+'),
  )
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?:\\s+agents?)?(?![\\p{L}\\p{N}])`,
    'giu',
  )
  return (text) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const words = match[0]
        .replace(/\s+agents?$/i, '')
        .toLowerCase()
        .split(/[\s_-]+/)
        .join(' ')
      const role = byPattern.get(words)
      return role ? [{ role, start: match.index, end: match.index + match[0].length }] : []
    })
}
