import { performance } from 'node:perf_hooks'
import { assignAstroHeadingIds } from './heading-ids.ts'
import type { HandbookConfig } from '../core/config/schema.ts'
import {
  indexDescribedSources,
  type BuiltDocIndex,
  type SourceText,
} from '../core/documents/build-index.ts'
import { describeSources, type DescribedSources } from '../core/documents/describe-all.ts'
import { findSourceFiles, readSourceText } from './sources.ts'

export type { BuiltDocIndex } from '../core/documents/build-index.ts'
export type * from '../core/documents/types.ts'

/** The index plus how long the scan took. */
export interface LoadedDocIndex extends BuiltDocIndex {
  /** Milliseconds spent finding, reading, describing and indexing the sources. */
  scanMs: number
}

/** The configured documents, read and described: what the sidebar lists and the index indexes. */
export interface DocumentSources extends DescribedSources {
  /** Milliseconds spent finding, reading and describing them. */
  readMs: number
}

/**
 * Finds, reads and describes every configured document (title, route, kind; no parse): the
 * only place in the index that reads the sources. Problems are returned, never thrown, so one
 * bad file cannot hide the others.
 */
export function readDocumentSources(contentRoot: string, config: HandbookConfig): DocumentSources {
  const started = performance.now()
  const { files, problems } = findSourceFiles(contentRoot, config)
  const texts: SourceText[] = []
  for (const file of files) {
    const read = readSourceText(file)
    problems.push(...read.problems)
    if (read.text !== undefined) texts.push({ ...file, text: read.text })
  }
  const described = describeSources(texts)
  return {
    described: described.described,
    problems: [...problems, ...described.problems],
    readMs: performance.now() - started,
  }
}

/** Indexes every configured document once, from `sources` when they were read already. */
export function loadDocIndex(
  contentRoot: string,
  config: HandbookConfig,
  sources: DocumentSources = readDocumentSources(contentRoot, config),
): LoadedDocIndex {
  const started = performance.now()
  const built = indexDescribedSources(config, sources, { assignHeadingIds: assignAstroHeadingIds })
  return { ...built, scanMs: sources.readMs + performance.now() - started }
}
