import { basename } from 'node:path/posix'
import type { DocumentKind } from '../config/schema.ts'
import type { DocumentInfo, HeadingInfo, RequirementInfo } from '../documents/types.ts'
import { joinBase } from '../links.ts'
import { normalizeJumpName } from './jump-query.ts'
import type { JumpDocument, JumpIndex, JumpRequirement, JumpSection } from './jump-types.ts'

export type * from './jump-types.ts'

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
