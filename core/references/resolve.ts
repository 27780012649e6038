import { compareSectionNumbers } from '../documents/headings.ts'
import { findDocument, findHeadingsByNumber } from '../documents/names.ts'
import type { DocIndex, DocumentInfo, HeadingInfo } from '../documents/types.ts'
import type { DocumentMention, SectionRefMatch, SkipReason, TitleHint } from './parse.ts'
import { findSignificantWords } from '../text/words.ts'

/** Rule ids of references that cannot be linked. */
export type SectionRuleId =
  | 'unknown-document'
  | 'unknown-section'
  | 'unknown-section-name'
  | 'reversed-range'
  | 'ambiguous-section'
  | 'ambiguous-document'
  | 'no-default-document'

/** Rule id of a linked reference whose words name another title (field guide §3.6). */
export const staleSectionRuleId = 'stale-section-title'

/** Which rule of field guide §3.2 chose the document. */
export type ResolvedBy =
  'written-document' | 'list-document' | 'title-hint' | 'default-document' | 'only-document'

/** A resolved reference whose words beside it name a different title than its target's. */
export interface StaleTitle {
  /** The words beside the reference (`Table-driven tests`). */
  hint: string
  /** The target heading's title (`Integration Tests`). */
  actualTitle: string
  /** The section the words probably meant, written as a reference (`§12.2`). */
  suggestion?: string
  /** A complete diagnostic for `stale-section-title`. */
  message: string
}

/** What the caller knows about a reference's surroundings. */
export interface SectionRefContext {
  /**
   * Document names in the same run, from `findDocumentMentions`. Only needed
   * when `findSectionRefs` was called without `isDocumentName` (which
   * already carries names over): the nearest one before the reference wins.
   */
  runDocuments?: readonly DocumentMention[]
  /**
   * The name of the document the enclosing list item or the paragraph
   * introducing the table names (`**Requirements.MD** (Requirements):`).
   */
  listDocument?: string
}

/** Where a reference leads, why it leads nowhere, or why it is left alone. */
export type SectionResolution =
  | {
      status: 'resolved'
      document: DocumentInfo
      heading: HeadingInfo
      resolvedBy: ResolvedBy
      /** For a `name` reference: the offset where the link ends (just after the heading's last word). */
      end?: number
      stale?: StaleTitle
    }
  | { status: 'unresolved'; rule: SectionRuleId; message: string; hint?: string }
  | { status: 'skipped'; reason: SkipReason | 'reversed-range' }

type Unresolved = Extract<SectionResolution, { status: 'unresolved' }>
type Resolved = Extract<SectionResolution, { status: 'resolved' }>

/**
 * Decides which heading of which document a reference means, in the order
 * of field guide §3.2: a document named before it in the run, the document
 * the enclosing list names, title hints when several documents have the
 * number, the default document. Named references (`§Build and Test
 * Commands`) match the longest heading whose words begin the candidate and
 * return `end`, so that only those words are linked. A wrong link is worse
 * than none: whatever is unclear comes back `unresolved` with a rule id and
 * a message for the author.
 *
 * Range ends are checked together: a reversed range (`§12-§3`) reports
 * `reversed-range` on its start and skips its end, so it is reported once.
 */
export function resolveSectionRef(
  ref: SectionRefMatch,
  context: SectionRefContext,
  index: DocIndex,
): SectionResolution {
  if (ref.skip) return { status: 'skipped', reason: ref.skip.reason }
  if (ref.range && compareSectionNumbers(ref.range.from, ref.range.to) > 0) {
    if (ref.range.role === 'end') return { status: 'skipped', reason: 'reversed-range' }
    const { from, to } = ref.range
    return unresolved(
      'reversed-range',
      `Unexpected range \`§${from}–§${to}\`, expected its first section before its last`,
      `did you mean \`§${to}–§${from}\`?`,
    )
  }

  const written = findWrittenName(ref, context)
  if (written !== undefined) {
    const found = lookUpDocument(index, written, ref)
    if ('status' in found) return found
    const resolution = resolveInDocument(ref, found, 'written-document', index)
    // A name carried over from earlier in the sentence may not be the one the
    // author meant (`` `CLD-REQ-041-x.md`, and follows the §16.2 template ``):
    // when that document lacks the section, words that name exactly one
    // other document's section still settle it (rule 3).
    if (resolution.status === 'unresolved' && ref.document?.explicit !== true) {
      return resolveByTitleHint(ref, index) ?? resolution
    }
    return resolution
  }
  if (context.listDocument !== undefined) {
    const found = lookUpDocument(index, context.listDocument, ref)
    return 'status' in found ? found : resolveInDocument(ref, found, 'list-document', index)
  }
  return ref.kind === 'name' ? resolveNameAnywhere(ref, index) : resolveBareNumber(ref, index)
}

/** The nearest document name before the reference: its own, or one of the run's. */
function findWrittenName(ref: SectionRefMatch, context: SectionRefContext): string | undefined {
  let nearest: DocumentMention | undefined = ref.document
  for (const mention of context.runDocuments ?? []) {
    if (mention.end <= ref.start && (!nearest || mention.end > nearest.end)) nearest = mention
  }
  return nearest?.name
}

function lookUpDocument(
  index: DocIndex,
  name: string,
  ref: SectionRefMatch,
): DocumentInfo | Unresolved {
  const lookup = findDocument(index, name)
  if (lookup.status === 'found') return lookup.document
  if (lookup.status === 'ambiguous') {
    const paths = lookup.candidates.map((document) => `\`${document.path}\``)
    return unresolved(
      'ambiguous-document',
      `Unexpected \`${name}\` before \`${describeRef(ref)}\`, expected the name of one document: it matches ${joinWords(paths)}`,
      'write the path of the one you mean',
    )
  }
  const known = listKnownNames(index)
  const close = findCloseName(name, known)
  return unresolved(
    'unknown-document',
    `Unexpected document \`${name}\` before \`${describeRef(ref)}\`, expected one of ${formatNameList(known)}`,
    close ? `did you mean \`${close}\`?` : undefined,
  )
}

function resolveInDocument(
  ref: SectionRefMatch,
  document: DocumentInfo,
  resolvedBy: ResolvedBy,
  index: DocIndex,
): SectionResolution {
  if (ref.kind === 'name') {
    const match = findHeadingByName(document, ref)
    if (match)
      return { status: 'resolved', document, heading: match.heading, resolvedBy, end: match.end }
    return unknownSectionName(ref, [document])
  }
  const heading = findHeadingsByNumber(document, ref.section)[0]
  if (heading) return withStaleCheck({ status: 'resolved', document, heading, resolvedBy }, ref)
  return unknownSection(ref, document, index)
}

/** Rule 3 alone: the one document whose section with this number shares the most words with the hint. */
function resolveByTitleHint(ref: SectionRefMatch, index: DocIndex): SectionResolution | undefined {
  if (ref.kind !== 'number' || !ref.hint) return undefined
  const hintWords = findSignificantWords(ref.hint.text)
  const scored = findNumberCandidates(ref, index).map((candidate) => ({
    ...candidate,
    score: countShared(hintWords, findSignificantWords(candidate.heading.title)),
  }))
  const best = Math.max(0, ...scored.map((candidate) => candidate.score))
  const top = scored.filter((candidate) => candidate.score === best)
  if (best === 0 || top.length !== 1) return undefined
  const { document, heading } = top[0]!
  return withStaleCheck({ status: 'resolved', document, heading, resolvedBy: 'title-hint' }, ref)
}

function findNumberCandidates(ref: SectionRefMatch, index: DocIndex) {
  return index.documents.flatMap((document) => {
    const heading = findHeadingsByNumber(document, ref.section)[0]
    return heading ? [{ document, heading }] : []
  })
}

/** A bare `§N` with no document named: title hints (rule 3), then the default (rule 4). */
function resolveBareNumber(ref: SectionRefMatch, index: DocIndex): SectionResolution {
  const candidates = findNumberCandidates(ref, index)
  // Rule 3. It also settles a number only one non-default document has, as
  // long as the words beside it name that section (`MVP scope (§17)`).
  if (ref.hint && candidates.length > 0) {
    const hintWords = findSignificantWords(ref.hint.text)
    const scored = candidates.map((candidate) => ({
      ...candidate,
      score: countShared(hintWords, findSignificantWords(candidate.heading.title)),
    }))
    const best = Math.max(...scored.map((candidate) => candidate.score))
    const top = scored.filter((candidate) => candidate.score === best)
    if (best > 0 && top.length === 1) {
      const { document, heading } = top[0]!
      return withStaleCheck(
        { status: 'resolved', document, heading, resolvedBy: 'title-hint' },
        ref,
      )
    }
    if (best > 0) return ambiguousSection(ref, top)
  }
  const fallback = findDefaultDocument(index)
  if (fallback) return resolveInDocument(ref, fallback, 'default-document', index)
  if (candidates.length === 1) {
    const { document, heading } = candidates[0]!
    return withStaleCheck(
      { status: 'resolved', document, heading, resolvedBy: 'only-document' },
      ref,
    )
  }
  if (candidates.length > 1) return ambiguousSection(ref, candidates)
  return unresolved(
    'no-default-document',
    `Unexpected bare \`${describeRef(ref)}\`, expected a document name before it: no document has \`§${ref.section}\` and no \`defaultSectionTarget\` is configured`,
    'write the document before the section, e.g. `ENGINEERING_SOP.md §3`',
  )
}

/** A `§Name` with no document named: the longest heading match across documents, the default first on a tie. */
function resolveNameAnywhere(ref: SectionRefMatch, index: DocIndex): SectionResolution {
  const matches = index.documents.flatMap((document) => {
    const match = findHeadingByName(document, ref)
    return match ? [{ document, ...match }] : []
  })
  if (matches.length === 0) return unknownSectionName(ref, index.documents)
  const longest = Math.max(...matches.map((match) => match.words))
  const top = matches.filter((match) => match.words === longest)
  const fallback = findDefaultDocument(index)
  const chosen = top.length === 1 ? top[0] : top.find((match) => match.document === fallback)
  if (!chosen) return ambiguousSection(ref, top)
  return {
    status: 'resolved',
    document: chosen.document,
    heading: chosen.heading,
    resolvedBy: top.length === 1 ? 'only-document' : 'default-document',
    end: chosen.end,
  }
}

function findDefaultDocument(index: DocIndex): DocumentInfo | undefined {
  return index.defaultSectionTarget === undefined
    ? undefined
    : index.documentsByPath.get(index.defaultSectionTarget)
}

/** Words of a text as written, lower-cased, with their offsets; punctuation only separates. */
function findWords(text: string): Array<{ word: string; end: number }> {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    word: match[0].toLowerCase(),
    end: match.index + match[0].length,
  }))
}

/**
 * The heading whose words begin the reference's candidate text, longest
 * first, compared without case or punctuation (`§ Windows: Hidden
 * Launchers` matches `Windows: Hidden Launchers`). The title and the full
 * text are both tried, so a numbered heading can be cited by its title.
 */
function findHeadingByName(
  document: DocumentInfo,
  ref: SectionRefMatch,
): { heading: HeadingInfo; words: number; end: number } | undefined {
  const candidate = findWords(ref.section)
  let best: { heading: HeadingInfo; words: number; end: number } | undefined
  for (const heading of document.headings) {
    for (const variant of new Set([heading.title, heading.text])) {
      const words = findWords(variant)
      if (words.length === 0 || words.length > candidate.length) continue
      if (!words.every((word, position) => word.word === candidate[position]!.word)) continue
      if (!best || words.length > best.words) {
        best = {
          heading,
          words: words.length,
          end: ref.sectionStart + candidate[words.length - 1]!.end,
        }
      }
    }
  }
  return best
}

/**
 * Flags a resolved reference whose title-like hint names another title:
 * it shares no significant word with the target's title, or another heading
 * of the same document has every word of the hint and the target has fewer
 * (`§12.4 | Table-driven tests` where §12.4 is "Integration Tests" and §12.2
 * is "Table-Driven Tests").
 */
function withStaleCheck(resolution: Resolved, ref: SectionRefMatch): Resolved {
  const hint = ref.hint
  if (!hint || !isTitleLike(hint)) return resolution
  const hintWords = findSignificantWords(hint.text)
  const titleWords = findSignificantWords(resolution.heading.title)
  if (hintWords.length === 0 || titleWords.length === 0) return resolution
  const shared = countShared(hintWords, titleWords)
  const other = findBestTitleMatch(resolution.document, hintWords, resolution.heading)
  const namesOther = other !== undefined && other.score > shared && other.score === hintWords.length
  if (shared > 0 && !namesOther) return resolution
  // Words beside a reference in prose or a table cell are often not a title
  // at all (`p99 < 100 ms`, `stays clean (§12.5)`): only call those stale
  // when they name another heading of the document outright, or when a cell
  // reads like a title (capitalised words only: `Tenets`).
  const cellLooksLikeTitle =
    hint.source === 'cell' && /^\p{Lu}[\p{L}\s'’-]*$/u.test(hint.text.trim())
  const weakHint = hint.source === 'cell' || hint.source === 'before' || hint.source === 'after'
  if (!namesOther && weakHint && !cellLooksLikeTitle) return resolution
  const suggestion = other && other.score > shared ? formatHeadingRef(other.heading) : undefined
  const message = `Unexpected title \`${hint.text}\` beside \`${describeRef(ref)}\`, expected \`${resolution.heading.title}\` (\`${resolution.document.path}\`)${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`
  return {
    ...resolution,
    stale: {
      hint: hint.text,
      actualTitle: resolution.heading.title,
      ...(suggestion ? { suggestion } : {}),
      message,
    },
  }
}

/**
 * Only words that read as a title may call a link stale: a `: Title` label,
 * a `(Title)`, a neighbouring cell, a noun phrase of two words or more
 * before `(§N)`, or Title Case words after the number. Running prose after
 * a reference (`§12.4 for details on mocking`) is not a title.
 */
function isTitleLike(hint: TitleHint): boolean {
  const significant = hint.text
    .split(/\s+/u)
    .filter((word) => findSignificantWords(word).length > 0)
  switch (hint.source) {
    case 'cell':
      return true
    case 'label':
    case 'parenthesis':
      return /^\P{L}*\p{Lu}/u.test(hint.text)
    case 'before':
      return significant.length >= 2
    case 'after':
      return significant.length >= 2 && significant.every((word) => /^\P{L}*\p{Lu}/u.test(word))
  }
}

function findBestTitleMatch(
  document: DocumentInfo,
  hintWords: string[],
  except?: HeadingInfo,
): { heading: HeadingInfo; score: number } | undefined {
  let best: { heading: HeadingInfo; score: number } | undefined
  for (const heading of document.headings) {
    if (heading === except) continue
    const score = countShared(hintWords, findSignificantWords(heading.title))
    if (score > 0 && (!best || score > best.score)) best = { heading, score }
  }
  return best
}

function countShared(a: string[], b: string[]): number {
  const other = new Set(b)
  return a.filter((word) => other.has(word)).length
}

function unknownSection(ref: SectionRefMatch, document: DocumentInfo, index: DocIndex): Unresolved {
  const number = ref.section
  const parts = number.split('.')
  const parent = parts.slice(0, -1).join('.')
  const numbered = document.headings.filter((heading) => heading.number !== undefined)
  const siblings = numbered.filter(
    (heading) =>
      heading.number!.split('.').slice(0, -1).join('.').toUpperCase() === parent.toUpperCase(),
  )
  const described =
    siblings.length > 0
      ? `it has ${formatSpans(siblings.map((heading) => heading.number!))}`
      : numbered.length > 0
        ? `it has ${formatSpans(numbered.filter((heading) => !heading.number!.includes('.')).map((heading) => heading.number!))}`
        : 'it has no numbered sections'
  const suggestion = suggestSection(ref, document, index, siblings, parent)
  return unresolved(
    'unknown-section',
    `Unexpected \`§${number}\`, expected a section of \`${document.path}\` (${described})`,
    suggestion ? `did you mean \`${suggestion}\`?` : undefined,
  )
}

/** A close section for "did you mean": one the words beside the reference name, the same number elsewhere, the nearest sibling, the parent. */
function suggestSection(
  ref: SectionRefMatch,
  document: DocumentInfo,
  index: DocIndex,
  siblings: HeadingInfo[],
  parent: string,
): string | undefined {
  if (ref.hint) {
    const named = findBestTitleMatch(document, findSignificantWords(ref.hint.text))
    if (named) return formatHeadingRef(named.heading)
  }
  const elsewhere = index.documents.find(
    (other) => other !== document && findHeadingsByNumber(other, ref.section).length > 0,
  )
  if (elsewhere) return `${elsewhere.path} §${ref.section}`
  const last = ref.section.split('.').at(-1)!
  const nearest = siblings
    .map((heading) => ({
      heading,
      distance: partDistance(last, heading.number!.split('.').at(-1)!),
    }))
    .sort((a, b) => a.distance - b.distance)[0]
  if (nearest && Number.isFinite(nearest.distance)) return formatHeadingRef(nearest.heading)
  if (parent !== '' && findHeadingsByNumber(document, parent).length > 0) return `§${parent}`
  return undefined
}

function partDistance(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Math.abs(Number(a) - Number(b))
  if (/^\d+$/.test(a) || /^\d+$/.test(b)) return Number.POSITIVE_INFINITY
  return Math.abs(a.toUpperCase().charCodeAt(0) - b.toUpperCase().charCodeAt(0))
}

/** `§1–§12 and §A–§B`: first and last of the numbered and of the lettered sections. */
function formatSpans(numbers: string[]): string {
  const sorted = [...new Set(numbers)].sort(compareSectionNumbers)
  const byLetter = (number: string) => /^[A-Z]/i.test(number.split('.').at(-1)!)
  const spans = [sorted.filter((number) => !byLetter(number)), sorted.filter(byLetter)]
    .filter((group) => group.length > 0)
    .map((group) =>
      group.length === 1 ? `§${group[0]}` : `§${group[0]}–§${group[group.length - 1]}`,
    )
  return spans.join(' and ')
}

function unknownSectionName(ref: SectionRefMatch, documents: DocumentInfo[]): Unresolved {
  const candidateWords = findSignificantWords(ref.section)
  let best: { heading: HeadingInfo; score: number } | undefined
  for (const document of documents) {
    const match = findBestTitleMatch(document, candidateWords)
    if (match && (!best || match.score > best.score)) best = match
  }
  const unnumbered = (document: DocumentInfo) =>
    document.headings
      .filter((heading) => heading.number === undefined)
      .slice(0, 6)
      .map((heading) => heading.title)
  const where =
    documents.length === 1
      ? `a heading of \`${documents[0]!.path}\` (it has ${unnumbered(documents[0]!).join(', ') || 'no unnumbered headings'})`
      : 'a heading of one of the documents'
  return unresolved(
    'unknown-section-name',
    `Unexpected \`§${shorten(ref.section)}\`, expected ${where}`,
    best ? `did you mean \`§${best.heading.title}\`?` : undefined,
  )
}

function ambiguousSection(
  ref: SectionRefMatch,
  candidates: Array<{ document: DocumentInfo; heading: HeadingInfo }>,
): Unresolved {
  const listed = candidates.map(
    ({ document, heading }) =>
      `\`${document.path}\` (${formatHeadingRef(heading)} ${heading.title})`,
  )
  const example = ref.kind === 'name' ? `§${shorten(ref.section)}` : `§${ref.section}`
  return unresolved(
    'ambiguous-section',
    `Unexpected bare \`${describeRef(ref)}\`, expected a document name before it: ${joinWords(listed)} ${listed.length === 2 ? 'both' : 'all'} have it`,
    `name the document, e.g. \`${candidates[0]!.document.path} ${example}\``,
  )
}

function describeRef(ref: SectionRefMatch): string {
  return ref.kind === 'name' ? `§${shorten(ref.section)}` : `§${ref.section}`
}

/** A long name candidate cut to its first words, for messages. */
function shorten(text: string): string {
  // A name runs to the end of its clause; show it up to the first punctuation.
  text = text.replace(/[,;.!?)].*$/su, '').trim()
  if (text.length <= 40) return text
  return `${text.slice(0, 40).replace(/\s+\S*$/u, '')}…`
}

function formatHeadingRef(heading: HeadingInfo): string {
  return heading.number === undefined ? `§${heading.title}` : `§${heading.number}`
}

/** Every name a document can be cited by, for "expected one of": file names, paths and aliases. */
function listKnownNames(index: DocIndex): string[] {
  const names = new Set<string>()
  for (const document of index.documents) {
    names.add(document.path.split('/').pop()!)
  }
  for (const alias of index.aliases.keys()) names.add(alias)
  return [...names].sort((a, b) => a.localeCompare(b))
}

function formatNameList(names: string[]): string {
  const shown = names.slice(0, 12).map((name) => `\`${name}\``)
  const more = names.length > shown.length ? `, …and ${names.length - shown.length} more` : ''
  return `${shown.join(', ')}${more}`
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** A known name within two edits of the written one (`ENGINEERING-SOP.md`), ignoring case. */
function findCloseName(name: string, known: string[]): string | undefined {
  const wanted = name.split('/').pop()!.toLowerCase()
  let best: { name: string; distance: number } | undefined
  for (const candidate of known) {
    const distance = editDistance(wanted, candidate.toLowerCase())
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance }
  }
  return best?.name
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    row = next
  }
  return row[b.length]!
}

function unresolved(rule: SectionRuleId, base: string, hint: string | undefined): Unresolved {
  return hint === undefined
    ? { status: 'unresolved', rule, message: base }
    : { status: 'unresolved', rule, message: `${base}; ${hint}`, hint }
}
