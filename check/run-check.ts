import { relative, sep } from 'node:path'
import { performance } from 'node:perf_hooks'
import { unified, type PluggableList } from 'unified'
import { VFile } from 'vfile'
import {
  createDiagnosticCollector,
  diagnosticsFromFile,
  type Diagnostic,
} from '../core/diagnostics/diagnostics.ts'
import { applyHandbookPolicy } from '../core/diagnostics/policy.ts'
import { buildReport, formatCounts, type Report } from '../core/diagnostics/report.ts'
import type { HandbookConfig } from '../core/config/schema.ts'
import {
  findHandbookProblems,
  type HandbookIndex,
  type IndexStore,
} from '../core/handbook-index.ts'
import { parseMarkdown } from '../core/markdown/parse.ts'
import { renderOrder } from '../core/documents/render-order.ts'
import { toPageData } from '../core/page-data.ts'
import { createIndexStore } from '../io/index-store.ts'
import { configFileName, loadHandbookConfig, resolveContentRoot } from '../io/load-config.ts'
import { createMarkdownPlugins } from '../plugins/index.ts'

/** Options of `runCheck` and `createChecker`. */
export interface Options {
  contentRoot?: string
  /**
   * Fail on warnings too (also switched on by `"strict": true` in the config).
   * @default false
   */
  strict?: boolean
  /**
   * The index store to check against, shared with its owner (the dev server's, which its pages
   * render from): the checker builds no index of its own, and leaves invalidating it to the
   * owner, who does so when files change, before calling `recheck`.
   * @default a store of the checker's own
   */
  store?: IndexStore
}

/** What `npm run check` found. */
export interface CheckResult {
  /** The findings after the policy (rule levels, suppression comments), infos included. */
  diagnostics: Diagnostic[]
  /** The report of the findings, infos left out. */
  report: Report
  /** The report with infos (for `--verbose`). */
  verboseReport: Report
  failed: boolean
  /** `0 errors, 3 warnings`. */
  summary: string
  documents: number
  contentRoot: string
  /** Documents analysed in this run (all of them, or the changed ones and their citers). */
  analysed: string[]
  /** Milliseconds: rebuilding the index, analysing documents, the whole run. */
  timings: { indexMs: number; analysisMs: number; totalMs: number }
  /** The index the run checked against, and its configuration: what the role review reads too. */
  built: HandbookIndex
  config: HandbookConfig
}

/** A check that can run again after files change, re-analysing only what a change touches. */
export interface Checker {
  readonly contentRoot: string
  /** Analyses every document. */
  check(): Promise<CheckResult>
  /**
   * Re-checks after `changedFiles` (absolute paths) changed: the index is
   * rebuilt, then only the changed documents and the documents whose
   * references pointed into them, or whose findings name them, are analysed
   * again. A change to the configuration, or a document added or removed,
   * re-checks everything.
   */
  recheck(changedFiles: string[]): Promise<CheckResult>
}

/**
 * Runs the handbook's own analysis over the content without building pages:
 * the document index, then our remark plugins over every document, exactly
 * as the build runs them (same parse, same options), collecting every
 * message. No Astro, no HTML.
 */
export async function runCheck(options: Options = {}): Promise<CheckResult> {
  return createChecker(options).check()
}

/** Creates a checker over the content root; nothing is read until `check()`. */
export function createChecker(options: Options = {}): Checker {
  const contentRoot = options.contentRoot ?? resolveContentRoot()
  let config: HandbookConfig | undefined
  let store: IndexStore | undefined
  let processor: ReturnType<typeof createProcessor> | undefined
  /** The findings of each document's analysis, by path. */
  const byDocument = new Map<string, Diagnostic[]>()
  let previous: HandbookIndex | undefined

  const setUp = () => {
    config = options.store?.config ?? loadHandbookConfig(contentRoot)
    store = options.store ?? createIndexStore(contentRoot, config)
    processor = createProcessor(store, config)
    byDocument.clear()
    previous = undefined
  }

  const analyse = async (built: HandbookIndex, paths: Iterable<string>) => {
    // In the build's order: requirement documents last, so that the citations their backlinks
    // show are recorded by the time they are analysed, and no page is analysed twice.
    const wanted = new Set(paths)
    const documents = built.index.documents.filter((document) => wanted.has(document.path))
    const ordered = [
      ...renderOrder(documents).map((document) => document.path),
      ...[...wanted].filter((path) => !built.index.documentsByPath.has(path)),
    ]
    let lastYield = performance.now()
    for (const path of ordered) {
      const source = built.sources.get(path)
      if (!source) {
        byDocument.delete(path)
        continue
      }
      const page = toPageData(source)
      // The build renders the body after one newline (see toRenderInput); do the same so lines agree.
      const file = new VFile({
        path: source.path,
        value: `\n${source.body}`,
        data: { astro: { frontmatter: { handbook: page } } },
      })
      // As the page is parsed: remarkDocumentPage shows active HTML as code and reports it.
      const tree = parseMarkdown(String(file.value), { keepActiveHtml: true })
      await processor!.run(tree, file)
      byDocument.set(path, diagnosticsFromFile(file, page.path, page.lineOffset))
      // The dev server runs this check in its own process: let it answer requests in between.
      if (performance.now() - lastYield > yieldEveryMs) {
        await new Promise((resolve) => setImmediate(resolve))
        lastYield = performance.now()
      }
    }
  }

  const finish = (
    built: HandbookIndex,
    analysed: string[],
    started: number,
    indexMs: number,
  ): CheckResult => {
    const analysisMs = performance.now() - started - indexMs
    const strict = options.strict === true || config!.strict
    const policy = applyHandbookPolicy(
      [...findHandbookProblems(built), ...[...byDocument.values()].flat()],
      built.sources.values(),
      config!.rules,
    )
    const reported = policy.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
    const reportOptions = { strict, suppressed: policy.suppressed.length }
    const report = buildReport(reported, reportOptions)
    previous = built
    return {
      diagnostics: policy.diagnostics,
      report,
      verboseReport: buildReport(policy.diagnostics, reportOptions),
      failed: report.summary.failed,
      summary: formatCounts(report.summary),
      documents: built.sources.size,
      contentRoot,
      analysed,
      timings: { indexMs, analysisMs, totalMs: performance.now() - started },
      built,
      config: config!,
    }
  }

  const check = async (): Promise<CheckResult> => {
    const started = performance.now()
    setUp()
    const built = store!.get()
    const indexMs = performance.now() - started
    byDocument.clear()
    const paths = [...built.sources.keys()]
    await analyse(built, paths)
    return finish(built, paths, started, indexMs)
  }

  const recheck = async (changedFiles: string[]): Promise<CheckResult> => {
    const changed = changedFiles.map((file) => relative(contentRoot, file).split(sep).join('/'))
    if (!store || !previous || changed.includes(configFileName)) return check()
    const started = performance.now()
    const before = previous
    if (!options.store) store.invalidate()
    const built = store.get()
    const indexMs = performance.now() - started
    const samePaths =
      before.sources.size === built.sources.size &&
      [...built.sources.keys()].every((path) => before.sources.has(path))
    if (!samePaths) {
      byDocument.clear()
      const paths = [...built.sources.keys()]
      await analyse(built, paths)
      return finish(built, paths, started, indexMs)
    }
    const documents = changed.filter((path) => built.sources.has(path))
    const affected = new Set(documents)
    for (const path of documents) {
      for (const citer of findCiters(before, path)) affected.add(citer)
      // A finding elsewhere that names this document (`§12.9`, expected a section of it) may change.
      for (const [other, findings] of byDocument) {
        if (findings.some((finding) => finding.message.includes(path))) affected.add(other)
      }
    }
    // Every other document reads as it did: its citations are carried over, not analysed again.
    for (const document of built.index.documents) {
      if (affected.has(document.path)) continue
      const page = before.citationRecorder.page(document.path)
      if (page) built.citationRecorder.record(document.path, page)
    }
    const paths = [...affected].sort()
    await analyse(built, paths)
    return finish(built, paths, started, indexMs)
  }

  return { contentRoot, check, recheck }
}

/** How long the check runs before it lets other work in the same process run. */
const yieldEveryMs = 50

function createProcessor(store: IndexStore, config: HandbookConfig) {
  const { remarkPlugins } = createMarkdownPlugins({
    store,
    collector: createDiagnosticCollector(),
    ...(config.base ? { base: config.base } : {}),
  })
  // The tree is parsed by parseMarkdown: the tree Astro's unified pipeline parses, faster.
  return unified().use(remarkPlugins as PluggableList)
}

/**
 * The documents whose references point into `path`: they cite one of its
 * sections, or a requirement it defines (including mentions that found no
 * definition, which the citation index keeps under their ID).
 */
export function findCiters(built: HandbookIndex, path: string): Set<string> {
  const citers = new Set<string>()
  const prefix = `${path}#`
  for (const [key, citations] of built.citations.sections) {
    if (!key.startsWith(prefix)) continue
    for (const citation of citations) citers.add(citation.document)
  }
  for (const [id, requirement] of built.index.requirements) {
    if (requirement.document !== path) continue
    for (const citation of built.citations.requirements.get(id) ?? []) {
      citers.add(citation.document)
    }
  }
  citers.delete(path)
  return citers
}
