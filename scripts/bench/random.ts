/** A small seeded random source: the corpus must be the same for the same seed on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** `count` distinct elements (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[]
}

/**
 * Creates a PRNG from a 32-bit seed (mulberry32: tiny, fast and well spread,
 * which is all a corpus generator needs; `Math.random` cannot be seeded).
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    sample: (items, count) => {
      const pool = [...items]
      const taken = []
      while (taken.length < count && pool.length > 0) {
        taken.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!)
      }
      return taken
    },
  }
}

/**
 * A seed for one document, derived from the corpus seed and the document's
 * path (FNV-1a), so that each document's text depends only on those two and
 * not on how many documents were generated before it.
 */
export function deriveSeed(seed: number, key: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
