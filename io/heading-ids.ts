import { rehypeHeadingIds } from '@astrojs/markdown-remark'
import type { Root } from 'hast'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { HeadingIdAssigner } from '../core/documents/outline.ts'

const processor = unified().use(rehypeHeadingIds)

/**
 * Astro's own heading ids: its `rehypeHeadingIds` (a fresh github-slugger per
 * page over the rendered heading text) run over the given headings, which it
 * mutates, as it does on the page.
 */
export const assignAstroHeadingIds: HeadingIdAssigner = (root: Root) => {
  const file = new VFile()
  processor.runSync(root, file)
  return file.data.astro?.headings ?? []
}
