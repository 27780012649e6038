import { performance } from 'node:perf_hooks'
import type { HandbookConfig } from '../config/schema.ts'
import { buildDocIndex, type BuiltDocIndex, type SourceText } from './build.ts'
import { findSourceFiles, readSourceText, type FileProblem } from './sources.ts'

export type { BuiltDocIndex } from './build.ts'
export type * from './types.ts'

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
  const built = buildDocIndex(config, texts)
  const allProblems: FileProblem[] = [...problems, ...built.problems]
  return { ...built, problems: allProblems, scanMs: performance.now() - started }
}
