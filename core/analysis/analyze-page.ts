import type { Root } from 'mdast'
import { createIsDocumentName, findDocument } from '../documents/names.ts'
import type { DocIndex, DocumentInfo, HeadingInfo, RequirementInfo } from '../documents/types.ts'
import { collectTextRuns, type RunContainer, type TextRun } from '../markdown/text-runs.ts'
import { findCellHint, findListDocument } from '../references/context.ts'
import { findSectionRefs, type SectionRefMatch } from '../references/parse.ts'
import { resolveSectionRef, type SectionResolution } from '../references/resolve.ts'
import { findDefiningContainers } from '../requirements/definitions.ts'
import {
  createRequirementMatcher,
  type RequirementMatcher,
  type RequirementMention,
} from '../requirements/patterns.ts'
import { findRequirement } from '../requirements/scope.ts'

/** A section reference found in a run, and what it resolves to. */
export interface AnalyzedSectionRef {
  run: TextRun
  ref: SectionRefMatch
  resolution: SectionResolution
}

/** What one ID-shaped token in the text turns out to be. */
export type MentionOutcome =
  | { kind: 'link'; requirement: RequirementInfo }
  | { kind: 'wildcard' }
  /** The ID that begins its own definition; `requirement` when this definition owns the anchor. */
  | { kind: 'definition'; requirement?: RequirementInfo }
  | { kind: 'ambiguous'; candidates: RequirementInfo[] }
  | { kind: 'unknown' }

/** A requirement ID found in a run, and what it means there. */
export interface AnalyzedMention {
  run: TextRun
  mention: RequirementMention
  outcome: MentionOutcome
}

/** One page, analysed once: the same runs and answers for links, citations, reading lists and checks. */
export interface PageAnalysis {
  document: DocumentInfo
  runs: TextRun[]
  sections: AnalyzedSectionRef[]
  requirements: AnalyzedMention[]
}

/** Options of {@link analyzePage}. */
export interface AnalyzePageOptions {
  /**
   * Add to a tree line to get the author's line in the source file (the index parses the
   * body, the renderer the body behind one line of page data).
   * @default document.bodyLineOffset
   */
  lineOffset?: number
  /** The requirement matcher, when the caller already has one. */
  matcher?: RequirementMatcher
}

/**
 * Finds and resolves every section reference and requirement ID of one
 * page, with the context the resolution rules need: names local to the
 * page's document, the enclosing list, table and heading, the heading a
 * reference sits in, and the neighbouring table cell. Pure: the link plugin
 * turns the result into links and messages, the citation index into counts,
 * the reading lists into items, `npm run check -- --explain` into evidence.
 */
export function analyzePage(
  tree: Root,
  document: DocumentInfo,
  index: DocIndex,
  options: AnalyzePageOptions = {},
): PageAnalysis {
  const from = document.path
  const isDocumentName = createIsDocumentName(index, from)
  const isDocumentStem = (word: string) =>
    findDocument(index, word, { from, stem: true }).status === 'found'
  const runs = collectTextRuns(tree, {
    keepInlineCode: isDocumentName,
    isReferenceCode: (value) => isReferenceOnly(value, isDocumentName),
  })
  const lineOffset = options.lineOffset ?? document.bodyLineOffset
  const headingsByLine = new Map(document.headings.map((heading) => [heading.line, heading]))
  const sections: AnalyzedSectionRef[] = []
  let current: HeadingInfo | undefined
  for (const run of runs) {
    const line = (run.container.position?.start.line ?? -1) + lineOffset
    const containing = run.container.type === 'heading' ? headingsByLine.get(line) : undefined
    if (containing) current = containing
    if (!run.text.includes('§')) continue
    const cellHint = findCellHint(run)
    const refs = findSectionRefs(run.text, {
      isDocumentName,
      isDocumentStem,
      links: run.links,
      ...(cellHint ? { cellHint } : {}),
    })
    if (refs.length === 0) continue
    const listDocument = findListDocument(run, isDocumentName)
    const headingDocument = findHeadingDocument(document, containing ?? current, containing)
    for (const ref of refs) {
      // `## §7 Functional Requirements`: a heading's own number, not a reference, unless the
      // heading is a checklist entry about another document's section (`### §9: … — done`).
      const atHeadingStart =
        run.container.type === 'heading' && run.text.slice(0, ref.start).trim() === ''
      if (atHeadingStart && !containing?.checklist) continue
      const insideLink = run.pieces.some(
        (piece) => !piece.linkable && piece.start <= ref.start && ref.start < piece.end,
      )
      if (insideLink) continue
      const resolution = resolveSectionRef(
        ref,
        {
          from: document,
          ...(listDocument ? { listDocument } : {}),
          ...(headingDocument ? { headingDocument } : {}),
          ...(containing ? { containingHeading: containing } : {}),
          ...(atHeadingStart ? { checklist: true } : {}),
        },
        index,
      )
      sections.push({ run, ref, resolution })
    }
  }
  const matcher = options.matcher ?? createRequirementMatcher(index.requirementPatterns)
  const defining =
    document.kind === 'requirements'
      ? findDefiningContainers(tree, matcher)
      : new Set<RunContainer>()
  return {
    document,
    runs,
    sections,
    requirements: analyzeRequirementMentions(runs, matcher, index, document, defining, lineOffset),
  }
}

/**
 * The document named by the heading a run sits under, or by one of its
 * ancestors (`## Conformance (ENGINEERING_SOP.md)` applies to what is under
 * it). A heading's own text counts for what is under it, not for itself.
 */
function findHeadingDocument(
  document: DocumentInfo,
  heading: HeadingInfo | undefined,
  containing: HeadingInfo | undefined,
): string | undefined {
  let current = heading === containing ? parentOf(document, heading) : heading
  while (current) {
    if (current.namesDocument !== undefined) return current.namesDocument
    current = parentOf(document, current)
  }
  return undefined
}

function parentOf(document: DocumentInfo, heading: HeadingInfo | undefined) {
  return heading?.parent === undefined ? undefined : document.headings[heading.parent]
}

/**
 * A code span that holds nothing but a reference (`` `contracts/api.md §9` ``, `` `SOP §4.2` ``,
 * `` `§5.2` ``): one reference, at most a document name before it, nothing after.
 */
export function isReferenceOnly(
  value: string,
  isDocumentName: (candidate: string) => boolean,
): boolean {
  if (!value.includes('§')) return false
  const refs = findSectionRefs(value, { isDocumentName })
  if (refs.length !== 1 || refs[0]!.skip || refs[0]!.range) return false
  const ref = refs[0]!
  if (value.slice(ref.end).trim() !== '') return false
  const before = value.slice(0, ref.start).trim()
  return before === '' || (ref.document !== undefined && ref.document.start === 0)
}

/**
 * Classifies every requirement ID in the runs: a link to the definition the
 * scope rules choose for this page, a wildcard, the ID of a definition, an
 * ambiguous or an unknown ID.
 */
function analyzeRequirementMentions(
  runs: TextRun[],
  matcher: RequirementMatcher,
  index: DocIndex,
  document: DocumentInfo,
  definingContainers: ReadonlySet<RunContainer>,
  lineOffset: number,
): AnalyzedMention[] {
  const analyzed: AnalyzedMention[] = []
  for (const run of runs) {
    const mentions = matcher.findMentions(run.text)
    mentions.forEach((mention, position) => {
      const insideLink = run.pieces.some(
        (piece) => !piece.linkable && piece.start <= mention.start && mention.end <= piece.end,
      )
      if (insideLink) return
      let outcome: MentionOutcome
      if (position === 0 && definingContainers.has(run.container)) {
        const line = (run.container.position?.start.line ?? -1) + lineOffset
        const owner = (index.requirementsById.get(mention.id) ?? []).find(
          (requirement) =>
            requirement.document === document.path && isDefinitionLine(requirement, line),
        )
        outcome = owner ? { kind: 'definition', requirement: owner } : { kind: 'definition' }
      } else if (mention.wildcard) outcome = { kind: 'wildcard' }
      else {
        const found = findRequirement(index, mention.id, document.path)
        outcome =
          found.status === 'found'
            ? { kind: 'link', requirement: found.requirement }
            : found.status === 'ambiguous'
              ? { kind: 'ambiguous', candidates: found.candidates }
              : { kind: 'unknown' }
      }
      analyzed.push({ run, mention, outcome })
    })
  }
  return analyzed
}

/**
 * The definition's line is its element's (the list item, row or heading); the run is its first
 * paragraph or cell, on the same line in every form a definition takes.
 */
function isDefinitionLine(requirement: RequirementInfo, line: number): boolean {
  return requirement.line === line
}
