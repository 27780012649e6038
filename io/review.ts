import { readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { createGitRunner, readBlobs, readLastCommits, type GitRunner } from './git.ts'
import type { HandbookConfig } from '../core/config/schema.ts'
import { assignAstroHeadingIds } from './heading-ids.ts'
import { buildDocIndex, parseIndexedDocument } from '../core/documents/build-index.ts'
import type { DocumentInfo } from '../core/documents/types.ts'
import type { HandbookIndex } from './index-store.ts'
import { findChangedSections, type SectionChange } from '../core/reading/changes.ts'
import { findCitedSections } from '../core/reading/extract.ts'

export { createGitRunner, type GitRunner } from './git.ts'

/** What the review found for one role guide. */
export interface GuideReview {
  /** Path of the role guide. */
  guide: string
  /**
   * `compared`: cited sections were compared with their text at the guide's
   * last commit. `modified`: the guide has uncommitted changes, so it was
   * last changed now and nothing cited is newer. `untracked`: the guide was
   * never committed.
   */
  status: 'compared' | 'modified' | 'untracked'
  /** The guide's last commit (abbreviated) and its date (`YYYY-MM-DD`). */
  commit?: string
  date?: string
  /** How many sections the guide cites. */
  cited: number
  changes: SectionChange[]
}

/** The review of every role guide, or why there is none. */
export type ReviewReport =
  { available: true; guides: GuideReview[] } | { available: false; reason: string }

/**
 * For each role guide, the sections it cites whose content changed since the
 * guide itself last changed, from git history: one `git log` for every
 * guide's last commit, then one `git cat-file --batch` for every cited document
 * at those commits, compared section by section with the current text. When
 * the content is not in a git repository, says so.
 */
export function loadReviewReport(
  built: HandbookIndex,
  config: HandbookConfig,
  contentRoot: string,
  git: GitRunner = createGitRunner(contentRoot),
): ReviewReport {
  const top = git(['rev-parse', '--show-toplevel'])
  if (!top.ok) {
    return {
      available: false,
      reason: `${contentRoot} is not in a git repository, so there is no history to compare with`,
    }
  }
  const root = top.stdout.toString('utf8').trim()
  const { index } = built
  const toGitPath = (document: DocumentInfo) =>
    relative(root, document.absolutePath).split(sep).join('/')

  const guides = index.documents.filter((document) => document.kind === 'role')
  // Paths are relative to the repository's top, not to the content root.
  const lastCommits = readLastCommits(git, guides.map(toGitPath))
  const plans = guides.map((guide) => {
    const last = lastCommits.get(toGitPath(guide))
    const tree = parseIndexedDocument(index, guide.path)
    const cited = tree ? findCitedSections(guide, tree, index) : []
    return { guide, commit: last?.commit, date: last?.date, cited }
  })

  // Every blob needed, fetched in one process.
  const requests: string[] = []
  for (const plan of plans) {
    if (!plan.commit) continue
    const documents = new Set([plan.guide.path, ...plan.cited.map((item) => item.document)])
    for (const path of documents) {
      const document = index.documentsByPath.get(path)
      if (document) requests.push(`${plan.commit}:${toGitPath(document)}`)
    }
  }
  const unique = [...new Set(requests)]
  const blobs = unique.length > 0 ? readBlobs(git, unique) : new Map<string, string | undefined>()

  const earlier = new Map<string, DocumentInfo | undefined>()
  const versionAt = (commit: string, document: DocumentInfo) => {
    const key = `${commit}:${toGitPath(document)}`
    if (!earlier.has(key)) {
      const text = blobs.get(key)
      earlier.set(key, text === undefined ? undefined : indexOne(config, document, text))
    }
    return earlier.get(key)
  }

  return {
    available: true,
    guides: plans.map(({ guide, commit, date, cited }): GuideReview => {
      const base = { guide: guide.path, cited: cited.length, changes: [] }
      if (!commit) return { ...base, status: 'untracked' }
      const stamp = { commit: commit.slice(0, 7), date: (date ?? '').slice(0, 10) }
      const committed = blobs.get(`${commit}:${toGitPath(guide)}`)
      if (committed !== undefined && !sameText(committed, readText(guide.absolutePath))) {
        return { ...base, ...stamp, status: 'modified' }
      }
      const previous = new Map<string, DocumentInfo | undefined>()
      for (const item of cited) {
        const document = index.documentsByPath.get(item.document)
        if (document) previous.set(item.document, versionAt(commit, document))
      }
      return {
        ...base,
        ...stamp,
        status: 'compared',
        changes: findChangedSections(cited, previous),
      }
    }),
  }
}

/** The report as lines for `npm run check`. */
export function formatReviewReport(report: ReviewReport): string[] {
  if (!report.available) return [`Role guide review: not available: ${report.reason}.`]
  const lines = [
    'Role guide review: cited sections changed since each role guide last changed (git)',
  ]
  for (const review of report.guides) {
    const when = review.commit ? ` (last changed ${review.date}, ${review.commit})` : ''
    if (review.status === 'untracked') {
      lines.push(`  ${review.guide}: not committed yet; nothing to compare with`)
    } else if (review.status === 'modified') {
      lines.push(`  ${review.guide}${when}: has uncommitted changes, so nothing it cites is newer`)
    } else if (review.changes.length === 0) {
      lines.push(
        `  ${review.guide}${when}: none of its ${review.cited} cited sections changed since`,
      )
    } else {
      lines.push(
        `  ${review.guide}${when}: ${review.changes.length} of its ${review.cited} cited sections changed since; review the guide`,
      )
      for (const change of review.changes) {
        const section = change.number ? `§${change.number} ${change.title}` : `§${change.title}`
        lines.push(
          `    ${change.document} ${section}  ${change.change === 'added' ? 'new since' : 'changed'}`,
        )
      }
    }
  }
  return lines
}

function indexOne(config: HandbookConfig, document: DocumentInfo, text: string) {
  const built = buildDocIndex(
    config,
    [{ path: document.path, absolutePath: document.absolutePath, kind: document.kind, text }],
    { assignHeadingIds: assignAstroHeadingIds },
  )
  return built.index.documents[0]
}

/** Equal apart from line endings (git may convert them on checkout). */
function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
