import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Which code a measurement ran: the commit, and whether the site's sources differed from it. */
export interface CodeVersion {
  /** Short commit hash, or `unknown` outside a git checkout. */
  commit: string
  /** True when files the build reads (plugins/, src/, astro.config.mjs) have uncommitted changes. */
  dirty: boolean
  /** Hash of those files' contents: equal hashes mean the same code was measured. */
  fingerprint: string
}

/** The sources a build depends on (besides node_modules). */
const sourcePaths = ['plugins', 'src', 'astro.config.mjs']

/**
 * Describes the code about to be measured. Other engineers edit the same
 * checkout, so the bench takes this before and after each size and flags a
 * result whose code changed mid-measurement. Read-only git commands only.
 */
export function describeCodeVersion(repoRoot: string): CodeVersion {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
    } catch {
      return undefined
    }
  }
  const commit = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown'
  const status = git(['status', '--porcelain', '--', ...sourcePaths]) ?? ''
  return { commit, dirty: status !== '', fingerprint: fingerprintSources(repoRoot) }
}

/** A content hash of every file under the source paths, in a stable order. */
export function fingerprintSources(repoRoot: string): string {
  const hash = createHash('sha1')
  const visit = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name))
      return
    }
    hash.update(path.slice(repoRoot.length)).update('\0').update(readFileSync(path)).update('\0')
  }
  for (const source of sourcePaths) visit(join(repoRoot, source))
  return hash.digest('hex').slice(0, 12)
}

/** `c0ace9c`, `c0ace9c+changes`. */
export function formatCodeVersion(version: CodeVersion): string {
  return `${version.commit}${version.dirty ? '+changes' : ''}`
}
