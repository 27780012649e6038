import type { VFile } from 'vfile'
import {
  diagnosticsFromFile,
  type DiagnosticCollector,
} from '../../core/diagnostics/diagnostics.ts'
import { getPageData } from '../../core/page-data.ts'

/** Options of `rehypeReportMessages`. */
export interface Options {
  /** Where the messages of each rendered page go; the integration prints them. */
  collector: DiagnosticCollector
}

/**
 * Hands the messages our remark plugins recorded on a page to the collector,
 * with lines counted as in the author's file. Astro itself never prints
 * non-fatal plugin messages, so without this they would vanish.
 */
export function rehypeReportMessages(options: Options) {
  return (_tree: unknown, file: VFile) => reportMessages(options.collector, file)
}

/** Hands one page's messages to the collector (nothing for a file that is no page). */
export function reportMessages(collector: DiagnosticCollector, file: VFile): void {
  const page = getPageData(file)
  if (!page) return
  collector.setFile(page.path, diagnosticsFromFile(file, page.path, page.lineOffset))
}
