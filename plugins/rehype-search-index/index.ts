import type { Root } from 'hast'
import type { VFile } from 'vfile'
import type { DocIndex } from '../../core/documents/types.ts'
import type { HandbookIndex, IndexStore } from '../../core/handbook-index.ts'
import { getPageData } from '../../core/page-data.ts'
import { createPageFacets, type PageFacets } from '../../core/search/facets.ts'
import { buildFacetElement, markSearchTargets } from './mark.ts'

export { buildJumpIndex, type JumpIndex } from '../../core/search/jump-index.ts'
export { findJumpTargets, parseJumpQuery, type JumpTarget } from '../../core/search/jump-query.ts'

/** Options of `rehypeSearchIndex`. */
export interface Options {
  /** The document index (requirements, citations, roles). */
  store: Pick<IndexStore, 'get'>
}

/**
 * Puts the handbook's structure into Pagefind's index: a sub-result with a
 * useful title and a higher weight for every numbered section and every
 * requirement definition, and filters for the page's kind, the roles whose
 * guides cite it and the requirements it defines, cites or implements.
 */
export function rehypeSearchIndex(options: Options) {
  const searchOf = createPageSearch(options.store)
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const { index, facets } = searchOf(page.path)
    markSearchTargets(tree, index, page.path, page.lineOffset)
    if (facets) tree.children.push(buildFacetElement(facets))
  }
}

/**
 * The index a page is marked from and the page's facets, for the unified plugin and its
 * Sätteri form (`satteri.ts`) alike. The facet lookup is made again only when the store hands
 * out a new index (after a change in dev).
 */
export function createPageSearch(
  store: Options['store'],
): (path: string) => { index: DocIndex; facets: PageFacets | undefined } {
  let cached:
    { built: HandbookIndex; facetsOf: (path: string) => PageFacets | undefined } | undefined
  return (path) => {
    const built = store.get()
    if (cached?.built !== built) {
      const recorder = built.citationRecorder
      cached = { built, facetsOf: createPageFacets(built.index, (page) => recorder.page(page)) }
    }
    return { index: built.index, facets: cached.facetsOf(path) }
  }
}
