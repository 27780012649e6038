import type { DocumentKind } from '../config/schema.ts'
import type { SourceProblem } from './frontmatter.ts'

export type { DocumentKind }

/** One heading of a document, as the rendered page will have it. */
export interface HeadingInfo {
  /** 1–6. */
  depth: number
  /** Full heading text as rendered (after smartypants), e.g. `5.2 Channel Discipline`. */
  text: string
  /**
   * Section number (`5`, `5.2`, `5a`, `A`, `B.1`), when the heading is in the document's
   * outline (see `applyOutline`): the only numbers a `§` reference can mean.
   */
  number?: string
  /** A number that is list numbering inside a section (`### 1. Before coding` under `## Workflow`). */
  listNumber?: string
  /** Position in the document's `headings` of the heading this one sits under. */
  parent?: number
  /** Path of another document this heading names (`## Conformance (ENGINEERING_SOP.md)`): it applies to what is under it. */
  namesDocument?: string
  /** A `### §9: …` checklist entry under a heading that names a document: its `§` cites that document. */
  checklist?: boolean
  /** Titles this section (by its number) had in earlier versions, from the repository's history, newest first. */
  formerTitles?: FormerTitle[]
  /** Heading text without the number, e.g. `Channel Discipline`. */
  title: string
  /** The exact `id` attribute the rendered heading gets. */
  id: string
  /** 1-based line in the source file (frontmatter included). */
  line: number
  /** Offsets of the section (heading and body, subsections included) in the document's body. */
  range?: [number, number]
  /** Fingerprint of the section's own content (heading text and body up to the next heading of the same or higher level). */
  fingerprint: string
  /** Plain text of the section's first paragraph (before any subheading), shortened, for link previews; absent when there is none. */
  summary?: string
}

/** A title a section had before it was renamed. */
export interface FormerTitle {
  title: string
  /** The anchor the section had then (kept working on the page). */
  id: string
  /** Abbreviated commit of the version that still had it, or `HEAD` while editing. */
  commit: string
  /** `YYYY-MM-DD` of that commit. */
  date: string
}

/** How a document's title was found; `heading` means the first `# heading` is not rendered again. */
export type TitleSource = 'title' | 'name' | 'heading' | 'file'

/** One configured document. */
export interface DocumentInfo {
  /** Path relative to the content root, with `/` separators, as the author sees it: `.agents/engineer.md`. */
  path: string
  /** Absolute file path. */
  absolutePath: string
  /** Entry id and URL path without slashes at either end: `agents/engineer`. */
  route: string
  kind: DocumentKind
  title: string
  titleSource: TitleSource
  description?: string
  /** Role-guide `name` from the frontmatter (`tech-lead`). */
  name?: string
  /** Role-guide `color` from the frontmatter. */
  color?: string
  /** Names that refer to this document: its file name, its path and configured aliases. */
  aliases: string[]
  headings: HeadingInfo[]
  /** Number of source lines before the body (frontmatter); add it to body-relative lines. */
  bodyLineOffset: number
}

/** A requirement defined in a document of kind `requirements`. */
export interface RequirementInfo {
  /** Normalised ID (ASCII hyphens), e.g. `CLD-REQ-020`. */
  id: string
  /** Unique among all definitions: `document#anchor` (`specs/001/spec.md#fr-001`). */
  key: string
  /** The folder of the defining document (`.` at the root): mentions resolve to the nearest definition. */
  scope: string
  /** The element id of the definition, e.g. `cld-req-020`. */
  anchor: string
  /** The requirement's text (the rest of the defining item). */
  text: string
  /** Path of the defining document. */
  document: string
  /** Number of the section the definition sits in, if numbered. */
  section?: string
  line: number
  column: number
}

/** Where something is cited. */
export interface Citation {
  /** Citing document path. */
  document: string
  /** Section number (or heading title when unnumbered) of the citing document that holds the mention. */
  section?: string
  /** Id of the citing heading, for a link back. */
  sectionId?: string
  line: number
  column: number
}

/** Cross-document data computed once per build. */
export interface DocIndex {
  documents: DocumentInfo[]
  /** Key: document path. */
  documentsByPath: Map<string, DocumentInfo>
  /** Every definition, by its `key`. */
  requirements: Map<string, RequirementInfo>
  /** Normalised ID → its definitions (one per folder that defines it); resolve with `findRequirement`. */
  requirementsById: Map<string, RequirementInfo[]>
  /** Path of `defaultSectionTarget`, if configured and found. */
  defaultSectionTarget?: string
  /** Requirement patterns from the config, as given. */
  requirementPatterns: string[]
  /** Each document's body (path → text), for quotations that name a section by its words. */
  bodies?: Map<string, string>
  /** The patterns no definition matches: their mentions are reported once, not one by one. */
  patternsWithoutDefinitions?: string[]
  /** Configured aliases: alias → document path. */
  aliases: Map<string, string>
  /** Documents by every name (built with the index; `findDocument` builds one when absent). */
  names?: DocumentNameTable
  /** Upper-case section number → the documents whose outline has it (built with the index). */
  sectionsByNumber?: Map<string, Array<{ document: DocumentInfo; heading: HeadingInfo }>>
}

/** Every name of every document, as written and case-folded. */
export interface DocumentNameTable {
  exact: Map<string, DocumentInfo[]>
  folded: Map<string, DocumentInfo[]>
  /** Document path → document. */
  paths: Map<string, DocumentInfo>
  foldedPaths: Map<string, DocumentInfo[]>
  /** `folder/stem` (lower case, folder `.` at the root) → document: `specs/001/research`. */
  stems: Map<string, DocumentInfo>
  /**
   * The last path segment of every name, in lower case (`engineering_sop.md`, `sop`): a name
   * whose last segment is not here names no document, whatever folder it is read from.
   */
  lastSegments: Set<string>
  /** The most words any name has (`Engineering SOP`: 2): longer runs of words name nothing. */
  maxWords: number
}

/** A file the config selects. */
export interface SourceFile {
  /** Relative to the content root, `/`-separated. */
  path: string
  absolutePath: string
  kind: DocumentKind
}

/** A problem tied to a file; `file` is relative to the content root. */
export interface FileProblem extends SourceProblem {
  file: string
  column?: number
}
