import type { DocumentInfo, RequirementInfo } from '../doc-index/types.ts'
import type { IndexStore } from './index-store.ts'

/** A document as pages see it (no file-system paths). */
export type SiteDocument = Omit<DocumentInfo, 'absolutePath'>

/** Everything generated pages and components know about the handbook. */
export interface SiteData {
  title: string
  documents: SiteDocument[]
  requirements: RequirementInfo[]
  defaultSectionTarget?: string
}

/** The serialisable view of the index that pages import. */
export function toSiteData(store: IndexStore): SiteData {
  const { index } = store.get()
  return {
    title: store.config.title,
    documents: index.documents.map(({ absolutePath: _absolutePath, ...document }) => document),
    requirements: [...index.requirements.values()],
    ...(index.defaultSectionTarget ? { defaultSectionTarget: index.defaultSectionTarget } : {}),
  }
}
