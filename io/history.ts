import { relative, sep } from 'node:path'
import { h } from 'hastscript'
import {
  findFormerTitles,
  scanHeadings,
  type EarlierHeading,
  type EarlierVersion,
} from '../core/documents/former-titles.ts'
import type { DocIndex, DocumentInfo } from '../core/documents/types.ts'
import { createGitRunner, parseLogWithNames, readBlobs, type GitRunner } from './git.ts'
import { assignAstroHeadingIds } from './heading-ids.ts'

/** Options of {@link applySectionHistory}. */
export interface HistoryOptions {
  /**
   * Earlier versions read per document, newest first.
   * @default 5
   */
  versions?: number
  /** Runs git; tests pass their own. @default createGitRunner(contentRoot) */
  git?: GitRunner
}

/**
 * Reads, from the repository's history, the titles each numbered section had
 * before (docs/authoring.md, "Stale references": renamed sections), and
 * records them on the index's headings as `formerTitles`. One `git log` for
 * the content folder and one `git cat-file --batch` for every version read.
 * The last commit counts as an earlier version too, so a rename made in the
 * working tree is seen while editing. Outside a git repository, nothing.
 */
export function applySectionHistory(
  index: DocIndex,
  contentRoot: string,
  options: HistoryOptions = {},
): void {
  const git = options.git ?? createGitRunner(contentRoot)
  const limit = options.versions ?? 5
  const top = git(['rev-parse', '--show-toplevel'])
  if (!top.ok) return
  const root = top.stdout.toString('utf8').trim()
  const toGitPath = (document: DocumentInfo) =>
    relative(root, document.absolutePath).split(sep).join('/')
  const numbered = index.documents.filter((document) =>
    document.headings.some((heading) => heading.number !== undefined),
  )
  if (numbered.length === 0) return
  const wanted = new Map(numbered.map((document) => [toGitPath(document), document]))

  // Newest first: each commit's hash and date, then the files it changed.
  const log = git(['log', '-n', '500', '--format=%x01%h %cs', '--name-only', '-z', '--', '.'])
  if (!log.ok) return
  const versions = new Map<string, Array<{ commit: string; date: string }>>()
  for (const { header, paths } of parseLogWithNames(log.stdout)) {
    const [hash, date] = header.split(' ')
    const commit = { commit: hash!, date: date ?? '' }
    for (const path of paths) {
      if (!wanted.has(path)) continue
      const list = versions.get(path) ?? []
      if (list.length < limit) list.push(commit)
      versions.set(path, list)
    }
  }
  const requests = [...versions].flatMap(([path, list]) =>
    list.map((version) => `${version.commit}:${path}`),
  )
  if (requests.length === 0) return
  const blobs = readBlobs(git, requests)
  for (const [path, list] of versions) {
    const document = wanted.get(path)!
    const earlier: EarlierVersion[] = list.flatMap((version) => {
      const text = blobs.get(`${version.commit}:${path}`)
      return text === undefined ? [] : [{ ...version, headings: scanHeadings(text) }]
    })
    const former = findFormerTitles(document, earlier, toHeadingIds)
    for (const heading of document.headings) {
      const titles =
        heading.number === undefined ? undefined : former.get(heading.number.toUpperCase())
      if (titles && titles.length > 0) heading.formerTitles = titles
    }
  }
}

/** The ids the renderer gives these headings, in order (Astro's own slugger, one page). */
function toHeadingIds(headings: EarlierHeading[]): string[] {
  return assignAstroHeadingIds({
    type: 'root',
    children: headings.map((heading) => h(`h${heading.depth}`, heading.text)),
  }).map((heading) => heading.slug)
}
