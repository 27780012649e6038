import type { DiagnosticCollector } from '../core/diagnostics/diagnostics.ts'
import type { IndexStore } from '../core/handbook-index.ts'
import { rehypePreviews } from './rehype-previews/index.ts'
import { rehypeReportMessages } from './rehype-report-messages/index.ts'
import { rehypeSearchIndex } from './rehype-search-index/index.ts'
import { rehypeTaskListLabels } from './rehype-task-list-labels/index.ts'
import { remarkCodeSamples } from './remark-code-samples/index.ts'
import { remarkDevMarkers } from './remark-dev-markers/index.ts'
import { remarkDocumentPage } from './remark-document-page/index.ts'
import { remarkFormerAnchors } from './remark-former-anchors/index.ts'
import { remarkReferenceLinks } from './remark-reference-links/index.ts'
import { remarkReadingList } from './remark-reading-list/index.ts'
import { remarkRequirementLinks } from './remark-requirement-links/index.ts'
import { remarkRoleBadges } from './remark-role-badges/index.ts'

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
  /**
   * Mark each finding on its page, where it stands (`npm run dev` only, never in a build).
   * Asked for each page rather than fixed here: Astro names its command to integrations
   * only after the configuration, and so this plugin list, is made.
   * @default () => false
   */
  markFindings?: () => boolean
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
          [remarkFormerAnchors, { store }],
          [remarkReferenceLinks, { store, base }],
          [remarkRequirementLinks, { store, base }],
          [remarkRoleBadges, { store, base }],
          [remarkReadingList, { store }],
          [remarkCodeSamples, {}],
          // Last: it reads the messages every plugin before it recorded.
          [remarkDevMarkers, { enabled: options.markFindings ?? (() => false) }],
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
