// @ts-check
import { defineConfig } from 'astro/config'
import starlight from '@astrojs/starlight'
import { unified } from '@astrojs/markdown-remark'
import { satteri } from '@astrojs/markdown-satteri'
import { createHandbook } from './integration/create-handbook.ts'
import { expressiveCodeOptions } from './plugins/remark-code-samples/expressive-code-options.ts'
import { createSatteriPlugins } from './plugins/satteri/adapter.ts'
import { kindIndexFolder } from './core/navigation/sidebar-window.ts'

// Everything the site knows comes from one folder: content/ or $HANDBOOK_CONTENT.
// HANDBOOK_PLAIN=1 builds the same content with plain Starlight (for the benchmark).
const plain = process.env.HANDBOOK_PLAIN === '1'
// Our plugins run on Sätteri, Astro's default engine (BENCHMARKS.md, "Rendering engine: Sätteri
// or unified"); HANDBOOK_ENGINE=unified renders the same plugins on unified instead.
const engine = process.env.HANDBOOK_ENGINE === 'unified' ? 'unified' : 'satteri'
const handbook = createHandbook({ base: process.env.HANDBOOK_BASE, plugins: !plain })
const site = process.env.HANDBOOK_SITE ?? handbook.config.site

export default defineConfig({
  base: handbook.base,
  ...(site ? { site } : {}),
  // Tests and benchmarks build several sites; each gets its own content cache.
  ...(process.env.HANDBOOK_CACHE_DIR ? { cacheDir: process.env.HANDBOOK_CACHE_DIR } : {}),
  trailingSlash: 'always',
  vite: {
    // `npm run bench` keeps its corpora and stock sites in .bench/ (ten thousand files and
    // more): the dev server's watcher would walk them all before the first page.
    server: { watch: { ignored: ['**/.bench/**'] } },
    // The dev server loads a page's modules one import at a time, each waiting for its file
    // and parse; transforming a module's static imports as soon as it is transformed overlaps
    // those waits (the first page of the 1000-page bench came 2 s sooner). Vite does this for
    // the browser's modules by default, not for the server's.
    environments: { ssr: { dev: { preTransformRequests: true } } },
    // Each document's entry is imported through an id of Astro's (`astro:content-layer-deferred-
    // module?…`) that the dev server takes for a package name and tries to resolve from
    // node_modules before it transforms it, which fails every time: 0.13 s of CPU on the first
    // page at 1000 documents. Such a module is never external; saying so skips the attempt.
    ssr: { noExternal: [/^astro:content-layer-deferred-module/] },
  },
  ...(plain
    ? {}
    : {
        markdown: {
          processor:
            engine === 'unified'
              ? unified({
                  // @ts-expect-error unified's plugin tuple types are looser than ours
                  remarkPlugins: handbook.remarkPlugins,
                  // @ts-expect-error as above
                  rehypePlugins: handbook.rehypePlugins,
                })
              : satteri(createSatteriPlugins(handbook)),
        },
      }),
  integrations: [
    // Starlight adds @astrojs/sitemap unless the site has one. A sitemap lists absolute URLs, so
    // without `site` there is none to write, only a warning on every build: stand in for it.
    ...(site ? [] : [{ name: '@astrojs/sitemap', hooks: {} }]),
    starlight({
      title: handbook.config.title,
      ...(handbook.config.description ? { description: handbook.config.description } : {}),
      sidebar: handbook.sidebar,
      // Kinds with many documents: a link to their index page and the neighbours of the page.
      routeMiddleware: './src/route-data/window-sidebar.ts',
      // Our own 404 page (src/pages/404.astro): Starlight's looks for a docs entry named 404.
      disable404Route: true,
      markdown: { processedDirs: [handbook.contentRoot] },
      // Code keeps every line, and frame titles come only from the author or our verdict.
      ...(plain ? {} : { expressiveCode: expressiveCodeOptions }),
      customCss: [
        './src/styles/handbook.css',
        './src/styles/code-samples.css',
        './src/styles/onboarding.css',
        './src/styles/search.css',
        './src/styles/previews.css',
      ],
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
        Search: './src/components/overrides/Search.astro',
      },
    }),
    handbook.integration,
    {
      // The index pages the windowed sidebar links to, at /_all/<kind>/: a folder no document
      // route can have (core/navigation/sidebar-window.ts).
      name: 'handbook-kind-index',
      hooks: {
        'astro:config:setup'({ injectRoute }) {
          injectRoute({
            pattern: `/${kindIndexFolder}/[kind]`,
            entrypoint: './src/pages/_kind-index.astro',
          })
        },
      },
    },
  ],
})
