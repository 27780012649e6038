import type { Plugin } from 'vite'
import type { IndexStore } from '../core/handbook-index.ts'
import { toSiteData } from './site-data-shape.ts'

/** Pages import the index as `import siteData from 'virtual:handbook/site-data'`. */
export const siteDataModuleId = 'virtual:handbook/site-data'

/**
 * A Vite plugin that serves the document index to Astro pages and
 * components. The index lives in the integration's process; pages are
 * bundled separately, so they receive it as data, computed once.
 */
export function createSiteDataPlugin(store: IndexStore): Plugin {
  const resolvedId = `\0${siteDataModuleId}`
  return {
    name: 'handbook-site-data',
    resolveId(id) {
      return id === siteDataModuleId ? resolvedId : undefined
    },
    load(id) {
      if (id !== resolvedId) return undefined
      return `export default ${JSON.stringify(toSiteData(store))}`
    },
  }
}
