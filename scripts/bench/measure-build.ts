import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

/**
 * The ways the benchmark builds a corpus: this project with every plugin
 * (`handbook`, "ours"), this project with `HANDBOOK_PLAIN=1`, and a stock
 * Starlight project over the same documents (scripts/bench/stock-site.ts).
 */
export type Variant = 'handbook' | 'plain' | 'stock'

/** What one `astro build` of a corpus cost. */
export interface BuildMeasurement {
  variant: Variant
  /** Wall time of `npx astro build`, process start to exit. */
  wallMs: number
  /** Astro's own "page(s) built in" figure, when it printed one. */
  astroMs?: number
  /** Phases read from Astro's log (see `parseBuildPhases`). */
  phases: BuildPhases
  /**
   * CPU time (user + system) of the whole process tree, from GNU time. Other
   * work on the machine inflates wall time far more than CPU time.
   */
  cpuMs?: number
  /** Peak resident memory of the largest process of the build. */
  peakRssBytes?: number
  /** How the peak was measured. */
  memorySource: 'time -v' | '/proc poll' | 'none'
  distBytes: number
  htmlFiles: number
  htmlBytes: number
  /** Median size of a page's HTML (`<route>/index.html`; the 404 page and the site root excluded). */
  medianPageBytes?: number
  /** Bytes of Starlight's sidebar `<nav>` in the median page: it is repeated in every page. */
  sidebarBytesPerPage?: number
  exitCode: number
  /** Why the build failed, when its log says (`out of memory`, `timed out`). */
  failure?: string
  /**
   * Every page was written: the build exited 0, or it failed only because the
   * handbook report (printed after the last page) listed errors.
   */
  completed: boolean
  /** The handbook report's summary line (`0 errors, 30 warnings`), if printed. */
  reportLine?: string
  /** The 1-minute load average when the build started: other work on the machine skews timings. */
  loadAverage: number
}

/** Options of `measureBuild`. */
export interface BuildOptions {
  repoRoot: string
  contentRoot: string
  outDir: string
  variant: Variant
  /** Where the build's output goes (it is long: the handbook report lists every warning). */
  logFile: string
  /** Astro's cache folder for this build, apart from the one other builds use. */
  cacheDir: string
  /** The stock project's root (variant `stock` only): built with `--root`, not our config. */
  stockRoot?: string
  /**
   * The build's process group is killed after this long.
   * @default 3_600_000
   */
  timeoutMs?: number
}

const gnuTime = '/usr/bin/time'

/** The site's config with a private cache folder (see the file). Relative to the repository root. */
const benchConfig = 'scripts/bench/astro.config.mjs'

/**
 * Runs `npx astro build --force --outDir <outDir>` on a corpus, exactly as
 * `npm run build` does (through scripts/bench/astro.config.mjs, for a private
 * cache) but with `HANDBOOK_CONTENT` (and `HANDBOOK_PLAIN=1`
 * for the plain variant), or with `--root <stockRoot>` for stock Starlight,
 * and measures it. Peak memory comes from GNU
 * `time -v` (the largest process's max RSS) when installed, else from
 * polling `/proc` for the process tree's total RSS. A failed build (out of
 * memory, timed out) is measured and returned like any other.
 */
export async function measureBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const { repoRoot, contentRoot, outDir, variant, logFile, cacheDir } = options
  const { stockRoot, timeoutMs = 3_600_000 } = options
  rmSync(outDir, { recursive: true, force: true })
  const timeFile = `${logFile}.time`
  rmSync(timeFile, { force: true })
  const useTime = existsSync(gnuTime)
  const astroArgs =
    variant === 'stock'
      ? ['astro', 'build', '--force', '--outDir', outDir, '--root', stockRoot ?? '.']
      : ['astro', 'build', '--force', '--outDir', outDir, '--config', benchConfig]
  const [command, args] = useTime
    ? [gnuTime, ['-v', '-o', timeFile, 'npx', ...astroArgs]]
    : ['npx', astroArgs]
  const env = {
    ...process.env,
    HANDBOOK_CONTENT: contentRoot,
    HANDBOOK_BENCH_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(variant === 'plain' ? { HANDBOOK_PLAIN: '1' } : {}),
  }
  if (variant !== 'plain') delete env.HANDBOOK_PLAIN
  const loadAverage = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
  // A file, not a pipe: Node writes to files synchronously, so the report
  // printed just before Astro exits is not cut off as it is through a pipe.
  const log = openSync(logFile, 'w')
  const startedAt = new Date()
  const started = performance.now()
  // Its own process group, so that a build past the timeout can be ended with all its children.
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', log, log],
    detached: true,
  })
  const poll = useTime ? undefined : pollTreeRss(child.pid!)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, timeoutMs)
  const exitCode = await new Promise<number>((resolve) => {
    child.on('close', (code) => resolve(code ?? 1))
    child.on('error', () => resolve(127))
  })
  clearTimeout(timer)
  const wallMs = performance.now() - started
  const endedAt = new Date()
  const polledPeak = poll?.stop()
  closeSync(log)

  const output = readFileSync(logFile, 'utf8')
  const timeOutput = useTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : ''
  const maxRssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1]
  const user = /User time \(seconds\): ([\d.]+)/.exec(timeOutput)?.[1]
  const system = /System time \(seconds\): ([\d.]+)/.exec(timeOutput)?.[1]
  const phases = parseBuildPhases(output)
  const estimate = estimateClock(output, startedAt, endedAt)
  if (phases.total === undefined && estimate) {
    phases.total = estimate.astro
    phases.totalEstimated = true
  }
  if (phases.total !== undefined) phases.startUp = Math.max(0, wallMs - phases.total)
  // `0 errors, 30 warnings`, alone on a line or after `Handbook report:`.
  const reportLine = /^(?:Handbook report: )?(\d+ errors?, \d+ warnings?.*)$/m.exec(output)?.[1]
  const completed =
    exitCode === 0 ||
    (output.includes('Build failed: the handbook report lists errors.') && existsSync(outDir))
  const files = completed ? measureTree(outDir) : emptyTree
  const failure = timedOut
    ? `timed out after ${Math.round(timeoutMs / 1000)} s`
    : findFailure(output)
  return {
    variant,
    wallMs,
    ...(phases.total !== undefined && !phases.totalEstimated ? { astroMs: phases.total } : {}),
    phases,
    ...(user && system ? { cpuMs: (Number(user) + Number(system)) * 1000 } : {}),
    ...(maxRssKb ? { peakRssBytes: Number(maxRssKb) * 1024 } : {}),
    ...(polledPeak ? { peakRssBytes: polledPeak } : {}),
    memorySource: maxRssKb ? 'time -v' : polledPeak ? '/proc poll' : 'none',
    distBytes: files.bytes,
    htmlFiles: files.htmlFiles,
    htmlBytes: files.htmlBytes,
    ...(files.medianPageBytes !== undefined ? { medianPageBytes: files.medianPageBytes } : {}),
    ...(files.sidebarBytes !== undefined ? { sidebarBytesPerPage: files.sidebarBytes } : {}),
    exitCode,
    ...(exitCode !== 0 && failure ? { failure } : {}),
    completed,
    ...(reportLine ? { reportLine } : {}),
    loadAverage,
  }
}

/** Where an Astro build spent its time, in ms, as its log reports it. */
export interface BuildPhases {
  /** Config, content sync (our loader renders every document here) and type generation. */
  syncAndTypes?: number
  /** Content sync alone, from the log's second-resolution timestamps. */
  contentSync?: number
  /** Vite bundling of the server and client entry points. */
  vite?: number
  /** Rendering every route to HTML (Starlight's page template, sidebar included). */
  generate?: number
  /** Pagefind indexing of the output. */
  pagefind?: number
  /** Astro's total ("page(s) built in"); the wall time minus this is start-up (npx, config load). */
  total?: number
  /** True when Astro printed no total (a build that failed in its last hook): `total` comes from log timestamps (±1 s). */
  totalEstimated?: boolean
  /** Wall time before Astro's clock starts: npx, Astro's start-up and loading `astro.config.mjs`. */
  startUp?: number
}

// Astro prints durations as `412ms`, `1.57s` or `3m 31s`.
const durationSource = String.raw`((?:\d+m )?[\d.]+m?s)`

/** `412ms`, `1.57s`, `3m 31s` → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text.trim())
  if (!match) return undefined
  const minutes = Number(match[1] ?? 0)
  const value = Number(match[2])
  return minutes * 60_000 + (match[3] === 'ms' ? value : value * 1000)
}

/** Seconds since midnight of a log line's `hh:mm:ss` stamp, in ms. */
function toClockMs(stamp: string): number {
  const [hours, minutes, seconds] = stamp.split(':').map(Number)
  return ((hours! * 60 + minutes!) * 60 + seconds!) * 1000
}

/** Reads the phase timings Astro and Starlight print during `astro build`. */
export function parseBuildPhases(output: string): BuildPhases {
  const first = (pattern: string, flags = '') => {
    const match = new RegExp(pattern.replace('DURATION', durationSource), flags).exec(output)
    return match ? parseDuration(match[1]!) : undefined
  }
  const vite = [
    ...output.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${durationSource}`, 'g')),
  ]
  const clock = (pattern: RegExp) => {
    const stamp = pattern.exec(output)?.[1]
    return stamp ? toClockMs(stamp) : undefined
  }
  const syncStart = clock(/^(\d\d:\d\d:\d\d) \[content\] Syncing content/m)
  const syncEnd = clock(/^(\d\d:\d\d:\d\d) \[content\] Synced content/m)
  const phases: BuildPhases = {
    syncAndTypes: first(String.raw`\[types\] Generated DURATION`),
    contentSync: syncStart !== undefined && syncEnd !== undefined ? syncEnd - syncStart : undefined,
    vite: vite.length
      ? vite.reduce((sum, match) => sum + (parseDuration(match[1]!) ?? 0), 0)
      : undefined,
    // The route generator's line has no [build] tag: `12:00:00 ✓ Completed in 1.57s.`
    generate: first(String.raw`^\d\d:\d\d:\d\d ✓ Completed in DURATION\.`, 'm'),
    pagefind: first(String.raw`Finished building search index in DURATION`),
    total: first(String.raw`page\(s\) built in DURATION`),
  }
  return Object.fromEntries(
    Object.entries(phases).filter(([, value]) => value !== undefined),
  ) as BuildPhases
}

/**
 * Start-up (process start to Astro's first log line) and Astro's own time
 * (first to last log line), from the log's second-resolution timestamps:
 * the fallback when a build that failed in its last hook printed no total.
 */
export function estimateClock(
  output: string,
  startedAt: Date,
  endedAt: Date,
): { startUp: number; astro: number } | undefined {
  const stamps = [...output.matchAll(/^(\d\d:\d\d:\d\d) /gm)].map((match) => toClockMs(match[1]!))
  if (stamps.length === 0) return undefined
  const midnight = new Date(startedAt)
  midnight.setHours(0, 0, 0, 0)
  const day = 24 * 3600_000
  // Log stamps are local wall-clock times; unwrap them past midnight.
  const toAbsolute = (stamp: number) => {
    let value = midnight.getTime() + stamp
    while (value < startedAt.getTime() - 1000) value += day
    return value
  }
  const firstStamp = toAbsolute(stamps[0]!)
  const lastStamp = Math.min(toAbsolute(stamps.at(-1)!) + 1000, endedAt.getTime())
  return {
    startUp: Math.max(0, firstStamp - startedAt.getTime()),
    astro: Math.max(0, lastStamp - firstStamp),
  }
}

/**
 * The reason a failed build's log gives, in a few words: V8's
 * `JavaScript heap out of memory`, or the first `[ERROR]` line.
 */
export function findFailure(output: string): string | undefined {
  if (/heap out of memory|Allocation failed/i.test(output)) return 'out of memory'
  const error = /\[ERROR\][^\S\n]*(.+)/.exec(output)?.[1]?.trim()
  return error ? error.slice(0, 120) : undefined
}

interface TreeSize {
  bytes: number
  htmlFiles: number
  htmlBytes: number
  medianPageBytes?: number
  sidebarBytes?: number
}

const emptyTree: TreeSize = { bytes: 0, htmlFiles: 0, htmlBytes: 0 }

/**
 * Apparent size of every file under `dir`, HTML counted apart, the median
 * size of a page (`<route>/index.html`, so neither the site root nor the 404
 * page) and the sidebar in that median page.
 */
export function measureTree(dir: string): TreeSize {
  const size: TreeSize = { bytes: 0, htmlFiles: 0, htmlBytes: 0 }
  const pages: { path: string; bytes: number }[] = []
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) {
        const bytes = statSync(path).size
        size.bytes += bytes
        if (entry.name.endsWith('.html')) {
          size.htmlFiles++
          size.htmlBytes += bytes
          if (entry.name === 'index.html' && current !== dir) pages.push({ path, bytes })
        }
      }
    }
  }
  walk(dir)
  pages.sort((a, b) => a.bytes - b.bytes)
  const middle = pages[Math.floor((pages.length - 1) / 2)]
  if (middle) {
    size.medianPageBytes = middle.bytes
    const sidebar = measureSidebar(readFileSync(middle.path, 'utf8'))
    if (sidebar !== undefined) size.sidebarBytes = sidebar
  }
  return size
}

/** Bytes of Starlight's main sidebar (`<nav class="sidebar …">` to its closing tag) in one page. */
export function measureSidebar(html: string): number | undefined {
  const start = html.indexOf('<nav class="sidebar')
  if (start < 0) return undefined
  const tag = /<\/?nav\b/g
  tag.lastIndex = start
  let depth = 0
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    depth += match[0] === '<nav' ? 1 : -1
    if (depth === 0) return html.indexOf('>', match.index) + 1 - start
  }
  return undefined
}

/**
 * Samples the total RSS of a process and its descendants every 200 ms (the
 * fallback when GNU time is missing; it sums the tree, so it reads a little
 * higher than time's largest-process figure).
 */
function pollTreeRss(rootPid: number): { stop(): number } {
  let peak = 0
  const pageSize = 4096
  const sample = () => {
    const parents = new Map<number, number>()
    const rss = new Map<number, number>()
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        parents.set(Number(name), Number(fields[1]))
        rss.set(Number(name), Number(fields[21]) * pageSize)
      } catch {
        // the process exited between listing and reading
      }
    }
    const inTree = (pid: number): boolean => {
      for (let current = pid, hops = 0; current > 1 && hops < 64; hops++) {
        if (current === rootPid) return true
        current = parents.get(current) ?? 0
      }
      return false
    }
    let total = 0
    for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes
    peak = Math.max(peak, total)
  }
  const timer = setInterval(sample, 200)
  return {
    stop() {
      clearInterval(timer)
      return peak
    },
  }
}
