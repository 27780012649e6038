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
