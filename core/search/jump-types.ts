// The jump index's shape: read by the builder (Node) and the search dialog (browser).
import type { DocumentKind } from '../config/schema.ts'

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
