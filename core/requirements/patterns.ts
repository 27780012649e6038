/**
 * Hyphen look-alikes that word processors paste into IDs: hyphen, non-breaking
 * hyphen, figure dash, en dash and minus. Each is one UTF-16 unit, so
 * replacing them keeps every offset.
 */
const hyphenVariants = /[\u2010\u2011\u2012\u2013\u2212]/g

/** Replaces hyphen look-alikes with `-`, keeping the length. */
export function normalizeHyphens(text: string): string {
  return text.replace(hyphenVariants, '-')
}

/** The element id of a requirement's definition: `CLD-REQ-020` → `cld-req-020`. */
export function toRequirementAnchor(id: string): string {
  return normalizeHyphens(id)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** One requirement ID (or wildcard) written in text. */
export interface RequirementMention {
  start: number
  end: number
  /** Normalised ID; for a wildcard, the prefix with `*` (`CLD-REQ-*`). */
  id: string
  wildcard: boolean
}

/** Finds requirement IDs in text, for the configured patterns. */
export interface RequirementMatcher {
  /** Every ID and wildcard in the text, in order. Longer identifiers that merely start with an ID are skipped. */
  findMentions(text: string): RequirementMention[]
  /** When the text begins with an ID followed by `:`, `-`, `—` or a closing bracket: the ID and the rest. */
  matchDefinition(text: string): { id: string; text: string } | undefined
  /** True when the whole text (trimmed, brackets and emphasis aside) is one ID. */
  matchWholeId(text: string): string | undefined
}

// An ID must not be glued to more identifier: `CLD-REQ-023-TC-004` is a test
// case, `XCLD-REQ-020` something else.
const before = '(?<![A-Za-z0-9_-])'
const after = '(?![A-Za-z0-9_]|-[A-Za-z0-9])'

/** Builds a matcher from `requirementPatterns` (regular expressions without flags). */
export function createRequirementMatcher(patterns: readonly string[]): RequirementMatcher {
  if (patterns.length === 0) {
    return {
      findMentions: () => [],
      matchDefinition: () => undefined,
      matchWholeId: () => undefined,
    }
  }
  const alternatives = patterns.map((pattern) => `(?:${pattern})`).join('|')
  const prefixes = patterns.map(literalPrefix).filter((prefix) => prefix.length >= 2)
  const wildcardAlternatives = prefixes.map((prefix) => `${escapeRegExp(prefix)}\\*`)
  const idSource = `${before}(?:${alternatives})${after}`
  const wildcardSource = wildcardAlternatives.length
    ? `|${before}(?<wildcard>${wildcardAlternatives.join('|')})`
    : ''
  const mentionPattern = new RegExp(`${idSource}${wildcardSource}`, 'g')
  const definitionPattern = new RegExp(
    `^\\s*[[(]?\\s*(?<id>${alternatives})${after}\\s*(?:[\\])]\\s*[:\\-—]?|[:\\-—])\\s*`,
  )
  const wholePattern = new RegExp(`^\\s*[[(]?\\s*(?<id>${alternatives})\\s*[\\])]?\\s*$`)

  return {
    findMentions(text) {
      const normalized = normalizeHyphens(text)
      const mentions: RequirementMention[] = []
      mentionPattern.lastIndex = 0
      for (const match of normalized.matchAll(mentionPattern)) {
        if (match[0] === '') continue
        const start = match.index
        mentions.push({
          start,
          end: start + match[0].length,
          id: match[0],
          wildcard: match.groups?.wildcard !== undefined,
        })
      }
      return mentions
    },
    matchDefinition(text) {
      const match = definitionPattern.exec(normalizeHyphens(text))
      if (!match?.groups?.id) return undefined
      return { id: match.groups.id, text: text.slice(match[0].length).trim() }
    },
    matchWholeId(text) {
      return wholePattern.exec(normalizeHyphens(text))?.groups?.id
    },
  }
}

/** The fixed text a pattern starts with: `CLD-REQ-\d{3}` → `CLD-REQ-`. */
export function literalPrefix(pattern: string): string {
  let prefix = ''
  let index = 0
  while (index < pattern.length) {
    const char = pattern[index]!
    if (char === '\\') {
      const next = pattern[index + 1]
      if (next === undefined || !/[-.\\/]/.test(next)) break
      if (/[*?{]/.test(pattern[index + 2] ?? '')) break // the escaped character is optional
      prefix += next
      index += 2
      continue
    }
    if (/[[\](){}.*+?^$|]/.test(char)) break
    if (/[*?{]/.test(pattern[index + 1] ?? '')) break // a quantifier makes it optional
    prefix += char
    index++
  }
  return prefix
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
