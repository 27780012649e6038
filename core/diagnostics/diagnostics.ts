import type { VFile } from 'vfile'
import type { Severity } from './rules.ts'

export type { Severity } from './rules.ts'

/** The `source` our plugins give their vfile messages, and the prefix of printed rule ids. */
export const messageSource = 'handbook'

/**
 * One problem, located in the author's file.
 *
 * Emitters that record vfile messages set the optional fields through
 * vfile's own message fields, which `diagnosticsFromFile` reads:
 * `message.actual` is the `key`, `message.expected` the `expected` values and
 * `message.note` the `fix`.
 */
export interface Diagnostic {
  /** Path relative to the content root (or the config file name). */
  file: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  severity: Severity
  /** A rule of `core/diagnostics/rules.ts` (printed as `handbook:<ruleId>`). */
  ruleId: string
  message: string
  /**
   * What the problem is about, so that the report lists one problem found in
   * many places once: the undefined ID (`CLD-REQ-099`), the unknown document
   * name. Findings of one rule with one key form one group; without a key,
   * findings with the same message do.
   */
  key?: string
  /** What would have been right here (`§12.1`–`§12.6`, the known document names). */
  expected?: string[]
  /** How to fix this one finding, when it is more precise than the rule's fix. */
  fix?: string
}

/**
 * Formats one diagnostic as `path:line:col  severity  message  handbook:rule`,
 * the shape editors and CI logs turn into clickable locations.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = [diagnostic.file, diagnostic.line, diagnostic.line ? diagnostic.column : undefined]
    .filter((part) => part !== undefined && part !== 0)
    .join(':')
  return `${place}  ${diagnostic.severity}  ${diagnostic.message}  ${messageSource}:${diagnostic.ruleId}`
}

/** Orders diagnostics by file, then line and column. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.ruleId.localeCompare(b.ruleId),
  )
}

/** Counts by severity and the process exit code that policy implies. */
export function summarizeDiagnostics(
  diagnostics: Diagnostic[],
  options: { strict: boolean },
): { errors: number; warnings: number; infos: number; failed: boolean; line: string } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length
  const infos = diagnostics.filter((d) => d.severity === 'info').length
  const failed = errors > 0 || (options.strict && warnings > 0)
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const line = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${
    options.strict ? ' (strict: warnings fail)' : ''
  }`
  return { errors, warnings, infos, failed, line }
}

/**
 * Collects diagnostics across pages. Re-rendering a page (in `astro dev`)
 * replaces that page's earlier diagnostics instead of adding to them.
 */
export interface DiagnosticCollector {
  /** Replaces every diagnostic of `file` with the given ones. */
  setFile(file: string, diagnostics: Diagnostic[]): void
  /** Adds diagnostics that belong to no single render (config, index). */
  addGlobal(diagnostics: Diagnostic[]): void
  clearGlobal(): void
  list(): Diagnostic[]
}

export function createDiagnosticCollector(): DiagnosticCollector {
  const byFile = new Map<string, Diagnostic[]>()
  let global: Diagnostic[] = []
  return {
    setFile(file, diagnostics) {
      byFile.set(file, diagnostics)
    },
    addGlobal(diagnostics) {
      global.push(...diagnostics)
    },
    clearGlobal() {
      global = []
    },
    list() {
      return sortDiagnostics([...global, ...[...byFile.values()].flat()])
    },
  }
}

/**
 * Our messages on a vfile, as diagnostics: only those with our source, lines
 * shifted by `lineOffset` to count the frontmatter Astro strips.
 */
export function diagnosticsFromFile(file: VFile, path: string, lineOffset: number): Diagnostic[] {
  return file.messages
    .filter((message) => message.source === messageSource)
    .map((message) => {
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      return {
        file: path,
        ...(message.line ? { line: message.line + lineOffset } : {}),
        ...(message.column ? { column: message.column } : {}),
        ...(end?.line ? { endLine: end.line + lineOffset, endColumn: end.column } : {}),
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        ruleId: message.ruleId ?? 'unknown',
        message: message.reason,
        ...(message.actual ? { key: message.actual } : {}),
        ...(message.expected?.length ? { expected: message.expected } : {}),
        ...(message.note ? { fix: message.note } : {}),
      }
    })
}
