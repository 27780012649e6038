// npm run bench -- [--pages 200,1000] [--large] [--seed N] [--runs N] [--scan-runs N]
//                  [--render-runs N] [--generate-only] [--no-build] [--keep] [--out FILE]
//
// Generates a synthetic handbook per size, times the index scan and the
// markdown pipelines in this process, builds the corpus with our plugins and
// with plain Starlight (one build at a time: the machines have two cores),
// and rewrites the generated part of BENCHMARKS.md.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  defaultSeed,
  generateCorpus,
  summarizeCorpus,
  writeCorpus,
} from './bench/generate-corpus.ts'
import { describeCodeVersion, formatCodeVersion } from './bench/code-version.ts'
import { describeMachine } from './bench/machine.ts'
import { measureBuild, type BuildMeasurement, type Variant } from './bench/measure-build.ts'
import { timeIndexScan, timeRendering } from './bench/measure-in-process.ts'
import {
  evaluateTargets,
  mergeResults,
  parseBenchData,
  renderBenchSection,
  spliceBenchSection,
  type SizeResult,
} from './bench/report.ts'

const repoRoot = resolve(import.meta.dirname, '..')
const benchDir = join(repoRoot, '.bench')

const { values } = parseArgs({
  options: {
    pages: { type: 'string', multiple: true },
    large: { type: 'boolean', default: false },
    seed: { type: 'string' },
    runs: { type: 'string', default: '1' },
    'scan-runs': { type: 'string', default: '3' },
    'render-runs': { type: 'string', default: '1' },
    'generate-only': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
  },
})

const sizes = toSizes(values.pages, values.large)
const seed = values.seed === undefined ? defaultSeed : toCount(values.seed, '--seed', 0)
const runs = toCount(values.runs, '--runs', 1)
const scanRuns = toCount(values['scan-runs'], '--scan-runs', 1)
const renderRuns = toCount(values['render-runs'], '--render-runs', 1)
const machine = describeMachine(repoRoot)
const results: SizeResult[] = []

for (const pages of sizes) {
  const contentRoot = join(benchDir, `corpus-${pages}`)
  const corpus = generateCorpus({ pages, seed })
  writeCorpus(contentRoot, corpus)
  const summary = summarizeCorpus(corpus)
  log(`${pages} pages: wrote ${contentRoot} (${(summary.bytes / 1e6).toFixed(1)} MB of markdown)`)
  if (values['generate-only']) continue

  const code = describeCodeVersion(repoRoot)
  log(`  code: ${formatCodeVersion(code)} (sources ${code.fingerprint})`)
  const scan = timeIndexScan(contentRoot, scanRuns)
  log(
    `  index scan: median ${scan.medianMs.toFixed(0)} ms of ${scan.samples.map((s) => s.toFixed(0)).join(', ')}`,
  )
  const render = await timeRendering(contentRoot, renderRuns)
  log(
    `  render: sätteri ${render.satteriMs?.toFixed(0) ?? '—'} ms, unified ${render.unifiedMs.toFixed(0)} ms, unified + ours ${render.handbookMs.toFixed(0)} ms`,
  )
  const builds: Record<Variant, BuildMeasurement[]> = { handbook: [], plain: [] }
  if (!values['no-build']) {
    for (let run = 0; run < runs; run++) {
      // Alternate the order so that neither variant always runs on a warmer machine.
      const order: Variant[] = run % 2 === 0 ? ['plain', 'handbook'] : ['handbook', 'plain']
      for (const variant of order) {
        const outDir = join(benchDir, `out-${pages}-${variant}`)
        const logFile = join(benchDir, `build-${pages}-${variant}-${run + 1}.log`)
        log(`  build ${variant} (run ${run + 1}/${runs}) → ${logFile}`)
        const cacheDir = join(benchDir, 'astro-cache')
        const build = await measureBuild({
          repoRoot,
          contentRoot,
          outDir,
          variant,
          logFile,
          cacheDir,
        })
        builds[variant].push(build)
        log(
          `    ${build.exitCode === 0 ? 'ok' : build.completed ? `complete, but exit ${build.exitCode} (handbook report errors)` : `FAILED (exit ${build.exitCode})`}: ${(build.wallMs / 1000).toFixed(1)} s, ` +
            `peak ${((build.peakRssBytes ?? 0) / 1e6).toFixed(0)} MB, dist ${(build.distBytes / 1e6).toFixed(1)} MB` +
            `${build.reportLine ? `, ${build.reportLine}` : ''}`,
        )
        // The output is measured; hundreds of MB per variant need not stay on disk.
        if (!values.keep) rmSync(outDir, { recursive: true, force: true })
      }
    }
  }
  const after = describeCodeVersion(repoRoot)
  const codeChanged = after.fingerprint !== code.fingerprint
  if (codeChanged) log(`  WARNING: the sources changed during this size (now ${after.fingerprint})`)
  results.push({
    pages,
    date: new Date().toISOString(),
    seed,
    code,
    ...(codeChanged ? { codeChanged: true } : {}),
    corpus: summary,
    scan,
    render,
    builds,
  })
}

if (!values['generate-only'] && !values['no-build'] && results.length > 0) {
  const outFile = resolve(repoRoot, values.out)
  const previous = existsSync(outFile) ? readFileSync(outFile, 'utf8') : initialBenchmarksFile()
  const data = mergeResults(parseBenchData(previous), { machine, results })
  writeFileSync(outFile, spliceBenchSection(previous, renderBenchSection(data)))
  log(`\nwrote ${outFile}`)
  for (const target of evaluateTargets(data.results)) {
    log(`  ${target.name}: ${target.measured} (${target.limit}) ${target.verdict}`)
  }
}

function toSizes(pages: string[] | undefined, large: boolean): number[] {
  const listed = (pages ?? ['200,1000'])
    .flatMap((value) => value.split(','))
    .map((value) => toCount(value.trim(), '--pages', 5))
  return [...new Set([...listed, ...(large ? [3000] : [])])].sort((a, b) => a - b)
}

function toCount(value: string, flag: string, min: number): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < min) {
    console.error(`${flag} expects a whole number of at least ${min}, got \`${value}\`.`)
    process.exit(2)
  }
  return number
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
    '## Client JavaScript per page',
    '',
    '<!-- client-js: placeholder, filled by hand; `npm run bench` never touches this section -->',
    '',
  ].join('\n')
}
