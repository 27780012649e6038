import { z } from 'zod'
import type { Report } from '../../core/diagnostics/report.ts'

/** The version of the `--format json` output; raised on any incompatible change. */
export const jsonReportVersion = 1

const severity = z.enum(['error', 'warning', 'info'])

const place = {
  file: z.string().describe('Path relative to the content root (or `handbook.config.json`).'),
  line: z.number().int().positive().optional().describe("The author's line, frontmatter included."),
  column: z.number().int().positive().optional(),
}

const diagnosticSchema = z.strictObject({
  ...place,
  endLine: z.number().int().positive().optional(),
  endColumn: z.number().int().positive().optional(),
  severity,
  ruleId: z.string().describe('A rule of docs/diagnostics.md, without the `handbook:` prefix.'),
  message: z.string(),
  key: z.string().optional().describe('What the problem is about: the undefined ID, the name.'),
  expected: z.array(z.string()).optional(),
  fix: z.string().optional(),
  group: z.number().int().nonnegative().describe('Index of its entry in `groups`.'),
})

const groupSchema = z.strictObject({
  ruleId: z.string(),
  severity,
  key: z.string().optional(),
  title: z.string().describe('One line: the message, or for many places the headline.'),
  count: z.number().int().positive(),
  fix: z.string().optional(),
  expected: z.array(z.string()).optional(),
  locations: z.array(z.strictObject(place)),
})

/** The shape of `npm run check -- --format json`, version 1 (also published as JSON Schema). */
export const jsonReportSchema = z
  .strictObject({
    version: z.literal(jsonReportVersion),
    tool: z.strictObject({ name: z.string(), version: z.string() }),
    contentRoot: z.string().describe('The content root, absolute.'),
    documents: z.number().int().nonnegative().describe('Documents checked.'),
    summary: z.strictObject({
      errors: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
      infos: z.number().int().nonnegative(),
      suppressed: z.number().int().nonnegative(),
      files: z.number().int().nonnegative(),
      strict: z.boolean(),
      failed: z.boolean().describe('Errors, or warnings when strict: the exit code is 1.'),
      byRule: z.array(
        z.strictObject({
          ruleId: z.string(),
          errors: z.number().int().nonnegative(),
          warnings: z.number().int().nonnegative(),
          infos: z.number().int().nonnegative(),
          total: z.number().int().nonnegative(),
        }),
      ),
      topFiles: z.array(z.strictObject({ file: z.string(), count: z.number().int().positive() })),
    }),
    groups: z.array(groupSchema).describe('Errors first, then warnings; most places first.'),
    diagnostics: z.array(diagnosticSchema).describe('Every finding, by file, line and column.'),
  })
  .describe('Cloudless Handbook report (npm run check -- --format json)')

/** A `--format json` report. */
export type JsonReport = z.output<typeof jsonReportSchema>

/** The JSON Schema of the report, published as docs/handbook-report.schema.json. */
export function buildJsonReportSchema(): Record<string, unknown> {
  return z.toJSONSchema(jsonReportSchema, { target: 'draft-7' }) as Record<string, unknown>
}

/** The report as the versioned JSON document. */
export function toJsonReport(
  report: Report,
  context: { tool: { name: string; version: string }; contentRoot: string; documents: number },
): JsonReport {
  const groupOf = new Map<object, number>()
  report.groups.forEach((group, index) => {
    for (const diagnostic of group.diagnostics) groupOf.set(diagnostic, index)
  })
  return {
    version: jsonReportVersion,
    tool: context.tool,
    contentRoot: context.contentRoot,
    documents: context.documents,
    summary: report.summary,
    groups: report.groups.map((group) => ({
      ruleId: group.ruleId,
      severity: group.severity,
      ...(group.key === undefined ? {} : { key: group.key }),
      title: group.title,
      count: group.diagnostics.length,
      ...(group.fix ? { fix: group.fix } : {}),
      ...(group.expected ? { expected: group.expected } : {}),
      locations: group.diagnostics.map((diagnostic) => ({
        file: diagnostic.file,
        ...(diagnostic.line ? { line: diagnostic.line } : {}),
        ...(diagnostic.line && diagnostic.column ? { column: diagnostic.column } : {}),
      })),
    })),
    diagnostics: report.diagnostics.map((diagnostic) => ({
      file: diagnostic.file,
      ...(diagnostic.line ? { line: diagnostic.line } : {}),
      ...(diagnostic.line && diagnostic.column ? { column: diagnostic.column } : {}),
      ...(diagnostic.endLine ? { endLine: diagnostic.endLine } : {}),
      ...(diagnostic.endLine && diagnostic.endColumn ? { endColumn: diagnostic.endColumn } : {}),
      severity: diagnostic.severity,
      ruleId: diagnostic.ruleId,
      message: diagnostic.message,
      ...(diagnostic.key === undefined ? {} : { key: diagnostic.key }),
      ...(diagnostic.expected ? { expected: diagnostic.expected } : {}),
      ...(diagnostic.fix ? { fix: diagnostic.fix } : {}),
      group: groupOf.get(diagnostic) ?? 0,
    })),
  }
}
