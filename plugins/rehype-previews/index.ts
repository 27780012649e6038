import type { Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { IndexStore } from '../../core/handbook-index.ts'
import { getPageData } from '../../core/page-data.ts'
import { createPagePreviews } from './preview.ts'

export type { Preview } from './preview.ts'

/** Options of `rehypePreviews`. */
export interface Options {
  /** The document index: headings with their first paragraphs, requirements with their text. */
  store: Pick<IndexStore, 'get'>
}

export { previewIdPrefix } from './preview.ts'

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
    const previews = createPagePreviews(options.store.get().index)
    visit(tree, 'element', (link) => {
      const id = previews.idOf(link)
      if (id !== undefined) link.properties.dataPreview = id
    })
    const data = previews.buildElement()
    if (data) tree.children.push(data)
  }
}
