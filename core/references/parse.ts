import { hyphenLookalikes } from '../text/hyphens.ts'
import { findSignificantWords, isStopWord } from '../text/words.ts'
import type { DocumentNamePredicate } from '../documents/names.ts'

/** Whether a reference cites a section by number (`§5.2`, `§A`) or by heading text (`§Build and Test Commands`). */
export type SectionRefKind = 'number' | 'name'

/**
 * Why a reference is left as plain text: a placeholder (`§XX`, `§N`), a
 * section of some other kind of document (`design doc §8`), or a section
 * sign followed by another writing system (`§三`).
 */
export type SkipReason = 'placeholder' | 'foreign-document' | 'non-latin'

/**
 * Where a title hint was found. `label` is `§7: Title` or `§7 - Title`,
 * `parenthesis` is `§1 (Vision)`, `before` is `goals (§3.1)`, `after` is
 * `§16.2 template`, `cell` is the neighbouring table cell given by the caller.
 */
export type HintSource = 'label' | 'parenthesis' | 'before' | 'after' | 'cell'

/** Words beside a reference that may name its section's title. */
export interface TitleHint {
  text: string
  source: HintSource
  /** For `before`: the words are the whole label of their list item, heading or cell (`Channel discipline (§5.2)`). */
  wholeLabel?: boolean
  /** The words are a quotation (`§4 ("Tenets")`): never a title, never a choice between documents. */
  quoted?: boolean
}

/** The range a reference is one end of: in `§3-§12`, `§3` is the start and `§12` the end. */
export interface SectionRange {
  role: 'start' | 'end'
  from: string
  to: string
}

/** A document name as written in a run of text, with its offsets. */
export interface DocumentMention {
  /** The name as written, without `'s` (`docs/ENGINEERING_SOP.md`, `SOP`). */
  name: string
  start: number
  end: number
}

/** The document a reference is written against. */
export interface WrittenDocument extends DocumentMention {
  /**
   * True when the name stands right before the reference or its list
   * (`SOP §12.2`, `CONTEXT.md's §Build…`, `SOP §11, §21`) or right after it
   * (`§1 of ARCH.md`); false when it was named earlier in the run and carries over.
   */
  explicit: boolean
  /** How the name is written when it is not a plain name: a link's URL, or a sibling's base name (`research §3`). */
  form?: 'link' | 'stem'
}

/** A word after a section number that a subsection of it begins with: `T3` in `§6 T3`. */
export interface SubLabel {
  text: string
  start: number
  end: number
}

/** Why a reference must not be linked, and the text that says so. */
export interface SectionRefSkip {
  reason: SkipReason
  /** The placeholder, the kind of document (`design doc`), or the foreign text. */
  detail: string
}

/** One section reference in a run of text. */
export interface SectionRefMatch {
  /** Offset of the text that becomes the link (`§3`, `§§3`, or the bare `12` ending `§§3-12`). */
  start: number
  /** End of the link text; for a `name` reference, the end of the whole candidate (the resolver shortens it). */
  end: number
  /** `text.slice(start, end)`. */
  text: string
  kind: SectionRefKind
  /**
   * The section number or letter (`5.2`, `B.2`, `22.2` for the `2` of
   * `§22.1-2`), or for a `name` reference the candidate text: everything
   * after the sign up to the end of the clause (`Build and Test Commands
   * before you push`).
   */
  section: string
  /** Offset where `section` (for names: the candidate) begins. */
  sectionStart: number
  range?: SectionRange
  hint?: TitleHint
  /** The document named before the reference in this run, if any (needs `isDocumentName` except for file names and acronyms). */
  document?: WrittenDocument
  skip?: SectionRefSkip
  /** `§6 below`, `see §3 above`, `earlier in §2`, `this document's §4`: the citing document. */
  position?: string
  /** `§6 T3`: the label of a subsection of §6. */
  subLabel?: SubLabel
  /** `§"Restore from backup"`: a heading named exactly by the quoted words. */
  quoted?: boolean
  /**
   * Words quoted beside the reference (`"retry only idempotent calls" (§6)`, `§6.1 – “Retry
   * only idempotent calls”`): a hint for the candidate whose section contains them.
   */
  quotation?: string
}

/** Options of {@link findSectionRefs}. */
export interface FindSectionRefsOptions {
  /**
   * Whether a word or file name names one of our documents (found or
   * ambiguous). Needed to see aliases (`SOP §12.2`) and to carry a name over
   * to the references after it. File names and all-capital words right
   * before a `§` are reported as documents even without it, so that an
   * unknown one is not silently linked to the default document.
   * @default undefined
   */
  isDocumentName?: DocumentNamePredicate
  /**
   * Text of the neighbouring table cell (`Table-driven tests` beside
   * `| §12.4 |`), used as a title hint when the reference has none of its own.
   * @default undefined
   */
  cellHint?: string
  /**
   * Links in the run (`[plan](./plan.md) §3`): a link right before a reference names its
   * document by its URL.
   * @default []
   */
  links?: ReadonlyArray<{ start: number; end: number; url: string }>
  /**
   * Whether a bare word right before `§` is the base name of a document beside the citing
   * one (`research §3` for `research.md`).
   * @default undefined
   */
  isDocumentStem?: (word: string) => boolean
}

/** Spaces that may sit between the sign and the number (`§ 5.2`, a no-break space). */
const inlineSpace = '[ \\t\\u00a0\\u2009\\u202f]'

/**
 * Placeholders: `§XX`, `§N`, `§X.Y`, `§?`, `§TBD`, `§<n>`, and a number
 * with a placeholder part (`§5.x`). N, X, Y and Z are read as placeholders,
 * never as appendix letters: templates use them far more than appendices do.
 */
const placeholderPattern =
  /(?:(?:[NXYZnxyz]{1,3}|TBD|TBC|TODO|\?+|#+|…|\.{2,}|_+|<[^<>\n§]{0,20}>|\{[^{}\n§]{0,20}\}|\[[^[\]\n§]{0,20}\])(?:\.(?:[A-Za-z]{1,2}|\?+|\d+))*|\d+(?:\.\d+)*(?:\.(?:[A-Za-z]{1,2}|\?+))(?:\.(?:[A-Za-z]{1,2}|\?+|\d+))*)(?![A-Za-z0-9_])/y
// `(?!\.\d)` stops the match from backing off to a parent: `§5.2b` is not `§5`.
// A lower-case letter suffix belongs to the number: `§5a`.
const numberPattern = /\d+(?:\.\d+)*[a-z]?(?![A-Za-z0-9_]|\.\d)/y
const letterPattern = /[A-Z](?:\.\d+)*(?![A-Za-z0-9_]|\.\d)/y
/** Shaped like a number but not one (`§5a`, `§5.2b`, `§1CLD`, `§A1`): read whole, so it is reported, never dropped. */
const malformedNumberPattern = /(?:\d|[A-Z](?=[\d_]|\.\d))[\p{L}\p{N}_]*(?:\.[\p{L}\p{N}_]+)*/uy
/** A heading's text starts with a capital Latin letter and goes on with letters: `Build`, `Windows`, `API`, `Überblick`. */
const nameStartPattern = /(?=\p{Script=Latin})\p{Lu}[\p{L}\p{M}]/uy
const otherScriptPattern = /[\p{L}\p{N}]/uy
const rangeSeparatorPattern = new RegExp(
  `${inlineSpace}*(?:--|[-${hyphenLookalikes}—])${inlineSpace}*|${inlineSpace}+(?:to|through|thru)${inlineSpace}+`,
  'y',
)
/** `"Restore from backup"`, `“Release Train”`: opening quote → its closing quote. */
const closingQuotes: Record<string, string> = { '"': '"', '“': '”', '”': '”', '„': '“' }
/** `§6 T3`: one to three capitals and digits, a whole word. */
const subLabelPattern = /^[ \t\u00a0]+([A-Z]{1,3}\d+[a-z]?)(?![\p{L}\p{N}_-])/u
/** Words that put a reference in the document it is written in: `§6 below`, `§3 above`. */
const positionAfterPattern = /^[*_`]*[ \t\u00a0]+(below|above)(?![\p{L}\p{N}])/u
const positionBeforePattern =
  /(?:(?:^|[^\p{L}])((?:earlier|later|above|below)[ \t\u00a0]+in|this[ \t\u00a0]+(?:document|doc|spec|specification|file|page|guide|report)['’]s)[ \t\u00a0*_`(]*)$/iu
/** `§1 of ARCH.md`, `§4 in the SOP`: the document after the reference. */
const documentAfterPattern = /^[*_`]*[ \t\u00a0]+(?:of|in)[ \t\u00a0]+(?:the[ \t\u00a0]+)?[*_`]*/u
/** A kind of document that is not ours, right after `of`/`in`: `§2 of the RFC`. */
const foreignAfterPattern =
  /^((?:design|tech(?:nical)?)[ \t-]+(?:doc(?:ument)?|spec(?:ification)?)s?|spec(?:ification)?s?|rfcs?(?:[ \t]+\d+)?|adrs?(?:[ \t-]*\d+)?|prds?|(?:white[ \t-]?)?papers?|proposals?|drafts?|contracts?|licen[cs]es?|statutes?|regulations?)(?![\p{L}\p{N}]|[./][\p{L}\p{N}])/iu
/** Roman numerals label list items (`**VIII.** §2`); they never name a document. */
const romanNumeralPattern = /^[IVXLCDM]+$/u
const listSeparatorPattern = new RegExp(
  `${inlineSpace}*(?:,${inlineSpace}*(?:(?:and|or|&)${inlineSpace}+)?|${inlineSpace}+(?:and|or|&)${inlineSpace}+)`,
  'y',
)

/**
 * Common nouns for kinds of document that are not ours. A reference right
 * after one (`design doc §8`, `the RFC's §4`, `RFC 9110 §15`, `ISO 27001
 * §A.12`, `17 U.S.C. §107`) cites that document and is left alone. `spec`
 * and `paper` are here; `standards` and `policy` are not, because authors
 * use them for our own documents (`ENGINEERING_SOP.md standards (§3-§12)`).
 */
const foreignDocumentPattern =
  /(?:^|[^\p{L}\p{N}_])((?:design|tech(?:nical)?)[ \t-]+(?:doc(?:ument)?|spec(?:ification)?)s?|spec(?:ification)?s?|rfcs?(?:[ \t]+\d+)?|adrs?(?:[ \t-]*\d+)?|prds?|(?:white[ \t-]?)?papers?|proposals?|drafts?|iso(?:\/iec)?[ \t]+\d+(?:[-:]\d+)*|ieee[ \t]+\d+(?:\.\d+)*|u\.s\.c\.|usc|c\.f\.r\.|cfr|contracts?|licen[cs]es?|statutes?|regulations?|act)$/iu

/** File names as authors write them (`ENGINEERING_SOP.md`, `Requirements.MD`, `docs/x.mdx`). */
const fileNamePattern = /\.(?:md|mdx|markdown|txt|rst|adoc)$/iu
/** A word or path token: `SOP`, `CONTEXT.md`, `./docs/ENGINEERING_SOP.md`. */
const tokenPattern = /(?:\.{1,2}\/)?[\p{L}\p{N}_](?:[\p{L}\p{N}_\-./]*[\p{L}\p{N}_])?/gu
/** Between a document name and its `§`: `'s`, emphasis or code marks, spaces, an opening bracket. */
const nameGapPattern = /(?:['’]s)?[\s*_`]*(\([\s*_`]*)?$/u
/** Longest alias, in words, that {@link findDocumentMentions} looks for. */
const maxAliasWords = 6

/**
 * Finds every section reference in one run of text (a paragraph, heading,
 * table cell or list-item paragraph flattened to a string, inline code
 * already blanked out): `§5.2`, `§ 5.2`, `(§4)`, `§3-§12`, `§3–§12`,
 * `§§3-12`, `§22.1-22.2`, `§11, §21`, `§A`, `§B.2`, `§Build and Test
 * Commands`. Each range end and list item is its own match. Placeholders,
 * sections of other kinds of document and other scripts come back with
 * `skip` set, so the caller can tell them from unresolved references.
 *
 * Never throws, whatever the text.
 */
export function findSectionRefs(
  text: string,
  options: FindSectionRefsOptions = {},
): SectionRefMatch[] {
  const groups = findRefGroups(text)
  const mentions = options.isDocumentName ? findDocumentMentions(text, options.isDocumentName) : []
  // Names the run has given so far, known or not: each carries over to the
  // references after it (docs/authoring.md, "Which document a bare `§N` means", rule 1).
  const written: DocumentMention[] = [...mentions]
  const matches: SectionRefMatch[] = []
  let previous: { group: RefGroup; document?: WrittenDocument; foreign?: string } | undefined

  for (const group of groups) {
    const head = group.refs[0]!
    const continuesList =
      previous !== undefined && isListGap(text.slice(previous.group.end, head.start))
    const immediate = findWrittenDocument(text, head.start, mentions, options)
    const after = findDocumentAfter(text, group.end, mentions, options)
    let document: WrittenDocument | undefined
    let foreign: string | undefined
    if (immediate && 'name' in immediate) {
      document = { ...immediate, explicit: true }
      if (!immediate.form && !written.some((mention) => mention.start === immediate.start)) {
        written.push(immediate)
      }
    } else if (immediate) {
      foreign = immediate.foreign
    } else if (after && 'foreign' in after) {
      foreign = after.foreign
    } else if (after) {
      document = { ...after, explicit: true }
    } else if (continuesList && previous?.foreign) {
      foreign = previous.foreign
    } else if (continuesList && previous?.document?.explicit) {
      document = previous.document
    } else {
      const before = nearestBefore(written, head.start)
      if (before) document = { ...before, explicit: false }
    }

    const position = findPositionWord(text, head.start, group.end)
    for (const ref of group.refs) {
      const match: SectionRefMatch = {
        start: ref.start,
        end: ref.end,
        text: text.slice(ref.start, ref.end),
        kind: ref.kind,
        section: ref.section,
        sectionStart: ref.sectionStart,
        ...(ref.range ? { range: ref.range } : {}),
        ...(document ? { document } : {}),
        ...(position ? { position } : {}),
        ...(ref.quoted ? { quoted: true } : {}),
      }
      if (ref.skip) match.skip = ref.skip
      else if (foreign) match.skip = { reason: 'foreign-document', detail: foreign }
      if (!ref.range && ref.kind === 'number' && group.refs.length === 1 && !ref.skip) {
        const label = subLabelPattern.exec(text.slice(ref.end))
        if (label) {
          const start = ref.end + label[0].length - label[1]!.length
          match.subLabel = { text: label[1]!, start, end: start + label[1]!.length }
        }
        const hint = findTitleHint(text, { ...ref, end: match.subLabel?.end ?? ref.end }, options)
        if (hint) match.hint = hint
        const quotation = findQuotation(text, ref)
        if (quotation) match.quotation = quotation
      }
      matches.push(match)
    }
    previous = {
      group,
      ...(document ? { document } : {}),
      ...(foreign ? { foreign } : {}),
    }
  }
  return matches
}

/**
 * Finds document names as authors type them: file names with or without a
 * leading path (`docs/ENGINEERING_SOP.md`, `./ENGINEERING_SOP.md`,
 * `Requirements.MD`), possibly followed by `'s`, and one- or multi-word
 * aliases (`SOP`). `isDocumentName` decides which candidates are names;
 * candidates are word and path tokens and runs of up to six words, longest
 * first. Plain words are only offered when capitalised, so that an alias
 * such as `Requirements` does not turn every "the requirements" in prose
 * into a document name.
 */
export function findDocumentMentions(
  text: string,
  isDocumentName: DocumentNamePredicate,
): DocumentMention[] {
  const maxWords = Math.min(maxAliasWords, isDocumentName.maxWords ?? maxAliasWords)
  const tokens = [...text.matchAll(tokenPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    capitalised: /^\p{Lu}/u.test(match[0]),
    pathLike: /[./_]/u.test(match[0]),
  }))
  // The index of the next path-like token at or after each token: most tokens are lowercase prose
  // words, which can only start a name that has a path-like token within reach.
  const nextPathLike = new Array<number>(tokens.length + 1).fill(tokens.length)
  for (let index = tokens.length - 1; index >= 0; index--) {
    nextPathLike[index] = tokens[index]!.pathLike ? index : nextPathLike[index + 1]!
  }
  const mentions: DocumentMention[] = []
  for (let index = 0; index < tokens.length; index++) {
    const first = tokens[index]!
    if (!first.capitalised && nextPathLike[index]! >= index + maxWords) continue
    let words = 1
    // Only spaces may join the words of one name.
    while (
      words < maxWords &&
      index + words < tokens.length &&
      /^[ \t\u00a0]+$/u.test(
        text.slice(tokens[index + words - 1]!.end, tokens[index + words]!.start),
      )
    ) {
      words++
    }
    for (; words >= 1; words--) {
      const last = tokens[index + words - 1]!
      const candidate = text.slice(first.start, last.end).replace(/\s+/gu, ' ')
      const plainWords = nextPathLike[index]! >= index + words
      if (plainWords && !first.capitalised) continue
      // A path has no spaces; without this, `See docs/X.md` would match on its tail.
      if (words > 1 && candidate.includes('/')) continue
      if (isDocumentName(candidate)) {
        mentions.push({ name: candidate, start: first.start, end: last.end })
        index += words - 1
        break
      }
    }
  }
  return mentions
}

/** A reference as read, before documents and hints. */
interface RawRef {
  start: number
  end: number
  kind: SectionRefKind
  section: string
  sectionStart: number
  range?: SectionRange
  skip?: SectionRefSkip
  quoted?: boolean
}

/** References written together: one `§`, its range end and, after `§§`, its list. */
interface RefGroup {
  refs: RawRef[]
  end: number
}

/** What stands after a section sign. */
interface Atom {
  kind: SectionRefKind
  section: string
  start: number
  end: number
  skip?: SectionRefSkip
  /** A quoted name: `section` is the words inside the quotes, `start`/`end` include them. */
  quoted?: boolean
}

function findRefGroups(text: string): RefGroup[] {
  const groups: RefGroup[] = []
  let cursor = 0
  for (;;) {
    const sign = text.indexOf('§', cursor)
    if (sign === -1) break
    const group = readGroup(text, sign)
    if (group) {
      groups.push(group)
      cursor = group.end
    } else {
      cursor = sign + 1
      while (text[cursor] === '§') cursor++
    }
  }
  return groups
}

/** Reads `§5.2`, `§3-§12`, `§§3-12, 14`, `§Name…` starting at a sign. */
function readGroup(text: string, sign: number): RefGroup | undefined {
  let position = sign
  while (text[position] === '§') position++
  const double = position - sign > 1
  position = skipSpaces(text, position)
  const first = readAtom(text, position, true)
  if (!first) return undefined
  const refs: RawRef[] = [
    { ...first, start: sign, sectionStart: first.quoted ? first.start + 1 : first.start },
  ]
  if (first.kind === 'name' || first.skip) return { refs, end: first.end }

  let last = refs[0]!
  for (;;) {
    const range = readRangeEnd(text, last)
    if (range) {
      last.range = { role: 'start', from: last.section, to: range.section }
      range.range = { role: 'end', from: last.section, to: range.section }
      refs.push(range)
      last = range
    }
    // `§§5.1, 5.3 and 7`: the double sign makes the bare numbers after it sections too.
    if (!double) break
    listSeparatorPattern.lastIndex = last.end
    const separator = listSeparatorPattern.exec(text)
    if (!separator) break
    const next = readAtom(text, last.end + separator[0].length, false)
    if (!next || next.kind !== 'number' || next.skip || !/^\d/.test(next.section)) break
    last = { ...next, sectionStart: next.start }
    refs.push(last)
  }
  return { refs, end: last.end }
}

/** The end of a range after `ref`: `-§12`, `–§12`, ` to §12`, or a bare `-12` / `-22.2`. */
function readRangeEnd(text: string, ref: RawRef): RawRef | undefined {
  rangeSeparatorPattern.lastIndex = ref.end
  const separator = rangeSeparatorPattern.exec(text)
  if (!separator) return undefined
  let position = ref.end + separator[0].length
  const signStart = position
  const signed = text[position] === '§'
  if (signed) {
    while (text[position] === '§') position++
    position = skipSpaces(text, position)
  } else if (!/[-‐‑‒–—−]/u.test(separator[0])) {
    // `§3 to 12 people`: only a dash joins a bare number to a range.
    return undefined
  }
  const atom = readAtom(text, position, false)
  if (!atom || atom.kind !== 'number' || atom.skip) return undefined
  if (!signed && !/^\d/.test(atom.section)) return undefined
  let section = atom.section
  const fromParts = ref.section.split('.')
  const toParts = section.split('.')
  // `§22.1-2` means 22.1 to 22.2: a shorter bare end inherits the start's parents.
  if (!signed && toParts.length < fromParts.length) {
    section = [...fromParts.slice(0, fromParts.length - toParts.length), ...toParts].join('.')
  }
  return {
    start: signed ? signStart : atom.start,
    end: atom.end,
    kind: 'number',
    section,
    sectionStart: atom.start,
  }
}

/** Reads what follows a sign: a number, a letter, a placeholder, a name or another script. */
function readAtom(text: string, position: number, allowName: boolean): Atom | undefined {
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = position
    return pattern.exec(text)?.[0]
  }
  const close = allowName ? closingQuotes[text[position] ?? ''] : undefined
  if (close !== undefined) {
    const end = text.indexOf(close, position + 1)
    const inner = end === -1 ? '' : text.slice(position + 1, end)
    if (end !== -1 && end - position <= 120 && /\p{L}/u.test(inner) && !/[\n§]/u.test(inner)) {
      return { kind: 'name', section: inner, start: position, end: end + 1, quoted: true }
    }
    return undefined
  }
  const placeholder = sticky(placeholderPattern)
  if (placeholder) {
    return atom('number', placeholder, { reason: 'placeholder', detail: `§${placeholder}` })
  }
  const number = sticky(numberPattern) ?? sticky(letterPattern) ?? sticky(malformedNumberPattern)
  if (number) return atom('number', number)
  if (!allowName) return undefined
  if (sticky(nameStartPattern)) {
    const end = findNameEnd(text, position)
    return end > position ? atom('name', text.slice(position, end)) : undefined
  }
  if (/[A-Za-z0-9]/.test(text[position] ?? '') || sticky(/\p{Script=Latin}/uy)) return undefined
  if (sticky(otherScriptPattern)) {
    const word = /[^\s§()[\]|,.;:!?]+/uy
    word.lastIndex = position
    const written = word.exec(text)![0]
    return atom('name', written, { reason: 'non-latin', detail: written })
  }
  return undefined

  function atom(kind: SectionRefKind, section: string, skip?: SectionRefSkip): Atom {
    return {
      kind,
      section,
      start: position,
      end: position + section.length,
      ...(skip ? { skip } : {}),
    }
  }
}

/**
 * Where a named reference's candidate text ends: at the end of the clause
 * (a sentence stop, a bracket, a table bar, a semicolon, a line break or the
 * next `§`). Colons, commas and dashes stay in, since headings contain them
 * (`Windows: Hidden Launchers`); the resolver keeps only the heading's words.
 */
function findNameEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + 160)
  let end = start
  for (; end < limit; end++) {
    const char = text[end]!
    if ('§()[]|;\n\r'.includes(char)) break
    if ('.!?'.includes(char) && (end + 1 >= text.length || /\s/u.test(text[end + 1]!))) break
  }
  return start + text.slice(start, end).replace(/[\s,:;.\-–—*_`]+$/u, '').length
}

function skipSpaces(text: string, position: number): number {
  while (/[ \t\u00a0\u2009\u202f]/u.test(text[position] ?? '')) position++
  return position
}

/** Between two references of one list: commas, `and`, `or`, `&`, `/`, and a `(Title)` hint. */
function isListGap(gap: string): boolean {
  const withoutHint = gap.replace(/^[\s*_`]*(?::[^§,;()]*|\([^()§\n]*\))?/u, '')
  return /^[\s*_`,&/]*(?:(?:and|or)[\s*_`]+)?$/u.test(withoutHint)
}

/**
 * The document written right before a reference: a known name, a file name
 * or an all-capital word (`GDPR §17`, reported later as unknown), or a
 * foreign kind of document (`design doc §8`).
 */
function findWrittenDocument(
  text: string,
  refStart: number,
  mentions: DocumentMention[],
  options: FindSectionRefsOptions,
): (DocumentMention & { form?: 'link' | 'stem' }) | { foreign: string } | undefined {
  // A window is enough to see a name and its gap, and keeps the end-anchored
  // patterns below linear on long runs.
  const windowStart = Math.max(0, refStart - 200)
  const before = text.slice(windowStart, refStart)
  const gap = nameGapPattern.exec(before)!
  const nameEnd = refStart - gap[0].length
  // The author's own link names its document outright: `[plan](./plan.md) §3`.
  const link = options.links?.find((candidate) => candidate.end === nameEnd)
  // A web link (`[RFC 9110](https://…) §15`) cites something that is not ours.
  if (link && /^[a-z][a-z0-9+.-]*:/iu.test(link.url))
    return { foreign: text.slice(link.start, link.end) }
  if (link) return { name: link.url, start: link.start, end: link.end, form: 'link' }
  const known = mentions.find((mention) => mention.end === nameEnd)
  if (known) return known
  const bracketed = gap[1] !== undefined
  const preceding = before.slice(0, nameEnd - windowStart)
  const token = /(?:\.{1,2}\/)?[\p{L}\p{N}_][\p{L}\p{N}_\-./]*$/u.exec(preceding)
  const name = token?.[0].replace(/[.\-/]+$/u, '')
  const start = nameEnd - (token?.[0].length ?? 0)
  // `research §3`, `spec §3` beside `research.md`, `spec.md`: a sibling's base name, even
  // when it is also a common noun for other kinds of document.
  if (name && !bracketed && options.isDocumentStem?.(name)) {
    return { name, start, end: start + name.length, form: 'stem' }
  }
  if (!bracketed) {
    const foreign = foreignDocumentPattern.exec(preceding)
    if (foreign) return { foreign: foreign[1]! }
  }
  if (!name) return undefined
  if (options.isDocumentName?.(name)) return { name, start, end: start + name.length }
  // A file name that is not one of ours is reported; any other word is not a document name
  // (`**VIII.** §2`), but an acronym (`GDPR §17`) cites something else: left alone.
  if (fileNamePattern.test(name)) return { name, start, end: start + name.length }
  if (
    !bracketed &&
    /^[A-Z][A-Z0-9]+$/u.test(name) &&
    /[A-Z].*[A-Z]/u.test(name) &&
    !romanNumeralPattern.test(name)
  ) {
    return { foreign: name }
  }
  return undefined
}

/** `§1 of ARCH.md`, `§4 in the SOP`: a document named right after a reference or its range. */
function findDocumentAfter(
  text: string,
  end: number,
  mentions: DocumentMention[],
  options: FindSectionRefsOptions,
): (DocumentMention & { form?: 'stem' }) | { foreign: string } | undefined {
  const connector = documentAfterPattern.exec(text.slice(end, end + 40))
  if (!connector) return undefined
  const start = end + connector[0].length
  const word = /^[\p{L}\p{N}_-]+(?![./\p{L}\p{N}])/u.exec(text.slice(start, start + 60))?.[0]
  if (word && options.isDocumentStem?.(word)) {
    return { name: word, start, end: start + word.length, form: 'stem' }
  }
  // `§2 of the RFC`, `§4 of the design doc`: a section of something that is not ours.
  const foreign = foreignAfterPattern.exec(text.slice(start, start + 60))
  if (foreign) return { foreign: foreign[1]! }
  const known = mentions.find((mention) => mention.start === start)
  if (known) return known
  const token = /^(?:\.{1,2}\/)?[\p{L}\p{N}_][\p{L}\p{N}_\-./]*/u.exec(
    text.slice(start, start + 200),
  )
  const name = token?.[0].replace(/[.\-/]+$/u, '')
  if (!name) return undefined
  if (options.isDocumentName?.(name) || fileNamePattern.test(name)) {
    return { name, start, end: start + name.length }
  }
  return undefined
}

/** Quoted words right before `(§N)` or right after `§N` and a separator. */
function findQuotation(text: string, ref: RawRef): string | undefined {
  const before = /["“]([^"“”\n]{3,160})["”][ \t\u00a0]*\([ \t\u00a0]*$/u.exec(
    text.slice(Math.max(0, ref.start - 170), ref.start),
  )
  if (before) return before[1]!.trim()
  const after =
    /^[*_`]*[ \t\u00a0]*(?:[-–—:][ \t\u00a0]*|\([ \t\u00a0]*)?["“]([^"“”\n]{3,160})["”]/u.exec(
      text.slice(ref.end, ref.end + 180),
    )
  return after?.[1]?.trim()
}

/** `§6 below`, `see §3 above`, `earlier in §2`, `this document's §4`: the word that says so. */
function findPositionWord(text: string, start: number, end: number): string | undefined {
  const after = positionAfterPattern.exec(text.slice(end, end + 20))
  if (after) return after[1]!.toLowerCase()
  const before = positionBeforePattern.exec(text.slice(Math.max(0, start - 40), start))
  return before ? before[1]!.toLowerCase().replace(/\s+/gu, ' ') : undefined
}

function nearestBefore(mentions: DocumentMention[], offset: number): DocumentMention | undefined {
  let nearest: DocumentMention | undefined
  for (const mention of mentions) {
    if (mention.end <= offset && (!nearest || mention.end > nearest.end)) nearest = mention
  }
  return nearest
}

/**
 * The words beside a single reference that may name its title, strongest
 * first: `§1 (Vision)`, `§7: Functional Requirements - what you build`,
 * `goals (§3.1)`, the neighbouring table cell, `§16.2 template`.
 */
function findTitleHint(
  text: string,
  ref: RawRef,
  options: FindSectionRefsOptions,
): TitleHint | undefined {
  const after = text.slice(ref.end).replace(/^[*_`]+/u, '')
  const parenthesis = /^[ \t\u00a0]*\([ \t]*([^()§\n]{1,80}?)[ \t]*\)/u.exec(after)
  if (parenthesis) {
    const inner = parenthesis[1]!
    const hint = toHint(inner.replace(/^["“'‘]+|["”'’]+$/gu, ''), 'parenthesis')
    if (hint && /^["“'‘]/u.test(inner)) hint.quoted = true
    if (hint) return hint
  }
  const label = /^(?:[ \t\u00a0]*:|[ \t\u00a0]+-[ \t\u00a0]+|[ \t\u00a0]*[–—])[ \t\u00a0]*/u.exec(
    after,
  )
  if (label) {
    const rest = after.slice(label[0].length)
    const hint = toHint(rest.slice(0, findClauseEnd(rest)), 'label')
    if (hint) return hint
  }
  const before = findBeforeHint(text, ref, options)
  if (before) return before
  if (options.cellHint) {
    const hint = toHint(options.cellHint, 'cell')
    if (hint) return hint
  }
  const words = /^[ \t\u00a0]+(?=[\p{L}])/u.exec(after)
  if (words) {
    const rest = after.slice(words[0].length)
    const clause = rest.slice(0, findClauseEnd(rest)).split(/\s+/u)
    const stop = clause.findIndex((word) => isStopWord(word))
    const phrase = clause.slice(0, stop === -1 ? 6 : Math.min(stop, 6)).join(' ')
    return toHint(phrase, 'after')
  }
  return undefined
}

/** `goals (§3.1)`, `Check the product tenets (§4)`: the noun phrase before the bracket the reference opens. */
function findBeforeHint(
  text: string,
  ref: RawRef,
  options: FindSectionRefsOptions,
): TitleHint | undefined {
  const opening = /\([\s*_`]*$/u.exec(text.slice(0, ref.start))
  if (!opening || !/^[*_`]*[ \t]*\)/u.test(text.slice(ref.end))) return undefined
  const tokens = text
    .slice(Math.max(0, opening.index - 120), opening.index)
    .trimEnd()
    .split(/\s+/u)
  const phrase: string[] = []
  let index = tokens.length - 1
  for (; index >= 0 && phrase.length < 4; index--) {
    const token = tokens[index]!.replace(/^[*_`]+|[*_`]+$/gu, '')
    // Punctuation ends the phrase (`Goals, (§3)`), and so do file names,
    // IDs (`NFR-P1 (§5.2)`) and known document names, which say which
    // document or requirement, not which section.
    if (!/^\p{L}[\p{L}'’-]*$/u.test(token)) break
    if (isStopWord(token) || options.isDocumentName?.(token)) break
    phrase.unshift(token)
  }
  const hint = toHint(phrase.join(' '), 'before')
  // The whole label: nothing but emphasis before the phrase (`- **Channel discipline** (§5.2)`).
  const rest = tokens
    .slice(0, index + 1)
    .join('')
    .replace(/[*_`]/gu, '')
  const runStart = opening.index - 120 <= 0
  if (
    hint &&
    rest === '' &&
    runStart &&
    /^[\s*_`]*$/u.test(text.slice(0, opening.index).split(phrase[0]!)[0] ?? '')
  ) {
    hint.wholeLabel = true
  }
  return hint
}

/** Where a hint's clause ends: a spaced dash, a dash, a sentence stop, a bracket, a comma and the like. */
function findClauseEnd(text: string): number {
  const end = /[§()[\]|;,:\n–—]|\s-\s|[.!?](?=\s|$)/u.exec(text)
  return Math.min(end ? end.index : text.length, 100)
}

function toHint(text: string, source: HintSource): TitleHint | undefined {
  const trimmed = text.trim()
  return findSignificantWords(trimmed).length > 0 ? { text: trimmed, source } : undefined
}
