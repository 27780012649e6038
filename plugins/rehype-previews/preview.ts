import type { Element } from 'hast'
import { h } from 'hastscript'
import type { DocIndex } from '../../core/documents/types.ts'

/** Prefix of the ids of a page's preview data elements. */
export const previewIdPrefix = 'hb-preview-data-'

/** What a preview shows about a link's target. */
export interface Preview {
  /** `§5.2`, `CLD-REQ-020`; empty for a section cited by name. */
  label: string
  /** The section's title; empty for a requirement. */
  title: string
  /** Where the target is: `ENGINEERING_SOP.md`, `Requirements.MD §7.1`. */
  source: string
  /** The section's first paragraph or the requirement's text; may be empty. */
  text: string
}

/** Data attributes the previews script reads, one per `Preview` field. */
export type PreviewAttributes = Record<`data${Capitalize<keyof Preview>}`, string>

/**
 * What a link made by the section or requirement plugin points at, as a
 * preview and a key that is the same for every link to one target; undefined
 * for any other link, or a target the index does not know.
 */
export function findPreview(
  link: Element,
  index: Pick<DocIndex, 'documentsByPath' | 'requirements'>,
): { key: string; preview: Preview } | undefined {
  const { className, dataRequirementKey, dataDoc, href } = link.properties
  if (link.tagName !== 'a' || !Array.isArray(className)) return undefined

  if (className.includes('hb-ref--requirement')) {
    // The link carries the definition the scope rules chose, not just the ID.
    const requirement =
      typeof dataRequirementKey === 'string'
        ? index.requirements.get(dataRequirementKey)
        : undefined
    if (!requirement) return undefined
    return {
      key: `requirement:${requirement.key}`,
      preview: {
        label: requirement.id,
        title: '',
        source: `${requirement.document}${requirement.section ? ` §${requirement.section}` : ''}`,
        text: requirement.text,
      },
    }
  }

  if (className.includes('hb-ref--section') && typeof href === 'string' && href.includes('#')) {
    const document = typeof dataDoc === 'string' ? index.documentsByPath.get(dataDoc) : undefined
    const id = safeDecode(href.slice(href.indexOf('#') + 1))
    const heading = document?.headings.find((candidate) => candidate.id === id)
    if (!document || !heading) return undefined
    return {
      key: `section:${document.path}#${heading.id}`,
      preview: {
        label: heading.number === undefined ? '' : `§${heading.number}`,
        title: heading.title,
        source: document.path,
        text: heading.summary ?? '',
      },
    }
  }
  return undefined
}

/**
 * One preview as an empty element whose attributes hold the text. Attribute
 * values are escaped when the page is written, and the script copies them
 * with `textContent`, so a heading that contains markup shows as text.
 */
export function buildPreviewData(id: string, preview: Preview): Element {
  const attributes: PreviewAttributes = {
    dataLabel: preview.label,
    dataTitle: preview.title,
    dataSource: preview.source,
    dataText: preview.text,
  }
  return h('span', { id, ...attributes })
}

/**
 * One page's previews, for the unified plugin and its Sätteri form alike: `idOf` names the
 * preview element of a link (the same one for every link to one target), and `buildElement`
 * returns the hidden element that holds them all, to put at the end of the page.
 */
export function createPagePreviews(index: Pick<DocIndex, 'documentsByPath' | 'requirements'>): {
  idOf(link: Element): string | undefined
  buildElement(): Element | undefined
} {
  const ids = new Map<string, string>()
  const data: Element[] = []
  return {
    idOf(link) {
      const found = findPreview(link, index)
      if (!found) return undefined
      let id = ids.get(found.key)
      if (id === undefined) {
        id = `${previewIdPrefix}${ids.size + 1}`
        ids.set(found.key, id)
        data.push(buildPreviewData(id, found.preview))
      }
      return id
    },
    buildElement: () =>
      data.length === 0
        ? undefined
        : h('div', { hidden: true, className: ['hb-previews'], dataPagefindIgnore: '' }, data),
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
