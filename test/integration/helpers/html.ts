import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'

export { select, selectAll, toString }
export type { Element, Root }

/** Parses a built page. */
export function parsePage(html: string): Root {
  return fromHtml(html)
}

/** Every `id` on the page. */
export function idsOf(tree: Root): Set<string> {
  return new Set(selectAll('[id]', tree).map((element) => String(element.properties.id)))
}

/** The value of an attribute, as a string. */
export function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (value === undefined || value === null) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}
