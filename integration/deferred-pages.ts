import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { AstroConfig } from 'astro'
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite'
import type { HandbookIndex, IndexStore } from '../core/handbook-index.ts'
import { toPageData } from '../core/page-data.ts'
import type { DescribedSource } from '../core/documents/describe.ts'
import { renderedPageFile, renderedPagesFolder } from './rendered-pages.ts'

// The generated module of a built page reads its file with `readRenderedPage`, from here.
const renderedPagesModule = fileURLToPath(new URL('./rendered-pages.ts', import.meta.url))

// A document's entry points here (`filePath`, relative to the site root) when its page renders
// on request. No file is ever written: the plugin below answers for these paths.
const folder = '.handbook-pages'
const extension = '.handbook-page'
const pathPattern = new RegExp(
  `/${folder.replace('.', '\\.')}/(.+)${extension.replace('.', '\\.')}$`,
)
const idPrefix = '\0handbook-page:'
// The query of the module that holds a page's HTML, which the entry's module imports when run.
const htmlQuery = 'handbook-html'
const htmlIdPrefix = '\0handbook-page-html:'

/**
 * The `filePath` of a document's entry in `astro dev`, where the loader
 * stores entries with `deferredRender` and no HTML. Astro imports a deferred
 * entry's module from its `filePath` when a page renders it
 * (`render(entry)`), and `createDeferredPagesPlugin` answers that import.
 */
export function toDeferredPagePath(route: string): string {
  return `${folder}/${route}${extension}`
}

/** The URL the entry's module imports a page's HTML from (served by the plugin, like the entry). */
export function toRenderedPageUrl(route: string): string {
  return `/${toDeferredPagePath(route)}?${htmlQuery}`
}

/** The markdown settings a page is rendered with: Astro's own, from `astro:config:done`. */
export type MarkdownSettings = Pick<AstroConfig, 'markdown' | 'image'> &
  Partial<Pick<AstroConfig, 'cacheDir'>>

/**
 * Where a page's HTML comes from: `render` on request (`astro dev`), or `read` from the
 * file the content loader wrote when it rendered the page (`astro build`).
 */
export type PageSource = 'render' | 'read'

/** A Vite plugin that renders a document's page when Astro first asks for it. */
export interface DeferredPages {
  plugin: Plugin
  /** Tells the plugin Astro's settings and the command's page source; call once, before any page renders. */
  configure(settings: MarkdownSettings, source?: PageSource): void
  /** Forgets every page rendered so far (after a content change: any page may link to it). */
  invalidate(server: ViteDevServer): void
}

/**
 * Renders documents on request in `astro dev`, so the server answers its
 * first page without rendering the whole handbook. Each page is rendered
 * once, as the build renders it (`renderMarkdown` in the content loader):
 * the same markdown processor and plugins, the body after one newline, the
 * page data as frontmatter, and the source file's own URL (Starlight's
 * transforms run only for files in its `processedDirs`). The document comes
 * from the current index, so a page always matches the index the plugins
 * link against; `invalidate` drops the rendered pages when it changes.
 *
 * The entry's module only imports the rendered page when it runs, by a specifier Vite cannot
 * follow: Astro's dev server collects a page's styles by transforming every module the page
 * imports, statically or not, and the content layer's list of deferred entries imports every
 * entry, so a module that rendered when transformed had the first request render the whole
 * handbook (about 45 s at 1000 pages). Pages import no styles, so nothing is missed.
 */
export function createDeferredPages(store: IndexStore): DeferredPages {
  let settings: MarkdownSettings | undefined
  let pageSource: PageSource = 'render'
  let renderer: ReturnType<AstroConfig['markdown']['processor']['createRenderer']> | undefined
  const loaded = new Set<string>()
  // Each page asks for its document by route: one table per index, not a search per page.
  const byRoute = new WeakMap<HandbookIndex, Map<string, DescribedSource>>()
  const findSource = (route: string) => {
    const built = store.get()
    let routes = byRoute.get(built)
    if (!routes) {
      routes = new Map([...built.sources.values()].map((source) => [source.route, source]))
      byRoute.set(built, routes)
    }
    return routes.get(route)
  }

  const render = async (source: DescribedSource) => {
    if (!settings) throw new Error('The handbook pages were asked for before Astro was configured.')
    const { markdown, image } = settings
    // The options Astro's content layer gives the renderer behind `renderMarkdown`.
    renderer ??= markdown.processor.createRenderer({
      image,
      syntaxHighlight: markdown.syntaxHighlight,
      shikiConfig: markdown.shikiConfig,
      gfm: markdown.gfm,
      smartypants: markdown.smartypants,
    })
    // `renderMarkdown(toRenderInput(source))` strips the frontmatter block and keeps one newline.
    return (await renderer).render(`\n${source.body}`, {
      frontmatter: { handbook: toPageData(source) },
      fileURL: pathToFileURL(join(store.contentRoot, source.path)),
    })
  }

  return {
    configure(given, source = 'render') {
      settings = given
      pageSource = source
      renderer = undefined
    },
    invalidate(server) {
      for (const environment of Object.values(server.environments)) {
        for (const id of loaded) {
          const module = environment.moduleGraph.getModuleById(id)
          if (module) environment.moduleGraph.invalidateModule(module)
          // The server runs pages in a module runner with its own cache of evaluated modules.
          if (isRunnableDevEnvironment(environment)) {
            const { evaluatedModules } = environment.runner
            const evaluated = evaluatedModules.getModuleById(id)
            if (evaluated) evaluatedModules.invalidateModule(evaluated)
          }
        }
      }
      loaded.clear()
    },
    plugin: {
      name: 'handbook-deferred-pages',
      enforce: 'pre',
      resolveId(id) {
        const [path = '', query = ''] = id.split('?')
        const route = pathPattern.exec(path)?.[1]
        if (route === undefined) return undefined
        return `${new URLSearchParams(query).has(htmlQuery) ? htmlIdPrefix : idPrefix}${route}`
      },
      async load(id) {
        const prefix = [idPrefix, htmlIdPrefix].find((candidate) => id.startsWith(candidate))
        if (!prefix) return undefined
        const route = id.slice(prefix.length)
        const source = findSource(route)
        if (!source) throw new Error(`No handbook document has the route \`/${route}/\`.`)
        if (prefix === idPrefix && pageSource === 'read') {
          if (!settings?.cacheDir)
            throw new Error('The handbook pages were asked for before Astro was configured.')
          // The loader rendered the page during the content sync; its module reads that file
          // when the page is generated, so neither the store nor the bundle holds the HTML.
          const file = renderedPageFile(renderedPagesFolder(settings.cacheDir), route)
          return toPageModule(
            [
              `import { readRenderedPage } from ${JSON.stringify(renderedPagesModule)}`,
              `const page = readRenderedPage(${JSON.stringify(file)})`,
            ],
            { html: 'page.html', frontmatter: 'page.frontmatter', headings: 'page.headings' },
          )
        }
        if (prefix === idPrefix) {
          loaded.add(id)
          // The module Astro's `render(entry)` expects of a deferred entry; the specifier is a
          // variable so that Vite does not transform (render) the page before it runs.
          return [
            `const url = ${JSON.stringify(toRenderedPageUrl(route))}`,
            'const page = await import(/* @vite-ignore */ url)',
            'export const frontmatter = page.frontmatter',
            'export const getHeadings = page.getHeadings',
            'export const Content = page.Content',
            'export default page.Content',
          ].join('\n')
        }
        const { code: html, metadata } = await render(source)
        loaded.add(id)
        return toPageModule([`const html = ${JSON.stringify(html)}`], {
          html: 'html',
          frontmatter: JSON.stringify(metadata.frontmatter),
          headings: JSON.stringify(metadata.headings),
        })
      },
    },
  }
}

/**
 * A page's module as Astro's `render(entry)` expects it: the same component Astro makes of a
 * stored entry's HTML. `setup` declares what the expressions read.
 */
function toPageModule(
  setup: string[],
  page: { html: string; frontmatter: string; headings: string },
): string {
  return [
    `import { createComponent, render, unescapeHTML } from 'astro/runtime/server/index.js'`,
    ...setup,
    `export const frontmatter = ${page.frontmatter}`,
    `export function getHeadings() { return ${page.headings} }`,
    `export const Content = createComponent(() => render\`\${unescapeHTML(${page.html})}\`)`,
    'export default Content',
  ].join('\n')
}
