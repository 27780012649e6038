import type { Heading, Paragraph, Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit, SKIP } from 'unist-util-visit'
import type { IndexOptions } from '../options.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { getPageData, type PageData } from '../../core/page-data.ts'
import type { DocIndex } from '../../core/documents/types.ts'
import { neutralizeActiveHtml } from '../../core/markdown/active-html.ts'
import { rewriteRepositoryLink } from '../../core/links.ts'
import { findRestatedTitle } from './title-heading.ts'

/** Options of `remarkDocumentPage`: the index and the base path. */
export type Options = IndexOptions

/**
 * Turns a repository file into a page with exactly one `<h1>`, Starlight's
 * title: drops the `# heading` that became the page title, or that opens the
 * body only to restate a title taken from `title` or `name` (`# Engineer
 * Agent` under "Engineer"), and renders every other `# heading` as a section
 * (`<h2>`). Points links between repository files
 * (`[SOP](../ENGINEERING_SOP.md#4-errors)`) at their pages. Links to markdown
 * files that are not configured are reported.
 */
export function remarkDocumentPage(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const { index } = options.store.get()
    const dropped: Heading[] = []
    setDroppedTitles(file, dropped)
    if (page.titleLine === undefined) dropRestatedTitle(tree, page, index, dropped)
    for (const { node, found } of neutralizeActiveHtml(tree)) {
      file.message(
        node.type === 'html'
          ? `Unexpected \`${found}\` in raw HTML: the page shows this HTML as code instead of running it.`
          : `Unexpected \`${found}\` URL: the link is kept as text only.`,
        { place: node.position, ruleId: 'unsafe-html', source: messageSource },
      )
    }
    visit(tree, (node, position, parent) => {
      if (
        node.type === 'heading' &&
        node.depth === 1 &&
        page.titleLine !== undefined &&
        node.position?.start.line === page.titleLine &&
        parent &&
        position !== undefined
      ) {
        parent.children.splice(position, 1)
        dropped.push(node)
        return [SKIP, position]
      }
      // The page's one h1 is Starlight's title; the author's other top-level headings are sections.
      if (node.type === 'heading' && node.depth === 1) node.depth = 2
      if (node.type !== 'link') return undefined
      const rewrite = rewriteRepositoryLink(node.url, page.path, index, base)
      if (rewrite.status === 'page') {
        // The link plugins read the author's URL to see which document a link names.
        node.data = { ...node.data, sourceUrl: node.url } as typeof node.data
        node.url = rewrite.url
        const fragment = rewrite.fragment
        if (fragment && !rewrite.document.headings.some((heading) => heading.id === fragment)) {
          const message = file.message(
            `Unexpected anchor \`#${fragment}\` in a link to \`${rewrite.document.path}\`: no heading there has that id.`,
            { place: node.position, ruleId: 'unknown-link-anchor', source: messageSource },
          )
          message.fatal = false
        }
      } else if (rewrite.status === 'missing') {
        file.message(
          `Unexpected link to \`${rewrite.target}\`: it is not a configured document; add it to \`documents\` or fix the path.`,
          { place: node.position, ruleId: 'unknown-link-target', source: messageSource },
        )
      }
      return undefined
    })
  }
}

/**
 * Replaces an opening `# heading` that restates the page title with an empty
 * anchor carrying the heading's id, so that links to it still land and every
 * heading the index knows is still on the page.
 */
function dropRestatedTitle(tree: Root, page: PageData, index: DocIndex, dropped: Heading[]): void {
  const heading = findRestatedTitle(tree, page.title)
  if (!heading?.position) return
  dropped.push(heading)
  const line = heading.position.start.line + page.lineOffset
  const id = index.documentsByPath
    .get(page.path)
    ?.headings.find((candidate) => candidate.line === line)?.id
  const anchor: Paragraph = {
    type: 'paragraph',
    children: [],
    data: { hName: 'span', hProperties: { id, className: ['hb-anchor'] } },
  }
  tree.children.splice(tree.children.indexOf(heading), 1, ...(id ? [anchor] : []))
}

/** Where the headings this plugin drops are kept on the page's file. */
const droppedTitlesKey = 'handbookDroppedTitles'

function setDroppedTitles(file: VFile, headings: Heading[]): void {
  ;(file.data as Record<string, unknown>)[droppedTitlesKey] = headings
}

/**
 * The `# heading`s this plugin took out of the page because Starlight shows them as its title.
 * They are still the author's text: the link plugin counts what they cite, as the citation
 * index always has.
 */
export function getDroppedTitles(file: VFile): Heading[] {
  return ((file.data as Record<string, unknown>)[droppedTitlesKey] as Heading[] | undefined) ?? []
}
