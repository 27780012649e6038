import { isContentFile, watchContentFiles } from '../io/watch-content.ts'
import type { AstroIntegration } from 'astro'
import type { DiagnosticCollector } from '../core/diagnostics/diagnostics.ts'
import { applyHandbookPolicy } from '../core/diagnostics/policy.ts'
import {
  buildReport,
  formatBuildReport,
  formatHumanReport,
  formatLinesReport,
} from '../core/diagnostics/report.ts'
import { HandbookError } from '../core/errors.ts'
import { createChecker, type CheckResult, type Checker } from '../check/run-check.ts'
import { findHandbookProblems, type IndexStore } from '../core/handbook-index.ts'
import { checkBuiltPages } from './check-built-pages.ts'
import { createSiteDataPlugin, pageSiteDataModuleId, siteDataModuleId } from './site-data.ts'
import { createDeferredPages, type PageSource } from './deferred-pages.ts'

/** Options of the handbook integration. */
export interface Options {
  store: IndexStore
  collector: DiagnosticCollector
  /**
   * Whether our markdown plugins render the pages. Without them (the
   * benchmark's plain build) headings that define requirements keep Astro's
   * slugs, so only pages, not heading ids, can be checked.
   * @default true
   */
  plugins?: boolean
  /** Told which command Astro runs (`dev`, `build`, `preview`, `sync`) before any page renders. */
  onCommand?: (command: 'dev' | 'build' | 'preview' | 'sync') => void
}

/**
 * Wires the handbook into Astro: serves the index to pages as a virtual
 * module, rebuilds it when content changes in `astro dev`, and after a build
 * prints every diagnostic, checks that no page was lost and fails the build
 * on errors (or warnings, when strict).
 */
export function handbookIntegration({
  store,
  collector,
  plugins = true,
  onCommand,
}: Options): AstroIntegration {
  let checker: Checker | undefined
  let startReport: (() => void) | undefined
  let contentWatcher: { close(): void } | undefined
  /** Whether the dev server has been asked for anything yet. */
  let asked = false
  // `astro dev` renders each page when it is first asked for (the loader stores no HTML there).
  const pages = createDeferredPages(store)
  let pageSource: PageSource = 'render'
  return {
    name: 'cloudless-handbook',
    hooks: {
      'astro:config:setup'({ updateConfig, command }) {
        onCommand?.(command)
        // A build's loader renders every page in order and keeps its HTML in a file, which the
        // page's module reads; `astro dev` renders each page when it is first asked for.
        pageSource = command === 'build' ? 'read' : 'render'
        updateConfig({
          vite: {
            plugins: [
              createSiteDataPlugin(store),
              ...(command === 'dev' || command === 'build' ? [pages.plugin] : []),
            ],
            // The documents are watched by `watchContentFiles` below; Vite's watcher would
            // watch each of them again when the content root is inside the project.
            server: {
              watch: { ignored: [(path: string) => isContentFile(store.contentRoot, path)] },
            },
          },
        })
      },
      'astro:config:done'({ config }) {
        pages.configure(config, pageSource)
      },
      'astro:server:start'() {
        // The index is built when first asked for; a reader opens the first page a moment after
        // the server says it is ready, and the index can be built in that moment. A problem
        // building it shows on that page, where it is asked for again.
        setImmediate(() => {
          try {
            store.get()
          } catch {}
        })
        setTimeout(() => asked || startReport?.(), reportDelayMs)
      },
      'astro:server:setup'({ server, refreshContent, logger }) {
        // The same report as `npm run check`, over every document, not only the pages opened so
        // far, then after each change, re-analysing only the changed document and those that
        // cite it. Analysing every document keeps the process busy for a while, so it starts
        // once the first request has been answered (or `reportDelayMs` after start if nothing is
        // asked for by then): the first page is not kept waiting.
        startReport = () => {
          if (checker) return
          // The pages' index, not a second one: the check and the pages read the same sections.
          checker = createChecker({ contentRoot: store.contentRoot, store })
          void printCheck(checker.check(), logger)
        }
        server.middlewares.use((_request, response, next) => {
          if (!checker && !asked) {
            asked = true
            response.once('close', () => setTimeout(() => startReport?.(), 0))
          }
          next()
        })
        const onChange = async (paths: string[]) => {
          if (paths.some((path) => path.endsWith('handbook.config.json'))) {
            logger.info('handbook.config.json changed; restarting')
            await server.restart()
            return
          }
          store.invalidate()
          for (const id of [siteDataModuleId, pageSiteDataModuleId]) {
            const module = server.moduleGraph.getModuleById(`\0${id}`)
            if (module) server.moduleGraph.invalidateModule(module)
          }
          pages.invalidate(server)
          await refreshContent?.({ loaders: ['handbook-loader'] })
          if (checker) await printCheck(checker.recheck(paths), logger)
          else printDiagnostics(collector, store, (line) => logger.warn(line), false)
        }
        // Our own watcher, not Vite's: chokidar watches each file on its own (1.4 s before the
        // first page at 1000 documents), and the content root is often outside the project.
        contentWatcher?.close()
        contentWatcher = watchContentFiles(store.contentRoot, ({ paths }) => void onChange(paths))
      },
      'astro:server:done'() {
        contentWatcher?.close()
        contentWatcher = undefined
      },
      'astro:build:done'({ dir, logger }) {
        const built = store.get()
        const lost = checkBuiltPages(built.index, dir, { headings: plugins })
        collector.addGlobal(lost)
        // The handbook's own problems, as `npm run check` finds them: only now has every page
        // recorded what it cites.
        collector.addGlobal(findHandbookProblems(built))
        const failed = printDiagnostics(collector, store, (line) => console.log(line), true)
        if (failed) {
          logger.error('The handbook has errors; see the report above.')
          throw new HandbookError('Build failed: the handbook report lists errors.')
        }
      },
    },
  }
}

/** How long the dev server waits for a first page request before it analyses every document. */
const reportDelayMs = 5000

/** Prints `npm run check`'s report in the dev server's log; a failed check is logged, never thrown. */
async function printCheck(
  pending: Promise<CheckResult>,
  logger: { info: (line: string) => void; warn: (line: string) => void },
): Promise<void> {
  try {
    const result = await pending
    const lines = formatHumanReport(result.report, {
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      documents: result.documents,
    })
    // Information, not Astro warnings: the findings are the content's, and the report says
    // which are errors; a dev server start stays free of [WARN] lines a newcomer must ignore.
    for (const line of lines) logger.info(line)
  } catch (error) {
    logger.warn(`The handbook report could not be made: ${(error as Error).message}`)
  }
}

/**
 * Prints the report: the summary, what fails the build and where to read the
 * rest (`npm run check`). `HANDBOOK_REPORT=full` prints every finding as
 * `npm run check` does, `HANDBOOK_REPORT=lines` one line per finding
 * (`path:line:col  severity  message  handbook:rule`, for logs that editors
 * and CI parse). Applies the project's rule levels and suppression comments
 * first, as `npm run check` does. Returns whether the policy says the build failed.
 */
function printDiagnostics(
  collector: DiagnosticCollector,
  store: IndexStore,
  print: (line: string) => void,
  withSummary: boolean,
): boolean {
  const built = store.get()
  const policy = applyHandbookPolicy(collector.list(), built.sources.values(), store.config.rules)
  const diagnostics = policy.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  const strict = store.config.strict || process.env.HANDBOOK_STRICT === '1'
  const report = buildReport(diagnostics, { strict, suppressed: policy.suppressed.length })
  if (diagnostics.length > 0 || withSummary) {
    const style = process.env.HANDBOOK_REPORT
    const options = {
      color: process.stdout.isTTY === true && !process.env.NO_COLOR,
      documents: built.sources.size,
    }
    print('')
    const lines =
      style === 'lines'
        ? ['Handbook report', ...formatLinesReport(report)]
        : style === 'full'
          ? formatHumanReport(report, options)
          : formatBuildReport(report, options)
    for (const line of lines) print(line)
  }
  return report.summary.failed
}
