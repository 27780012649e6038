import GithubSlugger from 'github-slugger'
import { parseSectionHeading } from '../../../core/documents/headings.ts'
import { findDocument } from '../../../core/documents/names.ts'
import type {
  DocIndex,
  DocumentInfo,
  DocumentKind,
  HeadingInfo,
} from '../../../core/documents/types.ts'

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
  return {
    documents,
    documentsByPath: new Map(documents.map((document) => [document.path, document])),
    requirements: new Map(),
    requirementPatterns: [],
    aliases: new Map([['SOP', 'ENGINEERING_SOP.md']]),
    ...(defaultSectionTarget === null ? {} : { defaultSectionTarget }),
  }
}

/** The `isDocumentName` callback a caller builds from an index: found or ambiguous names. */
export function createIsDocumentName(index: DocIndex): (candidate: string) => boolean {
  return (candidate) => findDocument(index, candidate).status !== 'missing'
}
