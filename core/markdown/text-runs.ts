import type {
  Heading,
  InlineCode,
  Link,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  TableCell,
  Text,
} from 'mdast'
import { visitParents } from 'unist-util-visit-parents'

/** A block whose inline content reads as one run of text. */
export type RunContainer = Paragraph | Heading | TableCell

/** A text node's place in a run, or a code span that holds only a reference. */
export interface TextPiece {
  start: number
  end: number
  node: Text | InlineCode
  parent: Parent
  /** False inside existing links: their text counts as context but is never linked again. */
  linkable: boolean
}

/** A link in a run: its text's offsets and its URL. */
export interface RunLink {
  start: number
  end: number
  url: string
}

/**
 * The inline text of a paragraph, heading or table cell, flattened so that a
 * reference and the document name before it can be seen together even when
 * emphasis splits them into several text nodes. Inline code becomes spaces of
 * the same length: it separates words but is never matched.
 */
export interface TextRun {
  container: RunContainer
  /** Ancestors of the container, root first. */
  ancestors: Parent[]
  text: string
  pieces: TextPiece[]
  /** Existing links, in order (`[plan](./plan.md) §3` names a document by its URL). */
  links: RunLink[]
}

/**
 * Collects every run of the tree in document order. Mdast's
 * find-and-replace works one text node at a time, which cannot see
 * `**Requirements.MD** §1` as one run; hence this.
 */
export function collectTextRuns(tree: Root, options: RunOptions = {}): TextRun[] {
  const runs: TextRun[] = []
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      runs.push(flattenRun(node, ancestors as Parent[], options))
      return 'skip'
    }
    if (node.type === 'code' || node.type === 'html') return 'skip'
    return undefined
  })
  return runs
}

/** Options of `collectTextRuns`. */
export interface RunOptions {
  /**
   * Inline code to keep as context (never as a match), e.g. a document name
   * written as code: `` `ENGINEERING_SOP.md` §3 ``. Its backticks become spaces.
   * @default () => false
   */
  keepInlineCode?: (value: string) => boolean
  /**
   * Code spans that hold nothing but a reference (`` `contracts/api.md §9` ``): read as text
   * that can be matched, and linked as a whole (the link goes around the code).
   * @default () => false
   */
  isReferenceCode?: (value: string) => boolean
}

/** The plain text of a paragraph or cell, as a run would read it (for context, not for matching). */
export function flattenInline(container: RunContainer): string {
  return flattenRun(container, [], {}).text
}

function flattenRun(container: RunContainer, ancestors: Parent[], options: RunOptions): TextRun {
  let text = ''
  const pieces: TextPiece[] = []
  const links: RunLink[] = []
  const walk = (parent: Parent, linkable: boolean) => {
    for (const child of parent.children as PhrasingContent[]) {
      if (child.type === 'text') {
        pieces.push({
          start: text.length,
          end: text.length + child.value.length,
          node: child,
          parent,
          linkable,
        })
        text += child.value
      } else if (child.type === 'inlineCode') {
        if (linkable && options.isReferenceCode?.(child.value)) {
          text += ' '
          pieces.push({
            start: text.length,
            end: text.length + child.value.length,
            node: child,
            parent,
            linkable,
          })
          text += `${child.value} `
        } else {
          text += options.keepInlineCode?.(child.value)
            ? ` ${child.value} `
            : ' '.repeat(child.value.length + 2)
        }
      } else if (child.type === 'break') {
        text += '\n'
      } else if (child.type === 'link' || child.type === 'linkReference') {
        const start = text.length
        walk(child, false)
        if (child.type === 'link') {
          // A repository link rewritten to a page keeps the author's URL (remarkDocumentPage).
          const written = (child.data as { sourceUrl?: unknown } | undefined)?.sourceUrl
          const url = typeof written === 'string' ? written : child.url
          links.push({ start, end: text.length, url })
        }
      } else if ('children' in child) {
        walk(child, linkable)
      } else {
        text += ' '
      }
    }
  }
  walk(container, true)
  return { container, ancestors, text, pieces, links }
}

/** A part of a run to replace with a link. */
export interface RunReplacement {
  start: number
  end: number
  link: Omit<Link, 'children'>
}

/**
 * Replaces ranges of a run with links that keep the author's text. A range
 * must lie inside one linkable text node; ranges that do not are returned so
 * the caller can report them instead of linking half a reference. A range in
 * a code span that holds only a reference links the whole span.
 */
export function applyRunReplacements(
  run: TextRun,
  replacements: RunReplacement[],
): RunReplacement[] {
  const rejected: RunReplacement[] = []
  const byPiece = new Map<TextPiece, RunReplacement[]>()
  for (const replacement of replacements) {
    const piece = run.pieces.find(
      (candidate) => candidate.start <= replacement.start && replacement.end <= candidate.end,
    )
    if (!piece || !piece.linkable) {
      rejected.push(replacement)
      continue
    }
    const list = byPiece.get(piece) ?? []
    list.push(replacement)
    byPiece.set(piece, list)
  }
  for (const [piece, list] of byPiece) {
    list.sort((a, b) => a.start - b.start)
    if (piece.node.type === 'inlineCode') {
      const siblings = piece.parent.children as PhrasingContent[]
      const code = piece.node
      siblings.splice(siblings.indexOf(code), 1, {
        ...list[0]!.link,
        children: [code],
        ...(code.position ? { position: code.position } : {}),
      })
      continue
    }
    const nodes: PhrasingContent[] = []
    let cursor = piece.start
    for (const replacement of list) {
      if (replacement.start < cursor) continue // overlapping: keep the first
      if (replacement.start > cursor) nodes.push(slicePiece(piece, cursor, replacement.start))
      const linkText = slicePiece(piece, replacement.start, replacement.end)
      nodes.push({ ...replacement.link, children: [linkText], position: linkText.position })
      cursor = replacement.end
    }
    if (cursor < piece.end) nodes.push(slicePiece(piece, cursor, piece.end))
    const siblings = piece.parent.children as PhrasingContent[]
    siblings.splice(siblings.indexOf(piece.node), 1, ...nodes)
  }
  return rejected
}

/** A new text node for `[start, end)` of a run, inside one piece, with its source position. */
function slicePiece(piece: TextPiece, start: number, end: number): Text {
  const from = start - piece.start
  const to = end - piece.start
  const node: Text = { type: 'text', value: piece.node.value.slice(from, to) }
  const begin = pointInText(piece.node, from)
  const finish = pointInText(piece.node, to)
  if (begin && finish) node.position = { start: begin, end: finish }
  return node
}

/** Where in the source a character of a run lies, for diagnostics. */
export function pointInRun(
  run: TextRun,
  offset: number,
): { line: number; column: number; offset?: number } | undefined {
  // The piece that holds the character first: at `see **§5**` the offset of
  // `§` is also the end of `see `, which would place the message on the `**`.
  const piece =
    run.pieces.find((candidate) => candidate.start <= offset && offset < candidate.end) ??
    run.pieces.find((candidate) => candidate.start <= offset && offset <= candidate.end)
  if (piece) return pointInText(piece.node, offset - piece.start)
  const start = run.container.position?.start
  return start ? { line: start.line, column: start.column } : undefined
}

/**
 * The source point of a character in a text node. Exact on the node's first
 * line; on later lines the column ignores indentation that markdown stripped
 * (inside list items), which is close enough for a diagnostic.
 */
function pointInText(node: Text | InlineCode, index: number) {
  const start = node.position?.start
  if (!start) return undefined
  const before = node.value.slice(0, index)
  const newline = before.lastIndexOf('\n')
  const lines = newline === -1 ? 0 : before.split('\n').length - 1
  return {
    line: start.line + lines,
    column: newline === -1 ? start.column + index : index - newline,
    ...(start.offset === undefined || lines > 0 ? {} : { offset: start.offset + index }),
  }
}
