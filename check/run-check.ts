import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkSmartypants from 'remark-smartypants'
import { unified, type PluggableList } from 'unified'
import { VFile } from 'vfile'
import { createDiagnosticCollector } from '../core/diagnostics/diagnostics.ts'
import { loadHandbookConfig, resolveContentRoot } from '../io/load-config.ts'
import { createIndexStore } from '../io/index-store.ts'
import { createMarkdownPlugins } from '../plugins/index.ts'
import {
  diagnosticsFromFile,
  summarizeDiagnostics,
  type Diagnostic,
} from '../core/diagnostics/diagnostics.ts'
import { toPageData } from '../core/page-data.ts'

/** Options of `runCheck`. */
export interface Options {
  contentRoot?: string
  /**
   * Fail on warnings too (also switched on by `"strict": true` in the config).
   * @default false
   */
  strict?: boolean
}

/** What `npm run check` found. */
export interface CheckResult {
  diagnostics: Diagnostic[]
  failed: boolean
  summary: string
  documents: number
}

/**
 * Runs the handbook's own analysis over the content without building pages:
 * the document index, then our remark plugins over every document, exactly
 * as the build runs them (same parse, same options), collecting every
 * message. No Astro, no HTML.
 */
export async function runCheck(options: Options = {}): Promise<CheckResult> {
  const contentRoot = options.contentRoot ?? resolveContentRoot()
  const config = loadHandbookConfig(contentRoot)
  const store = createIndexStore(contentRoot, config)
  const { remarkPlugins } = createMarkdownPlugins({
    store,
    collector: createDiagnosticCollector(),
    ...(config.base ? { base: config.base } : {}),
  })
  const built = store.get()
  const diagnostics: Diagnostic[] = [...built.problems]
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSmartypants)
    .use(remarkPlugins as PluggableList)
  for (const source of built.sources.values()) {
    const page = toPageData(source)
    // The build renders the body after one newline (see toRenderInput); do the same so lines agree.
    const file = new VFile({
      path: source.path,
      value: `\n${source.body}`,
      data: { astro: { frontmatter: { handbook: page } } },
    })
    await processor.run(processor.parse(file), file)
    diagnostics.push(...diagnosticsFromFile(file, page.path, page.lineOffset))
  }
  const strict = options.strict === true || config.strict
  const reported = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
  const summary = summarizeDiagnostics(reported, { strict })
  return {
    diagnostics,
    failed: summary.failed,
    summary: summary.line,
    documents: built.sources.size,
  }
}
