import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Root } from 'hast'
import type { Plugin } from 'unified'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { HeadingIdAssigner } from '../core/documents/outline.ts'

type RehypeHeadingIds = Plugin<[], Root>

const require = createRequire(import.meta.url)

/**
 * Astro's `rehypeHeadingIds`, loaded from the module that defines it.
 * `@astrojs/markdown-remark`'s entry also loads Shiki, Prism and MDX (about
 * half a second, which `npm run check` does not need); the heading-id step
 * lives in `dist/rehype-collect-headings.js` with only github-slugger and
 * unist-util-visit behind it. The package's exports map hides that file, so
 * it is found beside the resolved entry. Should a release move it, the
 * entry's own export is used: slower to load, same ids. A unit test checks
 * both are the same function.
 */
export function loadRehypeHeadingIds(): RehypeHeadingIds {
  const entry = require.resolve('@astrojs/markdown-remark')
  try {
    const module = require(join(dirname(entry), 'rehype-collect-headings.js')) as {
      rehypeHeadingIds?: RehypeHeadingIds
    }
    if (typeof module.rehypeHeadingIds === 'function') return module.rehypeHeadingIds
  } catch {
    // Fall through to the entry.
  }
  return (require('@astrojs/markdown-remark') as { rehypeHeadingIds: RehypeHeadingIds })
    .rehypeHeadingIds
}

const processor = unified().use(loadRehypeHeadingIds())

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
