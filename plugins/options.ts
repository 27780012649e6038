import type { IndexStore } from '../core/handbook-index.ts'

/** Options shared by the plugins that read the document index and generate links. */
export interface IndexOptions {
  /** The document index, built once per build before any page renders. */
  store: Pick<IndexStore, 'get'>
  /**
   * Site base path every generated link starts with.
   * @default '/'
   */
  base?: string
}
