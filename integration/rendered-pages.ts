import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * What a page's module needs of a rendering: the HTML and the metadata
 * `render(entry)` hands on (headings for the table of contents, the
 * frontmatter plugins saw).
 */
export interface RenderedPage {
  html: string
  headings: unknown[]
  frontmatter: Record<string, unknown>
}

/**
 * The folder, inside Astro's cache folder, where a build keeps each page's
 * rendered HTML between the content sync that renders it and the page
 * generation that writes it out.
 *
 * Why not in Astro's content store, as loaders usually do: the store is
 * serialized whole after the sync and bundled as one module holding one
 * string, which Node then loads before the first page. Our pages' HTML is
 * about 40 MB at 1000 pages; loading a module with a string literal that
 * size took 30 s here, at 3000 pages (160 MB) 4 min, growing faster than
 * the string. Astro's chunked store (`experimental.collectionStorage`)
 * avoids the load but serializes character by character after every batch
 * of entries, which made the 1000-page sync 5× slower (BENCHMARKS.md). One
 * file per page costs a write and a read per page and nothing else.
 */
export function renderedPagesFolder(cacheDir: URL | string): string {
  const folder = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir)
  return join(folder, 'handbook-pages')
}

/** The file of one page in the folder: the route, flattened into one file name. */
export function renderedPageFile(folder: string, route: string): string {
  return join(folder, `${encodeURIComponent(route)}.html`)
}

/** Empties the folder before a sync renders every page again (a removed document leaves nothing). */
export function clearRenderedPages(folder: string): void {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
}

/**
 * Writes a page: one line of JSON (headings and frontmatter), then the HTML as it is, so
 * neither side converts 40 MB of HTML to and from JSON. The write runs in the background;
 * await the promise before the pages are read.
 */
export function writeRenderedPage(
  folder: string,
  route: string,
  page: RenderedPage,
): Promise<void> {
  const { html, ...metadata } = page
  return writeFile(renderedPageFile(folder, route), `${JSON.stringify(metadata)}\n${html}`)
}

/** Reads a page `writeRenderedPage` wrote (the generated module of a built page calls this). */
export function readRenderedPage(file: string): RenderedPage {
  return parseRenderedPage(readFileSync(file, 'utf8'))
}

function parseRenderedPage(text: string): RenderedPage {
  const newline = text.indexOf('\n')
  const metadata = JSON.parse(text.slice(0, newline)) as Omit<RenderedPage, 'html'>
  return { ...metadata, html: text.slice(newline + 1) }
}
