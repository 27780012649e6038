import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { isRuleId, ruleIds, rules } from '../../core/diagnostics/rules.ts'
import { findRuleIdUses } from '../../scripts/rules/find-rule-ids.ts'

const projectRoot = resolve(import.meta.dirname, '../..')
const uses = findRuleIdUses(projectRoot)

describe('the rule registry', () => {
  test('the scanner finds the rule ids the code emits', () => {
    // If these stop being found, the scanner has gone blind, not the code clean.
    const found = new Set(uses.map((use) => use.id))
    for (const id of ['unknown-requirement', 'ambiguous-section', 'stale-section-title']) {
      expect(found).toContain(id)
    }
  })

  test('every rule id used in the source is registered in core/diagnostics/rules.ts', () => {
    const missing = uses
      .filter((use) => !isRuleId(use.id))
      .map((use) => `${use.file}:${use.line}  \`${use.id}\``)
    expect(
      missing,
      'Add these rules to core/diagnostics/rules.ts, then run `npm run schema`',
    ).toEqual([])
  })

  test.each(ruleIds)('%s is kebab-case and fully described', (id) => {
    const rule = rules[id]
    expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/)
    expect(rule.meaning).toMatch(/\.$/)
    expect(rule.fix.length).toBeGreaterThan(5)
    expect(rule.example.length).toBeGreaterThan(0)
  })
})
