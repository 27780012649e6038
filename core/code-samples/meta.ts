/**
 * Reading our option from a fence's info string, and writing the options Expressive Code reads
 * (`ins={…}`, `del={…}`, `title="…"`, `wrap`) back into it.
 */

import type { Verdict } from './vocabulary.ts'

/** One `key=value` (or bare) option of a fence's meta string, with where it sits. */
interface MetaOption {
  key?: string
  value: string
  start: number
  end: number
}

// Same value forms as Expressive Code's meta parser: "…", '…', {…}, /…/ or a bare word.
const OPTION_PATTERN =
  /(?:([\w-]+)\s*=\s*)?("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\{[^}]*\}|\/(?:\\.|[^/\\])+\/|[^\s"'{]+)/g

function findMetaOptions(meta: string): MetaOption[] {
  return [...meta.matchAll(OPTION_PATTERN)].map((match) => ({
    ...(match[1] === undefined ? {} : { key: match[1].toLowerCase() }),
    value: (match[2] ?? '').replace(/^(["'])(.*)\1$/s, '$2'),
    start: match.index,
    end: match.index + match[0].length,
  }))
}

/** What a fence's meta string says about its verdict. */
export interface VerdictOption {
  /** The verdict from `verdict=good` or `verdict=bad`. */
  verdict?: Verdict
  /** The option as written, when its value is neither `good` nor `bad` (`verdict=ok`). */
  invalid?: string
  /** The meta string without the `verdict` option, for Expressive Code. */
  rest: string
}

/** Read the `verdict=good|bad` option of a fence's meta string (`go verdict=bad`). */
export function parseVerdictOption(meta: string | null | undefined): VerdictOption {
  const text = meta ?? ''
  const option = findMetaOptions(text).find(({ key }) => key === 'verdict')
  if (!option) return { rest: text }
  const rest = (text.slice(0, option.start) + text.slice(option.end)).replace(/\s+/g, ' ').trim()
  const value = option.value.toLowerCase()
  if (value === 'good' || value === 'bad') return { verdict: value, rest }
  return { invalid: text.slice(option.start, option.end), rest }
}

/** Whether the meta string already sets an option (`title="…"`, `wrap=false`, `wrap`), in any case. */
function hasMetaOption(meta: string, key: string): boolean {
  const name = key.toLowerCase()
  return findMetaOptions(meta).some(
    (option) =>
      option.key === name ||
      // A bare boolean option, but not a quoted search term (`"wrap"` marks the text `wrap`).
      (option.key === undefined && meta.slice(option.start, option.end).toLowerCase() === name),
  )
}

/**
 * Format line numbers as an Expressive Code range (`[1, 2, 3, 7]` → `1-3,7`).
 */
export function formatLineRange(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let index = 0; index < sorted.length; index++) {
    const start = sorted[index] ?? 0
    let end = start
    while (sorted[index + 1] === end + 1) {
      end++
      index++
    }
    parts.push(start === end ? `${start}` : `${start}-${end}`)
  }
  return parts.join(',')
}

/** One line Expressive Code marks with a label of its own (`del={"✗":3}`). */
export interface LabelledLine {
  /** The line, 1-based. */
  line: number
  /** `ins` (good) or `del` (bad). */
  marker: 'ins' | 'del'
  /** The text drawn in the line's gutter instead of `+`/`-`: a symbol, one or two characters. */
  label: string
}

/** The lines to mark in each colour, a frame title to add, and whether to wrap long lines. */
export interface MetaAdditions {
  /** Lines Expressive Code marks as inserted (good). */
  ins: readonly number[]
  /** Lines Expressive Code marks as deleted (bad). */
  del: readonly number[]
  /** Single lines marked with a gutter label (lines labelled by a trailing comment). */
  labelled?: readonly LabelledLine[]
  /** A frame title, set only when the author gave none. */
  title?: string
  /** Wrap long lines instead of scrolling them, unless the author set `wrap` themselves. */
  wrap?: boolean
}

/**
 * Build the meta string handed to Expressive Code: the author's options, then our line markers,
 * title and wrapping. Expressive Code merges repeated `ins`/`del` options, so the author's own
 * markers stay as they are.
 */
export function buildSampleMeta(meta: string, additions: MetaAdditions): string {
  const options = [meta.trim()]
  if (additions.del.length > 0) options.push(`del={${formatLineRange(additions.del)}}`)
  if (additions.ins.length > 0) options.push(`ins={${formatLineRange(additions.ins)}}`)
  for (const { line, marker, label } of additions.labelled ?? []) {
    // Expressive Code reads `{"label":range}`; its label has no escapes either.
    options.push(`${marker}={${quoteMetaValue(label)}:${line}}`)
  }
  if (additions.title !== undefined && !hasMetaOption(meta, 'title')) {
    options.push(`title=${quoteMetaValue(additions.title)}`)
  }
  if (additions.wrap && !hasMetaOption(meta, 'wrap')) options.push('wrap')
  return options.filter(Boolean).join(' ')
}

// Expressive Code's meta values have no escapes: pick the quote the text does not contain.
function quoteMetaValue(text: string): string {
  return text.includes('"') ? `'${text.replaceAll("'", '’')}'` : `"${text}"`
}
