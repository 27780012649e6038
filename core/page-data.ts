import type { VFile } from 'vfile'
import type { DocumentKind } from './config/schema.ts'
import type { DescribedSource } from './documents/describe.ts'

/**
 * What the content loader tells the markdown plugins about the page being
 * rendered. It travels in the frontmatter Astro hands to plugins
 * (`file.data.astro.frontmatter.handbook`), because Astro passes plugins only
 * the body: positions are body-relative and the file's own frontmatter is gone.
 */
export interface PageData {
  /** Document path relative to the content root. */
  path: string
  route: string
  kind: DocumentKind
  /** The page title Starlight renders as the page's one `<h1>`. */
  title?: string
  /** Add to a markdown line to get the author's line in the source file. */
  lineOffset: number
  /** Markdown line of the `# heading` used as the page title, if any: it is not rendered again. */
  titleLine?: number
}

/** The page data of a file rendered by our loader; undefined for any other markdown. */
export function getPageData(file: VFile): PageData | undefined {
  const frontmatter = file.data.astro?.frontmatter as { handbook?: PageData } | undefined
  return frontmatter?.handbook
}

/** The page data of a described source. */
export function toPageData(source: DescribedSource): PageData {
  return {
    path: source.path,
    route: source.route,
    kind: source.kind,
    title: source.title,
    // Astro strips the frontmatter block we add and leaves one newline.
    lineOffset: source.bodyLineOffset - 1,
    ...(source.titleLine === undefined ? {} : { titleLine: source.titleLine + 1 }),
  }
}

/**
 * The markdown handed to the renderer: the body behind a frontmatter block
 * that carries the page data (JSON is YAML). Astro parses that block into
 * `file.data.astro.frontmatter` and strips it, leaving one newline.
 */
export function toRenderInput(source: DescribedSource): string {
  return `---\n${JSON.stringify({ handbook: toPageData(source) })}\n---\n${source.body}`
}
