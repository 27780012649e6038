import { loadHandbookConfig } from '../config/load.ts'
import type { HandbookConfig } from '../config/schema.ts'
import { buildCitationIndex, type CitationIndex } from '../doc-index/citations.ts'
import { loadDocIndex, type LoadedDocIndex } from '../doc-index/index.ts'
import {
  buildCollaborationGraph,
  toRoleGuides,
  type CollaborationGraph,
} from '../collaboration-map/graph.ts'
import { buildRequiredReadingIndex } from '../required-reading/extract.ts'
import type { RequiredReadingIndex } from '../required-reading/types.ts'

/** The document index with its citations: everything computed once per build. */
export interface HandbookIndex extends LoadedDocIndex {
  citations: CitationIndex
  /** Each role guide's required reading, and the roles that must read each section. */
  requiredReading: RequiredReadingIndex
  /** Who hands work to whom, from what the role guides say. */
  collaboration: CollaborationGraph
}

/**
 * Holds the document index for the plugins. It is built once, before any
 * page renders, and rebuilt only after `invalidate()` (the dev server calls it
 * when a content file changes), so a build scans the sources exactly once.
 */
export interface IndexStore {
  readonly contentRoot: string
  readonly config: HandbookConfig
  get(): HandbookIndex
  invalidate(): void
}

export function createIndexStore(contentRoot: string, config?: HandbookConfig): IndexStore {
  const handbookConfig = config ?? loadHandbookConfig(contentRoot)
  let current: HandbookIndex | undefined
  return {
    contentRoot,
    config: handbookConfig,
    get() {
      if (!current) {
        const loaded = loadDocIndex(contentRoot, handbookConfig)
        current = {
          ...loaded,
          citations: buildCitationIndex(loaded.index, loaded.trees),
          requiredReading: buildRequiredReadingIndex(loaded.index, loaded.trees),
          collaboration: buildCollaborationGraph(toRoleGuides(loaded.index, loaded.trees)),
        }
      }
      return current
    },
    invalidate() {
      current = undefined
    },
  }
}
