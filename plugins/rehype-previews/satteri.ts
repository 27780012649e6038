import { getPageData } from '../../core/page-data.ts'
import type { NativeRehypePlugin } from '../satteri/native-rehype.ts'
import type { Options } from './index.ts'
import { createPagePreviews } from './preview.ts'

/**
 * `rehypePreviews` as Sätteri runs it natively: only links cross from Rust; each gets the
 * `data-preview` the unified plugin gives it (`createPagePreviews` decides for both).
 */
export function satteriPreviews(options: Options): NativeRehypePlugin {
  return {
    tags: ['a'],
    page(file) {
      if (!getPageData(file)) return undefined
      const previews = createPagePreviews(options.store.get().index)
      return {
        element(link, tools) {
          const id = previews.idOf(link)
          if (id !== undefined) tools.setProperty(link, 'dataPreview', id)
        },
        finish: () => {
          const data = previews.buildElement()
          return data ? [data] : []
        },
      }
    },
  }
}
