import { relative, resolve, sep } from 'node:path'
import {
  SarifBuilder,
  SarifResultBuilder,
  SarifRuleBuilder,
  SarifRunBuilder,
} from 'node-sarif-builder'
import type { Log, Result } from 'sarif'
import type { Diagnostic, Severity } from '../../core/diagnostics/diagnostics.ts'
import type { Report } from '../../core/diagnostics/report.ts'
import { ruleIds, rules, type RuleDefinition } from '../../core/diagnostics/rules.ts'

const levels: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' }

/** Where the SARIF log's paths start and what tool wrote it. */
export interface SarifContext {
  tool: { name: string; version: string; informationUri?: string }
  /** The content root, absolute: diagnostics' paths are relative to it. */
  contentRoot: string
  /**
   * The folder artifact URIs are relative to: the repository root, where
   * GitHub code scanning expects them (the working directory in CI).
   */
  sourceRoot: string
}

/**
 * The report as a SARIF 2.1.0 log, built with node-sarif-builder (it fills
 * in the rule and artifact indexes): every rule of the registry with its
 * meaning and fix as help, and one result per finding, located relative to
 * `sourceRoot` so that GitHub code scanning shows it on the pull request.
 */
export function toSarif(report: Report, context: SarifContext): Log {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: context.tool.name,
    toolDriverVersion: context.tool.version,
    ...(context.tool.informationUri ? { url: context.tool.informationUri } : {}),
  })
  run.run.columnKind = 'utf16CodeUnits'
  for (const id of ruleIds) {
    const rule: RuleDefinition = rules[id]
    const builder = new SarifRuleBuilder().initSimple({
      ruleId: id,
      shortDescriptionText: rule.meaning,
      fullDescriptionText: `${rule.meaning} Fix: ${rule.fix}`,
    })
    builder.rule.name = id
    builder.rule.help = {
      text: rule.notes ? `${rule.fix} ${rule.notes}` : rule.fix,
      markdown: `${rule.fix}\n\nExample:\n\n\`\`\`${rule.exampleLanguage ?? 'md'}\n${rule.example}\n\`\`\``,
    }
    builder.rule.defaultConfiguration = { level: levels[rule.severity] }
    builder.rule.properties = { tags: [rule.area] }
    run.addRule(builder)
  }
  for (const diagnostic of report.diagnostics) {
    const result = new SarifResultBuilder().initSimple({
      level: levels[diagnostic.severity],
      messageText: diagnostic.message,
      ruleId: diagnostic.ruleId,
      fileUri: toUri(diagnostic, context),
    })
    const region = toRegion(diagnostic)
    if (region) result.setLocationRegion(region)
    if (diagnostic.key !== undefined) result.result.properties = { key: diagnostic.key }
    run.addResult(result)
  }
  const log = new SarifBuilder()
  log.addRun(run)
  // node-sarif-builder names the schema's old http address; use the one the SARIF spec gives.
  return { ...log.buildSarifOutput(), $schema: 'https://json.schemastore.org/sarif-2.1.0.json' }
}

function toUri(diagnostic: Diagnostic, context: SarifContext): string {
  const absolute = resolve(context.contentRoot, diagnostic.file)
  return relative(context.sourceRoot, absolute).split(sep).map(encodeURIComponent).join('/')
}

function toRegion(diagnostic: Diagnostic) {
  if (!diagnostic.line) return undefined
  return {
    startLine: diagnostic.line,
    ...(diagnostic.column ? { startColumn: diagnostic.column } : {}),
    ...(diagnostic.endLine && diagnostic.endLine >= diagnostic.line
      ? {
          endLine: diagnostic.endLine,
          ...(diagnostic.endColumn ? { endColumn: diagnostic.endColumn } : {}),
        }
      : {}),
  }
}
