// Sätteri's lazily read nodes carry their arena id and reader as enumerable fields.
const internalKeys = new Set(['_id', '_resolver'])

/**
 * A deep, plain, mutable copy of a tree Sätteri handed to a hook: every field read once
 * (children are read lazily and the tree is frozen), without Sätteri's bookkeeping, so that
 * Sätteri encodes each node of the copy anew instead of as a reference to its original.
 */
export function copyTree<T extends object>(node: Readonly<T>): T {
  return copyValue(node) as T
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue)
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (!internalKeys.has(key)) copy[key] = copyValue(field)
  }
  return copy
}
