import type { DocIndex, DocumentInfo, DocumentNameTable, HeadingInfo } from './types.ts'

export type { DocumentNameTable } from './types.ts'

/** Result of looking a document name up. */
export type DocumentLookup =
  | { status: 'found'; document: DocumentInfo }
  | { status: 'ambiguous'; candidates: DocumentInfo[] }
  | { status: 'missing' }

/**
 * Normalises a document name as authors write it: drops backticks, bold
 * markers, a leading `./`, a trailing `'s` and surrounding punctuation.
 */
export function normalizeDocumentName(name: string): string {
  return name
    .trim()
    .replace(/^[`*_"'([]+|[`*_"')\]:,;.]+$/g, '')
    .replace(/['’]s$/u, '')
    .replace(/^\.\//, '')
}

/**
 * Finds the document a name refers to. An exact match on a file name, path or
 * configured alias wins; otherwise a case-insensitive match is accepted only
 * when exactly one document has it.
 */
export function findDocument(index: DocIndex, rawName: string): DocumentLookup {
  const name = normalizeDocumentName(rawName)
  if (name === '') return { status: 'missing' }
  // Looked up for every word next to a `§`: a table, not a scan of all documents.
  const names = index.names ?? buildDocumentNameTable(index.documents)
  const exact = names.exact.get(name) ?? []
  if (exact.length === 1) return { status: 'found', document: exact[0]! }
  if (exact.length > 1) return { status: 'ambiguous', candidates: exact }
  const lower = name.toLowerCase()
  const folded = names.folded.get(lower) ?? []
  if (folded.length === 1) return { status: 'found', document: folded[0]! }
  if (folded.length > 1) return { status: 'ambiguous', candidates: folded }
  // A path written with a leading folder the config does not show
  // (`docs/ENGINEERING_SOP.md` for `ENGINEERING_SOP.md`): match on the tail.
  const tail = lower.split('/').pop()!
  if (tail !== lower) return findDocument(index, tail)
  return { status: 'missing' }
}

/** Indexes documents by their aliases; built once with the index. */
export function buildDocumentNameTable(documents: readonly DocumentInfo[]): DocumentNameTable {
  const table: DocumentNameTable = { exact: new Map(), folded: new Map() }
  const add = (map: Map<string, DocumentInfo[]>, key: string, document: DocumentInfo) => {
    const list = map.get(key)
    if (!list) map.set(key, [document])
    else if (!list.includes(document)) list.push(document)
  }
  for (const document of documents) {
    for (const alias of document.aliases) {
      add(table.exact, alias, document)
      add(table.folded, alias.toLowerCase(), document)
    }
  }
  return table
}

/** All headings of a document that carry the given section number. */
export function findHeadingsByNumber(document: DocumentInfo, number: string): HeadingInfo[] {
  const wanted = number.toUpperCase()
  return document.headings.filter((heading) => heading.number?.toUpperCase() === wanted)
}
