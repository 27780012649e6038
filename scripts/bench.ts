// npm run bench -- [--pages 1000,3000] [--runs N] [--plain] [--no-dev] [--no-render]
//                  [--seed N] [--scan-runs N] [--render-runs N] [--build-timeout MIN]
//                  [--generate-only] [--no-build] [--keep] [--merge] [--out FILE]
//
// Generates a synthetic handbook per size and a stock Starlight project over
// the same documents, times the index scan and the markdown pipelines in
// this process, builds ours and stock (one build at a time: the machines have
// two cores), times the first page of `astro dev` for both, and rewrites the
// generated part of BENCHMARKS.md after each size.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { getHeapStatistics } from 'node:v8'
import {
  defaultSeed,
  generateCorpus,
  summarizeCorpus,
  writeCorpus,
} from './bench/generate-corpus.ts'
import { describeCodeVersion, formatCodeVersion } from './bench/code-version.ts'
import { evaluateGoals } from './bench/goals.ts'
import { describeMachine } from './bench/machine.ts'
import { measureBuild, type BuildMeasurement, type Variant } from './bench/measure-build.ts'
import { findFreePort, measureDevStart } from './bench/measure-dev.ts'
import { timeIndexScan, timeRendering } from './bench/measure-in-process.ts'
import {
  compareWall,
  mergeResults,
  parseBenchData,
  renderBenchSection,
  spliceBenchSection,
} from './bench/report.ts'
import {
  benchDataFormat,
  pickBuild,
  type DevStarts,
  type DevVariant,
  type SizeResult,
  type StockCopy,
} from './bench/results.ts'
import { writeStockSite } from './bench/stock-site.ts'

// The in-process timings hold a whole corpus's index and four renderers; at 3000 pages that can
// pass V8's default heap limit (about 4.5 GB on these machines), and an out-of-memory crash of this
// process would lose the run. Restart once with a larger heap; the builds and dev servers are
// child processes with their own defaults, so their figures are unaffected.
if (getHeapStatistics().heap_size_limit < 7e9 && process.env.HANDBOOK_BENCH_RESTARTED !== '1') {
  const restarted = spawnSync(
    process.execPath,
    [...process.execArgv, '--max-old-space-size=8192', ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, HANDBOOK_BENCH_RESTARTED: '1' } },
  )
  process.exit(restarted.status ?? 1)
}

const repoRoot = resolve(import.meta.dirname, '..')
const benchDir = join(repoRoot, '.bench')

const { values } = parseArgs({
  options: {
    pages: { type: 'string', multiple: true },
    seed: { type: 'string' },
    runs: { type: 'string', default: '1' },
    plain: { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    'no-render': { type: 'boolean', default: false },
    'scan-runs': { type: 'string', default: '3' },
    'render-runs': { type: 'string', default: '1' },
    'build-timeout': { type: 'string', default: '30' },
    'generate-only': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    merge: { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
  },
})

const sizes = toSizes(values.pages)
const seed = values.seed === undefined ? defaultSeed : toCount(values.seed, '--seed', 0)
const runs = toCount(values.runs, '--runs', 1)
const scanRuns = toCount(values['scan-runs'], '--scan-runs', 1)
const renderRuns = toCount(values['render-runs'], '--render-runs', 1)
const buildTimeoutMs = toCount(values['build-timeout'], '--build-timeout', 1) * 60_000
const variants: Variant[] = values.plain ? ['stock', 'handbook', 'plain'] : ['stock', 'handbook']
const machine = describeMachine(repoRoot)
const outFile = resolve(repoRoot, values.out)
const results: SizeResult[] = []
const began = Date.now()

for (const pages of sizes) {
  const contentRoot = join(benchDir, `corpus-${pages}`)
  const stockRoot = join(benchDir, `stock-${pages}`)
  const corpus = generateCorpus({ pages, seed })
  writeCorpus(contentRoot, corpus)
  const summary = summarizeCorpus(corpus)
  const plan = writeStockSite(stockRoot, corpus.files)
  // The floor of `astro dev`: stock Starlight serving the same first page with nothing else.
  const onePageRoot = join(benchDir, 'stock-one-page')
  writeStockSite(
    onePageRoot,
    corpus.files.filter((file) => file.path === 'CONTEXT.md'),
  )
  const stock: StockCopy = {
    documents: plan.files.length,
    renamed: plan.files.filter((file) => file.changes.includes('renamed')).length,
    titlesAdded: plan.files.filter((file) => file.changes.includes('title-added')).length,
    frontmatterQuoted: plan.files.filter((file) => file.changes.includes('frontmatter-quoted'))
      .length,
    problems: plan.problems,
  }
  log(
    `${pages} pages: wrote ${rel(contentRoot)} (${(summary.bytes / 1e6).toFixed(1)} MB of markdown) and ${rel(stockRoot)} ` +
      `(${stock.documents} documents: ${stock.renamed} renamed, ${stock.titlesAdded} titles added, ${stock.frontmatterQuoted} frontmatter quoted)`,
  )
  for (const problem of plan.problems) log(`  WARNING stock: ${problem}`)
  if (values['generate-only']) continue

  const code = describeCodeVersion(repoRoot)
  log(`  code: ${formatCodeVersion(code)} (sources ${code.fingerprint})`)
  const result: SizeResult = {
    pages,
    date: new Date().toISOString(),
    seed,
    code,
    corpus: summary,
    builds: {},
    stock,
  }
  const failures: string[] = []
  // A measurement that throws is recorded, and the other measurements of the size still run.
  const attempt = async <T>(
    what: string,
    measure: () => T | Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await measure()
    } catch (error) {
      const message = `${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
      log(`  FAILED ${message}`)
      failures.push(message)
      return undefined
    }
  }

  const scan = await attempt('index scan', () => timeIndexScan(contentRoot, scanRuns))
  if (scan) {
    result.scan = scan
    log(
      `  index scan: median ${scan.medianMs.toFixed(0)} ms of ${scan.samples.map((s) => s.toFixed(0)).join(', ')} (${scan.documents} documents)`,
    )
  }
  if (!values['no-render']) {
    const render = await attempt('rendering', () => timeRendering(contentRoot, renderRuns))
    if (render) {
      result.render = render
      log(
        `  render (CPU ms): ${Object.entries(render)
          .filter(([key]) => key.endsWith('Ms'))
          .map(([key, value]) => `${key.replace(/Ms$/, '')} ${Number(value).toFixed(0)}`)
          .join(', ')}`,
      )
    }
  }

  if (!values['no-build']) {
    for (let run = 0; run < runs; run++) {
      // Alternate the order so that neither variant always runs on a warmer machine.
      const order = run % 2 === 0 ? variants : [...variants].reverse()
      for (const variant of order) {
        const outDir = join(benchDir, `out-${pages}-${variant}`)
        const logFile = join(benchDir, `build-${pages}-${variant}-${run + 1}.log`)
        log(`  build ${variant} (run ${run + 1}/${runs}) → ${rel(logFile)}`)
        const build = await attempt(`build ${variant}, run ${run + 1}`, () =>
          measureBuild({
            repoRoot,
            contentRoot,
            outDir,
            variant,
            logFile,
            cacheDir: join(benchDir, 'astro-cache'),
            stockRoot,
            timeoutMs: buildTimeoutMs,
          }),
        )
        if (build) {
          ;(result.builds[variant] ??= []).push(build)
          log(`    ${describeBuild(build)}`)
        }
        // The output is measured; hundreds of MB per variant need not stay on disk.
        if (!values.keep) rmSync(outDir, { recursive: true, force: true })
      }
    }
    log(`  ${compareWall(pickBuild(result.builds.handbook), pickBuild(result.builds.stock))}`)
  }

  if (!values['no-dev']) {
    const dev: Partial<Record<DevVariant, DevStarts>> = {}
    for (const variant of ['handbook', 'stock', 'stockOnePage'] as const) {
      // Cold: no Vite dependency cache and no content store of this corpus; warm: started again.
      const viteCache = join(benchDir, `dev-vite-cache-${pages}`)
      const stockProject = variant === 'stock' ? stockRoot : onePageRoot
      const setup: { args: string[]; env: Record<string, string>; caches: string[] } =
        variant === 'handbook'
          ? {
              args: ['--config', 'scripts/bench/astro.config.mjs'],
              env: {
                HANDBOOK_CONTENT: contentRoot,
                HANDBOOK_BENCH_VITE_CACHE_DIR: viteCache,
                HANDBOOK_BENCH_CACHE_DIR: join(benchDir, `dev-cache-${pages}`),
              },
              caches: [viteCache, join(benchDir, `dev-cache-${pages}`)],
            }
          : {
              args: ['--root', stockProject],
              env: {},
              caches: [join(stockProject, 'node_modules'), join(stockProject, '.astro')],
            }
      for (const cache of setup.caches) rmSync(cache, { recursive: true, force: true })
      const starts: DevStarts = {}
      const port = await findFreePort()
      for (const start of ['cold', 'warm'] as const) {
        const logFile = join(benchDir, `dev-${pages}-${variant}-${start}.log`)
        const measured = await attempt(`astro dev ${variant} (${start})`, () =>
          measureDevStart({
            cwd: repoRoot,
            args: setup.args,
            env: setup.env,
            path: '/context/',
            logFile,
            port,
          }),
        )
        if (!measured) continue
        starts[start] = measured
        log(
          `  astro dev ${variant}, ${start}: ${measured.firstResponseMs === undefined ? measured.failure : `first page after ${(measured.firstResponseMs / 1000).toFixed(1)} s`} → ${rel(logFile)}`,
        )
      }
      dev[variant] = starts
    }
    result.dev = dev
  }

  const after = describeCodeVersion(repoRoot)
  if (after.fingerprint !== code.fingerprint) {
    result.codeChanged = true
    log(`  WARNING: the sources changed during this size (now ${after.fingerprint})`)
  }
  if (failures.length > 0) result.failures = failures
  results.push(result)
  // Written after every size, so that a later size that breaks the run loses nothing.
  if (!values['no-build']) writeReport()
}

if (!values['generate-only'] && !values['no-build'] && results.length > 0) {
  log(`\nwrote ${rel(outFile)} after ${((Date.now() - began) / 60_000).toFixed(1)} min`)
  for (const goal of evaluateGoals(results)) {
    log(`  ${goal.name}: ${goal.measured} (${goal.limit}) ${goal.verdict}`)
  }
}

function writeReport(): void {
  const previous = existsSync(outFile) ? readFileSync(outFile, 'utf8') : initialBenchmarksFile()
  const data = mergeResults(
    parseBenchData(previous),
    { format: benchDataFormat, machine, results },
    values.merge,
  )
  writeFileSync(outFile, spliceBenchSection(previous, renderBenchSection(data)))
}

function describeBuild(build: BuildMeasurement): string {
  const status =
    build.exitCode === 0
      ? 'ok'
      : build.completed
        ? `complete, but exit ${build.exitCode} (handbook report errors)`
        : `FAILED (exit ${build.exitCode}${build.failure ? `: ${build.failure}` : ''})`
  return (
    `${status}: ${(build.wallMs / 1000).toFixed(1)} s, ` +
    `peak ${((build.peakRssBytes ?? 0) / 1e6).toFixed(0)} MB, dist ${(build.distBytes / 1e6).toFixed(1)} MB, ` +
    `${build.htmlFiles} HTML files, median page ${((build.medianPageBytes ?? 0) / 1e3).toFixed(1)} kB` +
    `${build.reportLine ? `, ${build.reportLine}` : ''}`
  )
}

function toSizes(pages: string[] | undefined): number[] {
  const listed = (pages ?? ['1000,3000'])
    .flatMap((value) => value.split(','))
    .map((value) => toCount(value.trim(), '--pages', 5))
  return [...new Set(listed)].sort((a, b) => a - b)
}

function toCount(value: string, flag: string, min: number): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < min) {
    console.error(`${flag} expects a whole number of at least ${min}, got \`${value}\`.`)
    process.exit(2)
  }
  return number
}

function rel(path: string): string {
  return relative(repoRoot, path)
}

function log(line: string): void {
  console.log(line)
}

/** BENCHMARKS.md when it does not exist yet: the markers and the section another engineer fills. */
function initialBenchmarksFile(): string {
  mkdirSync(benchDir, { recursive: true })
  return [
    '# Benchmarks',
    '',
    'Run `npm run bench` to measure; the section between the bench markers is rewritten.',
    '',
    '<!-- bench:start -->',
    '<!-- bench:end -->',
    '',
  ].join('\n')
}
