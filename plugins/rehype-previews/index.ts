import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { IndexStore } from '../../core/handbook-index.ts'
import { getPageData } from '../../core/page-data.ts'
import { buildPreviewData, findPreview } from './preview.ts'

export type { Preview } from './preview.ts'

/** Options of `rehypePreviews`. */
export interface Options {
  /** The document index: headings with their first paragraphs, requirements with their text. */
  store: Pick<IndexStore, 'get'>
}

/** Prefix of the ids of a page's preview data elements. */
export const previewIdPrefix = 'hb-preview-data-'

/**
 * Gives every section and requirement link a preview: the link gets
 * `data-preview` naming an element at the end of the page that holds the
 * target's number, title, document and first paragraph (or requirement text)
 * in attributes. One element per target, only for the targets this page
 * links to; nothing is fetched when a preview opens. A rehype plugin, so it
 * reads the links the section and requirement plugins made, whatever their
 * order, and stays out of `npm run check`.
 */
export function rehypePreviews(options: Options) {
  return (tree: Root, file: VFile) => {
    if (!getPageData(file)) return
    const { index } = options.store.get()
    const ids = new Map<string, string>()
    const data: Element[] = []
    visit(tree, 'element', (link) => {
      const found = findPreview(link, index)
      if (!found) return
      let id = ids.get(found.key)
      if (id === undefined) {
        id = `${previewIdPrefix}${ids.size + 1}`
        ids.set(found.key, id)
        data.push(buildPreviewData(id, found.preview))
      }
      link.properties.dataPreview = id
    })
    if (data.length === 0) return
    tree.children.push(
      h('div', { hidden: true, className: ['hb-previews'], dataPagefindIgnore: '' }, data),
    )
  }
}
