import type { Heading, Parent, Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { sectionKey } from '../../core/analysis/citations.ts'
import type { DocumentInfo } from '../../core/documents/types.ts'
import type { IndexStore } from '../../core/handbook-index.ts'
import { getPageData } from '../../core/page-data.ts'
import { buildReadersLine } from './badges.ts'

/** Options of `remarkRoleBadges`. */
export interface Options {
  /** The document index, with the required reading of every role computed once. */
  store: Pick<IndexStore, 'get'>
  /**
   * Site base path every generated link starts with.
   * @default '/'
   */
  base?: string
}

/**
 * Under each section heading that some role guide lists as required reading,
 * adds a line of role badges linking to those roles' pages, at build time.
 * A role that requires §5 is shown on §5 only: §5's subsections are part of
 * it. Role guides themselves get no badges.
 */
export function remarkRoleBadges(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page || page.kind === 'role') return
    const { index, requiredReading } = options.store.get()
    const document = index.documentsByPath.get(page.path)
    if (!document) return
    // Headings are matched by the author's line: the index parsed the same body.
    const byLine = new Map(document.headings.map((heading) => [heading.line, heading]))
    const inserts: Array<{ parent: Parent; after: Heading; roles: DocumentInfo[]; id: string }> = []
    visit(tree, 'heading', (node, _position, parent) => {
      const line = node.position ? node.position.start.line + page.lineOffset : undefined
      const heading = line === undefined ? undefined : byLine.get(line)
      if (!heading || !parent) return
      const readers = requiredReading.readersBySection.get(sectionKey(document.path, heading.id))
      const roles = (readers ?? []).flatMap((path) => index.documentsByPath.get(path) ?? [])
      if (roles.length > 0) inserts.push({ parent, after: node, roles, id: heading.id })
    })
    for (const { parent, after, roles, id } of inserts) {
      parent.children.splice(
        parent.children.indexOf(after) + 1,
        0,
        buildReadersLine(id, roles, base) as Parent['children'][number],
      )
    }
  }
}
