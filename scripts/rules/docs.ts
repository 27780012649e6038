// The generated files of the rule registry and the report: docs/diagnostics.md (its rule pages)
// and docs/handbook-report.schema.json. `npm run schema` writes them; a unit test checks them.
import { format, resolveConfig } from 'prettier'
import { buildJsonReportSchema } from '../../check/formats/json.ts'
import { buildRuleDocs, replaceGeneratedPart } from '../../core/diagnostics/rule-docs.ts'

export const diagnosticsDocPath = 'docs/diagnostics.md'
export const reportSchemaPath = 'docs/handbook-report.schema.json'

/** `docs/diagnostics.md` as it should be: `current` with its rule pages regenerated, formatted. */
export async function renderDiagnosticsDoc(current: string, projectRoot: string): Promise<string> {
  const file = `${projectRoot}/${diagnosticsDocPath}`
  const options = (await resolveConfig(file)) ?? {}
  return format(replaceGeneratedPart(current, buildRuleDocs()), {
    ...options,
    filepath: file,
  })
}

/** `docs/handbook-report.schema.json` as it should be, formatted as `npm test` checks it. */
export async function renderReportSchema(projectRoot: string): Promise<string> {
  const file = `${projectRoot}/${reportSchemaPath}`
  const options = (await resolveConfig(file)) ?? {}
  return format(JSON.stringify(buildJsonReportSchema()), { ...options, filepath: file })
}
