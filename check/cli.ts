// `npm run check [-- --format human|json|sarif|lines] [--output <file>] [--strict] [--verbose]
// [--content <folder>] [--no-review] [--watch] [--explain FILE:LINE]`: the build's report without the build, then the
// role guide review (cited sections changed since each guide). See docs/diagnostics.md.
import { readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createChecker, type CheckResult } from './run-check.ts'
import { runExplain } from './explain.ts'
import { watchCheck } from './watch.ts'
import { formatHumanReport, formatLinesReport, type Report } from '../core/diagnostics/report.ts'
import { HandbookError } from '../core/errors.ts'
import { formatReviewReport, loadReviewReport } from '../io/review.ts'

const formats = ['human', 'json', 'sarif', 'lines'] as const
type Format = (typeof formats)[number]

const { values: args } = parseArgs({
  options: {
    format: { type: 'string', default: 'human' },
    output: { type: 'string' },
    strict: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    content: { type: 'string' },
    'no-review': { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    explain: { type: 'string' },
  },
})

const format = args.format as Format
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const tool = { name: 'cloudless-handbook', version: String(packageJson.version) }
const color = process.stdout.isTTY === true && !process.env.NO_COLOR && !args.output
const onGitHub = process.env.GITHUB_ACTIONS === 'true'

/** The report in the chosen format, as text. The formats' modules load only when chosen. */
async function render(result: CheckResult, report: Report): Promise<string> {
  const context = { tool, contentRoot: result.contentRoot, documents: result.documents }
  switch (format) {
    case 'json': {
      const { toJsonReport } = await import('./formats/json.ts')
      return `${JSON.stringify(toJsonReport(report, context), null, 2)}\n`
    }
    case 'sarif': {
      const { toSarif } = await import('./formats/sarif.ts')
      const sarif = toSarif(report, { ...context, sourceRoot: process.cwd() })
      return `${JSON.stringify(sarif, null, 2)}\n`
    }
    case 'lines':
      return `${formatLinesReport(report).join('\n')}\n`
    default:
      return `${formatHumanReport(report, { color, documents: result.documents }).join('\n')}\n`
  }
}

async function emit(result: CheckResult): Promise<void> {
  const report = args.verbose ? result.verboseReport : result.report
  const text = await render(result, report)
  if (args.output) writeFileSync(args.output, text)
  else process.stdout.write(text)
  // Annotations are workflow commands on stdout: never inside a JSON or SARIF document there.
  if (onGitHub && (args.output || format === 'human' || format === 'lines')) {
    const { printAnnotations, toAnnotations } = await import('./formats/github.ts')
    await printAnnotations(
      toAnnotations(result.report, { contentRoot: result.contentRoot, sourceRoot: process.cwd() }),
    )
  }
}

try {
  if (!formats.includes(format)) {
    throw new HandbookError(
      `Unexpected --format \`${args.format}\`, expected one of ${formats.map((name) => `\`${name}\``).join(', ')}.`,
    )
  }
  if (args.explain !== undefined) {
    // How the references on one line were read and resolved; nothing else.
    console.log(runExplain(args.explain, args.content).join('\n'))
    process.exit(0)
  }
  const checker = createChecker({
    strict: args.strict,
    ...(args.content ? { contentRoot: args.content } : {}),
  })
  const result = await checker.check()
  await emit(result)
  const review = !args['no-review'] && !args.watch && format === 'human' && !args.output
  if (review) {
    // The index the check just built: no second scan of the sources or of their history.
    const reviewReport = loadReviewReport(result.built, result.config, result.contentRoot)
    for (const line of formatReviewReport(reviewReport)) console.log(line)
  }
  if (format === 'human' || args.output) {
    console.log(`Checked ${result.documents} documents in ${Math.round(result.timings.totalMs)} ms`)
  }
  if (args.watch) {
    console.log(`Watching ${checker.contentRoot} for changes (Ctrl+C stops).`)
    watchCheck(checker, {
      async onResult(next, changed, savedAt) {
        if (color) console.clear()
        await emit(next)
        const latency = Math.round(performance.now() - savedAt)
        console.log(
          `Re-checked after ${changed.length} change(s): analysed ${next.analysed.length} of ${next.documents} documents, report ${latency} ms after the save.`,
        )
      },
      onError(error) {
        console.error(error instanceof HandbookError ? error.message : error)
      },
    })
  } else {
    process.exitCode = result.failed ? 1 : 0
  }
} catch (error) {
  if (error instanceof HandbookError) {
    console.error(error.message)
    process.exitCode = 1
  } else throw error
}
