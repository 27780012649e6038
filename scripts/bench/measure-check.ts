import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

/** One timed run of `npm run check`. */
export interface CheckRun {
  wallMs: number
  /** User + system CPU time of the process tree (GNU time), when available. */
  cpuMs?: number
  /** 1-minute load average when the run started: other work on the machine skews the numbers. */
  loadAverage: number
  exitCode: number
}

/** `npm run check` timed `runs` times as a user runs it (npm and tsx start-up included). */
export function timeCheckCommand(
  repoRoot: string,
  contentRoot: string,
  runs: number,
  extraArgs: string[] = ['--no-review'],
): CheckRun[] {
  const measured: CheckRun[] = []
  const gnuTime = existsSync('/usr/bin/time')
  for (let run = 0; run < runs; run++) {
    const loadAverage = readLoadAverage()
    const command = [
      'npm',
      'run',
      '--silent',
      'check',
      '--',
      '--content',
      contentRoot,
      ...extraArgs,
    ]
    const started = performance.now()
    const result = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', ...command], {
          cwd: repoRoot,
          encoding: 'utf8',
        })
      : spawnSync(command[0]!, command.slice(1), { cwd: repoRoot, encoding: 'utf8' })
    const wallMs = performance.now() - started
    const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '')
    measured.push({
      wallMs,
      ...(cpu ? { cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 } : {}),
      loadAverage,
      exitCode: result.status ?? -1,
    })
  }
  return measured
}

/** One save in `--watch`, timed from the write to the fresh report on standard output. */
export interface WatchSave {
  document: string
  /** Milliseconds from writing the file to the end of the new report on stdout. */
  latencyMs: number
  /** Documents analysed again, of all documents. */
  analysed: number
  documents: number
  loadAverage: number
}

/**
 * Starts `npm run check -- --watch` on `contentRoot` and saves each of
 * `documents` `saves` times (appending a line that cites a section that does
 * not exist, then removing it), timing each save until the report's last line
 * (`Re-checked after …`) appears. The bench process measures the latency; the
 * checker's own figure is not used.
 */
export async function timeWatchSaves(
  repoRoot: string,
  contentRoot: string,
  documents: string[],
  saves: number,
  log: (line: string) => void,
): Promise<WatchSave[]> {
  const child = spawn(
    'npm',
    ['run', '--silent', 'check', '--', '--watch', '--no-review', '--content', contentRoot],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
      // Its own process group, so that stopping it stops npm's node child too.
      detached: true,
    },
  )
  let buffer = ''
  const waiters: Array<{ pattern: RegExp; resolve: (match: RegExpExecArray) => void }> = []
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(buffer)
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1)
        buffer = buffer.slice(match.index + match[0].length)
        waiter.resolve(match)
      }
    }
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${pattern} within ${timeoutMs} ms`)),
        timeoutMs,
      )
      waiters.push({
        pattern,
        resolve: (match) => {
          clearTimeout(timer)
          resolve(match)
        },
      })
      onData(Buffer.from(''))
    })
  const results: WatchSave[] = []
  try {
    await waitFor(/Watching .* for changes/, 600_000)
    for (const document of documents) {
      const file = join(contentRoot, document)
      const original = readFileSync(file, 'utf8')
      for (let save = 0; save < saves; save++) {
        // Let the watcher settle, so that each save is timed on its own.
        await new Promise((resolve) => setTimeout(resolve, 300))
        const loadAverage = readLoadAverage()
        const started = performance.now()
        appendFileSync(file, `\nSee §99.${save + 1} (bench).\n`)
        const match = await waitFor(
          /Re-checked after \d+ change\(s\): analysed (\d+) of (\d+) documents/,
          600_000,
        )
        const latencyMs = performance.now() - started
        results.push({
          document,
          latencyMs,
          analysed: Number(match[1]),
          documents: Number(match[2]),
          loadAverage,
        })
        log(
          `    ${document}: ${latencyMs.toFixed(0)} ms (analysed ${match[1]} of ${match[2]}, load ${loadAverage})`,
        )
        // Restore the document (and let that re-check finish before the next save).
        await new Promise((resolve) => setTimeout(resolve, 300))
        writeFileSync(file, original)
        await waitFor(/Re-checked after/, 600_000)
      }
    }
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
  }
  return results
}

/** The 1-minute load average. */
export function readLoadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
  } catch {
    return Number.NaN
  }
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
