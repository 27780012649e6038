import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { printAnnotations, toAnnotations } from '../../check/formats/github.ts'
import { jsonReportSchema, toJsonReport } from '../../check/formats/json.ts'
import { toSarif } from '../../check/formats/sarif.ts'
import type { Diagnostic } from '../../core/diagnostics/diagnostics.ts'
import { buildReport } from '../../core/diagnostics/report.ts'
import { ruleIds } from '../../core/diagnostics/rules.ts'

const findings: Diagnostic[] = [
  {
    file: 'Requirements.MD',
    line: 302,
    column: 13,
    endLine: 302,
    endColumn: 24,
    severity: 'warning',
    ruleId: 'unknown-requirement',
    message: 'Unexpected requirement `CLD-REQ-099`: no requirements document defines it.',
  },
  {
    file: 'docs/design/a b.md',
    line: 3,
    column: 1,
    severity: 'warning',
    ruleId: 'unknown-requirement',
    message: 'Unexpected requirement `CLD-REQ-099`: no requirements document defines it.',
  },
  {
    file: 'Requirements.MD',
    line: 41,
    column: 3,
    severity: 'error',
    ruleId: 'duplicate-requirement',
    message: '`CLD-REQ-020` is defined twice, at 41:3 and 12:3; give one a new ID, 100% sure.',
    fix: 'Renumber the second one.',
  },
  {
    file: 'handbook.config.json',
    severity: 'warning',
    ruleId: 'empty-include',
    message: 'Include pattern `docs/*.md` (kind `design`) matches no file.',
  },
  {
    file: 'ENGINEERING_SOP.md',
    line: 9,
    column: 1,
    severity: 'info',
    ruleId: 'ignored-section',
    message: 'Not linked: `§XX` (placeholder).',
  },
]
const report = buildReport(findings, { suppressed: 1 })
const tool = { name: 'cloudless-handbook', version: '0.1.0' }
const contentRoot = '/repo/handbook'

describe('--format json', () => {
  const json = toJsonReport(report, { tool, contentRoot, documents: 25 })

  test('is version 1 and matches its published schema', () => {
    expect(json.version).toBe(1)
    expect(jsonReportSchema.parse(JSON.parse(JSON.stringify(json)))).toEqual(json)
  })

  test('holds the summary, the groups and every finding, each pointing at its group', () => {
    expect(json.summary).toMatchObject({
      errors: 1,
      warnings: 3,
      infos: 1,
      suppressed: 1,
      failed: true,
    })
    expect(json.groups[0]).toMatchObject({
      ruleId: 'duplicate-requirement',
      fix: 'Renumber the second one.',
    })
    const group = json.groups.find((entry) => entry.key === 'CLD-REQ-099')!
    expect(group).toMatchObject({
      title: '`CLD-REQ-099` is cited twice and defined nowhere',
      count: 2,
      locations: [
        { file: 'docs/design/a b.md', line: 3, column: 1 },
        { file: 'Requirements.MD', line: 302, column: 13 },
      ],
    })
    expect(json.diagnostics).toHaveLength(findings.length)
    for (const diagnostic of json.diagnostics) {
      expect(json.groups[diagnostic.group]!.ruleId).toBe(diagnostic.ruleId)
    }
    expect(json.diagnostics.find((d) => d.ruleId === 'empty-include')).not.toHaveProperty('line')
  })
})

/** ajv over the SARIF 2.1.0 schema that @microsoft/jest-sarif ships (draft-04), so no copy is kept here. */
function compileSarifSchema() {
  const schemaPath = createRequire(import.meta.url).resolve(
    '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
  )
  // The schema's `language` pattern (`…{2}]?$`) is not a valid unicode regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
  addFormats(ajv)
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
}

describe('--format sarif', () => {
  const sarif = toSarif(report, { tool, contentRoot, sourceRoot: '/repo' })
  const validate = compileSarifSchema()

  test('validates against the SARIF 2.1.0 JSON schema', () => {
    const valid = validate(JSON.parse(JSON.stringify(sarif)))
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  test('the schema validator rejects a broken log (the test can fail)', () => {
    const broken = JSON.parse(JSON.stringify(sarif))
    broken.runs[0].results[0].level = 'fatal'
    expect(validate(broken)).toBe(false)
  })

  test('every rule, one result per finding, located from the repository root', () => {
    const [run] = sarif.runs
    expect(sarif.version).toBe('2.1.0')
    expect(run!.tool.driver.rules!.map((rule) => rule.id)).toEqual(ruleIds)
    expect(run!.results).toHaveLength(findings.length)
    const result = run!.results!.find(
      (entry) =>
        entry.ruleId === 'unknown-requirement' &&
        entry.locations![0]!.physicalLocation!.region!.startLine === 302,
    )!
    expect(result.level).toBe('warning')
    expect(result.ruleIndex).toBe(ruleIds.indexOf('unknown-requirement'))
    expect(result.locations![0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'handbook/Requirements.MD' },
      region: { startLine: 302, startColumn: 13, endLine: 302, endColumn: 24 },
    })
    const spaced = run!.results!.find(
      (entry) =>
        entry.locations![0]!.physicalLocation!.artifactLocation!.uri !== undefined &&
        entry.locations![0]!.physicalLocation!.artifactLocation!.uri!.includes('design'),
    )!
    expect(spaced.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      'handbook/docs/design/a%20b.md',
    )
    const config = run!.results!.find((entry) => entry.ruleId === 'empty-include')!
    expect(config.locations![0]!.physicalLocation).not.toHaveProperty('region')
    expect(run!.results!.find((entry) => entry.ruleId === 'ignored-section')!.level).toBe('note')
  })
})

describe('GitHub Actions annotations', () => {
  afterEach(() => vi.restoreAllMocks())

  test('one per problem, at its first place, listing the others', () => {
    const annotations = toAnnotations(report, { contentRoot, sourceRoot: '/repo' })
    expect(annotations).toHaveLength(report.groups.length)
    expect(annotations.find((a) => a.properties.title === 'handbook:unknown-requirement')).toEqual({
      severity: 'warning',
      message: [
        '`CLD-REQ-099` is cited twice and defined nowhere',
        'Also at: handbook/Requirements.MD:302:13',
        'Fix: Define the ID in a requirements document, or correct it.',
      ].join('\n'),
      properties: {
        title: 'handbook:unknown-requirement',
        file: 'handbook/docs/design/a b.md',
        startLine: 3,
        startColumn: 1,
      },
    })
  })

  test('are written as workflow commands, escaped by @actions/core', async () => {
    const written: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    await printAnnotations(toAnnotations(report, { contentRoot, sourceRoot: '/repo' }))
    vi.restoreAllMocks()
    const commands = written.join('').trim().split('\n')
    expect(commands[0]).toBe(
      '::error title=handbook%3Aduplicate-requirement,file=handbook/Requirements.MD,line=41,col=3::`CLD-REQ-020` is defined twice, at 41:3 and 12:3; give one a new ID, 100%25 sure.%0AFix: Renumber the second one.',
    )
    expect(commands.find((line) => line.includes('empty-include'))).toBe(
      '::warning title=handbook%3Aempty-include,file=handbook/handbook.config.json::Include pattern `docs/*.md` (kind `design`) matches no file.%0AFix: Fix the pattern, or remove it.',
    )
    expect(commands.find((line) => line.startsWith('::notice'))).toContain(
      'title=handbook%3Aignored-section',
    )
  })
})
