import { loadHandbookConfig } from './load-config.ts'
import type { HandbookConfig } from '../core/config/schema.ts'
import { analyzePage, type PageAnalysis } from '../core/analysis/analyze-page.ts'
import { citePage, createCitationRecorder } from '../core/analysis/citations.ts'
import { applySectionHistory } from './history.ts'
import { loadDocIndex, readDocumentSources, type DocumentSources } from './load-index.ts'
import { parseIndexedDocument } from '../core/documents/build-index.ts'
import type { HandbookIndex, IndexStore } from '../core/handbook-index.ts'
import { buildCollaborationGraph, toRoleGuides } from '../core/collaboration/graph.ts'
import { buildRequiredReadingIndex } from '../core/reading/extract.ts'

export type { HandbookIndex, IndexStore } from '../core/handbook-index.ts'

/** Creates the store: the index is built on the first `get()`, from the files under `contentRoot`. */
export function createIndexStore(contentRoot: string, config?: HandbookConfig): IndexStore {
  const handbookConfig = config ?? loadHandbookConfig(contentRoot)
  let current: HandbookIndex | undefined
  let sources: DocumentSources | undefined
  const describedSources = () => (sources ??= readDocumentSources(contentRoot, handbookConfig))
  return {
    contentRoot,
    config: handbookConfig,
    describedSources,
    get() {
      if (!current) {
        const loaded = loadDocIndex(contentRoot, handbookConfig, describedSources())
        applySectionHistory(loaded.index, contentRoot)
        // Reading lists and the collaboration map read role guides only: parse just those.
        const roleGuides = loaded.index.documents
          .filter((document) => document.kind === 'role')
          .flatMap((document) => {
            const tree = parseIndexedDocument(loaded.index, document.path)
            return tree ? [{ document, tree }] : []
          })
        const roleTrees = new Map(roleGuides.map(({ document, tree }) => [document.path, tree]))
        // Citations are recorded as pages render (the link plugin), each page analysed once.
        // Role guides are recorded now: every page's search filters name the roles that cite it.
        // Their one analysis serves their reading lists too.
        const recorder = createCitationRecorder(loaded.index)
        const roleAnalyses = new Map<string, PageAnalysis>()
        for (const { document, tree } of roleGuides) {
          const analysis = analyzePage(tree, document, loaded.index)
          roleAnalyses.set(document.path, analysis)
          recorder.record(document.path, citePage(analysis))
        }
        current = {
          ...loaded,
          citationRecorder: recorder,
          get citations() {
            return recorder.complete()
          },
          requiredReading: buildRequiredReadingIndex(loaded.index, roleTrees, roleAnalyses),
          collaboration: buildCollaborationGraph(toRoleGuides(loaded.index, roleTrees)),
        }
      }
      return current
    },
    invalidate() {
      current = undefined
      sources = undefined
    },
  }
}
