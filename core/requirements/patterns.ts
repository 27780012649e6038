import { normalizeHyphens } from '../text/hyphens.ts'

export { normalizeHyphens }

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
  /**
   * When the text begins with an ID (in brackets or not) followed by a separator (`:`, `-`,
   * `–`, `—`, `·`, `|`, a closing bracket; dropped from the text), or by a short title and
   * a separator (`NFR-L2 Latency: p99…`, `FR-001 (P1): …`): the ID and the rest. A range or
   * a list of IDs (`ADR-1, ADR-2: …`, `ADR-3–ADR-5 …`) is not a definition. `atEnd` also
   * accepts an ID with nothing after it (a heading `### FR-010`).
   */
  matchDefinition(
    text: string,
    options?: { atEnd?: boolean },
  ): { id: string; text: string } | undefined
  /** True when the whole text (trimmed, brackets and emphasis aside) is one ID. */
  matchWholeId(text: string): string | undefined
}

/** What may stand between an ID and its text: a colon, a dash, a middle dot, a bar. */
const separator = '(?:[:\\-–—·|•]|\\.(?=\\s))'
/** A short title between an ID and its separator: `Latency` in `NFR-L2 Latency: p99…`. */
const shortTitle =
  "(?:\\p{Lu}[\\p{L}\\p{N}'’/&-]*|\\([^()\\n]{1,20}\\))(?:[ \\t]+(?:[\\p{L}\\p{N}'’/&-]+|\\([^()\\n]{1,20}\\))){0,5}?"

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
  // An ID must not be glued to more identifier: `CLD-REQ-023-TC-004` is a test case,
  // `XCLD-REQ-020` something else. A hyphen between two whole IDs is a range
  // (`FR-051-FR-079`, the en dash already folded to `-`), so it glues nothing.
  const wholeId = `(?:${alternatives})(?![A-Za-z0-9_]|-[A-Za-z0-9])`
  const before = `(?<![A-Za-z0-9_])(?<!(?<!(?:${alternatives}))-)`
  const after = `(?![A-Za-z0-9_]|-(?!${wholeId})[A-Za-z0-9])`
  const prefixes = patterns.map(literalPrefix).filter((prefix) => prefix.length >= 2)
  const wildcardAlternatives = prefixes.map((prefix) => `${escapeRegExp(prefix)}\\*`)
  const idSource = `${before}(?:${alternatives})${after}`
  const wildcardSource = wildcardAlternatives.length
    ? `|${before}(?<wildcard>${wildcardAlternatives.join('|')})`
    : ''
  const mentionPattern = new RegExp(`${idSource}${wildcardSource}`, 'g')
  const definitionPattern = new RegExp(
    `^\\s*[[(]?\\s*(?<id>${alternatives})${after}(?<rest>.*)$`,
    'su',
  )
  // After the ID: a closing bracket, a separator, or a short title and then a separator.
  const definitionTail = new RegExp(
    `^(?:\\s*[\\])]\\s*(?:${separator}\\s*)?|\\s*${separator}\\s*|[ \\t]+(?=${shortTitle}\\s*${separator}))`,
    'u',
  )
  // `ADR-1, ADR-2: …`, `ADR-3–ADR-5 …`, `CLD-REQ-001 to CLD-REQ-003`: a range or a list.
  const listOrRange = new RegExp(
    `^\\s*(?:,|&|and|or|to|through|-|\\.\\.|/)\\s*(?:${alternatives})${after}`,
    'u',
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
    matchDefinition(text, options = {}) {
      const match = definitionPattern.exec(normalizeHyphens(text))
      if (!match?.groups?.id) return undefined
      const rest = match.groups.rest ?? ''
      if (listOrRange.test(rest)) return undefined
      // A separator (dropped) or a short title and a separator; in a heading, nothing at all.
      // Running prose after an ID (`FR-001 is covered by …`) mentions it, it does not define it.
      const tail = definitionTail.exec(rest)
      if (!tail && !(options.atEnd && rest.trim() === '')) return undefined
      const restStart = text.length - rest.length
      return { id: match.groups.id, text: text.slice(restStart + (tail?.[0].length ?? 0)).trim() }
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
