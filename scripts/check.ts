// `npm run check [-- --strict] [-- --content <folder>] [-- --no-review]`: the build's report
// without the build, then the role guide review (cited sections changed since each guide).
import { runCheck } from '../check/run-check.ts'
import { formatReviewReport, runReview } from '../io/review.ts'
import { formatDiagnostic, sortDiagnostics } from '../core/diagnostics/diagnostics.ts'
import { HandbookError } from '../core/errors.ts'

const args = process.argv.slice(2)
const strict = args.includes('--strict')
const verbose = args.includes('--verbose')
const contentIndex = args.indexOf('--content')
const contentRoot = contentIndex === -1 ? undefined : args[contentIndex + 1]

try {
  const result = await runCheck({ strict, ...(contentRoot ? { contentRoot } : {}) })
  const shown = result.diagnostics.filter((d) => verbose || d.severity !== 'info')
  for (const diagnostic of sortDiagnostics(shown)) console.log(formatDiagnostic(diagnostic))
  if (!args.includes('--no-review')) {
    for (const line of formatReviewReport(runReview(contentRoot))) console.log(line)
  }
  console.log(`Checked ${result.documents} documents: ${result.summary}`)
  process.exitCode = result.failed ? 1 : 0
} catch (error) {
  if (error instanceof HandbookError) {
    console.error(error.message)
    process.exitCode = 1
  } else throw error
}
