import type { ListItem, Parent, Table, TableCell, TableRow } from 'mdast'
import type { TextRun } from '../markdown/text-runs.ts'
import { flattenInline } from '../markdown/text-runs.ts'
import { findDocumentMentions } from './parse.ts'

/**
 * The document named by the enclosing list (docs/authoring.md, "Which
 * document a bare `§N` means", rule 3): the nearest ancestor list item, other
 * than the one holding the run itself, whose own text names a document; or
 * the paragraph right before the table the run sits in.
 */
export function findListDocument(
  run: TextRun,
  isDocumentName: (candidate: string) => boolean,
): string | undefined {
  const ancestors = run.ancestors
  for (let depth = ancestors.length - 1; depth >= 0; depth--) {
    const ancestor = ancestors[depth]!
    if (ancestor.type === 'listItem') {
      const item = ancestor as ListItem
      const lead = item.children[0]
      if (!lead || lead === run.container || lead.type !== 'paragraph') continue
      const name = lastMention(flattenInline(lead), isDocumentName)
      if (name) return name
    } else if (ancestor.type === 'table') {
      const parent = ancestors[depth - 1] as Parent | undefined
      const before = parent?.children[parent.children.indexOf(ancestor as Table) - 1]
      if (before?.type === 'paragraph') {
        const name = lastMention(flattenInline(before), isDocumentName)
        if (name) return name
      }
    }
  }
  return undefined
}

/**
 * For a reference alone in a table body cell, the text of the next cell,
 * which often names the section (`| §12.4 | Integration tests |`): a title
 * in title position for the stale check (docs/authoring.md, "Stale
 * references"). Never from a header row, never for a cell with more than
 * the reference, never the cell before.
 */
export function findCellHint(run: TextRun): string | undefined {
  if (run.container.type !== 'tableCell') return undefined
  const row = run.ancestors[run.ancestors.length - 1] as TableRow | undefined
  const table = run.ancestors[run.ancestors.length - 2] as Table | undefined
  if (!row || row.type !== 'tableRow' || !table || table.children[0] === row) return undefined
  if (!/^[\s*_`]*§[ \u00a0]?[\p{L}\p{N}.]+[\s*_`]*$/u.test(run.text)) return undefined
  const cells = row.children as TableCell[]
  const neighbour = cells[cells.indexOf(run.container) + 1]
  const text = neighbour ? flattenInline(neighbour).trim() : ''
  return text && !text.includes('§') ? text : undefined
}

function lastMention(text: string, isDocumentName: (candidate: string) => boolean) {
  return findDocumentMentions(text, isDocumentName).at(-1)?.name
}
