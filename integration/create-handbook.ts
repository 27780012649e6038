import type { StarlightUserConfig } from '@astrojs/starlight/types'
import { loadHandbookConfig, resolveContentRoot } from '../io/load-config.ts'
import { kindLabels, documentKinds, type HandbookConfig } from '../core/config/schema.ts'
import { handbookIntegration } from './index.ts'
import { createIndexStore, type IndexStore } from '../io/index-store.ts'
import { createMarkdownPlugins } from '../plugins/index.ts'
import { definesAnyRequirement } from '../core/requirements/definitions.ts'
import { createRequirementMatcher } from '../core/requirements/patterns.ts'
import type { DocumentInfo } from '../core/documents/types.ts'
import {
  createDiagnosticCollector,
  type DiagnosticCollector,
} from '../core/diagnostics/diagnostics.ts'

export { resolveContentRoot } from '../io/load-config.ts'

/** Everything astro.config.mjs needs, built from one content folder. */
export interface Handbook {
  contentRoot: string
  config: HandbookConfig
  store: IndexStore
  collector: DiagnosticCollector
  base: string
  remarkPlugins: [unknown, unknown][]
  rehypePlugins: [unknown, unknown][]
  sidebar: NonNullable<StarlightUserConfig['sidebar']>
  integration: ReturnType<typeof handbookIntegration>
}

/** Options of `createHandbook`. */
export interface Options {
  /**
   * Folder holding `handbook.config.json`.
   * @default resolveContentRoot() (HANDBOOK_CONTENT, else content/)
   */
  contentRoot?: string
  /**
   * Site base path; overrides `base` from the handbook config.
   * @default config.base ?? '/'
   */
  base?: string
  /**
   * Our markdown plugins on or off (the benchmark switches them off to compare with plain Starlight).
   * @default true
   */
  plugins?: boolean
}

/**
 * Reads the handbook config and creates the shared index, the diagnostic
 * collector and the plugin list: the one place where they are wired
 * together, so each plugin receives what it needs through its options.
 */
export function createHandbook(options: Options = {}): Handbook {
  const contentRoot = options.contentRoot ?? resolveContentRoot()
  const config = loadHandbookConfig(contentRoot)
  const base = normalizeBase(options.base ?? config.base ?? '/')
  const store = createIndexStore(contentRoot, config)
  const collector = createDiagnosticCollector()
  const enabled = options.plugins !== false
  // Findings are marked on the pages under `astro dev` only. The integration hook's `command`
  // says which command runs however Astro was started (`npm run dev`, `npx astro dev --port
  // 4000`, Astro's programmatic `dev()`); process.argv misses the last and can be fooled by
  // a script that merely has `dev` among its arguments, and NODE_ENV is `development` for
  // `astro sync` too. The hook runs before any page renders, so the plugins ask it per page.
  const command = { dev: false }
  return {
    contentRoot,
    config,
    store,
    collector,
    base,
    ...createMarkdownPlugins({ store, collector, base, enabled, markFindings: () => command.dev }),
    sidebar: buildSidebar(listSidebarContents(store)),
    integration: handbookIntegration({
      store,
      collector,
      plugins: enabled,
      onCommand: (name) => {
        command.dev = name === 'dev'
      },
    }),
  }
}

/** What the sidebar lists: each document's kind, title and route, and whether requirements exist. */
export interface SidebarContents {
  documents: Array<Pick<DocumentInfo, 'kind' | 'title' | 'route'>>
  /** Whether any requirement is defined: there is a traceability page only then. */
  hasRequirements: boolean
}

/**
 * The sidebar's contents without the index: Starlight takes the sidebar with the site's
 * config, and the index is built later, when the first page needs it. Titles and routes are
 * the index's own (it is built from the same described sources), and requirements are found
 * as the index finds them, in the requirements documents only.
 */
export function listSidebarContents(
  store: Pick<IndexStore, 'config' | 'describedSources'>,
): SidebarContents {
  const { described } = store.describedSources()
  const matcher = createRequirementMatcher(store.config.requirementPatterns)
  return { documents: described, hasRequirements: definesAnyRequirement(described, matcher) }
}

/**
 * "Start here" (the start page) first; then one group per kind, one entry per document:
 * bounded, whatever the size of each document; then the generated reference pages, the
 * traceability page only when there are requirements, and the readers' guide to the site
 * (Starlight adds the base path to these links).
 */
export function buildSidebar({ documents, hasRequirements }: SidebarContents): Handbook['sidebar'] {
  const groups = documentKinds
    .map((kind) => ({
      label: kindLabels[kind],
      items: documents
        .filter((document) => document.kind === kind)
        .map((document) => ({ label: document.title, slug: document.route })),
    }))
    .filter((group) => group.items.length > 0)
  const reference = {
    label: 'Reference',
    items: [
      { label: 'Index A–Z', link: '/a-z/' },
      ...(hasRequirements ? [{ label: 'Traceability', link: '/traceability/' }] : []),
      { label: 'How to use this handbook', link: '/how-to-use/' },
    ],
  }
  return [{ label: 'Start here', link: '/' }, ...groups, reference]
}

function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/*|\/*$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}
