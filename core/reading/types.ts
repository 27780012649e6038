/** One section a role must read. */
export interface ReadingItem {
  /** Path of the cited document (`ENGINEERING_SOP.md`). */
  document: string
  /** The exact id of the section's heading on its page. */
  headingId: string
  /** Section number (`5`, `16.2`, `A`), when the heading has one. */
  number?: string
  /** Heading text without its number. */
  title: string
  /** The section's content fingerprint at build time (its subsections included). */
  fingerprint: string
  /** The range this item was expanded from (`§3-§12` gives `{ from: '3', to: '12' }`). */
  range?: { from: string; to: string }
  /** Line of the citation in the guide (frontmatter included). */
  line: number
}

/** The sections of one document a role must read, in the order the guide gives them. */
export interface ReadingGroup {
  /** Path of the document. */
  document: string
  /**
   * True when the reading list names the document without any section
   * (`3. **CONTEXT.md** - the repository overview`): read all of it. Such a
   * group has no items.
   */
  whole: boolean
  items: ReadingItem[]
}

/**
 * Where a guide's required reading came from: its reading list (a section or
 * list titled like "Required Reading"), or, when it has none, every section
 * it cites.
 */
export type ReadingSource = 'reading-list' | 'citations'

/** What one role guide asks its role to read. */
export interface RequiredReading {
  /** Path of the role guide. */
  guide: string
  source: ReadingSource
  /**
   * Line of the reading list's own heading (`## Required Reading`) in the guide, frontmatter
   * included, when the list is a section; the role page links to it.
   */
  headingLine?: number
  /** Groups by document, in order of first mention. */
  groups: ReadingGroup[]
}

/** Required reading of every role guide, and the reverse: who must read each section. */
export interface RequiredReadingIndex {
  /** Key: role guide path; in the order of the index's documents. */
  byGuide: Map<string, RequiredReading>
  /** Key: `sectionKey(document, headingId)`; value: role guide paths, in guide order. */
  readersBySection: Map<string, string[]>
}
