import { styleText } from 'node:util'
import { formatDiagnostic, messageSource, type Diagnostic, type Severity } from './diagnostics.ts'
import { getRule, ruleIds } from './rules.ts'

/** One problem: a single finding, or the same problem found in several places. */
export interface ReportGroup {
  ruleId: string
  severity: Severity
  /** The problem's key (the undefined ID, the unknown name), when it has one. */
  key?: string
  /** One line saying what is wrong: the message, or for many places the rule's headline. */
  title: string
  /** How to fix it: the finding's own fix, else the rule's. */
  fix?: string
  /** What was expected, when the finding says. */
  expected?: string[]
  /** Every finding of the group, in file order. */
  diagnostics: Diagnostic[]
}

/** Findings of one rule, by severity. */
export interface RuleCount {
  ruleId: string
  errors: number
  warnings: number
  infos: number
  total: number
}

/** The head of the report. */
export interface ReportSummary {
  errors: number
  warnings: number
  infos: number
  /** Findings silenced by `handbook-ignore-next-line` comments. */
  suppressed: number
  /** Files with at least one finding. */
  files: number
  /** Findings per rule, most first. */
  byRule: RuleCount[]
  /** The files with the most findings, most first (at most `topFiles`). */
  topFiles: Array<{ file: string; count: number }>
  strict: boolean
  /** Whether the policy fails the run: errors, or warnings when strict. */
  failed: boolean
}

/** Everything the formats print: the summary, then the grouped findings. */
export interface Report {
  summary: ReportSummary
  /** Errors first, then warnings, then infos; within each, the problems found most often first. */
  groups: ReportGroup[]
  /** Every finding, by file, line and column. */
  diagnostics: Diagnostic[]
}

/** Options of `buildReport`. */
export interface ReportOptions {
  /** Warnings fail too. @default false */
  strict?: boolean
  /** How many findings were silenced by comments. @default 0 */
  suppressed?: number
  /** How many files the summary names. @default 5 */
  topFiles?: number
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Builds the report from the findings left after the policy: counts by rule
 * and the files with the most findings, then the findings grouped — one
 * entry for one problem found in many places. Findings group by rule,
 * severity and key (the emitter's `key`, else the key the rule's `grouping`
 * reads from the message), else by identical message.
 */
export function buildReport(
  diagnostics: readonly Diagnostic[],
  options: ReportOptions = {},
): Report {
  const sorted = sortByPlace(diagnostics)
  const groups = new Map<string, ReportGroup>()
  for (const diagnostic of sorted) {
    const rule = getRule(diagnostic.ruleId)
    const key = diagnostic.key ?? keyFromMessage(diagnostic)
    const id = [
      diagnostic.severity,
      diagnostic.ruleId,
      key ?? `message:${diagnostic.message}`,
    ].join('\u0000')
    const group = groups.get(id)
    if (group) {
      group.diagnostics.push(diagnostic)
      continue
    }
    const fix = diagnostic.fix ?? rule?.fix
    groups.set(id, {
      ruleId: diagnostic.ruleId,
      severity: diagnostic.severity,
      ...(key === undefined ? {} : { key }),
      title: diagnostic.message,
      ...(fix ? { fix } : {}),
      ...(diagnostic.expected ? { expected: diagnostic.expected } : {}),
      diagnostics: [diagnostic],
    })
  }
  for (const group of groups.values()) {
    const count = group.diagnostics.length
    if (count === 1) continue
    const grouping = getRule(group.ruleId)?.grouping
    group.title =
      group.key !== undefined && grouping
        ? grouping.title(group.key, count)
        : `${group.diagnostics[0]!.message} (${count} places)`
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      severityOrder[a.severity] - severityOrder[b.severity] ||
      b.diagnostics.length - a.diagnostics.length ||
      ruleOrder(a.ruleId) - ruleOrder(b.ruleId) ||
      comparePlace(a.diagnostics[0]!, b.diagnostics[0]!),
  )
  return { summary: summarize(sorted, options), groups: ordered, diagnostics: sorted }
}

function keyFromMessage(diagnostic: Diagnostic): string | undefined {
  const grouping = getRule(diagnostic.ruleId)?.grouping
  const match = grouping?.keyFromMessage.exec(diagnostic.message)
  return match ? match.slice(1).join(' ') : undefined
}

function summarize(diagnostics: Diagnostic[], options: ReportOptions): ReportSummary {
  const byRule = new Map<string, RuleCount>()
  const byFile = new Map<string, number>()
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const diagnostic of diagnostics) {
    const count = byRule.get(diagnostic.ruleId) ?? {
      ruleId: diagnostic.ruleId,
      errors: 0,
      warnings: 0,
      infos: 0,
      total: 0,
    }
    count.total++
    if (diagnostic.severity === 'error') {
      count.errors++
      errors++
    } else if (diagnostic.severity === 'warning') {
      count.warnings++
      warnings++
    } else {
      count.infos++
      infos++
    }
    byRule.set(diagnostic.ruleId, count)
    byFile.set(diagnostic.file, (byFile.get(diagnostic.file) ?? 0) + 1)
  }
  const strict = options.strict === true
  return {
    errors,
    warnings,
    infos,
    suppressed: options.suppressed ?? 0,
    files: byFile.size,
    byRule: [...byRule.values()].sort(
      (a, b) =>
        b.errors - a.errors || b.total - a.total || ruleOrder(a.ruleId) - ruleOrder(b.ruleId),
    ),
    topFiles: [...byFile]
      .map(([file, count]) => ({ file, count }))
      .sort((a, b) => b.count - a.count || a.file.localeCompare(b.file))
      .slice(0, options.topFiles ?? 5),
    strict,
    failed: errors > 0 || (strict && warnings > 0),
  }
}

function ruleOrder(ruleId: string): number {
  const index = (ruleIds as string[]).indexOf(ruleId)
  return index === -1 ? ruleIds.length : index
}

function comparePlace(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  )
}

function sortByPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(comparePlace)
}

/** `path:line:col`, as far as the finding has them. */
export function formatPlace(diagnostic: Diagnostic): string {
  return [diagnostic.file, diagnostic.line, diagnostic.line ? diagnostic.column : undefined]
    .filter((part) => part !== undefined && part !== 0)
    .join(':')
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** `2 errors, 31 warnings` (and the strict note). */
export function formatCounts(summary: ReportSummary): string {
  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : ''
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${suppressed}${
    summary.strict ? ' (strict: warnings fail)' : ''
  }`
}

/** Options of the human formats. */
export interface HumanFormatOptions {
  /** ANSI colours (only on a terminal, and not with NO_COLOR: the caller decides). @default false */
  color?: boolean
  /** Documents checked, for the headline. */
  documents?: number
  /** Wrap lists of places at this width. @default 100 */
  width?: number
}

type Style = Parameters<typeof styleText>[0]

function createPaint(color: boolean) {
  return (style: Style, text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text
}

/** The summary: headline, findings per rule, the files with the most findings. */
export function formatSummary(report: Report, options: HumanFormatOptions = {}): string[] {
  const paint = createPaint(options.color === true)
  const { summary } = report
  const checked =
    options.documents === undefined ? '' : ` (${plural(options.documents, 'document')} checked)`
  const lines = [
    paint(
      'bold',
      `Handbook report: ${formatCounts(summary)} in ${plural(summary.files, 'file')}${checked}`,
    ),
  ]
  if (summary.byRule.length > 0) {
    const width = Math.max(...summary.byRule.map((count) => count.ruleId.length))
    lines.push('  by rule:')
    for (const count of summary.byRule) {
      const parts = [
        count.errors ? paint('red', plural(count.errors, 'error')) : '',
        count.warnings ? paint('yellow', plural(count.warnings, 'warning')) : '',
        count.infos ? plural(count.infos, 'info') : '',
      ].filter(Boolean)
      lines.push(`    ${count.ruleId.padEnd(width)}  ${parts.join(', ')}`)
    }
  }
  if (summary.topFiles.length > 0) {
    lines.push(
      `  most findings: ${summary.topFiles.map((entry) => `${entry.file} (${entry.count})`).join(', ')}`,
    )
  }
  return lines
}

/**
 * One group as lines: a single finding as `path:line:col  message  handbook:rule`,
 * many as a headline and the list of places; then what was expected and the fix.
 */
export function formatGroup(group: ReportGroup, options: HumanFormatOptions = {}): string[] {
  const paint = createPaint(options.color === true)
  const rule = paint('dim', `${messageSource}:${group.ruleId}`)
  const lines: string[] = []
  const [first] = group.diagnostics
  if (group.diagnostics.length === 1 && first) {
    lines.push(`  ${paint('underline', formatPlace(first))}  ${group.title}  ${rule}`)
  } else {
    lines.push(`  ${group.title}  ${rule}`)
    lines.push(...wrapPlaces(group.diagnostics.map(formatPlace), options.width ?? 100, '    '))
  }
  if (group.expected?.length) lines.push(`    expected: ${group.expected.join(', ')}`)
  if (group.fix) lines.push(paint('dim', `    fix: ${group.fix}`))
  return lines
}

function wrapPlaces(places: string[], width: number, indent: string): string[] {
  const lines: string[] = []
  let line = indent
  places.forEach((place, index) => {
    const piece = index < places.length - 1 ? `${place},` : place
    if (line.length > indent.length && line.length + 1 + piece.length > width) {
      lines.push(line)
      line = indent
    }
    line += line.length > indent.length ? ` ${piece}` : piece
  })
  if (line.length > indent.length) lines.push(line)
  return lines
}

/** The whole report, as `npm run check` prints it: summary, then errors, warnings and infos. */
export function formatHumanReport(report: Report, options: HumanFormatOptions = {}): string[] {
  const paint = createPaint(options.color === true)
  const lines = formatSummary(report, options)
  const sections: Array<[Severity, string, 'red' | 'yellow' | 'blue']> = [
    ['error', 'Errors', 'red'],
    ['warning', 'Warnings', 'yellow'],
    ['info', 'Information', 'blue'],
  ]
  for (const [severity, heading, style] of sections) {
    const groups = report.groups.filter((group) => group.severity === severity)
    if (groups.length === 0) continue
    const count = groups.reduce((sum, group) => sum + group.diagnostics.length, 0)
    lines.push('', paint(['bold', style], `${heading} (${count})`))
    for (const group of groups) lines.push(...formatGroup(group, options))
  }
  lines.push(
    '',
    `${formatCounts(report.summary)}. Each rule is explained in docs/diagnostics.md; silence one place with <!-- handbook-ignore-next-line rule-id -->.`,
  )
  return lines
}

/**
 * What the build prints: the summary, the groups that fail it (up to
 * `limit`), and where to read the rest.
 */
export function formatBuildReport(
  report: Report,
  options: HumanFormatOptions & { limit?: number } = {},
): string[] {
  const lines = formatSummary(report, options)
  const failing = report.groups.filter(
    (group) =>
      group.severity === 'error' || (report.summary.strict && group.severity === 'warning'),
  )
  const limit = options.limit ?? 10
  for (const group of failing.slice(0, limit)) lines.push(...formatGroup(group, options))
  if (failing.length > limit) lines.push(`  … and ${failing.length - limit} more`)
  if (report.diagnostics.length > 0) {
    lines.push('Run `npm run check` for every finding, grouped, with fixes (docs/diagnostics.md).')
  }
  return lines
}

/** One line per finding, `path:line:col  severity  message  handbook:rule`, for editors' problem matchers. */
export function formatLinesReport(report: Report): string[] {
  return [...report.diagnostics.map(formatDiagnostic), formatCounts(report.summary)]
}
