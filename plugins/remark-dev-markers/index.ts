import type { PhrasingContent, Root } from 'mdast'
import type { Node, Parent } from 'unist'
import type { VFile } from 'vfile'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { getPageData } from '../../core/page-data.ts'
import { findFindingPlace, type FindingPlace } from './place.ts'

/** Options of `remarkDevMarkers`. */
export interface Options {
  /**
   * Whether to mark findings on this render. Asked for each page, not once: Astro names the
   * command (`dev`, `build`) only after the configuration, and this plugin list, exist.
   * @default () => false
   */
  enabled?: () => boolean
}

/**
 * For the dev server only: marks each finding where it stands, as a spell checker does. The
 * text a warning or error of our plugins points at (`§99.9`, a stale `§12.4`, `CLD-REQ-099`)
 * is wrapped in `<mark class="hb-finding" tabindex="0" data-finding="…">` with a wavy
 * underline; the stylesheet shows the finding's words on hover and focus, and screen readers
 * read them as the mark's description from a hidden list at the end of the page. (Not as text
 * inside the mark: in a heading, that text would change the heading's id.) Runs
 * after the plugins that report, reading their messages from the page's file; information
 * (`ignored-section`) is not marked. A finding whose place is not in a text run (a block of
 * code shown for raw HTML) stays in the report only.
 */
export function remarkDevMarkers(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    if (!options.enabled?.() || !getPageData(file)) return
    // Last first: splitting a text node then leaves the earlier findings' text where it was.
    const findings = file.messages
      .filter(
        (message) =>
          message.source === messageSource &&
          (message.fatal === true || message.fatal === false) &&
          message.line !== undefined &&
          message.column !== undefined,
      )
      .sort((a, b) => b.line! - a.line! || b.column! - a.column!)
    const notes: PhrasingContent[] = []
    for (const [position, message] of findings.entries()) {
      const token = /`([^`]+)`/.exec(message.reason)?.[1]
      const place = findFindingPlace(
        tree as Parent,
        { line: message.line!, column: message.column! },
        token,
      )
      if (!place) continue
      const severity = message.fatal ? 'Error' : 'Warning'
      const finding = `${severity}: ${message.reason} (${messageSource}:${message.ruleId})`
      // Numbered in reading order, although marked last first.
      const id = `hb-finding-${findings.length - position}`
      wrap(place, finding, id)
      notes.unshift({
        type: 'emphasis',
        data: { hName: 'span', hProperties: { id } },
        children: [{ type: 'text', value: finding }],
      })
    }
    if (notes.length === 0) return
    tree.children.push({
      type: 'paragraph',
      data: {
        hName: 'div',
        hProperties: { className: ['hb-findings'], hidden: true, dataPagefindIgnore: '' },
      },
      children: notes,
    })
  }
}

/** Replaces the place with a mark that holds it and carries the finding's words. */
function wrap(place: FindingPlace, finding: string, id: string): void {
  const { parent } = place
  const position = parent.children.indexOf(place.node)
  const marked: Node[] = []
  const before: Node[] = []
  const after: Node[] = []
  if (place.kind === 'node') {
    marked.push(place.node)
  } else {
    const { value } = place.node
    // The text before keeps the node's start, so an earlier finding in it is still found.
    if (place.start > 0)
      before.push({
        type: 'text',
        value: value.slice(0, place.start),
        position: place.node.position,
      } as Node)
    marked.push({ type: 'text', value: value.slice(place.start, place.end) } as Node)
    if (place.end < value.length)
      after.push({ type: 'text', value: value.slice(place.end) } as Node)
  }
  const mark = {
    type: 'emphasis',
    data: {
      hName: 'mark',
      hProperties: {
        className: ['hb-finding'],
        tabIndex: 0,
        ariaDescribedBy: id,
        dataFinding: finding,
      },
    },
    children: marked as PhrasingContent[],
  }
  parent.children.splice(position, 1, ...before, mark as Node, ...after)
}
