import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { getPageData } from '../../core/page-data.ts'
import { createRequirementMatcher } from '../../core/requirements/patterns.ts'
import type { IndexOptions } from '../options.ts'
import { markDefinitions } from './mark-definitions.ts'

/** Options of `remarkRequirementLinks`: the index and the base path. */
export type Options = IndexOptions

/**
 * On a requirements page, gives each definition its anchor (`#cld-req-020`)
 * and, under it, where it is cited and which design documents implement it.
 * Runs after `remarkReferenceLinks`, which links the IDs themselves (the ID
 * at its definition becomes a permalink), so the backlinks it adds are never
 * read as mentions.
 */
export function remarkRequirementLinks(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page || page.kind !== 'requirements') return
    const built = options.store.get()
    markDefinitions(
      tree,
      createRequirementMatcher(built.index.requirementPatterns),
      page,
      built,
      base,
    )
  }
}
