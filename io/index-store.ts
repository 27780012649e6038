import { loadHandbookConfig } from './load-config.ts'
import type { HandbookConfig } from '../core/config/schema.ts'
import { buildCitationIndex, findPatternsWithoutDefinitions } from '../core/analysis/citations.ts'
import { applySectionHistory } from './history.ts'
import { loadDocIndex } from './load-index.ts'
import { parseIndexedDocument } from '../core/documents/build-index.ts'
import type { HandbookIndex, IndexStore } from '../core/handbook-index.ts'
import { buildCollaborationGraph, toRoleGuides } from '../core/collaboration/graph.ts'
import { buildRequiredReadingIndex } from '../core/reading/extract.ts'

export type { HandbookIndex, IndexStore } from '../core/handbook-index.ts'

/** Creates the store: the index is built on the first `get()`, from the files under `contentRoot`. */
export function createIndexStore(contentRoot: string, config?: HandbookConfig): IndexStore {
  const handbookConfig = config ?? loadHandbookConfig(contentRoot)
  let current: HandbookIndex | undefined
  return {
    contentRoot,
    config: handbookConfig,
    get() {
      if (!current) {
        const loaded = loadDocIndex(contentRoot, handbookConfig)
        applySectionHistory(loaded.index, contentRoot)
        const citations = buildCitationIndex(loaded.index)
        // Reading lists and the collaboration map read role guides only: parse just those.
        const roleTrees = new Map(
          loaded.index.documents
            .filter((document) => document.kind === 'role')
            .flatMap((document) => {
              const tree = parseIndexedDocument(loaded.index, document.path)
              return tree ? [[document.path, tree] as const] : []
            }),
        )
        current = {
          ...loaded,
          problems: [
            ...loaded.problems,
            ...findPatternsWithoutDefinitions(loaded.index, citations),
          ],
          citations,
          requiredReading: buildRequiredReadingIndex(loaded.index, roleTrees),
          collaboration: buildCollaborationGraph(toRoleGuides(loaded.index, roleTrees)),
        }
      }
      return current
    },
    invalidate() {
      current = undefined
    },
  }
}
