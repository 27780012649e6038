/**
 * Exact jumps for the search dialog: fetches the small jump index the build writes
 * (`handbook-jump.json`: section numbers, requirement IDs, document and role names) once, and
 * answers each query with `findJumpTargets`, the same pure function the unit tests check.
 */
import type { JumpIndex } from '../../core/search/jump-index.ts'
import { findJumpTargets, type JumpTarget } from '../../core/search/jump-query.ts'

export type { JumpTarget }

/**
 * A lookup bound to one site: the index is fetched on the first call (from `base`, the site's
 * base path with its trailing slash) and kept. A failed fetch yields no jumps, never an error:
 * full-text search still works.
 */
export function createJumpFinder(base: string): (query: string) => Promise<JumpTarget[]> {
  let index: Promise<JumpIndex | undefined> | undefined
  return async (query) => {
    index ??= fetch(`${base}handbook-jump.json`)
      .then((response) => (response.ok ? (response.json() as Promise<JumpIndex>) : undefined))
      .catch(() => undefined)
    const loaded = await index
    // The page's own document: where IDs restart per folder, its folder's definition comes first.
    const from = document.querySelector('meta[name="handbook:source"]')?.getAttribute('content')
    return loaded ? findJumpTargets(loaded, query, from ? { from } : {}) : []
  }
}
