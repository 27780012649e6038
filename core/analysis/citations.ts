import type { Root } from 'mdast'
import { normalizeHyphens } from '../text/hyphens.ts'
import { createRequirementMatcher } from '../requirements/patterns.ts'
import { pointInRun, type TextRun } from '../markdown/text-runs.ts'
import { enclosingHeading } from '../documents/headings.ts'
import { configFileName } from '../config/schema.ts'
import type { Citation, DocIndex, DocumentInfo, FileProblem } from '../documents/types.ts'
import { analyzePage } from './analyze-page.ts'
import { parseIndexedDocument } from '../documents/build-index.ts'

/** Who cites what, across the whole handbook. */
export interface CitationIndex {
  /** Key: the cited definition's `RequirementInfo.key` (as the scope rules resolve each mention). */
  requirements: Map<string, Citation[]>
  /** Key: normalised ID of a mention that resolves to no definition (none, or several equally near). */
  undefinedRequirements: Map<string, Citation[]>
  /** Key: `path#headingId` of the cited section. */
  sections: Map<string, Citation[]>
}

/** Key of a section in `CitationIndex.sections`. */
export function sectionKey(documentPath: string, headingId: string): string {
  return `${documentPath}#${headingId}`
}

/**
 * Walks every document once with the same page analysis the plugins use
 * (`analyzePage`), and records each resolved section reference and each
 * requirement mention with the section it sits in.
 */
export function buildCitationIndex(
  index: DocIndex,
  treeOf: (path: string) => Root | undefined = (path) => parseIndexedDocument(index, path),
): CitationIndex {
  const citations: CitationIndex = {
    requirements: new Map(),
    undefinedRequirements: new Map(),
    sections: new Map(),
  }
  const matcher = createRequirementMatcher(index.requirementPatterns)
  const add = (map: Map<string, Citation[]>, key: string, citation: Citation) => {
    const list = map.get(key)
    if (list) list.push(citation)
    else map.set(key, [citation])
  }
  for (const document of index.documents) {
    // One tree at a time, dropped after its page: a large handbook's trees never all live at once.
    const tree = treeOf(document.path)
    if (!tree) continue
    const analysis = analyzePage(tree, document, index, { matcher })
    const cite = (run: TextRun, offset: number): Citation => {
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
    for (const { run, mention, outcome } of analysis.requirements) {
      if (outcome.kind === 'link') {
        add(citations.requirements, outcome.requirement.key, cite(run, mention.start))
      } else if (outcome.kind === 'unknown' || outcome.kind === 'ambiguous') {
        add(citations.undefinedRequirements, mention.id, cite(run, mention.start))
      }
    }
    for (const { run, ref, resolution } of analysis.sections) {
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
  requirement: { key: string; id: string },
  built: { index: DocIndex; citations: CitationIndex },
): { citedBy: CitedBy[]; implementedBy: DocumentInfo[] } {
  return {
    citedBy: groupCitations(built.citations.requirements.get(requirement.key) ?? [], built.index),
    implementedBy: findImplementations(requirement.id, built.index),
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
        wanted.test(normalizeHyphens(document.title))),
  )
}

/**
 * One finding per requirement pattern that many mentions match but no
 * definition does: the likely cause is a definition form the handbook does
 * not read, not hundreds of undefined IDs, so it is said once, with example
 * mentions and the forms that are understood (docs/authoring.md, "No
 * definitions at all"), instead of one warning per mention.
 */
export function findPatternsWithoutDefinitions(
  index: DocIndex,
  citations: CitationIndex,
): FileProblem[] {
  const problems: FileProblem[] = []
  for (const pattern of index.patternsWithoutDefinitions ?? []) {
    const whole = new RegExp(`^(?:${pattern})$`)
    const mentions = [...citations.undefinedRequirements].filter(([id]) => whole.test(id))
    const places = mentions.flatMap(([id, list]) => list.map((citation) => ({ id, citation })))
    if (places.length === 0) continue
    const documents = new Set(places.map(({ citation }) => citation.document))
    const examples = places
      .slice(0, 3)
      .map(({ id, citation }) => `\`${id}\` at ${citation.document}:${citation.line}`)
    problems.push({
      file: configFileName,
      severity: 'warning',
      ruleId: 'no-requirement-definitions',
      message: `Requirement pattern \`${pattern}\` matches ${places.length} mention${places.length === 1 ? '' : 's'} of ${mentions.length} ID${mentions.length === 1 ? '' : 's'} in ${documents.size} document${documents.size === 1 ? '' : 's'} (${examples.join(', ')}${places.length > 3 ? ', …' : ''}) but no definition. Definitions are read in documents of kind \`requirements\`: a list item, table row or heading that begins with the ID followed by a separator (\`FR-001: …\`, \`**ADR-3 · Title**\`, \`| REQ-12 | … |\`, \`### NFR-L2 Latency: …\`). Check the documents' kind in \`documents\`, or the definition form.`,
    })
  }
  return problems
}
