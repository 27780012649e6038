import { compareSectionNumbers } from '../documents/headings.ts'
import {
  findDocument,
  findHeadingsByNumber,
  findSectionCandidates,
  type DocumentLookup,
} from '../documents/names.ts'
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

/** The rules under which a `§` that stays text is reported (`ignored-section` is information). */
export const unlinkedSectionRuleIds: readonly string[] = [
  'ignored-section',
  'unknown-document',
  'unknown-section',
  'unknown-section-name',
  'reversed-range',
  'ambiguous-section',
  'ambiguous-document',
  'no-default-document',
  'unlinkable-section',
]

/** Every rule id the section references report (for tests and the rule registry). */
export const sectionRuleIds: readonly string[] = [
  ...unlinkedSectionRuleIds,
  'stale-section-title',
  'renamed-section',
]

/** Rule id of a linked reference whose words name another title (docs/authoring.md, "Stale references"). */
export const staleSectionRuleId = 'stale-section-title'

/** Rule id of a linked reference whose words are a title its section had before. */
export const renamedSectionRuleId = 'renamed-section'

/**
 * Which rule of the resolution order (docs/authoring.md, "Which document a
 * bare `§N` means") answered: 1 a document named right before or after it,
 * 2 one named earlier in the same sentence, 3 the enclosing list, table or
 * heading, 4 a position word, 5 title hints, 6 the citing document's own
 * outline, else the default document (or the only document with that
 * section when no default is configured).
 */
export type ResolutionRule =
  | 'named-before'
  | 'named-earlier'
  | 'enclosing'
  | 'position'
  | 'title-hint'
  | 'scope'
  | 'default'
  | 'only-document'

/** A document and section the resolver weighed. */
export interface Candidate {
  document: string
  /** `§5.2` or `§Build and Test Commands`. */
  section: string
  title: string
  /** Shared significant words with the title hint, when one was compared. */
  score?: number
}

/** Why a reference went where it went, for `npm run check -- --explain`. */
export interface Evidence {
  /** The rule that answered (or, for an unresolved reference, the rule that failed). */
  rule?: ResolutionRule
  /** The candidates weighed by the deciding rule. */
  candidates: Candidate[]
  /** Steps taken on the way: names looked up, rules passed over and why. */
  notes: string[]
}

/** A resolved reference whose words beside it name a different title than its target's. */
export interface StaleTitle {
  /** The words beside the reference (`Table-driven tests`). */
  hint: string
  /** The target heading's title (`Integration Tests`). */
  actualTitle: string
  /** The section the words probably meant, written as a reference (`§12.2`). */
  suggestion?: string
  /** A complete diagnostic for `stale-section-title` (or `renamed-section`). */
  message: string
  /** The words are a title the section had before (`renamed-section`), not another section's. */
  renamed?: boolean
}

/** What the caller knows about a reference's surroundings. */
export interface SectionRefContext {
  /** The document the reference is written in: names are local to it, and its outline is the scope (rule 6). */
  from?: DocumentInfo
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
  /** Path of the document an enclosing heading names (`## Conformance (ENGINEERING_SOP.md)`). */
  headingDocument?: string
  /** The reference is the number of a checklist heading under `headingDocument` (`### §9: …`). */
  checklist?: boolean
  /** The heading the reference is written in, if any: a reference never resolves to it. */
  containingHeading?: HeadingInfo
}

/** Where a reference leads, why it leads nowhere, or why it is left alone. */
export type SectionResolution =
  | {
      status: 'resolved'
      document: DocumentInfo
      heading: HeadingInfo
      /** The rule that answered. */
      resolvedBy: ResolutionRule
      /** Where the link ends when not at the reference's end: after a name's last heading word, or a sub-label. */
      end?: number
      stale?: StaleTitle
      evidence: Evidence
    }
  | {
      status: 'unresolved'
      rule: SectionRuleId
      message: string
      hint?: string
      evidence: Evidence
    }
  | { status: 'skipped'; reason: SkipReason | 'reversed-range'; evidence: Evidence }

type Unresolved = Extract<SectionResolution, { status: 'unresolved' }>
type Resolved = Extract<SectionResolution, { status: 'resolved' }>

/**
 * Decides which heading of which document a reference means, rule by rule
 * in the order of docs/authoring.md ("Which document a bare `§N` means"),
 * stopping at the first rule that answers. A wrong link is worse than none:
 * whatever is unclear comes back `unresolved` with a rule id and a message
 * for the author. Every answer carries its evidence: the rule that decided
 * and the candidates it weighed.
 *
 * Range ends are checked together: a reversed range (`§12-§3`) reports
 * `reversed-range` on its start and skips its end, so it is reported once.
 */
export function resolveSectionRef(
  ref: SectionRefMatch,
  context: SectionRefContext,
  index: DocIndex,
): SectionResolution {
  const evidence: Evidence = { candidates: [], notes: [] }
  if (ref.skip) return { status: 'skipped', reason: ref.skip.reason, evidence }
  if (ref.range && compareSectionNumbers(ref.range.from, ref.range.to) > 0) {
    if (ref.range.role === 'end') return { status: 'skipped', reason: 'reversed-range', evidence }
    const { from, to } = ref.range
    return unresolved(
      'reversed-range',
      `Unexpected range \`§${from}–§${to}\`, expected its first section before its last`,
      `did you mean \`§${to}–§${from}\`?`,
      evidence,
    )
  }
  const resolver = new Resolver(ref, context, index, evidence)
  return resolver.resolve()
}

class Resolver {
  private readonly ref: SectionRefMatch
  private readonly context: SectionRefContext
  private readonly index: DocIndex
  private readonly evidence: Evidence

  constructor(
    ref: SectionRefMatch,
    context: SectionRefContext,
    index: DocIndex,
    evidence: Evidence,
  ) {
    this.ref = ref
    this.context = context
    this.index = index
    this.evidence = evidence
  }

  resolve(): SectionResolution {
    const { ref, context, evidence } = this
    const written = this.findWrittenName()
    // Rule 1: a document named right before (or after) the reference.
    if (written?.explicit) {
      const found = this.lookUp(written)
      if ('status' in found) return found
      return this.inDocument(found, 'named-before', true)
    }
    // Rule 2: named earlier in the sentence, item or cell; carries over only when it has the section.
    if (written) {
      const lookup = findDocument(this.index, written.name, this.nameOptions())
      if (lookup.status === 'found') {
        const resolution = this.inDocument(lookup.document, 'named-earlier', false)
        if (resolution) return resolution
        evidence.notes.push(
          `\`${lookup.document.path}\` (named earlier) has no \`${describeRef(ref)}\``,
        )
      }
    }
    // Rule 3: the enclosing list or table, then a heading above that names a document.
    if (context.listDocument !== undefined) {
      const found = this.lookUp({ name: context.listDocument })
      if ('status' in found) return found
      return this.inDocument(found, 'enclosing', true)
    }
    if (context.headingDocument !== undefined) {
      const document = this.index.documentsByPath.get(context.headingDocument)
      if (document) {
        const resolution = this.inDocument(document, 'enclosing', context.checklist === true)
        if (resolution) return resolution
        evidence.notes.push(
          `\`${document.path}\` (named by a heading above) has no \`${describeRef(ref)}\``,
        )
      }
    }
    // Rule 4: `§6 below`, `this document's §4`.
    if (ref.position && context.from) {
      evidence.notes.push(`\`${ref.position}\`: the document it is written in`)
      return this.inDocument(context.from, 'position', true)
    }
    return ref.kind === 'name' ? this.resolveName() : this.resolveNumber()
  }

  /** Rules 5 and 6 for `§N`: title hints among the documents that have it, then the scope, then the default. */
  private resolveNumber(): SectionResolution {
    const { ref, context, evidence } = this
    const candidates = findSectionCandidates(this.index, ref.section).filter(
      (candidate) => candidate.heading !== context.containingHeading,
    )
    const scope = this.findScopeAnswer(candidates)
    evidence.candidates = candidates.map((candidate) => toCandidate(candidate))
    // Rule 5: a sub-label (`§6 T3`) names the candidate that has such a subsection.
    if (ref.subLabel) {
      const labelled = candidates.filter((candidate) =>
        findLabelledSubsection(candidate.document, candidate.heading, ref.subLabel!.text),
      )
      const chosen =
        labelled.length === 1
          ? labelled[0]
          : labelled.find((candidate) => candidate.document === scope?.document)
      if (!chosen && labelled.length > 1) {
        evidence.rule = 'title-hint'
        return ambiguousSection(ref, labelled, evidence)
      }
      const subsection =
        chosen && findLabelledSubsection(chosen.document, chosen.heading, ref.subLabel.text)
      if (chosen && subsection) {
        return this.resolved(chosen.document, subsection, 'title-hint', ref.subLabel.end)
      }
    }
    // Rule 5: quoted words name the candidate whose section contains them.
    if (ref.quotation && candidates.length > 0) {
      const wanted = normalizeQuoted(ref.quotation)
      const quoting = candidates.filter((candidate) =>
        normalizeQuoted(this.sectionText(candidate.document, candidate.heading)).includes(wanted),
      )
      const chosen =
        quoting.length === 1
          ? quoting[0]
          : quoting.find((candidate) => candidate.document === scope?.document)
      if (chosen) {
        const rule =
          quoting.length === 1 && chosen.document !== scope?.document ? 'title-hint' : scope!.rule
        return this.resolved(chosen.document, chosen.heading, rule)
      }
      if (quoting.length === 0) evidence.notes.push(`no candidate's text has \`${ref.quotation}\``)
    }
    const hint = selectionHint(ref.hint)
    if (hint && candidates.length > 0) {
      const hintWords = findSignificantWords(hint.text)
      const scored = candidates.map((candidate) => ({
        ...candidate,
        score: countShared(hintWords, titleWords(candidate.heading)),
      }))
      evidence.candidates = scored.map((candidate) => toCandidate(candidate, candidate.score))
      const best = Math.max(...scored.map((candidate) => candidate.score))
      const top = scored.filter((candidate) => candidate.score === best)
      if (best > 0 && top.length === 1) {
        // Words that confirm the scope's own answer do not make it the hint's choice.
        const rule =
          candidates.length === 1 && top[0]!.document === scope?.document
            ? scope.rule
            : 'title-hint'
        return this.resolved(top[0]!.document, top[0]!.heading, rule)
      }
      if (best > 0) {
        // A tie is not ambiguity when the scope's answer is among the tied (rule 6).
        const tied = top.find((candidate) => candidate.document === scope?.document)
        if (tied) return this.resolved(tied.document, tied.heading, scope!.rule)
        evidence.rule = 'title-hint'
        return ambiguousSection(ref, top, evidence)
      }
      evidence.notes.push(`the words \`${hint.text}\` match no candidate's title`)
    }
    // Rule 6: the citing document's own outline, else the default document.
    if (scope) return this.resolved(scope.document, scope.heading, scope.rule)
    const fallback = findDefaultDocument(this.index)
    if (fallback) return this.inDocument(fallback, 'default', true)
    if (candidates.length === 1) {
      return this.resolved(candidates[0]!.document, candidates[0]!.heading, 'only-document')
    }
    if (candidates.length > 1) {
      evidence.rule = 'only-document'
      return ambiguousSection(ref, candidates, evidence)
    }
    evidence.rule = 'default'
    return unresolved(
      'no-default-document',
      `Unexpected bare \`${describeRef(ref)}\`, expected a document name before it: no document has \`§${ref.section}\` and no \`defaultSectionTarget\` is configured`,
      'write the document before the section, e.g. `ENGINEERING_SOP.md §3`',
      evidence,
    )
  }

  /** A section's text (heading, body and subsections), as the author wrote it. */
  private sectionText(document: DocumentInfo, heading: HeadingInfo): string {
    const body = this.index.bodies?.get(document.path)
    return body && heading.range ? body.slice(heading.range[0], heading.range[1]) : ''
  }

  /** The answer of rule 6 among the candidates: the citing document's own section, else the default's. */
  private findScopeAnswer(
    candidates: ReadonlyArray<{ document: DocumentInfo; heading: HeadingInfo }>,
  ): { document: DocumentInfo; heading: HeadingInfo; rule: ResolutionRule } | undefined {
    const own = candidates.find((candidate) => candidate.document === this.context.from)
    if (own) return { ...own, rule: 'scope' }
    const fallback = findDefaultDocument(this.index)
    const byDefault = candidates.find((candidate) => candidate.document === fallback)
    return byDefault ? { ...byDefault, rule: 'default' } : undefined
  }

  /** A `§Name` with no document named: the citing document, the default, else the one document that has it. */
  private resolveName(): SectionResolution {
    const { ref, context, evidence } = this
    const matches = this.index.documents.flatMap((document) => {
      const match = findHeadingByName(document, ref)
      return match && match.heading !== context.containingHeading ? [{ document, ...match }] : []
    })
    evidence.candidates = matches.map((match) => toCandidate(match))
    if (matches.length === 0) {
      evidence.rule = 'scope'
      return unknownSectionName(ref, this.index.documents, evidence)
    }
    const longest = Math.max(...matches.map((match) => match.words))
    const top = matches.filter((match) => match.words === longest)
    const fallback = findDefaultDocument(this.index)
    const own = top.find((match) => match.document === context.from)
    const byDefault = top.find((match) => match.document === fallback)
    const chosen = own ?? byDefault ?? (top.length === 1 ? top[0] : undefined)
    if (!chosen) {
      evidence.rule = 'only-document'
      return ambiguousSection(ref, top, evidence)
    }
    const rule: ResolutionRule = own ? 'scope' : byDefault ? 'default' : 'only-document'
    return this.resolved(chosen.document, chosen.heading, rule, ref.quoted ? undefined : chosen.end)
  }

  /**
   * The section in one document. `report`: when the document lacks it, say so
   * (`unknown-section`); otherwise return undefined so the next rule may answer.
   */
  private inDocument(document: DocumentInfo, rule: ResolutionRule, report: true): SectionResolution
  private inDocument(
    document: DocumentInfo,
    rule: ResolutionRule,
    report: boolean,
  ): SectionResolution | undefined
  private inDocument(
    document: DocumentInfo,
    rule: ResolutionRule,
    report: boolean,
  ): SectionResolution | undefined {
    const { ref, evidence } = this
    if (ref.kind === 'name') {
      const match = findHeadingByName(document, ref)
      if (match && match.heading !== this.context.containingHeading) {
        return this.resolved(document, match.heading, rule, ref.quoted ? undefined : match.end)
      }
      if (!report) return undefined
      evidence.rule = rule
      return unknownSectionName(ref, [document], evidence)
    }
    const heading = findHeadingsByNumber(document, ref.section).find(
      (candidate) => candidate !== this.context.containingHeading,
    )
    if (heading) {
      const labelled = ref.subLabel
        ? findLabelledSubsection(document, heading, ref.subLabel.text)
        : undefined
      return labelled
        ? this.resolved(document, labelled, rule, ref.subLabel!.end)
        : this.resolved(document, heading, rule)
    }
    if (!report) return undefined
    evidence.rule = rule
    return unknownSection(ref, document, this.index, evidence)
  }

  private resolved(
    document: DocumentInfo,
    heading: HeadingInfo,
    rule: ResolutionRule,
    end?: number,
  ): Resolved {
    this.evidence.rule = rule
    const resolution: Resolved = {
      status: 'resolved',
      document,
      heading,
      resolvedBy: rule,
      evidence: this.evidence,
      ...(end === undefined ? {} : { end }),
    }
    return withStaleCheck(resolution, this.ref)
  }

  /** The nearest document name before the reference: its own, or one of the run's. */
  private findWrittenName():
    { name: string; explicit: boolean; form?: 'link' | 'stem' } | undefined {
    let nearest: DocumentMention | undefined = this.ref.document
    for (const mention of this.context.runDocuments ?? []) {
      if (mention.end <= this.ref.start && (!nearest || mention.end > nearest.end)) {
        nearest = mention
      }
    }
    if (!nearest) return undefined
    const own = nearest === this.ref.document ? this.ref.document : undefined
    return {
      name: nearest.name,
      explicit: own?.explicit ?? false,
      ...(own?.form ? { form: own.form } : {}),
    }
  }

  private nameOptions(form?: 'link' | 'stem') {
    const from = this.context.from?.path
    return {
      ...(from === undefined ? {} : { from }),
      ...(form === 'link' ? { link: true } : {}),
      ...(form === 'stem' ? { stem: true } : {}),
    }
  }

  private lookUp(written: { name: string; form?: 'link' | 'stem' }): DocumentInfo | Unresolved {
    const lookup: DocumentLookup = findDocument(
      this.index,
      written.name,
      this.nameOptions(written.form),
    )
    if (lookup.status === 'found') {
      this.evidence.notes.push(
        `\`${written.name}\` is \`${lookup.document.path}\`${lookup.match ? ` (${lookup.match})` : ''}`,
      )
      return lookup.document
    }
    this.evidence.rule = 'named-before'
    const ref = this.ref
    if (lookup.status === 'ambiguous') {
      const paths = lookup.candidates.map((document) => `\`${document.path}\``)
      this.evidence.candidates = lookup.candidates.map((document) => ({
        document: document.path,
        section: describeRef(ref),
        title: document.title,
      }))
      return unresolved(
        'ambiguous-document',
        `Unexpected \`${written.name}\` with \`${describeRef(ref)}\`, expected the name of one document: it matches ${joinWords(paths)}, none nearer to this document than the others`,
        'write the path of the one you mean, relative to this document',
        this.evidence,
      )
    }
    const known = listKnownNames(this.index)
    const close = findCloseName(written.name, known)
    return unresolved(
      'unknown-document',
      `Unexpected document \`${written.name}\` with \`${describeRef(ref)}\`, expected one of ${formatNameList(known)}`,
      close ? `did you mean \`${close}\`?` : undefined,
      this.evidence,
    )
  }
}

function toCandidate(
  candidate: { document: DocumentInfo; heading: HeadingInfo },
  score?: number,
): Candidate {
  return {
    document: candidate.document.path,
    section: formatHeadingRef(candidate.heading),
    title: candidate.heading.title,
    ...(score === undefined ? {} : { score }),
  }
}

/**
 * The hint that may choose between documents (rule 5): words in the same
 * sentence or cell, never the neighbouring cell, never quoted words.
 */
function selectionHint(hint: TitleHint | undefined): TitleHint | undefined {
  if (!hint || hint.source === 'cell' || hint.quoted || isQuoted(hint.text)) return undefined
  return hint
}

/** Words for comparing a quotation with a section's text: case, quotes, marks and spacing aside. */
function normalizeQuoted(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`"“”‘’']/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

function isQuoted(text: string): boolean {
  return /^\s*["“„'‘]/u.test(text)
}

/** The subsection of `section` whose title begins with the label (`T3` → `### T3 — Torn page`). */
function findLabelledSubsection(
  document: DocumentInfo,
  section: HeadingInfo,
  label: string,
): HeadingInfo | undefined {
  const position = document.headings.indexOf(section)
  if (position === -1) return undefined
  const wanted = label.toUpperCase()
  for (let index = position + 1; index < document.headings.length; index++) {
    const heading = document.headings[index]!
    if (heading.depth <= section.depth) break
    const first = /^[\p{L}\p{N}]+/u.exec(heading.text.trim())?.[0]
    if (first?.toUpperCase() === wanted) return heading
  }
  return undefined
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
 * The heading a named reference means. A quoted name (`§"Restore from
 * backup"`) must be a heading's whole title or text; otherwise the heading
 * whose words begin the candidate text, longest first, compared without case
 * or punctuation (`§ Windows: Hidden Launchers` matches `Windows: Hidden
 * Launchers`). The title and the full text are both tried, so a numbered
 * heading can be cited by its title.
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
      if (ref.quoted && words.length !== candidate.length) continue
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
 * Flags a resolved reference whose words in title position name another
 * section of the same document almost exactly (every significant word of
 * that section's title, at most one more) and share fewer words with the
 * target's title than with that one: `| §12.4 | Table-driven tests |` where §12.4 is
 * "Integration Tests" and §12.2 "Table-Driven Tests". Paraphrases, partial
 * overlaps, quotations and abbreviations never warn (docs/authoring.md,
 * "Stale references"); renamed sections are found from the history instead.
 */
function withStaleCheck(resolution: Resolved, ref: SectionRefMatch): Resolved {
  const hint = ref.hint
  if (!hint || !isTitlePosition(hint) || hint.quoted || isQuoted(hint.text)) return resolution
  const hintWords = findSignificantWords(hint.text)
  if (hintWords.length === 0) return resolution
  const sharedWithTarget = countShared(hintWords, titleWords(resolution.heading))
  if (sharedWithTarget === hintWords.length) return resolution
  const other = resolution.document.headings.find((heading) => {
    if (heading === resolution.heading) return false
    const headingWords = titleWords(heading)
    return (
      headingWords.length > sharedWithTarget &&
      countShared(headingWords, hintWords) === headingWords.length &&
      hintWords.length - headingWords.length <= 1
    )
  })
  if (!other) return withRenameCheck(resolution, ref, hint, hintWords, sharedWithTarget)
  const suggestion = formatHeadingRef(other)
  const message = `Unexpected title \`${hint.text}\` beside \`${describeRef(ref)}\`, expected \`${resolution.heading.title}\` (\`${resolution.document.path}\`); did you mean \`${suggestion}\` (${other.title})?`
  return {
    ...resolution,
    stale: { hint: hint.text, actualTitle: resolution.heading.title, suggestion, message },
  }
}

/**
 * Flags a resolved reference whose words in title position are, almost
 * exactly, a title its target section had before (from the repository's
 * history): the section was renamed and the citation was not updated.
 */
function withRenameCheck(
  resolution: Resolved,
  ref: SectionRefMatch,
  hint: TitleHint,
  hintWords: string[],
  sharedWithTarget: number,
): Resolved {
  const former = resolution.heading.formerTitles?.find((candidate) => {
    const words = findSignificantWords(candidate.title)
    return (
      words.length > sharedWithTarget &&
      countShared(words, hintWords) === words.length &&
      hintWords.length - words.length <= 1
    )
  })
  if (!former) return resolution
  const when =
    former.commit === 'HEAD' ? 'in the working tree' : `after ${former.commit} (${former.date})`
  const anchor =
    former.id && former.id !== resolution.heading.id
      ? `; links to the old anchor \`#${former.id}\` still lead there`
      : ''
  const message = `Unexpected title \`${hint.text}\` beside \`${describeRef(ref)}\`: the section was renamed from \`${former.title}\` to \`${resolution.heading.title}\` ${when} (\`${resolution.document.path}\`)${anchor}; update the citation's words`
  return {
    ...resolution,
    stale: { hint: hint.text, actualTitle: resolution.heading.title, message, renamed: true },
  }
}

/**
 * Title position: right after the reference and a separator (`**§5.2**:
 * Channel Discipline`, `§1 (Vision)`), the whole label of a list item or
 * heading before it (`Channel discipline (§5.2)`), or the next cell of a
 * body row whose cell holds only the reference.
 */
function isTitlePosition(hint: TitleHint): boolean {
  return (
    hint.source === 'label' ||
    hint.source === 'parenthesis' ||
    hint.source === 'cell' ||
    (hint.source === 'before' && hint.wholeLabel === true)
  )
}

function findBestTitleMatch(
  document: DocumentInfo,
  hintWords: string[],
  except?: HeadingInfo,
): { heading: HeadingInfo; score: number } | undefined {
  let best: { heading: HeadingInfo; score: number } | undefined
  for (const heading of document.headings) {
    if (heading === except) continue
    const score = countShared(hintWords, titleWords(heading))
    if (score > 0 && (!best || score > best.score)) best = { heading, score }
  }
  return best
}

/** How many words of `a` are in `b`. Titles and hints are a few words: a scan beats a Set. */
function countShared(a: string[], b: string[]): number {
  let shared = 0
  for (const word of a) if (b.includes(word)) shared++
  return shared
}

function unknownSection(
  ref: SectionRefMatch,
  document: DocumentInfo,
  index: DocIndex,
  evidence: Evidence,
): Unresolved {
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
    evidence,
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

function unknownSectionName(
  ref: SectionRefMatch,
  documents: DocumentInfo[],
  evidence: Evidence,
): Unresolved {
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
    evidence,
  )
}

function ambiguousSection(
  ref: SectionRefMatch,
  candidates: ReadonlyArray<{ document: DocumentInfo; heading: HeadingInfo }>,
  evidence: Evidence,
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
    evidence,
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

function unresolved(
  rule: SectionRuleId,
  base: string,
  hint: string | undefined,
  evidence: Evidence,
): Unresolved {
  return hint === undefined
    ? { status: 'unresolved', rule, message: base, evidence }
    : { status: 'unresolved', rule, message: `${base}; ${hint}`, hint, evidence }
}

/**
 * A heading's significant words, read once per heading: every hint near a reference is
 * compared with the titles of all the sections it could mean.
 */
const wordsOfTitles = new WeakMap<HeadingInfo, string[]>()
function titleWords(heading: HeadingInfo): string[] {
  let words = wordsOfTitles.get(heading)
  if (!words) {
    words = findSignificantWords(heading.title)
    wordsOfTitles.set(heading, words)
  }
  return words
}
