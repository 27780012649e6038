import { findDocument } from '../../../core/documents/names.ts'
import type { DocIndex, DocumentInfo, HeadingInfo } from '../../../core/documents/types.ts'
import { findSectionRefs, type SectionRefMatch } from '../../../core/references/parse.ts'
import {
  resolveSectionRef,
  type SectionRefContext,
  type SectionResolution,
} from '../../../core/references/resolve.ts'

/** Where a run of text is written, as `analyzePage` would pass it on. */
export interface WrittenAt {
  /** Path of the citing document: names are local to it, its outline is the scope. */
  from?: string
  /** `SectionRefContext.listDocument`: the name the enclosing list item or table intro gives. */
  listDocument?: string
  /** `SectionRefContext.headingDocument`: the path a heading above names. */
  headingDocument?: string
  checklist?: boolean
  /** The heading of the citing document the text is in: its number, list number or title. */
  inHeading?: string
  /** The neighbouring table cell's text. */
  cellHint?: string
  /** Links in the run, as `[link text, URL]`: the text must occur in the run. */
  links?: Array<[string, string]>
}

/** One reference and its resolution. */
export interface ResolvedText {
  ref: SectionRefMatch
  resolution: SectionResolution
  /** The link text: from the reference's start to the resolution's end (sub-labels and names). */
  linkText: string
}

/**
 * Finds and resolves every section reference of one run of text the way
 * `analyzePage` does: names local to the citing document, sibling base
 * names, links, the neighbouring cell, and the context of the enclosing
 * list, table and heading.
 */
export function resolveText(index: DocIndex, text: string, at: WrittenAt = {}): ResolvedText[] {
  const from = at.from === undefined ? undefined : findIndexed(index, at.from)
  const nameOptions = from ? { from: from.path } : {}
  const links = (at.links ?? []).map(([linkText, url]) => {
    const start = text.indexOf(linkText)
    if (start === -1) throw new Error(`No link text ${linkText} in ${text}`)
    return { start, end: start + linkText.length, url }
  })
  const refs = findSectionRefs(text, {
    isDocumentName: (candidate) => findDocument(index, candidate, nameOptions).status !== 'missing',
    isDocumentStem: (word) =>
      findDocument(index, word, { ...nameOptions, stem: true }).status === 'found',
    links,
    ...(at.cellHint === undefined ? {} : { cellHint: at.cellHint }),
  })
  const containingHeading =
    at.inHeading === undefined || !from ? undefined : findHeading(from, at.inHeading)
  const context: SectionRefContext = {
    ...(from ? { from } : {}),
    ...(at.listDocument === undefined ? {} : { listDocument: at.listDocument }),
    ...(at.headingDocument === undefined ? {} : { headingDocument: at.headingDocument }),
    ...(at.checklist ? { checklist: true } : {}),
    ...(containingHeading ? { containingHeading } : {}),
  }
  return refs.map((ref) => {
    const resolution = resolveSectionRef(ref, context, index)
    const end = resolution.status === 'resolved' ? (resolution.end ?? ref.end) : ref.end
    return { ref, resolution, linkText: text.slice(ref.start, end) }
  })
}

/**
 * Every reference of a run in one short line each: `§3 → path#heading-id (rule)`,
 * `§12.9 ✗ unknown-section`, `§XX – placeholder`.
 */
export function describeText(index: DocIndex, text: string, at: WrittenAt = {}): string[] {
  return resolveText(index, text, at).map(({ resolution, linkText }) => {
    if (resolution.status === 'resolved') {
      return `${linkText} → ${resolution.document.path}#${resolution.heading.id} (${resolution.resolvedBy})`
    }
    if (resolution.status === 'skipped') return `${linkText} – ${resolution.reason}`
    return `${linkText} ✗ ${resolution.rule}`
  })
}

function findIndexed(index: DocIndex, path: string): DocumentInfo {
  const document = index.documentsByPath.get(path)
  if (!document) throw new Error(`${path} is not in the index`)
  return document
}

/** A heading by its number (`3.1`), its list number, or its title. */
function findHeading(document: DocumentInfo, wanted: string): HeadingInfo {
  const heading = document.headings.find(
    (candidate) =>
      candidate.number === wanted || candidate.listNumber === wanted || candidate.title === wanted,
  )
  if (!heading) throw new Error(`${document.path} has no heading ${wanted}`)
  return heading
}
