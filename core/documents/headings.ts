import type { HeadingInfo } from './types.ts'

/** A heading's section number, kept apart from its title. */
export interface SectionHeading {
  /** `5`, `5.2`, `A`, `B.1`; absent for an unnumbered heading. */
  number?: string
  /**
   * The heading text without its number (`Channel Discipline`). A heading
   * that is only a number (`Appendix C`, `12.`) keeps its whole text, so a
   * title is never empty.
   */
  title: string
}

/** Words that introduce a lettered section: `Appendix A: Glossary`. */
const appendixPattern = /^(?:appendix|annex)\s+([A-Z](?:\.\d+)*)(?![\p{L}\p{N}])/iu

/**
 * `5`, `5.2`, `3.1.`, `12)`, `5a`: digits, dotted parts, a lower-case letter
 * suffix (`5a · Snapshot format`), an optional closing `.` or `)`.
 */
const numberPattern = /^(\d+(?:\.\d+)*[a-z]?)([.)])?(?=\s|:|$)/u

/** `A.`, `B.1`, `C)`, `D:`: a capital letter with dotted digit parts or a closing mark. */
const letterPattern = /^([A-Z])((?:\.\d+)*)([.):])?(?=\s|$)/u

/**
 * Splits a heading's text into its section number and title, for the ways
 * numbered documents write them: `5. Concurrency and Resource Policy`,
 * `5.2 Channel Discipline`, `§7 Functional Requirements`, `12) Testing`,
 * `3.1. Goals`, `Appendix A: Glossary`, `A. Glossary`, `B.1 Something`,
 * `§0 — What it is`, `4 · Retention`, `5a · Snapshot format`.
 *
 * Text that only looks numbered stays unnumbered: a lone capital starting a
 * sentence (`A Note on Style`), a year or other long number (`2026 Roadmap`),
 * a quantity (`99% Uptime`, `3D Rendering`).
 */
export function parseSectionHeading(text: string): SectionHeading {
  const whole = text.trim()
  // A section sign says "this is a number" outright, so it lifts the
  // guards against years and lone letters below.
  const signed = /^§\s*/u.exec(whole)
  const rest = signed ? whole.slice(signed[0].length) : whole

  const appendix = appendixPattern.exec(rest)
  if (appendix && /^[A-Z]/u.test(appendix[1]!)) {
    return { number: appendix[1]!, title: toTitle(rest.slice(appendix[0].length), whole) }
  }

  const numbered = numberPattern.exec(rest)
  if (numbered) {
    const number = numbered[1]!
    const first = number.split('.')[0]!
    const punctuated = numbered[2] !== undefined || number.includes('.')
    // Section numbers stay small; four digits is a year (`2026 Roadmap`),
    // and three digits without a dot or bracket is a quantity (`100 Days`).
    // `2x Faster Builds` is a multiplier, not section 2x.
    const multiplier = /^\d+x$/u.test(number) && !signed
    const plausible =
      !multiplier && (signed || (first.length < 4 && (first.length < 3 || punctuated)))
    if (plausible) return { number, title: toTitle(rest.slice(numbered[0].length), whole) }
    return { title: whole }
  }

  const lettered = letterPattern.exec(rest)
  if (lettered) {
    const [matched, letter, parts, mark] = lettered
    // A lone capital is an ordinary word (`A Note on Style`) unless a mark
    // follows it; `Q:` opens a FAQ entry rather than an appendix.
    const isFaq = letter === 'Q' && mark === ':' && !parts
    if ((parts || mark || signed) && !isFaq) {
      return { number: `${letter}${parts}`, title: toTitle(rest.slice(matched.length), whole) }
    }
  }
  return { title: whole }
}

/** The title after a number: separators dropped; the whole heading when nothing is left. */
function toTitle(afterNumber: string, whole: string): string {
  // A dot, colon or bracket closes the number; a dash, bar or middle dot separates the title.
  const title = afterNumber.replace(/^[\s.:)]*(?:[-–—|·•]\s*)?/u, '').trim()
  return title === '' ? whole : title
}

/**
 * Orders section numbers the way a document does: part by part, numbers
 * numerically (`5.10` after `5.9`), a section before its subsections (`5`
 * before `5.1`), and lettered appendices after every number. Returns a
 * negative number, zero or a positive number, like `Array.prototype.sort`
 * expects.
 */
export function compareSectionNumbers(a: string, b: string): number {
  const left = a.toUpperCase().split('.')
  const right = b.toUpperCase().split('.')
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const order = compareParts(left[index]!, right[index]!)
    if (order !== 0) return order
  }
  return left.length - right.length
}

function compareParts(a: string, b: string): number {
  // `5A` (written `5a`) sorts after 5 and before 6.
  const left = /^(\d+)([A-Z]?)$/.exec(a)
  const right = /^(\d+)([A-Z]?)$/.exec(b)
  if (left && right) {
    return (
      Number(left[1]) - Number(right[1]) ||
      (left[2]! < right[2]! ? -1 : left[2]! > right[2]! ? 1 : 0)
    )
  }
  if (Boolean(left) !== Boolean(right)) return left ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** True when `number` is `ancestor` itself or one of its subsections (`5.2` in `5`). */
export function isWithinSection(number: string, ancestor: string): boolean {
  const wanted = ancestor.toUpperCase()
  const upper = number.toUpperCase()
  return upper === wanted || upper.startsWith(`${wanted}.`)
}

/**
 * The headings a range such as `§3-§12` covers, in document order: every
 * numbered heading from `from` up to and including `to` and all of `to`'s
 * subsections (so `§3-§12` covers 3, 3.1, …, 11.4, 12, 12.1, …, 12.6),
 * compared with {@link compareSectionNumbers}. Mixed depths work the same
 * way (`§3.2-§5` starts at 3.2). Unnumbered headings nested under a covered
 * heading (a `### Examples` inside §5) are covered too; unnumbered headings
 * elsewhere are not. A reversed range (`§12-§3`) covers nothing.
 */
export function expandSectionRange(
  headings: readonly HeadingInfo[],
  from: string,
  to: string,
): HeadingInfo[] {
  if (compareSectionNumbers(from, to) > 0) return []
  const covered: HeadingInfo[] = []
  // Ancestors of the current heading by depth, to let an unnumbered heading
  // follow its parent in or out of the range.
  const open: Array<{ depth: number; inRange: boolean }> = []
  for (const heading of headings) {
    while (open.length > 0 && open.at(-1)!.depth >= heading.depth) open.pop()
    const inRange =
      heading.number === undefined
        ? (open.at(-1)?.inRange ?? false)
        : compareSectionNumbers(from, heading.number) <= 0 &&
          (compareSectionNumbers(heading.number, to) <= 0 || isWithinSection(heading.number, to))
    open.push({ depth: heading.depth, inRange })
    if (inRange) covered.push(heading)
  }
  return covered
}

/** The last heading at or before a source line. */
export function enclosingHeading(
  headings: readonly HeadingInfo[],
  line: number,
): HeadingInfo | undefined {
  let found: HeadingInfo | undefined
  for (const heading of headings) {
    if (heading.line > line) break
    found = heading
  }
  return found
}
