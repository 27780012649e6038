import { posix } from 'node:path'
import type { DocIndex, DocumentInfo, DocumentNameTable, HeadingInfo } from './types.ts'

export type { DocumentNameTable } from './types.ts'

/** How a name was found: see {@link findDocument}. */
export type NameMatch = 'link' | 'relative' | 'nearest' | 'stem' | 'only' | 'alias'

/** Result of looking a document name up. */
export type DocumentLookup =
  | { status: 'found'; document: DocumentInfo; match?: NameMatch }
  | { status: 'ambiguous'; candidates: DocumentInfo[] }
  | { status: 'missing' }

/** Where a name is written, for names that are local first. */
export interface FindDocumentOptions {
  /** Path of the citing document: file names are looked up relative to its folder first. */
  from?: string
  /**
   * The name is a link's URL (`[plan](./plan.md) §3`): only the path relative to the citing
   * document counts, so it is never ambiguous.
   * @default false
   */
  link?: boolean
  /**
   * A bare word right before `§` may be the base name of a document in the citing
   * document's folder (`research §3` for `research.md`).
   * @default false
   */
  stem?: boolean
}

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

/** A file name or a path, as opposed to a word that may be an alias. */
const pathLikePattern = /\/|\.[A-Za-z0-9]{1,9}$/u

/**
 * Finds the document a name refers to, local first like a relative link
 * (docs/authoring.md, "Document names"): a file name or path relative to the
 * citing document's folder, then the nearest document of that name going up
 * the folders, then the only document in the repository with that name or
 * configured alias. An exact match wins over one that differs in case, which
 * counts only when it is unambiguous.
 */
export function findDocument(
  index: DocIndex,
  rawName: string,
  options: FindDocumentOptions = {},
): DocumentLookup {
  const name = options.link ? toLinkPath(rawName) : normalizeDocumentName(rawName)
  if (name === '') return { status: 'missing' }
  // Looked up for every word next to a `§`: tables, not a scan of all documents.
  const names = index.names ?? buildDocumentNameTable(index.documents)
  if (options.from !== undefined) {
    const folder = posix.dirname(options.from)
    if (options.link || pathLikePattern.test(name)) {
      for (let dir = folder; ; dir = posix.dirname(dir)) {
        const path = posix.normalize(dir === '.' ? name : `${dir}/${name}`)
        const hit = path.startsWith('../') ? undefined : findByPath(names, path)
        if (hit) {
          const match = options.link ? 'link' : dir === folder ? 'relative' : 'nearest'
          return { status: 'found', document: hit, match }
        }
        if (options.link || dir === '.' || dir === '/') break
      }
      if (options.link) return { status: 'missing' }
    } else if (options.stem) {
      const sibling = names.stems.get(`${folder}/${name.toLowerCase()}`)
      if (sibling) return { status: 'found', document: sibling, match: 'stem' }
    }
  }
  const exact = names.exact.get(name) ?? []
  if (exact.length === 1)
    return { status: 'found', document: exact[0]!, match: matchOf(exact[0]!, name) }
  if (exact.length > 1) return { status: 'ambiguous', candidates: exact }
  const lower = name.toLowerCase()
  const folded = names.folded.get(lower) ?? []
  if (folded.length === 1)
    return { status: 'found', document: folded[0]!, match: matchOf(folded[0]!, name) }
  if (folded.length > 1) return { status: 'ambiguous', candidates: folded }
  // A path written with a leading folder the config does not show
  // (`docs/ENGINEERING_SOP.md` for `ENGINEERING_SOP.md`): match on the tail.
  const tail = lower.split('/').pop()!
  if (tail !== lower) return findDocument(index, tail)
  return { status: 'missing' }
}

/** A link's URL as a path: no query or fragment, percent-escapes decoded (`My%20Plan.md#x` → `My Plan.md`). */
function toLinkPath(url: string): string {
  const path = url.replace(/[?#].*$/su, '').replace(/^\.\//u, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function matchOf(document: DocumentInfo, name: string): NameMatch {
  const lower = name.toLowerCase()
  return document.path.toLowerCase() === lower ||
    posix.basename(document.path).toLowerCase() === lower
    ? 'only'
    : 'alias'
}

function findByPath(names: DocumentNameTable, path: string): DocumentInfo | undefined {
  const exact = names.paths.get(path)
  if (exact) return exact
  const folded = names.foldedPaths.get(path.toLowerCase()) ?? []
  return folded.length === 1 ? folded[0] : undefined
}

/** True for any name that refers to a configured document (found or ambiguous) from `from`. */
export function createIsDocumentName(index: DocIndex, from?: string): DocumentNamePredicate {
  const options = from === undefined ? {} : { from }
  const names = index.names ?? buildDocumentNameTable(index.documents)
  // Asked of nearly every capitalised word of a page: most are no name at all, and the set of
  // last segments says so without the local-first lookup.
  const isName: DocumentNamePredicate = (candidate) =>
    names.lastSegments.has(lastSegment(normalizeDocumentName(candidate))) &&
    findDocument(index, candidate, options).status !== 'missing'
  isName.maxWords = names.maxWords
  return isName
}

/**
 * Says whether a word or words name a document; `maxWords`, when known, is the most words a
 * name has, so that a reader of running text need not try longer runs.
 */
export type DocumentNamePredicate = ((candidate: string) => boolean) & { maxWords?: number }

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1).toLowerCase()
}

/** Indexes documents by their aliases; built once with the index. */
export function buildDocumentNameTable(documents: readonly DocumentInfo[]): DocumentNameTable {
  const table: DocumentNameTable = {
    exact: new Map(),
    folded: new Map(),
    paths: new Map(),
    foldedPaths: new Map(),
    stems: new Map(),
    lastSegments: new Set(),
    maxWords: 1,
  }
  const add = (map: Map<string, DocumentInfo[]>, key: string, document: DocumentInfo) => {
    const list = map.get(key)
    if (!list) map.set(key, [document])
    else if (!list.includes(document)) list.push(document)
  }
  for (const document of documents) {
    for (const alias of document.aliases) {
      add(table.exact, alias, document)
      add(table.folded, alias.toLowerCase(), document)
      table.lastSegments.add(lastSegment(alias))
      table.maxWords = Math.max(table.maxWords, alias.trim().split(/\s+/u).length)
    }
    table.paths.set(document.path, document)
    table.lastSegments.add(lastSegment(document.path))
    add(table.foldedPaths, document.path.toLowerCase(), document)
    const stem = posix
      .basename(document.path)
      .replace(/\.[^.]+$/u, '')
      .toLowerCase()
    table.stems.set(`${posix.dirname(document.path)}/${stem}`, document)
  }
  return table
}

/** All headings of a document that carry the given section number (its outline's, see `applyOutline`). */
export function findHeadingsByNumber(document: DocumentInfo, number: string): HeadingInfo[] {
  const wanted = number.toUpperCase()
  return document.headings.filter((heading) => heading.number?.toUpperCase() === wanted)
}

/** Every document whose outline has the section `number`, with its heading: one table look-up. */
export function findSectionCandidates(
  index: DocIndex,
  number: string,
): ReadonlyArray<{ document: DocumentInfo; heading: HeadingInfo }> {
  const wanted = number.toUpperCase()
  if (index.sectionsByNumber) return index.sectionsByNumber.get(wanted) ?? []
  return index.documents.flatMap((document) => {
    const heading = findHeadingsByNumber(document, number)[0]
    return heading ? [{ document, heading }] : []
  })
}

/** Builds the number → sections table, once per index. */
export function buildSectionTable(
  documents: readonly DocumentInfo[],
): Map<string, Array<{ document: DocumentInfo; heading: HeadingInfo }>> {
  const table = new Map<string, Array<{ document: DocumentInfo; heading: HeadingInfo }>>()
  for (const document of documents) {
    for (const heading of document.headings) {
      if (heading.number === undefined) continue
      const key = heading.number.toUpperCase()
      const list = table.get(key) ?? []
      // The first heading with a number is the section (a later duplicate is an author's slip).
      if (!list.some((entry) => entry.document === document)) list.push({ document, heading })
      table.set(key, list)
    }
  }
  return table
}
