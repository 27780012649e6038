import type { DocumentKind } from '../config/schema.ts'

/**
 * The order in which the content loader renders documents: role guides
 * first, then every other kind except requirements, then requirement
 * documents last; within each group, the order given (the index's order).
 * The link plugin records who cites what while pages render, so the pages
 * that show citations of others (requirement backlinks) render after the
 * pages that cite them. Returns a new array; the input is not changed.
 */
export function renderOrder<Source extends { kind: DocumentKind }>(
  sources: readonly Source[],
): Source[] {
  const rank = (kind: DocumentKind): number =>
    kind === 'role' ? 0 : kind === 'requirements' ? 2 : 1
  // Array.prototype.sort is stable, so each group keeps the given order.
  return [...sources].sort((a, b) => rank(a.kind) - rank(b.kind))
}
