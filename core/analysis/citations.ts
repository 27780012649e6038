import type { Root } from 'mdast'
import { analyzeRequirementMentions, findDefiningContainers } from './requirement-mentions.ts'
import { createRequirementMatcher } from '../requirements/patterns.ts'
import { analyzeSectionRefs } from './section-refs.ts'
import { collectTextRuns, pointInRun } from '../markdown/text-runs.ts'
import type { Citation, DocIndex, DocumentInfo, HeadingInfo } from '../documents/types.ts'

/** Who cites what, across the whole handbook. */
export interface CitationIndex {
  /** Key: normalised requirement ID, defined or not. */
  requirements: Map<string, Citation[]>
  /** Key: `path#headingId` of the cited section. */
  sections: Map<string, Citation[]>
}

/** Key of a section in `CitationIndex.sections`. */
export function sectionKey(documentPath: string, headingId: string): string {
  return `${documentPath}#${headingId}`
}

/**
 * Walks every document once with the same analysis the plugins use, and
 * records each resolved section reference and each requirement mention with
 * the section it sits in.
 */
export function buildCitationIndex(index: DocIndex, trees: Map<string, Root>): CitationIndex {
  const citations: CitationIndex = { requirements: new Map(), sections: new Map() }
  const matcher = createRequirementMatcher(index.requirementPatterns)
  const add = (map: Map<string, Citation[]>, key: string, citation: Citation) => {
    const list = map.get(key)
    if (list) list.push(citation)
    else map.set(key, [citation])
  }
  for (const document of index.documents) {
    const tree = trees.get(document.path)
    if (!tree) continue
    const runs = collectTextRuns(tree)
    const cite = (run: (typeof runs)[number], offset: number): Citation => {
      const point = pointInRun(run, offset)
      const line = (point?.line ?? 0) + document.bodyLineOffset
      const heading = enclosingHeading(document.headings, line)
      return {
        document: document.path,
        ...(heading ? { section: heading.number ?? heading.title, sectionId: heading.id } : {}),
        line,
        column: point?.column ?? 0,
      }
    }
    const defining =
      document.kind === 'requirements' ? findDefiningContainers(tree, matcher) : new Set<never>()
    for (const { run, mention, outcome } of analyzeRequirementMentions(
      runs,
      matcher,
      index,
      defining,
    )) {
      if (outcome.kind === 'link' || outcome.kind === 'unknown') {
        add(citations.requirements, mention.id, cite(run, mention.start))
      }
    }
    for (const { run, ref, resolution } of analyzeSectionRefs(runs, index, document)) {
      if (resolution.status !== 'resolved') continue
      add(
        citations.sections,
        sectionKey(resolution.document.path, resolution.heading.id),
        cite(run, ref.start),
      )
    }
  }
  return citations
}

function enclosingHeading(headings: HeadingInfo[], line: number): HeadingInfo | undefined {
  let found: HeadingInfo | undefined
  for (const heading of headings) {
    if (heading.line > line) break
    found = heading
  }
  return found
}

/** One citing place, grouped by document and section. */
export interface CitedBy {
  document: string
  title: string
  route: string
  section?: string
  sectionId?: string
  count: number
}

/**
 * Groups a requirement's citations by citing document and section, and
 * lists the design documents that implement it (file name or title carries
 * the ID).
 */
export function summarizeCitations(
  id: string,
  built: { index: DocIndex; citations: CitationIndex },
): { citedBy: CitedBy[]; implementedBy: DocumentInfo[] } {
  return {
    citedBy: groupCitations(built.citations.requirements.get(id) ?? [], built.index),
    implementedBy: findImplementations(id, built.index),
  }
}

/** Citations grouped by document and section, in first-seen order. */
export function groupCitations(citations: Citation[], index: DocIndex): CitedBy[] {
  const groups = new Map<string, CitedBy>()
  for (const citation of citations) {
    const key = `${citation.document}#${citation.sectionId ?? ''}`
    const existing = groups.get(key)
    if (existing) {
      existing.count++
      continue
    }
    const document = index.documentsByPath.get(citation.document)
    groups.set(key, {
      document: citation.document,
      title: document?.title ?? citation.document,
      route: document?.route ?? '',
      ...(citation.section ? { section: citation.section } : {}),
      ...(citation.sectionId ? { sectionId: citation.sectionId } : {}),
      count: 1,
    })
  }
  return [...groups.values()]
}

/** Design documents whose file name or title carries the ID (hyphen variants and case aside). */
export function findImplementations(id: string, index: DocIndex): DocumentInfo[] {
  const wanted = new RegExp(
    `(^|[^A-Za-z0-9])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9])`,
    'i',
  )
  return index.documents.filter(
    (document) =>
      document.kind === 'design' &&
      (wanted.test(document.path.split('/').pop() ?? '') ||
        wanted.test(document.title.replace(/[\u2010-\u2013\u2212]/g, '-'))),
  )
}
