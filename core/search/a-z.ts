import { compareSectionNumbers } from '../documents/headings.ts'
import type { DocumentKind } from '../config/schema.ts'

/** What the A–Z page reads: a subset of the site data. */
export interface AzInput {
  documents: readonly {
    path: string
    route: string
    kind: DocumentKind
    title: string
    description?: string
    references: number
    headings: readonly {
      depth: number
      number?: string
      title: string
      id: string
      citations: number
    }[]
  }[]
  requirements: readonly {
    id: string
    text: string
    route: string
    anchor: string
    scope: string
    citedBy: readonly { count: number }[]
  }[]
}

/** A link target with the number of times the handbook cites it. */
export interface AzEntry {
  title: string
  route: string
  fragment?: string
  citations: number
}

/** A numbered section in the index. */
export interface AzSection extends AzEntry {
  number: string
  depth: number
}

/** A section title filed under its first letter, with the document it belongs to. */
export interface AzTopic extends AzSection {
  document: string
}

/** Everything on the A–Z page, sorted. */
export interface AzIndex {
  documents: (AzEntry & { path: string; kind: DocumentKind; sections: number })[]
  sections: { document: AzEntry & { path: string }; sections: AzSection[] }[]
  /** `scope`: the defining folder, when several folders define the same ID (numbering restarts per feature). */
  requirements: (AzEntry & { id: string; scope?: string })[]
  roles: (AzEntry & { path: string; description?: string; references: number })[]
  topics: { letter: string; topics: AzTopic[] }[]
}

const byTitle = (a: { title: string }, b: { title: string }) =>
  a.title.localeCompare(b.title, 'en', { sensitivity: 'base', numeric: true })

/**
 * The A–Z index: every document (by title) with how often its sections are
 * cited; every numbered section, grouped by document in document order; every
 * requirement (by ID) with its citations; every role; and every section title
 * filed under its first letter.
 */
export function buildAzIndex(data: AzInput): AzIndex {
  const numbered = data.documents.map((document) => ({
    document,
    sections: document.headings
      .filter((heading) => heading.number !== undefined)
      .map((heading): AzSection => ({
        number: heading.number!,
        title: heading.title,
        depth: heading.depth,
        route: document.route,
        fragment: heading.id,
        citations: heading.citations,
      })),
  }))
  const citationsOf = (document: AzInput['documents'][number]) =>
    document.headings.reduce((sum, heading) => sum + heading.citations, 0)

  const topics = new Map<string, AzTopic[]>()
  for (const { document, sections } of numbered) {
    for (const section of sections) {
      const letter = toLetter(section.title)
      topics.set(letter, [...(topics.get(letter) ?? []), { ...section, document: document.path }])
    }
  }

  return {
    documents: data.documents
      .map((document) => ({
        title: document.title,
        route: document.route,
        path: document.path,
        kind: document.kind,
        sections: numbered.find((entry) => entry.document === document)!.sections.length,
        citations: citationsOf(document),
      }))
      .sort(byTitle),
    sections: numbered
      .filter((entry) => entry.sections.length > 0)
      .map(({ document, sections }) => ({
        document: {
          title: document.title,
          route: document.route,
          path: document.path,
          citations: citationsOf(document),
        },
        sections,
      })),
    requirements: data.requirements
      .map((requirement) => ({
        id: requirement.id,
        title: requirement.text,
        route: requirement.route,
        fragment: requirement.anchor,
        citations: requirement.citedBy.reduce((sum, place) => sum + place.count, 0),
        ...(data.requirements.some(
          (other) => other.id === requirement.id && other.scope !== requirement.scope,
        )
          ? { scope: requirement.scope }
          : {}),
      }))
      .sort(
        (a, b) =>
          a.id.localeCompare(b.id, 'en', { numeric: true }) ||
          (a.scope ?? '').localeCompare(b.scope ?? ''),
      ),
    roles: data.documents
      .filter((document) => document.kind === 'role')
      .map((document) => ({
        title: document.title,
        route: document.route,
        path: document.path,
        ...(document.description ? { description: document.description } : {}),
        references: document.references,
        citations: citationsOf(document),
      }))
      .sort(byTitle),
    topics: [...topics]
      .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b, 'en')))
      .map(([letter, entries]) => ({
        letter,
        topics: entries.sort((a, b) => byTitle(a, b) || compareSectionNumbers(a.number, b.number)),
      })),
  }
}

/** The letter a title is filed under: its first letter without accents; `#` when it starts with a digit. */
function toLetter(title: string): string {
  const first = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .charAt(0)
  return /\p{L}/u.test(first) ? first.toUpperCase() : '#'
}
