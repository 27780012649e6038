import { relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Loader } from 'astro/loaders'
import { z } from 'astro/zod'
import { loadHandbookConfig } from '../io/load-config.ts'
import type { DescribedSource } from '../core/documents/describe.ts'
import { readDocumentSources } from '../io/load-index.ts'
import { HandbookError } from '../core/errors.ts'
import { toRenderInput } from '../core/page-data.ts'
import { renderOrder } from '../core/documents/render-order.ts'
import { toDeferredPagePath } from './deferred-pages.ts'
import { clearRenderedPages, renderedPagesFolder, writeRenderedPage } from './rendered-pages.ts'

/** Options of `handbookLoader`. */
export interface Options {
  /** Absolute path of the folder that holds `handbook.config.json`. */
  contentRoot: string
  /**
   * Whether pages are rendered when first asked for instead of while loading
   * (entries stored with `deferredRender`; the integration's
   * `createDeferredPages` plugin renders them). Needs that plugin.
   * @default true under `astro dev` (the loader is given a watcher), false otherwise
   */
  renderOnRequest?: boolean
}

/** Extra entry data our pages read; merged into Starlight's docs schema. */
export const handbookEntrySchema = z.object({
  handbook: z
    .object({
      path: z.string(),
      kind: z.enum(['sop', 'requirements', 'role', 'design', 'guide']),
      name: z.string().optional(),
      color: z.string().optional(),
    })
    .optional(),
})

/**
 * Loads the configured documents into Starlight's `docs` collection as they
 * are: titles derived (no Starlight frontmatter needed), uppercase `.MD`
 * and dot-folders included, each rendered with the project's markdown
 * pipeline. Unlike `glob()`, a rendering error here fails the build (after
 * every other page is stored) instead of shipping an empty page. Under
 * `astro dev` the entries are stored unrendered and each page renders when
 * first asked for, so the server answers at once whatever the handbook's size.
 */
export function handbookLoader(options: Options): Loader {
  return {
    name: 'handbook-loader',
    async load({ store, parseData, renderMarkdown, logger, watcher, config: astroConfig }) {
      const siteRoot = fileURLToPath(astroConfig.root)
      const config = loadHandbookConfig(options.contentRoot)
      const { described } = readDocumentSources(options.contentRoot, config)
      // `astro dev` (the only command with a watcher) serves its first page without rendering
      // every document first; a build renders each one here, and fails on any render error.
      const renderOnRequest = options.renderOnRequest ?? watcher !== undefined
      // A build keeps each page's HTML in a file of its own, not in the content store
      // (integration/rendered-pages.ts says why); the page plugin reads it back.
      const pagesFolder =
        !renderOnRequest && astroConfig.cacheDir
          ? renderedPagesFolder(astroConfig.cacheDir)
          : undefined
      if (pagesFolder) clearRenderedPages(pagesFolder)
      const failures: string[] = []
      const entries = new Map<string, Parameters<typeof store.set>[0]>()
      const writes: Promise<void>[] = []
      // Pages that cite others render before the pages that show those citations
      // (the link plugin records citations while it renders).
      for (const source of renderOrder(described)) {
        const data = await parseData({
          id: source.route,
          data: {
            title: source.title,
            ...(source.description ? { description: source.description } : {}),
            editUrl: config.editUrl ? `${config.editUrl}${encodeURI(source.path)}` : false,
            head: [
              { tag: 'meta', attrs: { name: 'handbook:source', content: source.path } },
              // Starlight writes its <title> unescaped (`set:html`), and titles come from
              // authors' files: `</title><script>` must stay text. Same words, escaped.
              { tag: 'title', content: escapeHtml(`${source.title} | ${config.title}`) },
            ],
            handbook: {
              path: source.path,
              kind: source.kind,
              ...(source.name ? { name: source.name } : {}),
              ...(source.color ? { color: source.color } : {}),
            },
          },
          filePath: source.absolutePath,
        })
        if (renderOnRequest) {
          // No HTML yet: Astro imports the page's module when a page renders the entry, and the
          // integration's plugin renders it then (integration/deferred-pages.ts), from the
          // index's source, so the entry needs no `body`.
          entries.set(source.route, toDeferredEntry(source, data))
          continue
        }
        const markdown = toRenderInput(source)
        let rendered
        try {
          rendered = await renderMarkdown(markdown, { fileURL: pathToFileURL(source.absolutePath) })
        } catch (error) {
          const reason =
            error instanceof Error ? error.message.split('\n').slice(-3).join(' ') : String(error)
          failures.push(`${source.path}: rendering failed: ${reason}`)
          continue
        }
        // Images in a page are resolved by Astro from the stored rendering: such a page stays there.
        const metadata = rendered.metadata
        const hasImages = ['imagePaths', 'localImagePaths', 'remoteImagePaths'].some(
          (key) => ((metadata?.[key] as unknown[] | undefined)?.length ?? 0) > 0,
        )
        if (pagesFolder && !hasImages) {
          const written = writeRenderedPage(pagesFolder, source.route, {
            html: rendered.html,
            headings: metadata?.headings ?? [],
            frontmatter: metadata?.frontmatter ?? {},
          })
          writes.push(
            written.catch((error: unknown) => {
              failures.push(`${source.path}: its page could not be written: ${String(error)}`)
            }),
          )
          // No `body` either: nothing reads it once the page is rendered, and it was 90% of
          // what the store still held (4.5 MB at 1000 pages), which every build loads as code.
          entries.set(source.route, toDeferredEntry(source, data))
          continue
        }
        entries.set(source.route, {
          id: source.route,
          data,
          body: source.body,
          rendered,
          // Astro wants the path relative to the project root.
          filePath: relative(siteRoot, source.absolutePath),
          digest: source.path,
        })
      }
      await Promise.all(writes)
      // Stored in the index's order, as before: the collection's order does not
      // depend on the render order.
      store.clear()
      for (const source of described) {
        const entry = entries.get(source.route)
        if (entry) store.set(entry)
      }
      if (failures.length > 0) {
        const message = `${failures.length} document(s) could not be rendered:\n${failures.join('\n')}`
        // The dev server keeps serving the other pages; a build must not pass.
        if (watcher) logger.error(message)
        else throw new HandbookError(message)
      }
    },
  }
}

/**
 * The entry of a page whose module Astro imports when the page renders it: the page plugin
 * (integration/deferred-pages.ts) answers for `filePath`, rendering the page in `astro dev` and
 * reading the loader's file in a build.
 */
function toDeferredEntry(source: DescribedSource, data: Record<string, unknown>) {
  return {
    id: source.route,
    data,
    filePath: toDeferredPagePath(source.route),
    deferredRender: true,
    digest: source.path,
  }
}

/** Text as HTML that reads back as the same text. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
