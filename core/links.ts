import { posix } from 'node:path'
import { findDocument } from './documents/names.ts'
import type { DocIndex, DocumentInfo } from './documents/types.ts'

/** Where a link between repository files should go on the site. */
export type LinkRewrite =
  | { status: 'page'; url: string; document: DocumentInfo; fragment?: string }
  | { status: 'missing'; target: string }
  | { status: 'unchanged' }

const markdownExtension = /\.(md|markdown)$/i

/**
 * Maps a link as written in a repository file (`../ENGINEERING_SOP.md#4-errors`)
 * to the page of the document it names. Links with a scheme, absolute paths,
 * pure fragments and links to files that are not markdown stay as they are.
 */
export function rewriteRepositoryLink(
  url: string,
  fromPath: string,
  index: DocIndex,
  base: string,
): LinkRewrite {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#') || url === '')
    return { status: 'unchanged' }
  const [pathPart = '', ...rest] = url.split('#')
  const fragment = rest.length > 0 ? rest.join('#') : undefined
  const cleanPath = safeDecode(pathPart.split('?')[0] ?? '')
  if (!markdownExtension.test(cleanPath)) return { status: 'unchanged' }
  const target = posix.normalize(posix.join(posix.dirname(fromPath), cleanPath))
  const document =
    index.documentsByPath.get(target) ??
    index.documents.find((candidate) => candidate.path.toLowerCase() === target.toLowerCase())
  if (!document) {
    // A link written from the repository root's point of view still names a document.
    const byName = findDocument(index, cleanPath)
    if (byName.status !== 'found') return { status: 'missing', target }
    return pageLink(byName.document, base, fragment)
  }
  return pageLink(document, base, fragment)
}

function pageLink(document: DocumentInfo, base: string, fragment?: string): LinkRewrite {
  const url = `${joinBase(base, document.route)}${fragment ? `#${fragment}` : ''}`
  return { status: 'page', url, document, ...(fragment === undefined ? {} : { fragment }) }
}

/** `/handbook/` + `agents/engineer` → `/handbook/agents/engineer/`. */
export function joinBase(base: string, route: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`
  return route ? `${prefix}${route}/` : prefix
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
