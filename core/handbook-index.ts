import {
  findPatternsWithoutDefinitions,
  type CitationIndex,
  type CitationRecorder,
} from './analysis/citations.ts'
import type { CollaborationGraph } from './collaboration/graph.ts'
import type { HandbookConfig } from './config/schema.ts'
import type { BuiltDocIndex } from './documents/build-index.ts'
import type { DescribedSources } from './documents/describe-all.ts'
import type { RequiredReadingIndex } from './reading/types.ts'
import type { FileProblem } from './documents/types.ts'

/** The document index with its citations: everything computed once per build. */
export interface HandbookIndex extends BuiltDocIndex {
  /** Milliseconds spent finding, reading and indexing the sources. */
  scanMs: number
  /**
   * Who cites what, over the whole handbook. Reading it analyses, once, every page no render
   * has recorded yet; while pages render, read `citationRecorder.recorded()` instead.
   */
  readonly citations: CitationIndex
  /** The citations of each page, recorded as the link plugin analyses it. */
  citationRecorder: CitationRecorder
  /** Each role guide's required reading, and the roles that must read each section. */
  requiredReading: RequiredReadingIndex
  /** Who hands work to whom, from what the role guides say. */
  collaboration: CollaborationGraph
}

/**
 * Holds the document index for the plugins. It is built once, when first asked for (by the
 * first page that renders), and rebuilt only after `invalidate()` (the dev server calls it
 * when a content file changes), so a build reads and scans the sources exactly once.
 */
export interface IndexStore {
  readonly contentRoot: string
  readonly config: HandbookConfig
  /**
   * Every document read and described (title, route, kind), without the index: what the
   * sidebar lists when the site's config loads. The index is built from these same sources.
   */
  describedSources(): DescribedSources
  get(): HandbookIndex
  invalidate(): void
}

/**
 * Every problem of the handbook as a whole: the index's, and those only the citations of all
 * pages show (a requirement pattern that mentions match but no definition does).
 */
export function findHandbookProblems(built: HandbookIndex): FileProblem[] {
  return [...built.problems, ...findPatternsWithoutDefinitions(built.index, built.citations)]
}
