import { basename } from 'node:path/posix'
import type { DocumentKind } from '../config/schema.ts'
import type { DocumentInfo, HeadingInfo, RequirementInfo } from '../doc-index/types.ts'
import { joinBase } from '../remark-document-page/rewrite-link.ts'
import { normalizeJumpName } from './jump-query.ts'

/** A document a jump can land on, with every name a reader may type for it. */
export interface JumpDocument {
  title: string
  /** Path as the author sees it: `ENGINEERING_SOP.md`, `.agents/engineer.md`. */
  path: string
  url: string
  kind: DocumentKind
  /** Names normalised with `normalizeJumpName`: path, file name, file stem, aliases, title, role name. */
  names: string[]
  /** The document a bare `§N` means (`defaultSectionTarget`); listed first when a number is ambiguous. */
  isDefault?: boolean
}

/** A heading a jump can land on. */
export interface JumpSection {
  /** Position of the document in `JumpIndex.documents`. */
  document: number
  /** `5.2`, `A`, `B.1`; absent for an unnumbered heading, which is found by its title. */
  number?: string
  title: string
  url: string
}

/** A requirement definition a jump can land on. */
export interface JumpRequirement {
  /** Normalised ID: `CLD-REQ-020`. */
  id: string
  text: string
  url: string
  /** Position of the defining document in `JumpIndex.documents`. */
  document: number
}

/**
 * Everything the search box can jump to exactly, small enough to fetch when
 * the search dialog first opens: `handbook-jump.json`.
 */
export interface JumpIndex {
  documents: JumpDocument[]
  sections: JumpSection[]
  requirements: JumpRequirement[]
}

/** What `buildJumpIndex` reads; the document index and the site data both have this shape. */
export interface JumpIndexInput {
  documents: readonly (Pick<
    DocumentInfo,
    'path' | 'route' | 'kind' | 'title' | 'name' | 'aliases'
  > & { headings: readonly Pick<HeadingInfo, 'depth' | 'number' | 'title' | 'id'>[] })[]
  requirements: Iterable<Pick<RequirementInfo, 'id' | 'anchor' | 'text' | 'document'>>
  defaultSectionTarget?: string | undefined
}

/**
 * Builds the jump index: every numbered section of every document (and each
 * document's unnumbered level-two headings, found by title), every
 * requirement definition, every document and role with the names authors use
 * for it. URLs carry the site's base path.
 */
export function buildJumpIndex(input: JumpIndexInput, base: string): JumpIndex {
  const position = new Map(input.documents.map((document, at) => [document.path, at]))
  const documents = input.documents.map((document): JumpDocument => {
    const fileName = basename(document.path)
    const names = [
      ...document.aliases,
      fileName,
      fileName.replace(/\.(md|markdown)$/i, ''),
      document.title,
      ...(document.name ? [document.name] : []),
    ].map(normalizeJumpName)
    return {
      title: document.title,
      path: document.path,
      url: joinBase(base, document.route),
      kind: document.kind,
      names: [...new Set(names)].filter(Boolean),
      ...(document.path === input.defaultSectionTarget ? { isDefault: true } : {}),
    }
  })
  const sections = input.documents.flatMap((document, at) =>
    document.headings
      .filter((heading) => heading.number !== undefined || heading.depth <= 2)
      .map((heading): JumpSection => ({
        document: at,
        ...(heading.number === undefined ? {} : { number: heading.number }),
        title: heading.title,
        url: `${joinBase(base, document.route)}#${heading.id}`,
      })),
  )
  const requirements: JumpRequirement[] = []
  for (const requirement of input.requirements) {
    const at = position.get(requirement.document)
    if (at === undefined) continue
    requirements.push({
      id: requirement.id,
      text: requirement.text,
      url: `${joinBase(base, input.documents[at]!.route)}#${requirement.anchor}`,
      document: at,
    })
  }
  return { documents, sections, requirements }
}
