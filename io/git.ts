import { spawnSync } from 'node:child_process'

/** Runs git with the given arguments (and standard input) in the content root. */
export type GitRunner = (args: string[], input?: string) => { ok: boolean; stdout: Buffer }

/** A git runner for a folder: `git -C <folder> …`, never changing the repository. */
export function createGitRunner(folder: string): GitRunner {
  return (args, input) => {
    // --no-optional-locks: reading must not refresh (and lock) the index under others.
    const result = spawnSync('git', ['--no-optional-locks', '-C', folder, ...args], {
      input,
      maxBuffer: 256 * 1024 * 1024,
    })
    return { ok: result.status === 0 && !result.error, stdout: result.stdout ?? Buffer.alloc(0) }
  }
}

/** `git cat-file --batch` output: `<oid> blob <size>\n<bytes>\n`, or `<name> missing\n`. */
export function readBlobs(git: GitRunner, names: string[]): Map<string, string | undefined> {
  const blobs = new Map<string, string | undefined>()
  const result = git(['cat-file', '--batch'], `${names.join('\n')}\n`)
  if (!result.ok) return blobs
  const output = result.stdout
  let offset = 0
  for (const name of names) {
    const newline = output.indexOf(0x0a, offset)
    if (newline === -1) break
    const header = output.subarray(offset, newline).toString('utf8')
    offset = newline + 1
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header)
    if (!match) {
      blobs.set(name, undefined) // `missing`: the file did not exist at that commit
      continue
    }
    const size = Number(match[2])
    if (match[1] === 'blob')
      blobs.set(name, output.subarray(offset, offset + size).toString('utf8'))
    offset += size + 1
  }
  return blobs
}

/** A file's last commit: its hash and committer date (ISO 8601). */
export interface LastCommit {
  commit: string
  date: string
}

/**
 * The last commit that changed each of `paths` (repository-relative), in one
 * `git log` walk instead of one per path: commits come newest first, so a
 * path's first appearance is its last change. Merges are listed by their
 * combined diff, i.e. only where they differ from every parent, as
 * `git log -1 -- <path>` would show them. A path never committed is absent.
 * Names come NUL-separated (`-z`), so git quotes none of them.
 */
export function readLastCommits(git: GitRunner, paths: string[]): Map<string, LastCommit> {
  const found = new Map<string, LastCommit>()
  if (paths.length === 0) return found
  const wanted = new Set(paths)
  const result = git([
    'log',
    '--format=%x01%H %cI',
    '--name-only',
    '--diff-merges=combined',
    '-z',
    '--',
    ...paths.map((path) => `:(top,literal)${path}`),
  ])
  if (!result.ok) return found
  for (const { header, paths: changed } of parseLogWithNames(result.stdout)) {
    const [commit, date] = header.split(' ')
    if (!commit || !date) continue
    for (const path of changed) {
      if (wanted.has(path) && !found.has(path)) found.set(path, { commit, date })
    }
    if (found.size === wanted.size) break
  }
  return found
}

/** One commit of a `git log` listing: its `--format` line and the paths it changed. */
export interface LoggedCommit {
  header: string
  paths: string[]
}

/**
 * Reads `git log --format=%x01<header> --name-only -z` output:
 * `\x01<header>\0\n<name>\0<name>\0…` per commit. Only with `-z` are names given as they
 * are: without it git quotes and escapes every name outside ASCII (`"G\303\251n\303\251ral.md"`).
 */
export function parseLogWithNames(output: Buffer): LoggedCommit[] {
  const commits: LoggedCommit[] = []
  for (const record of output.toString('utf8').split('\x01')) {
    const end = record.indexOf('\0')
    if (end === -1) continue
    const paths = record
      .slice(end + 1)
      .split('\0')
      .map((name) => name.replace(/^\n/, ''))
      .filter(Boolean)
    commits.push({ header: record.slice(0, end), paths })
  }
  return commits
}
