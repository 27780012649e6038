import type { Root } from 'mdast'
import { normalizeHyphens } from '../text/hyphens.ts'
import { lastAtOrBelow } from '../text/sorted.ts'
import { createRequirementMatcher, type RequirementMatcher } from '../requirements/patterns.ts'
import { pointInRun, type TextRun } from '../markdown/text-runs.ts'
import { enclosingHeading } from '../documents/headings.ts'
import { configFileName } from '../config/schema.ts'
import type { Citation, DocIndex, DocumentInfo, FileProblem } from '../documents/types.ts'
import { analyzePage, type PageAnalysis } from './analyze-page.ts'
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

/** What one page cites: the entries its analysis adds to each map of the citation index. */
export interface PageCitations {
  requirements: Array<[key: string, citation: Citation]>
  undefinedRequirements: Array<[id: string, citation: Citation]>
  sections: Array<[key: string, citation: Citation]>
}

/**
 * The citations of one analysed page: each resolved section reference and each requirement
 * mention, with the section it sits in. `lineOffset` turns a tree line into the author's
 * line, as for `analyzePage`.
 */
export function citePage(
  analysis: PageAnalysis,
  lineOffset = analysis.document.bodyLineOffset,
): PageCitations {
  const { document } = analysis
  const page: PageCitations = { requirements: [], undefinedRequirements: [], sections: [] }
  const cite = (run: TextRun, offset: number): Citation => {
    const point = pointInRun(run, offset)
    const line = (point?.line ?? 0) + lineOffset
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
      page.requirements.push([outcome.requirement.key, cite(run, mention.start)])
    } else if (outcome.kind === 'unknown' || outcome.kind === 'ambiguous') {
      page.undefinedRequirements.push([mention.id, cite(run, mention.start)])
    }
  }
  for (const { run, ref, resolution } of analysis.sections) {
    if (resolution.status !== 'resolved') continue
    page.sections.push([
      sectionKey(resolution.document.path, resolution.heading.id),
      cite(run, ref.start),
    ])
  }
  return page
}

/** The citations of two parts of one page, the first part's first. */
export function concatPageCitations(first: PageCitations, second: PageCitations): PageCitations {
  return {
    requirements: [...first.requirements, ...second.requirements],
    undefinedRequirements: [...first.undefinedRequirements, ...second.undefinedRequirements],
    sections: [...first.sections, ...second.sections],
  }
}

/** The citation index of the pages given, merged in the index's document order. */
export function mergeCitations(
  index: DocIndex,
  pages: ReadonlyMap<string, PageCitations>,
): CitationIndex {
  const citations: CitationIndex = {
    requirements: new Map(),
    undefinedRequirements: new Map(),
    sections: new Map(),
  }
  const add = (map: Map<string, Citation[]>, [key, citation]: [string, Citation]) => {
    const list = map.get(key)
    if (list) list.push(citation)
    else map.set(key, [citation])
  }
  for (const document of index.documents) {
    const page = pages.get(document.path)
    if (!page) continue
    for (const entry of page.requirements) add(citations.requirements, entry)
    for (const entry of page.undefinedRequirements) add(citations.undefinedRequirements, entry)
    for (const entry of page.sections) add(citations.sections, entry)
  }
  return citations
}

/** Parses and analyses one indexed document for its citations. */
export function analyseCitations(
  index: DocIndex,
  path: string,
  options: { matcher?: RequirementMatcher; treeOf?: (path: string) => Root | undefined } = {},
): PageCitations | undefined {
  const document = index.documentsByPath.get(path)
  const tree = (options.treeOf ?? ((wanted) => parseIndexedDocument(index, wanted)))(path)
  if (!document || !tree) return undefined
  return citePage(
    analyzePage(tree, document, index, options.matcher ? { matcher: options.matcher } : {}),
  )
}

/**
 * Walks every document once with the same page analysis the plugins use
 * (`analyzePage`), and records each resolved section reference and each
 * requirement mention with the section it sits in.
 */
export function buildCitationIndex(
  index: DocIndex,
  treeOf?: (path: string) => Root | undefined,
): CitationIndex {
  return createCitationRecorder(index, treeOf ? { treeOf } : {}).complete()
}

/**
 * Collects the citations of pages as they are analysed: the link plugin records each page
 * it renders, so a build analyses every page once. `complete()` analyses, once, the pages
 * nobody recorded (in `npm run check`, or a page that failed to render) and answers for the
 * whole handbook; `recorded()` answers for the pages recorded so far and never analyses.
 */
export interface CitationRecorder {
  record(path: string, page: PageCitations): void
  /** The citations of one page, when recorded. */
  page(path: string): PageCitations | undefined
  recorded(): CitationIndex
  complete(): CitationIndex
}

/** Creates an empty recorder over the index. */
export function createCitationRecorder(
  index: DocIndex,
  options: { treeOf?: (path: string) => Root | undefined } = {},
): CitationRecorder {
  const pages = new Map<string, PageCitations>()
  let merged: CitationIndex | undefined
  const matcher = createRequirementMatcher(index.requirementPatterns)
  const recorded = () => {
    merged ??= mergeCitations(index, pages)
    return merged
  }
  return {
    record(path, page) {
      pages.set(path, page)
      merged = undefined
    },
    page: (path) => pages.get(path),
    recorded,
    complete() {
      for (const document of index.documents) {
        if (pages.has(document.path)) continue
        const page = analyseCitations(index, document.path, {
          matcher,
          ...(options.treeOf ? { treeOf: options.treeOf } : {}),
        })
        if (page) pages.set(document.path, page)
        merged = undefined
      }
      return recorded()
    },
  }
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
  const designs = designNamesOf(index)
  const wanted = new RegExp(
    `(^|[^A-Za-z0-9])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9])`,
    'i',
  )
  return candidateDesigns(designs, id)
    .filter((position) => designs.names[position]!.some((name) => wanted.test(name)))
    .map((position) => designs.documents[position]!)
}

/** The index's design documents and their names, with every name in one lower-cased text. */
interface DesignNames {
  documents: DocumentInfo[]
  /** Each document's file name and title (hyphen variants made plain). */
  names: string[][]
  /** Every name, lower-cased, each followed by a NUL. */
  text: string
  /** Where each document's names start in `text`, ascending. */
  starts: number[]
}

const designNamesByIndex = new WeakMap<DocIndex, DesignNames>()

/** The names of the index's design documents, worked out once per index. */
function designNamesOf(index: DocIndex): DesignNames {
  let designs = designNamesByIndex.get(index)
  if (!designs) {
    const documents = index.documents.filter((document) => document.kind === 'design')
    const names = documents.map((document) => [
      document.path.split('/').pop() ?? '',
      normalizeHyphens(document.title),
    ])
    const starts: number[] = []
    let text = ''
    for (const list of names) {
      starts.push(text.length)
      text += list.map((name) => `${name.toLowerCase()}\0`).join('')
    }
    designs = { documents, names, text, starts }
    designNamesByIndex.set(index, designs)
  }
  return designs
}

/**
 * The positions of the design documents whose names may carry `id`. Every requirement is looked
 * up against every design document, once per build (search filters, traceability, the
 * definitions' backlinks): one substring search through all names narrows that to the few
 * that contain the ID, which the word-boundary pattern then decides. A case-insensitive match
 * of an ASCII ID is always such a substring of the lower-cased names; an ID outside ASCII
 * is tested against every document.
 */
function candidateDesigns({ documents, text, starts }: DesignNames, id: string): number[] {
  if (!/^[\x00-\x7f]+$/.test(id)) return documents.map((_document, position) => position)
  const wanted = id.toLowerCase()
  const found = new Set<number>()
  for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + 1)) {
    found.add(lastAtOrBelow(starts, at))
  }
  return [...found]
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
