// `npm run schema`: writes handbook.schema.json from the zod schema (for editor completion), and
// from the rule registry the rule pages in docs/diagnostics.md and the JSON report's schema.
import { readFileSync, writeFileSync } from 'node:fs'
import { buildConfigJsonSchema } from '../core/config/schema.ts'
import { isRuleId } from '../core/diagnostics/rules.ts'
import { findRuleIdUses } from './rules/find-rule-ids.ts'
import {
  diagnosticsDocPath,
  renderDiagnosticsDoc,
  renderReportSchema,
  reportSchemaPath,
} from './rules/docs.ts'

writeFileSync('handbook.schema.json', `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`)
console.log('Wrote handbook.schema.json')
writeFileSync(
  diagnosticsDocPath,
  await renderDiagnosticsDoc(readFileSync(diagnosticsDocPath, 'utf8'), process.cwd()),
)
console.log(`Wrote the rule pages in ${diagnosticsDocPath}`)
writeFileSync(reportSchemaPath, await renderReportSchema(process.cwd()))
console.log(`Wrote ${reportSchemaPath}`)

const unregistered = findRuleIdUses(process.cwd()).filter((use) => !isRuleId(use.id))
for (const use of unregistered) {
  console.error(
    `${use.file}:${use.line}  rule \`${use.id}\` is emitted but not in core/diagnostics/rules.ts`,
  )
}
if (unregistered.length > 0) process.exitCode = 1
