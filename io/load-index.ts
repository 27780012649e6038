import { performance } from 'node:perf_hooks'
import { assignAstroHeadingIds } from './heading-ids.ts'
import type { HandbookConfig } from '../core/config/schema.ts'
import {
  buildDocIndex,
  type BuiltDocIndex,
  type SourceText,
} from '../core/documents/build-index.ts'
import { findSourceFiles, readSourceText, type FileProblem } from './sources.ts'

export type { BuiltDocIndex } from '../core/documents/build-index.ts'
export type * from '../core/documents/types.ts'

/** The index plus how long the scan took. */
export interface LoadedDocIndex extends BuiltDocIndex {
  /** Milliseconds spent finding, reading and indexing the sources. */
  scanMs: number
}

/**
 * Scans every configured document once: the only place in the index that
 * touches the file system. Problems are returned, never thrown, so one bad
 * file cannot hide the others.
 */
export function loadDocIndex(contentRoot: string, config: HandbookConfig): LoadedDocIndex {
  const started = performance.now()
  const { files, problems } = findSourceFiles(contentRoot, config)
  const texts: SourceText[] = []
  for (const file of files) {
    const read = readSourceText(file)
    problems.push(...read.problems)
    if (read.text !== undefined) texts.push({ ...file, text: read.text })
  }
  const built = buildDocIndex(config, texts, { assignHeadingIds: assignAstroHeadingIds })
  const allProblems: FileProblem[] = [...problems, ...built.problems]
  return { ...built, problems: allProblems, scanMs: performance.now() - started }
}
