import GithubSlugger from 'github-slugger'
import { parseSectionHeading } from '../../../core/documents/headings.ts'
import {
  buildDocumentNameTable,
  buildSectionTable,
  findDocument,
} from '../../../core/documents/names.ts'
import { applyOutline } from '../../../core/documents/outline-numbers.ts'
import type {
  DocIndex,
  DocumentInfo,
  DocumentKind,
  HeadingInfo,
  RequirementInfo,
} from '../../../core/documents/types.ts'
import { findDocumentMentions } from '../../../core/references/parse.ts'
import { folderOf } from '../../../core/requirements/scope.ts'
import { toRequirementAnchor } from '../../../core/requirements/patterns.ts'

/**
 * Headings of the sample SOP, written as markdown heading lines. §12.2 is
 * "Table-Driven Tests" and §12.4 "Integration Tests", for stale-title cases;
 * §3, §3.1, §4, §7 and §8 exist here and in the requirements too, for
 * ambiguity cases; §17 exists only in the requirements.
 */
export const sopHeadings = [
  '## 1. Purpose',
  '## 2. Scope',
  '## 3. Code Standards',
  '### 3.1 Formatting',
  '## 4. Error Handling Policy',
  '## 5. Concurrency and Resource Policy',
  '### 5.1 Goroutine Lifecycle',
  '### 5.2 Channel Discipline',
  '### 5.3 Lock Scope',
  '## 6. Configuration',
  '## 7. Observability',
  '## 8. Performance Budgets',
  '## 11. Security',
  '## 12. Testing Standards',
  '### 12.1 Unit Tests',
  '### 12.2 Table-Driven Tests',
  '### 12.3 Fixtures',
  '### 12.4 Integration Tests',
  '### 12.5 End-to-End Tests',
  '### 12.6 Coverage',
  '## 16. Design Documents',
  '### 16.1 When to Write One',
  '### 16.2 Design Document Template',
  '## 21. Release Process',
  '## 22. Incident Response',
  '### 22.1 Severity Levels',
  '### 22.2 On-Call Duties',
  '## Appendix A: Glossary',
  '## Appendix B: Checklists',
  '### B.1 Review Checklist',
  '### B.2 Release Checklist',
]

export const requirementsHeadings = [
  '## 1. Vision',
  '## 2. Users',
  '## 3. Goals',
  '### 3.1 Goals',
  '### 3.2 Non-Goals',
  '## 4. Tenets',
  '## 7. Functional Requirements',
  '## 8. Non-Functional Requirements',
  '## 17. MVP Scope',
]

export const contextHeadings = [
  '## Overview',
  '## Build and Test Commands',
  '## Windows: Hidden Launchers',
]

/**
 * A document built by hand: headings from markdown heading lines, numbers
 * from the real `parseSectionHeading`, ids from a fresh github-slugger per
 * document as Astro gives them, and the file name and path as aliases.
 */
export function buildSampleDocument(
  path: string,
  headingLines: string[],
  options: { kind?: DocumentKind; aliases?: string[] } = {},
): DocumentInfo {
  const slugger = new GithubSlugger()
  const headings: HeadingInfo[] = headingLines.map((line, position) => {
    const marks = /^(#{1,6})\s+/.exec(line)
    if (!marks) throw new Error(`Not a heading line: ${line}`)
    const text = line.slice(marks[0].length)
    const { number, title } = parseSectionHeading(text)
    return {
      depth: marks[1]!.length,
      text,
      ...(number === undefined ? {} : { number }),
      title,
      id: slugger.slug(text),
      line: position * 2 + 3,
      fingerprint: `sample-${position}`,
    }
  })
  const fileName = path.split('/').pop()!
  const route = path.replace(/\.[^.]+$/, '').toLowerCase()
  return {
    path,
    absolutePath: `/sample/${path}`,
    route,
    kind: options.kind ?? 'guide',
    title: fileName,
    titleSource: 'file',
    aliases: [...new Set([path, fileName, ...(options.aliases ?? [])])],
    headings,
    bodyLineOffset: 0,
  }
}

/** Options of {@link buildIndex}. */
export interface IndexOptions {
  /** Path of the default document; `null` or absent for none. */
  defaultSectionTarget?: string | null
  /** Configured aliases: alias → document path (also added to the document's `aliases`). */
  aliases?: Record<string, string>
  /** Requirement definitions (see {@link buildRequirement}). */
  requirements?: RequirementInfo[]
  /** `requirementPatterns` of the config. @default [] */
  requirementPatterns?: string[]
  /**
   * Run `applyOutline` over every document, as `buildDocIndex` does: list numbering under an
   * unnumbered heading loses its section number, and headings that name another document
   * (`## Conformance (ENGINEERING_SOP.md)`) get `namesDocument`.
   * @default true
   */
  outline?: boolean
}

/**
 * A small index built by hand from documents, finished the way `buildDocIndex`
 * finishes its own: aliases, the outline pass, the name table, the number →
 * section table, and requirements by key and by ID.
 */
export function buildIndex(documents: DocumentInfo[], options: IndexOptions = {}): DocIndex {
  const aliases = new Map(Object.entries(options.aliases ?? {}))
  const documentsByPath = new Map(documents.map((document) => [document.path, document]))
  for (const [alias, path] of aliases) {
    const document = documentsByPath.get(path)
    if (!document) throw new Error(`Alias ${alias} names no document: ${path}`)
    if (!document.aliases.includes(alias)) document.aliases.push(alias)
  }
  const requirements = new Map<string, RequirementInfo>()
  const requirementsById = new Map<string, RequirementInfo[]>()
  for (const requirement of options.requirements ?? []) {
    requirements.set(requirement.key, requirement)
    requirementsById.set(requirement.id, [
      ...(requirementsById.get(requirement.id) ?? []),
      requirement,
    ])
  }
  const index: DocIndex = {
    documents,
    documentsByPath,
    requirements,
    requirementsById,
    requirementPatterns: options.requirementPatterns ?? [],
    aliases,
    ...(options.defaultSectionTarget ? { defaultSectionTarget: options.defaultSectionTarget } : {}),
  }
  index.names = buildDocumentNameTable(documents)
  if (options.outline ?? true) {
    for (const document of documents) {
      const isDocumentName = (candidate: string) =>
        findDocument(index, candidate, { from: document.path }).status !== 'missing'
      applyOutline(document.headings, {
        findNamedDocument: (text) => {
          for (const mention of findDocumentMentions(text, isDocumentName).reverse()) {
            const found = findDocument(index, mention.name, { from: document.path })
            if (found.status === 'found' && found.document !== document) {
              return found.document.path
            }
          }
          return undefined
        },
      })
    }
  }
  index.sectionsByNumber = buildSectionTable(documents)
  return index
}

/**
 * A requirement definition as `buildDocIndex` records it: the anchor from the
 * normalised ID, the key `document#anchor`, the scope the document's folder.
 */
export function buildRequirement(
  id: string,
  document: string,
  fields: Partial<Omit<RequirementInfo, 'id' | 'document'>> = {},
): RequirementInfo {
  const anchor = fields.anchor ?? toRequirementAnchor(id)
  return {
    id,
    key: `${document}#${anchor}`,
    scope: folderOf(document),
    anchor,
    text: `Text of ${id} in ${document}.`,
    document,
    line: 1,
    column: 1,
    ...fields,
  }
}

/** Adds a definition to an index built by hand, by key and by ID. */
export function addRequirement(index: DocIndex, requirement: RequirementInfo): void {
  index.requirements.set(requirement.key, requirement)
  index.requirementsById.set(requirement.id, [
    ...(index.requirementsById.get(requirement.id) ?? []),
    requirement,
  ])
}

/** Options of {@link buildSampleIndex}. */
export interface SampleIndexOptions {
  /** Path of the default document; `null` for none. @default 'ENGINEERING_SOP.md' */
  defaultSectionTarget?: string | null
  /** Documents added after the three sample ones. */
  extraDocuments?: DocumentInfo[]
}

/**
 * The handbook the field guide describes, in small: `ENGINEERING_SOP.md`
 * (alias `SOP`, the default target), `Requirements.MD` and `CONTEXT.md`
 * (unnumbered headings only).
 */
export function buildSampleIndex(options: SampleIndexOptions = {}): DocIndex {
  const documents = [
    buildSampleDocument('ENGINEERING_SOP.md', sopHeadings, { kind: 'sop', aliases: ['SOP'] }),
    buildSampleDocument('Requirements.MD', requirementsHeadings, { kind: 'requirements' }),
    buildSampleDocument('CONTEXT.md', contextHeadings),
    ...(options.extraDocuments ?? []),
  ]
  const defaultSectionTarget =
    options.defaultSectionTarget === undefined ? 'ENGINEERING_SOP.md' : options.defaultSectionTarget
  return buildIndex(documents, {
    aliases: { SOP: 'ENGINEERING_SOP.md' },
    defaultSectionTarget,
  })
}

/** The `isDocumentName` callback `analyzePage` builds: local to `from` when given. */
export { createIsDocumentName } from '../../../core/documents/names.ts'
