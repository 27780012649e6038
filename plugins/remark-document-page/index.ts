import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit, SKIP } from 'unist-util-visit'
import type { IndexOptions } from '../options.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { getPageData } from '../../core/page-data.ts'
import { neutralizeActiveHtml } from '../../core/markdown/active-html.ts'
import { rewriteRepositoryLink } from '../../core/links.ts'

/** Options of `remarkDocumentPage`: the index and the base path. */
export type Options = IndexOptions

/**
 * Turns a repository file into a page: drops the `# heading` that became the
 * page title (Starlight renders the title itself), and points links between
 * repository files (`[SOP](../ENGINEERING_SOP.md#4-errors)`) at their pages.
 * Links to markdown files that are not configured are reported.
 */
export function remarkDocumentPage(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const { index } = options.store.get()
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
        return [SKIP, position]
      }
      if (node.type !== 'link') return undefined
      const rewrite = rewriteRepositoryLink(node.url, page.path, index, base)
      if (rewrite.status === 'page') {
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
