import { getPageData } from '../../core/page-data.ts'
import type { NativeRehypePlugin } from '../satteri/native-rehype.ts'
import { createPageSearch, type Options } from './index.ts'
import { buildFacetElement, createSearchMarker, searchMarkTags } from './mark.ts'

/**
 * `rehypeSearchIndex` as Sätteri runs it natively: the same marks on the same elements and
 * the same facet element at the end of the page, decided by the functions the unified plugin
 * uses (`createSearchMarker`, `createPageSearch`).
 */
export function satteriSearchIndex(options: Options): NativeRehypePlugin {
  const searchOf = createPageSearch(options.store)
  return {
    tags: searchMarkTags,
    page(file) {
      const page = getPageData(file)
      if (!page) return undefined
      const { index, facets } = searchOf(page.path)
      const markOf = createSearchMarker(index, page.path, page.lineOffset)
      return {
        element(node, tools) {
          const mark = markOf(node, () => tools.textContent(node))
          if (!mark) return
          tools.setProperty(node, 'dataPagefindTitle', mark.dataPagefindTitle)
          tools.setProperty(node, 'dataPagefindWeight', mark.dataPagefindWeight)
        },
        finish: () => (facets ? [buildFacetElement(facets)] : []),
      }
    },
  }
}
