import type { Code, Html, InlineCode, Parent, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Raw HTML or a URL in a document that could run code in the reader's browser. */
export interface ActiveHtml {
  /** The node as it was, for its position. */
  node: Html | { type: 'link' | 'image' | 'definition'; url: string; position?: Html['position'] }
  /** What was found: `<script>`, `onerror=`, `javascript:`. */
  found: string
}

/** Elements that run or load code, or take over the page (`<base>`, `<meta http-equiv>`). */
const activeElement =
  /<\/?(script|style|iframe|frame|frameset|object|embed|applet|base|meta|link|form)(?=[\s/>]|$)/i
/** An event handler attribute in a tag: `<img src=x onerror=…>`. */
const eventAttribute = /<[a-z][^>]*?[\s"'/](on[a-z]+)\s*=/i
/** A URL that runs code when followed: `javascript:`, `vbscript:`, `data:text/html`. */
const activeUrl =
  /^[\s\u0000-\u001f]*(?:(javascript|vbscript)[\s\u0000-\u001f]*:|(data)[\s\u0000-\u001f]*:[\s\u0000-\u001f]*text\/html)/i
/** The same URLs as an attribute value in raw HTML. */
const activeUrlInHtml =
  /=\s*["']?[\s\u0000-\u001f]*(?:(javascript|vbscript)[\s\u0000-\u001f]*:|(data)[\s\u0000-\u001f]*:[\s\u0000-\u001f]*text\/html)/i

/** What in a piece of raw HTML could run code, if anything: `<script>`, `onerror=`, `javascript:`. */
export function findActiveHtml(html: string): string | undefined {
  // Character references hide nothing: `&#106;avascript:` is `javascript:`.
  const value = html.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) =>
    String.fromCodePoint(
      Math.min(
        0x10ffff,
        code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code),
      ),
    ),
  )
  const element = activeElement.exec(value)
  if (element) return `<${element[1]!.toLowerCase()}>`
  const handler = eventAttribute.exec(value)
  if (handler) return `${handler[1]!.toLowerCase()}=`
  const url = activeUrlInHtml.exec(value)
  if (url) return `${(url[1] ?? url[2])!.toLowerCase()}:`
  return undefined
}

/**
 * Makes raw HTML that could run code inert, in place: such an HTML block
 * becomes an `html` code block and such an inline tag inline code, both
 * showing exactly what the author wrote; a link, image or definition whose
 * URL runs code (`javascript:`) loses the URL. Everything else in raw HTML
 * (`<details>`, `<br>`, `<kbd>`) stays HTML. Markdown documents come from
 * many authors; the pages must not run their scripts. Pure apart from the
 * tree it edits; returns what it changed. The document index runs it too,
 * so that headings read the same there as on the page. Given the text the
 * tree was parsed from, a text that cannot hold any of it is not walked.
 */
export function neutralizeActiveHtml(tree: Root, source?: string): ActiveHtml[] {
  const found: ActiveHtml[] = []
  if (source !== undefined && !mayHoldActiveCode(source)) return found
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const match = activeUrl.exec(node.url)
      if (match) {
        const url = { type: node.type, url: node.url, ...positionOf(node) }
        found.push({ node: url, found: `${(match[1] ?? match[2])!.toLowerCase()}:` })
        node.url = ''
      }
      return undefined
    }
    if (node.type !== 'html' || !parent || index === undefined) return undefined
    const what = findActiveHtml(node.value)
    if (!what) return undefined
    found.push({ node, found: what })
    const inert: Code | InlineCode = isBlockParent(parent)
      ? { type: 'code', lang: 'html', meta: null, value: node.value, ...positionOf(node) }
      : { type: 'inlineCode', value: node.value, ...positionOf(node) }
    parent.children.splice(index, 1, inert as never)
    return undefined
  })
  return found
}

/**
 * Whether a document's text could hold raw HTML or a URL that runs code: it needs a `<`, or a
 * scheme name before a colon, where a character reference (`&`) or a backslash escape may
 * hide the letters or the colon. Most documents have none of these, and need no walk.
 */
function mayHoldActiveCode(source: string): boolean {
  return /[<&\\]|(?:javascript|vbscript|data)[\s\u0000-\u001f]*:/i.test(source)
}

function isBlockParent(parent: Parent): boolean {
  return ['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type)
}

function positionOf(node: { position?: Html['position'] }) {
  return node.position ? { position: node.position } : {}
}
