import type { DiagnosticCollector } from '../core/diagnostics/diagnostics.ts'
import type { IndexStore } from '../core/handbook-index.ts'
import { rehypePreviews } from './rehype-previews/index.ts'
import { rehypeReportMessages } from './rehype-report-messages/index.ts'
import { rehypeSearchIndex } from './rehype-search-index/index.ts'
import { rehypeTaskListLabels } from './rehype-task-list-labels/index.ts'
import { remarkCodeSamples } from './remark-code-samples/index.ts'
import { remarkDocumentPage } from './remark-document-page/index.ts'
import { remarkRequirementLinks } from './remark-requirement-links/index.ts'
import { remarkRoleBadges } from './remark-role-badges/index.ts'
import { remarkSectionLinks } from './remark-section-links/index.ts'

/** Plugin tuples, typed loosely as unified's and Astro's plugin lists are. */
export type PluginList = [unknown, unknown][]

/** Options of `createMarkdownPlugins`. */
export interface Options {
  /** The document index, built once per build. */
  store: Pick<IndexStore, 'get'>
  /** Receives every page's messages. */
  collector: DiagnosticCollector
  /**
   * Site base path every generated link starts with.
   * @default '/'
   */
  base?: string
  /**
   * The handbook's own markdown plugins on or off (the benchmark switches them off).
   * @default true
   */
  enabled?: boolean
}

/**
 * The remark and rehype plugins, in order, each with the options it needs:
 * the same list for the Astro build and for `npm run check`.
 */
export function createMarkdownPlugins(options: Options): {
  remarkPlugins: PluginList
  rehypePlugins: PluginList
} {
  const { store, collector } = options
  const base = options.base ?? '/'
  const enabled = options.enabled !== false
  return {
    remarkPlugins: enabled
      ? [
          [remarkDocumentPage, { store, base }],
          [remarkSectionLinks, { store, base }],
          [remarkRequirementLinks, { store, base }],
          [remarkRoleBadges, { store, base }],
          [remarkCodeSamples, {}],
        ]
      : [[remarkDocumentPage, { store, base }]],
    rehypePlugins: [
      ...(enabled
        ? ([
            [rehypeSearchIndex, { store }],
            [rehypePreviews, { store }],
          ] as PluginList)
        : []),
      [rehypeTaskListLabels, {}],
      [rehypeReportMessages, { collector }],
    ],
  }
}
