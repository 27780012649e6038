import type { Paragraph, Root } from 'mdast'
import type { VFile } from 'vfile'
import { SKIP, visit } from 'unist-util-visit'
import { getPageData } from '../../core/page-data.ts'
import type { IndexOptions } from '../options.ts'

/** Options of `remarkFormerAnchors`: the index. */
export type Options = Pick<IndexOptions, 'store'>

/**
 * Keeps shared links to renamed sections working: before each heading whose
 * title changed in the repository's history (`formerTitles` in the index),
 * an empty anchor carries the id the heading had then, unless another
 * heading of the page has that id now. Readers who follow an old link land on
 * the section under its new name.
 */
export function remarkFormerAnchors(options: Options) {
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const document = options.store.get().index.documentsByPath.get(page.path)
    if (!document?.headings.some((heading) => heading.formerTitles)) return
    const byLine = new Map(document.headings.map((heading) => [heading.line, heading]))
    const taken = new Set(document.headings.map((heading) => heading.id))
    visit(tree, 'heading', (node, position, parent) => {
      const heading = byLine.get((node.position?.start.line ?? -1) + page.lineOffset)
      if (!heading?.formerTitles || !parent || position === undefined) return undefined
      const anchors: Paragraph[] = []
      for (const former of heading.formerTitles) {
        if (!former.id || taken.has(former.id)) continue
        taken.add(former.id)
        anchors.push({
          type: 'paragraph',
          children: [],
          data: {
            hName: 'span',
            hProperties: { id: former.id, className: ['hb-former-anchor'], ariaHidden: 'true' },
          },
        })
      }
      if (anchors.length === 0) return undefined
      parent.children.splice(position, 0, ...anchors)
      return [SKIP, position + anchors.length + 1]
    })
  }
}
