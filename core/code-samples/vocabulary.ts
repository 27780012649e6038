/**
 * The words and symbols authors use to mark code samples good or bad, and the one rule that turns
 * the start of a comment (or of a plain-text line) into a verdict, as docs/authoring.md ("Good and
 * bad code samples") states them; change the lists here and there, never in the callers.
 */

/** Which side of the line a sample, region or line stands on. */
export type Verdict = 'good' | 'bad'

/** The verdict of a whole block: one side, or both. */
export type BlockVerdict = Verdict | 'mixed'

/** A verdict read from the start of a comment, a plain-text line or a label paragraph. */
export interface Marker {
  /** The side the marker puts its code on. */
  verdict: Verdict
  /** The verdict word as the author wrote it (`Good`, `NEVER`, `Don't`); absent for a bare symbol. */
  term?: string
  /** The verdict symbol as the author wrote it (`❌`, `✔️`), when the text begins with one. */
  symbol?: string
  /** The text after the word and its separator (`deferred error check`), when there is any. */
  reason?: string
}

interface Word {
  verdict: Verdict
  /**
   * Strong words start a marker wherever they begin the comment; soft words only before a
   * separator or the end, or when shouted, because they also open ordinary sentences
   * (`// Don't fail the heartbeat on probe errors`).
   */
  strong: boolean
}

const WORDS: Readonly<Record<string, Word>> = {
  good: { verdict: 'good', strong: true },
  correct: { verdict: 'good', strong: true },
  right: { verdict: 'good', strong: false },
  acceptable: { verdict: 'good', strong: false },
  recommended: { verdict: 'good', strong: false },
  preferred: { verdict: 'good', strong: false },
  prefer: { verdict: 'good', strong: false },
  do: { verdict: 'good', strong: false },
  bad: { verdict: 'bad', strong: true },
  wrong: { verdict: 'bad', strong: true },
  incorrect: { verdict: 'bad', strong: true },
  avoid: { verdict: 'bad', strong: false },
  never: { verdict: 'bad', strong: false },
  "don't": { verdict: 'bad', strong: false },
  'do not': { verdict: 'bad', strong: false },
  'anti-pattern': { verdict: 'bad', strong: false },
}

const SYMBOLS: Readonly<Record<string, Verdict>> = {
  '✅': 'good',
  '✔': 'good',
  '❌': 'bad',
  '✗': 'bad',
  '🚫': 'bad',
}

// Longer alternatives first: `do not` and `don't` before `do`, `preferred` before `prefer`.
// A word ends before a space, a separator or punctuation, but not inside a compound
// (`Do-nothing handler`, `Right-align`) or a longer word (`Goodness`, `TODO`).
const WORD_PATTERN =
  /^(do\s+not|don['’]t|anti-?pattern|incorrect|recommended|acceptable|preferred|correct|prefer|avoid|never|wrong|right|good|bad|do)(?![\p{L}\p{N}_'’]|-[\p{L}\p{N}])/iu

// Emoji may carry a variation selector (U+FE0F) after them: `✔️`.
const SYMBOLS_PATTERN = /^(?:(?:✅|✔|❌|✗|🚫)\uFE0F?\s*)+/u

// `-`, `:` and `—` as docs/authoring.md says; `–` and `--` because authors type them for a dash.
const SEPARATOR_PATTERN = /^\s*(?:--|[-–—:])\s*/

const END_PATTERN = /^\s*[.!]*\s*$/

/** How strictly {@link parseMarkerText} reads a marker. */
export interface MarkerTextOptions {
  /**
   * Whether the text is a trailing comment after code on the same line
   * (`conn := dial() // ❌ no timeout`). Trailing comments mostly explain the code
   * (`// good enough for tests`, `// correct for UTC only`), so there every word is soft: it
   * marks only before a separator or the end, or when shouted; a leading symbol still marks.
   * @default false
   */
  trailing?: boolean
}

/**
 * Read a verdict from the start of a comment's text or a plain-text line, or `undefined` when the
 * text does not begin with a marker.
 *
 * A leading symbol always marks; a strong word marks wherever it begins the text; a soft word
 * marks only before a separator or the end, or when written in capitals (`NEVER hardcode`).
 */
export function parseMarkerText(text: string, options: MarkerTextOptions = {}): Marker | undefined {
  const { symbol, symbolText, rest } = splitLeadingSymbols(text.trim())
  const word = findLeadingWord(rest, options.trailing ?? false)
  const written = symbolText === undefined ? {} : { symbol: symbolText }
  // A word that agrees with the symbol is the term (`✅ Good - pooled`); otherwise the whole
  // text after the symbol is the reason (`✅ PARALLEL: fan out`).
  if (symbol && word?.verdict !== symbol) return { verdict: symbol, ...written, ...reasonOf(rest) }
  if (!word) return undefined
  return { verdict: word.verdict, term: word.term, ...written, ...reasonOf(word.reason) }
}

/** Split the verdict symbols off the start of `text`; the first symbol gives the verdict. */
function splitLeadingSymbols(text: string): {
  symbol?: Verdict
  symbolText?: string
  rest: string
} {
  const symbols = SYMBOLS_PATTERN.exec(text)
  if (!symbols) return { rest: text }
  const first = [...symbols[0]][0] ?? ''
  return {
    symbol: SYMBOLS[first],
    symbolText: symbols[0].trim(),
    rest: text.slice(symbols[0].length),
  }
}

/**
 * Find a verdict word that qualifies as a marker at the start of `text` (symbols already
 * removed), with the text after it and its separator.
 */
function findLeadingWord(
  text: string,
  trailing: boolean,
): (Marker & { term: string; reason: string }) | undefined {
  const match = WORD_PATTERN.exec(text)
  if (!match) return undefined
  const term = match[0]
  const word = WORDS[normalizeWord(term)]
  if (!word) return undefined
  const after = text.slice(term.length)
  const separator = SEPARATOR_PATTERN.exec(after)
  const strong = word.strong && !trailing
  const qualifies = strong || separator !== null || END_PATTERN.test(after) || isShouted(term)
  if (!qualifies) return undefined
  return {
    verdict: word.verdict,
    term,
    reason: separator ? after.slice(separator[0].length) : after,
  }
}

function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace('’', "'")
    .replace('antipattern', 'anti-pattern')
}

function isShouted(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase()
}

function reasonOf(text: string): { reason?: string } {
  const reason = text.trim()
  return END_PATTERN.test(reason) ? {} : { reason }
}

// What may follow the verdict in a label paragraph: `Bad example:`, `Don't do this`,
// `Recommended approach:`. Anything else makes it a sentence, not a label.
const LABEL_QUALIFIER =
  /^(?:\s+(?:examples?|samples?|code|usage|use|case|pattern|approach|practice|way|version|implementation|do|this))*\s*[:.!]?\s*(?:(?:✅|✔|❌|✗|🚫)\uFE0F?\s*)*$/iu

/**
 * Read the verdict of a paragraph that is only a label (`**Bad:**`, `❌ Don't`,
 * `Incorrect example:`), given its text content; `undefined` for any other paragraph, including
 * sentences that merely begin with a verdict word (`NEVER panic in library code:`).
 */
export function parseLabelParagraph(text: string): Verdict | undefined {
  return parseLabel(text)?.verdict
}

/**
 * Like {@link parseLabelParagraph}, with the word and symbol the label is written with, so that a
 * caller can tell whether the author's label already says the verdict in words (`term`) or in a
 * symbol (`symbol`).
 */
export function parseLabel(text: string): Marker | undefined {
  const { symbol, symbolText, rest } = splitLeadingSymbols(text.trim())
  const match = WORD_PATTERN.exec(rest)
  const word = match ? WORDS[normalizeWord(match[0])] : undefined
  if (!LABEL_QUALIFIER.test(match ? rest.slice(match[0].length) : rest)) return undefined
  const verdict = symbol ?? word?.verdict
  if (!verdict) return undefined
  return {
    verdict,
    ...(match && word && word.verdict === verdict && { term: match[0] }),
    ...(symbolText !== undefined && { symbol: symbolText }),
  }
}

/**
 * Read a do/don't list item's verdict from the symbol it starts with (`✅ Use contexts`,
 * `❌ Hold locks across I/O`); words alone do not count, because list items that begin with
 * "Do" or "Never" are ordinary instructions.
 */
export function parseListItemSymbol(text: string): Verdict | undefined {
  return splitLeadingSymbols(text.trim()).symbol
}
