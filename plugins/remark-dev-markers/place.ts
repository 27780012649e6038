import type { Literal, Node, Parent } from 'unist'

/** A point as our plugins report it: 1-based line and column in the page's markdown. */
export interface Point {
  line: number
  column: number
}

/** Where a finding stands in the tree: a whole node, or a stretch of one text node. */
export type FindingPlace =
  | { kind: 'node'; parent: Parent; node: Node }
  | { kind: 'text'; parent: Parent; node: Literal & { value: string }; start: number; end: number }

/**
 * Finds the node a finding points at. A node that starts exactly there (a link: a stale
 * reference stays linked; a link to a missing file) is taken whole; otherwise the character
 * of a text node at that point starts the stretch, which runs for `token` when the text there
 * reads so (the reference the message quotes), else to the end of the word. Columns on a text
 * node's later lines are counted as `pointInRun` counts them (from the line start, markdown's
 * stripped indentation ignored), so every reported point maps back.
 */
export function findFindingPlace(
  tree: Parent,
  point: Point,
  token: string | undefined,
): FindingPlace | undefined {
  let found: FindingPlace | undefined
  const walk = (parent: Parent): void => {
    for (const node of parent.children) {
      if (found) return
      const start = node.position?.start
      if (node.type !== 'text' && isPhrasing(node) && start && sameStart(start, point)) {
        found = { kind: 'node', parent, node }
        return
      }
      if (node.type === 'text') {
        const text = node as Literal & { value: string }
        const index = indexOfPoint(text, point)
        if (index !== undefined) {
          found = {
            kind: 'text',
            parent,
            node: text,
            start: index,
            end: index + length(text.value.slice(index), token),
          }
          return
        }
      }
      if ('children' in node && node.type !== 'inlineCode') walk(node as Parent)
    }
  }
  walk(tree)
  return found
}

const phrasing = new Set(['link', 'linkReference', 'strong', 'emphasis', 'delete', 'inlineCode'])

function isPhrasing(node: Node): boolean {
  return phrasing.has(node.type)
}

function sameStart(start: { line: number; column: number }, point: Point): boolean {
  return start.line === point.line && start.column === point.column
}

/** The index in a text node of the character at `point`, or undefined when it lies elsewhere. */
function indexOfPoint(node: Literal & { value: string }, point: Point): number | undefined {
  const start = node.position?.start
  if (!start || point.line < start.line) return undefined
  let lineStart = 0
  for (let line = start.line; line < point.line; line++) {
    const newline = node.value.indexOf('\n', lineStart)
    if (newline === -1) return undefined
    lineStart = newline + 1
  }
  const index =
    point.line === start.line ? point.column - start.column : lineStart - 1 + point.column
  const lineEnd = node.value.indexOf('\n', lineStart)
  const limit = lineEnd === -1 ? node.value.length : lineEnd
  return index >= lineStart && index < limit ? index : undefined
}

/** How many characters to mark from here: the quoted token when the text starts with it, else the word. */
function length(rest: string, token: string | undefined): number {
  if (token && rest.toLowerCase().startsWith(token.toLowerCase())) return token.length
  const word = /^\S+?(?=[.,;:!?)\]]*(?:\s|$))/.exec(rest)?.[0] ?? rest.split(/\s/)[0] ?? ''
  return Math.max(word.length, 1)
}
