import type { DocumentKind } from '../config/schema.ts'
import type { SourceProblem } from './frontmatter.ts'

export type { DocumentKind }

/** One heading of a document, as the rendered page will have it. */
export interface HeadingInfo {
  /** 1–6. */
  depth: number
  /** Full heading text as rendered (after smartypants), e.g. `5.2 Channel Discipline`. */
  text: string
  /** Section number parsed from the heading (`5`, `5.2`, `A`, `B.1`), if it has one. */
  number?: string
  /** Heading text without the number, e.g. `Channel Discipline`. */
  title: string
  /** The exact `id` attribute the rendered heading gets. */
  id: string
  /** 1-based line in the source file (frontmatter included). */
  line: number
  /** Fingerprint of the section's own content (heading text and body up to the next heading of the same or higher level). */
  fingerprint: string
  /** Plain text of the section's first paragraph (before any subheading), shortened, for link previews; absent when there is none. */
  summary?: string
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
  /** Key: normalised requirement ID. */
  requirements: Map<string, RequirementInfo>
  /** Path of `defaultSectionTarget`, if configured and found. */
  defaultSectionTarget?: string
  /** Requirement patterns from the config, as given. */
  requirementPatterns: string[]
  /** Configured aliases: alias → document path. */
  aliases: Map<string, string>
  /** Documents by every name (built with the index; `findDocument` builds one when absent). */
  names?: DocumentNameTable
}

/** Every name of every document, as written and case-folded. */
export interface DocumentNameTable {
  exact: Map<string, DocumentInfo[]>
  folded: Map<string, DocumentInfo[]>
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
