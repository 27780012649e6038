import { analyzePage } from '../core/analysis/analyze-page.ts'
import { explainLine } from '../core/analysis/explain.ts'
import { findDocument } from '../core/documents/names.ts'
import { parseIndexedDocument } from '../core/documents/build-index.ts'
import { HandbookError } from '../core/errors.ts'
import { loadHandbookConfig, resolveContentRoot } from '../io/load-config.ts'
import { createIndexStore } from '../io/index-store.ts'

/**
 * `npm run check -- --explain FILE:LINE`: how each reference on that line of
 * that document was read and resolved (see `explainLine`).
 */
export function runExplain(target: string, contentRoot = resolveContentRoot()): string[] {
  const match = /^(.+):(\d+)$/u.exec(target)
  if (!match) {
    throw new HandbookError(
      `Unexpected --explain \`${target}\`, expected FILE:LINE, e.g. \`.agents/engineer.md:42\`.`,
    )
  }
  const [, file, lineText] = match
  const store = createIndexStore(contentRoot, loadHandbookConfig(contentRoot))
  const built = store.get()
  const lookup = findDocument(built.index, file!.replace(/^\.\//u, ''))
  if (lookup.status !== 'found') {
    throw new HandbookError(
      `Unexpected --explain file \`${file}\`: ${lookup.status === 'ambiguous' ? 'it names several documents; write its path' : 'it is not a configured document'}.`,
    )
  }
  const document = lookup.document
  const tree = parseIndexedDocument(built.index, document.path)
  if (!tree) return [`${document.path}: not read`]
  const analysis = analyzePage(tree, document, built.index)
  return explainLine(analysis, Number(lineText), document.bodyLineOffset)
}
