import { describe, expect, test } from 'vitest'
import type { Diagnostic } from '../../core/diagnostics/diagnostics.ts'
import {
  buildReport,
  formatBuildReport,
  formatHumanReport,
  formatLinesReport,
} from '../../core/diagnostics/report.ts'

const unknownRequirement = (id: string, file: string, line: number): Diagnostic => ({
  file,
  line,
  column: 5,
  severity: 'warning',
  ruleId: 'unknown-requirement',
  message: `Unexpected requirement \`${id}\`: no requirements document defines it. Define it, or fix the ID.`,
})

const findings: Diagnostic[] = [
  unknownRequirement('CLD-REQ-099', 'b.md', 9),
  unknownRequirement('CLD-REQ-099', 'a.md', 3),
  unknownRequirement('CLD-REQ-099', 'a.md', 30),
  unknownRequirement('CLD-REQ-098', 'a.md', 12),
  {
    file: 'Requirements.MD',
    line: 41,
    column: 3,
    severity: 'error',
    ruleId: 'duplicate-requirement',
    message:
      '`CLD-REQ-020` is defined twice: here and at Requirements.MD:12. Give one of them a new ID.',
  },
  {
    file: 'ENGINEERING_SOP.md',
    line: 49,
    column: 3,
    severity: 'warning',
    ruleId: 'stale-section-title',
    message: 'Unexpected title `Table-driven tests` beside `§12.4`; did you mean `§12.2`?',
  },
]

describe('grouping', () => {
  test.each<[string, Diagnostic[], Array<[string, number]>]>([
    [
      'one problem in many places is one entry, whatever the order found',
      findings.slice(0, 3),
      [['`CLD-REQ-099` is cited 3 times and defined nowhere', 3]],
    ],
    [
      'different keys of one rule are different entries',
      findings.slice(0, 4),
      [
        ['`CLD-REQ-099` is cited 3 times and defined nowhere', 3],
        [findings[3]!.message, 1],
      ],
    ],
    [
      "the emitter's key wins over the message, and the rule's headline names it",
      [
        { ...findings[5]!, ruleId: 'unknown-document', key: 'OLD.md', message: 'one wording' },
        {
          ...findings[5]!,
          ruleId: 'unknown-document',
          key: 'OLD.md',
          message: 'another',
          line: 80,
        },
      ],
      [['`OLD.md` is named twice but is not a configured document', 2]],
    ],
    [
      'identical messages group when the rule has no key',
      [
        { ...findings[5]!, ruleId: 'lenient-frontmatter', message: 'Frontmatter is not YAML.' },
        {
          ...findings[5]!,
          file: 'x.md',
          ruleId: 'lenient-frontmatter',
          message: 'Frontmatter is not YAML.',
        },
      ],
      [['Frontmatter is not YAML. (2 places)', 2]],
    ],
    [
      'different messages without a key stay apart',
      [
        { ...findings[5]!, ruleId: 'lenient-frontmatter', message: 'one' },
        { ...findings[5]!, ruleId: 'lenient-frontmatter', message: 'two' },
      ],
      [
        ['one', 1],
        ['two', 1],
      ],
    ],
    [
      'one problem at two severities is two entries',
      [
        { ...findings[0]!, key: 'CLD-REQ-099' },
        { ...findings[1]!, key: 'CLD-REQ-099', severity: 'error' },
      ],
      [
        [findings[1]!.message, 1],
        [findings[0]!.message, 1],
      ],
    ],
  ])('%s', (_name, diagnostics, expected) => {
    const report = buildReport(diagnostics)
    expect(report.groups.map((group) => [group.title, group.diagnostics.length])).toEqual(expected)
  })

  test("a group lists its places in file order, with the rule's fix", () => {
    const [group] = buildReport(findings.slice(0, 3)).groups
    expect(group!.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual([
      'a.md:3',
      'a.md:30',
      'b.md:9',
    ])
    expect(group!.key).toBe('CLD-REQ-099')
    expect(group!.fix).toBe('Define the ID in a requirements document, or correct it.')
  })

  test('errors come first, then the problems found most often', () => {
    const report = buildReport(findings)
    expect(
      report.groups.map((group) => [group.severity, group.ruleId, group.diagnostics.length]),
    ).toEqual([
      ['error', 'duplicate-requirement', 1],
      ['warning', 'unknown-requirement', 3],
      // Equal counts: in the registry's order of rules.
      ['warning', 'stale-section-title', 1],
      ['warning', 'unknown-requirement', 1],
    ])
  })
})

describe('the summary', () => {
  test('counts by severity and rule, and the files with the most findings', () => {
    const { summary } = buildReport(findings, { suppressed: 2, topFiles: 2 })
    expect(summary).toMatchObject({
      errors: 1,
      warnings: 5,
      infos: 0,
      suppressed: 2,
      files: 4,
      failed: true,
      topFiles: [
        { file: 'a.md', count: 3 },
        { file: 'b.md', count: 1 },
      ],
    })
    expect(summary.byRule.map((count) => [count.ruleId, count.errors, count.warnings])).toEqual([
      ['duplicate-requirement', 1, 0],
      ['unknown-requirement', 0, 4],
      ['stale-section-title', 0, 1],
    ])
  })

  test.each([
    [false, false],
    [true, true],
  ])('warnings alone fail only when strict (strict: %s)', (strict, failed) => {
    expect(buildReport(findings.slice(0, 4), { strict }).summary.failed).toBe(failed)
  })

  test('no findings: an empty, passing report', () => {
    const report = buildReport([])
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, files: 0, failed: false })
    expect(formatHumanReport(report).join('\n')).toContain('0 errors, 0 warnings')
  })
})

describe('the human formats', () => {
  const report = buildReport(findings, { suppressed: 1 })

  test('npm run check: summary, then errors before warnings, each with place, rule and fix', () => {
    const text = formatHumanReport(report, { documents: 25 }).join('\n')
    expect(text).toMatch(
      /^Handbook report: 1 error, 5 warnings, 1 suppressed in 4 files \(25 documents checked\)/,
    )
    expect(text).toContain(
      'most findings: a.md (3), b.md (1), ENGINEERING_SOP.md (1), Requirements.MD (1)',
    )
    expect(text.indexOf('Errors (1)')).toBeLessThan(text.indexOf('Warnings (5)'))
    expect(text).toContain(
      '  `CLD-REQ-099` is cited 3 times and defined nowhere  handbook:unknown-requirement\n    a.md:3:5, a.md:30:5, b.md:9:5\n    fix: Define the ID',
    )
    expect(text).toContain('  Requirements.MD:41:3  `CLD-REQ-020` is defined twice')
    expect(text).not.toMatch(/\u001b\[/)
  })

  test('colour only when asked for', () => {
    expect(formatHumanReport(report, { color: true }).join('\n')).toMatch(/\u001b\[/)
  })

  test('long lists of places wrap', () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      unknownRequirement('CLD-REQ-099', `docs/a-long-folder-name/document-${index}.md`, index + 1),
    )
    const lines = formatHumanReport(buildReport(many), { width: 100 })
    const places = lines.filter((line) => line.startsWith('    docs/'))
    expect(places.length).toBeGreaterThan(5)
    for (const line of places) expect(line.length).toBeLessThanOrEqual(100)
    expect(places.join(' ').split(', ').length).toBe(40)
  })

  test('the build: summary, the errors that fail it, and where to read the rest', () => {
    const lines = formatBuildReport(report)
    expect(lines[0]).toMatch(/^Handbook report: 1 error, 5 warnings/)
    const text = lines.join('\n')
    expect(text).toContain('Requirements.MD:41:3')
    expect(text).not.toContain('b.md:9')
    expect(lines.at(-1)).toContain('npm run check')
  })

  test('the build under strict also shows the failing warnings', () => {
    const text = formatBuildReport(buildReport(findings, { strict: true })).join('\n')
    expect(text).toContain('a.md:3:5, a.md:30:5, b.md:9:5')
  })

  test('lines: one finding per line, as editors parse them', () => {
    expect(formatLinesReport(report)).toEqual([
      'a.md:3:5  warning  Unexpected requirement `CLD-REQ-099`: no requirements document defines it. Define it, or fix the ID.  handbook:unknown-requirement',
      expect.stringMatching(/^a\.md:12:5 {2}warning/),
      expect.stringMatching(/^a\.md:30:5 {2}warning/),
      expect.stringMatching(/^b\.md:9:5 {2}warning/),
      expect.stringMatching(/^ENGINEERING_SOP\.md:49:3 {2}warning/),
      expect.stringMatching(/^Requirements\.MD:41:3 {2}error .*handbook:duplicate-requirement$/),
      '1 error, 5 warnings, 1 suppressed',
    ])
  })
})
