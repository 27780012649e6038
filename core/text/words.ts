/**
 * Words that say nothing about which section is meant: articles,
 * prepositions, pronouns and the filler around a citation (`see`, `section`).
 * Title hints are compared on what is left.
 */
const stopWords = new Set([
  'a',
  'about',
  'above',
  'according',
  'after',
  'all',
  'also',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'before',
  'below',
  'by',
  'cf',
  'details',
  'e',
  'eg',
  'etc',
  'for',
  'from',
  'g',
  'here',
  'i',
  'ie',
  'in',
  'into',
  'is',
  'it',
  'its',
  'more',
  'no',
  'not',
  'of',
  'on',
  'or',
  'our',
  'over',
  'per',
  'section',
  'see',
  'so',
  'than',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'this',
  'those',
  'to',
  'under',
  'via',
  'we',
  'which',
  'with',
  'you',
  'your',
])

/** True for a word (any case) that carries no meaning for title matching. */
export function isStopWord(word: string): boolean {
  return stopWords.has(normalizeWord(word))
}

/**
 * Lower-cases a word and folds a plural to its singular, so that `Tests`
 * and `test`, `Policies` and `policy` compare equal. Deliberately crude:
 * both sides of every comparison go through it, so it only has to be
 * consistent, not correct English.
 */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase()
  if (lower.length <= 3) return lower
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`
  if (/(?:ss|us|is)$/.test(lower)) return lower
  if (/(?:ches|shes|xes|zes|sses)$/.test(lower)) return lower.slice(0, -2)
  if (lower.endsWith('s')) return lower.slice(0, -1)
  return lower
}

/**
 * The significant words of a text, normalised and without duplicates:
 * case, punctuation, stop words, plain numbers and plural endings are
 * ignored (`Table-driven tests` → `table`, `driven`, `test`).
 */
export function findSignificantWords(text: string): string[] {
  const words = new Set<string>()
  for (const [word] of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (/^\p{N}+$/u.test(word)) continue
    const normalized = normalizeWord(word)
    if (!stopWords.has(normalized)) words.add(normalized)
  }
  return [...words]
}
