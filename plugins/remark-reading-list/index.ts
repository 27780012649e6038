import type { Properties } from 'hast'
import type { Emphasis, List, Paragraph, Root } from 'mdast'
import type { VFile } from 'vfile'
import { sectionKey } from '../../core/analysis/citations.ts'
import type { IndexStore } from '../../core/handbook-index.ts'
import { getPageData } from '../../core/page-data.ts'
import type { ReadingItem } from '../../core/reading/types.ts'
import { findAuthorItems } from './items.ts'

/** Options of `remarkReadingList`. */
export interface Options {
  /** The document index, with the required reading of every role computed once. */
  store: Pick<IndexStore, 'get'>
}

/**
 * On a role guide's page, makes the guide's own reading list the tickable one: each item that
 * cites sections gets a checkbox (hidden and disabled until the progress script enables it), a
 * status for "Updated since you read it", and the keys and fingerprints of its sections, in
 * the author's place and words. Items that name a whole document, and guides without a
 * reading list, are left as written (the role page lists what they cite instead).
 */
export function remarkReadingList(options: Options) {
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page || page.kind !== 'role') return
    const { index, requiredReading } = options.store.get()
    const reading = requiredReading.byGuide.get(page.path)
    if (reading?.source !== 'reading-list') return
    const items = reading.groups.flatMap((group) => group.items)
    const found = findAuthorItems(tree, items, page.lineOffset)
    found.forEach(({ node, items: cited }, position) => {
      const id = `hb-read-${position + 1}`
      const first = cited[0]!
      const document = index.documentsByPath.get(first.document)
      node.data = {
        ...node.data,
        hProperties: {
          ...(node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties,
          className: ['hb-reading-item'],
          dataReadingItem: '',
          dataSections: JSON.stringify(
            cited.map((item) => [sectionKey(item.document, item.headingId), item.fingerprint]),
          ),
          dataDocument: first.document,
          dataSection: first.number ?? first.title,
          dataState: 'unread',
        },
      }
      const label = `Read: ${describeItems(cited)}, ${document?.title ?? first.document}`
      const lead = node.children[0]
      const box = inline('input', {
        type: 'checkbox',
        className: ['hb-reading__check'],
        id,
        ariaLabel: label,
        ariaDescribedBy: [`${id}-status`],
        hidden: true,
        disabled: true,
      })
      const status = inline('span', {
        className: ['hb-reading__status'],
        id: `${id}-status`,
        dataReadingStatus: '',
      })
      if (lead?.type === 'paragraph') {
        lead.children.unshift(box, { type: 'text', value: ' ' })
        lead.children.push({ type: 'text', value: ' ' }, status)
      } else {
        const paragraph: Paragraph = { type: 'paragraph', children: [box, status] }
        node.children.unshift(paragraph)
      }
    })
    // The lists that hold the items carry the role, as the start page's list does.
    for (const list of tree.children.filter((node): node is List => node.type === 'list')) {
      if (!found.some(({ node }) => contains(list, node))) continue
      list.data = {
        ...list.data,
        hProperties: {
          ...(list.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties,
          dataRequiredReading: '',
          dataRole: page.path,
        },
      }
    }
  }
}

/** `§3 Go Code Style`, or `§3–§12 (10 sections)` for an item that asks for a range. */
function describeItems(items: readonly ReadingItem[]): string {
  const label = (item: ReadingItem) => (item.number ? `§${item.number} ${item.title}` : item.title)
  if (items.length === 1) return label(items[0]!)
  const range = items[0]!.range
  if (range && items.every((item) => item.range?.from === range.from))
    return `§${range.from}–§${range.to} (${items.length} sections)`
  return items.map(label).join(', ')
}

/** An inline element with no text: a phrasing node whose tag is replaced. */
function inline(tagName: string, properties: Properties): Emphasis {
  return { type: 'emphasis', children: [], data: { hName: tagName, hProperties: properties } }
}

function contains(parent: { children?: unknown[] }, target: unknown): boolean {
  if (parent === target) return true
  return (parent.children ?? []).some((child) =>
    contains(child as { children?: unknown[] }, target),
  )
}
