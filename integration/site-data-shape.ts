import {
  groupCitations,
  sectionKey,
  summarizeCitations,
  type CitedBy,
} from '../core/analysis/citations.ts'
import type { DocumentInfo, HeadingInfo, RequirementInfo } from '../core/documents/types.ts'
import {
  toSiteCollaboration,
  toSiteRoles,
  type SiteCollaboration,
  type SiteRole,
} from '../core/reading/site-roles.ts'
import type { IndexStore } from '../core/handbook-index.ts'

/**
 * A heading as pages see it, with how often it is cited. Only what pages show: a heading's
 * fingerprint, range and summary serve the index and the link plugins, and reading a heading's
 * fingerprint hashes its section (every section of the handbook, on the dev server's first page).
 */
export interface SiteHeading extends PageHeading {
  citations: number
}

/** What a page reads of a heading. */
export type PageHeading = Pick<HeadingInfo, 'depth' | 'text' | 'number' | 'title' | 'id'>

/** A heading's page fields, picked one by one: a spread would read (and hash) its fingerprint. */
function toPageHeading({ depth, text, number, title, id }: HeadingInfo): PageHeading {
  return { depth, text, ...(number === undefined ? {} : { number }), title, id }
}

/** A document as pages see it (no file-system paths). */
export interface SiteDocument extends Omit<DocumentInfo, 'absolutePath' | 'headings'> {
  headings: SiteHeading[]
  /** How many section references and requirement mentions this document makes (its reading list, for a role). */
  references: number
}

/** A link to a document page, for lists. */
export interface SiteDocumentLink {
  title: string
  route: string
  path: string
}

/** A requirement with its traceability. */
export interface SiteRequirement extends RequirementInfo {
  /** Route of the defining document. */
  route: string
  citedBy: CitedBy[]
  implementedBy: SiteDocumentLink[]
}

/** Everything generated pages and components know about the handbook. */
export interface SiteData {
  title: string
  description?: string
  documents: SiteDocument[]
  requirements: SiteRequirement[]
  /** IDs cited somewhere but defined nowhere, with where. */
  undefinedRequirements: { id: string; citedBy: CitedBy[] }[]
  defaultSectionTarget?: string
  /** Role guides with their required reading, in guide order. */
  roles: SiteRole[]
  /** Who hands work to whom, laid out for drawing. */
  collaboration: SiteCollaboration
}

/** The serialisable view of the index that pages import. */
export function toSiteData(store: IndexStore): SiteData {
  const built = store.get()
  const { index, citations } = built
  const references = new Map<string, number>()
  for (const list of [...citations.sections.values(), ...citations.requirements.values()]) {
    for (const citation of list)
      references.set(citation.document, (references.get(citation.document) ?? 0) + 1)
  }
  const toLink = (document: DocumentInfo): SiteDocumentLink => ({
    title: document.title,
    route: document.route,
    path: document.path,
  })
  return {
    title: store.config.title,
    ...(store.config.description ? { description: store.config.description } : {}),
    documents: index.documents.map(({ absolutePath: _absolutePath, headings, ...document }) => ({
      ...document,
      headings: headings.map((heading) => ({
        ...toPageHeading(heading),
        citations: citations.sections.get(sectionKey(document.path, heading.id))?.length ?? 0,
      })),
      references: references.get(document.path) ?? 0,
    })),
    requirements: [...index.requirements.values()].map((requirement) => {
      const { citedBy, implementedBy } = summarizeCitations(requirement, built)
      return {
        ...requirement,
        route: index.documentsByPath.get(requirement.document)?.route ?? '',
        citedBy,
        implementedBy: implementedBy.map(toLink),
      }
    }),
    undefinedRequirements: [...citations.undefinedRequirements]
      .filter(([id]) => !id.endsWith('*'))
      .map(([id, list]) => ({ id, citedBy: groupCitations(list, index) })),
    ...(index.defaultSectionTarget ? { defaultSectionTarget: index.defaultSectionTarget } : {}),
    roles: toSiteRoles(index, built.requiredReading),
    collaboration: toSiteCollaboration(built.collaboration, index),
  }
}

/** A document as document pages' components see it: no citation counts. */
export interface PageSiteDocument extends Omit<SiteDocument, 'headings' | 'references'> {
  headings: Omit<SiteHeading, 'citations'>[]
}

/**
 * What the components of every document page read (the search hint's examples,
 * role headers, reading lists and the collaboration map): the site data
 * without citations. In `astro dev` the citations need every page not yet
 * rendered analysed first (several seconds at 1000 pages), which the first
 * page would wait for though it shows none of them.
 */
export interface PageSiteData {
  documents: PageSiteDocument[]
  requirements: (RequirementInfo & { route: string })[]
  defaultSectionTarget?: string
  roles: SiteRole[]
  collaboration: SiteCollaboration
}

/** The serialisable view of the index that document pages' components import. */
export function toPageSiteData(store: IndexStore): PageSiteData {
  const built = store.get()
  const { index } = built
  return {
    documents: index.documents.map(({ absolutePath: _absolutePath, headings, ...document }) => ({
      ...document,
      headings: headings.map(toPageHeading),
    })),
    requirements: [...index.requirements.values()].map((requirement) => ({
      ...requirement,
      route: index.documentsByPath.get(requirement.document)?.route ?? '',
    })),
    ...(index.defaultSectionTarget ? { defaultSectionTarget: index.defaultSectionTarget } : {}),
    roles: toSiteRoles(index, built.requiredReading),
    collaboration: toSiteCollaboration(built.collaboration, index),
  }
}
