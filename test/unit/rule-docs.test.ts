import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildRuleDocs, replaceGeneratedPart } from '../../core/diagnostics/rule-docs.ts'
import { ruleIds, rules } from '../../core/diagnostics/rules.ts'
import {
  diagnosticsDocPath,
  renderDiagnosticsDoc,
  renderReportSchema,
  reportSchemaPath,
} from '../../scripts/rules/docs.ts'

const projectRoot = resolve(import.meta.dirname, '../..')
const committed = readFileSync(resolve(projectRoot, diagnosticsDocPath), 'utf8')

describe('docs/diagnostics.md', () => {
  test('is what the rule registry generates (run `npm run schema`)', async () => {
    expect(await renderDiagnosticsDoc(committed, projectRoot)).toBe(committed)
  })

  test.each(ruleIds)('has a page for %s with its severity, example, fix and silencing', (id) => {
    const page = committed.slice(committed.indexOf(`#### ${id}\n`))
    const section = page.slice(
      0,
      page.indexOf('\n#### ', 1) === -1 ? undefined : page.indexOf('\n#### ', 1),
    )
    expect(section).toContain(`**Default severity:** ${rules[id].severity}.`)
    expect(section).toContain('Triggered by:')
    expect(section).toContain('**Fix:**')
    expect(section).toContain(`"rules": { "${id}": "off" }`)
  })

  test('the README links to it', () => {
    expect(readFileSync(resolve(projectRoot, 'README.md'), 'utf8')).toContain(
      '](docs/diagnostics.md',
    )
  })

  test('the generated part replaces only what lies between the markers', () => {
    const document =
      'Intro.\n\n<!-- rules:start (generated from core/diagnostics/rules.ts by `npm run schema`) -->\nold\n<!-- rules:end -->\n\nOutro.\n'
    const replaced = replaceGeneratedPart(document, buildRuleDocs())
    expect(replaced.startsWith('Intro.')).toBe(true)
    expect(replaced.endsWith('<!-- rules:end -->\n\nOutro.\n')).toBe(true)
    expect(replaced).not.toContain('\nold\n')
    expect(() => replaceGeneratedPart('no markers', 'x')).toThrow(/markers/)
  })
})

test('docs/handbook-report.schema.json is the published schema of --format json (run `npm run schema`)', async () => {
  expect(readFileSync(resolve(projectRoot, reportSchemaPath), 'utf8')).toBe(
    await renderReportSchema(projectRoot),
  )
})
