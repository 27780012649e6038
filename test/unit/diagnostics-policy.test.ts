import { describe, expect, test } from 'vitest'
import type { Diagnostic } from '../../core/diagnostics/diagnostics.ts'
import {
  applyHandbookPolicy,
  applyRulePolicy,
  findSuppressions,
  type RuleLevels,
} from '../../core/diagnostics/policy.ts'
import { parseHandbookConfig } from '../../io/load-config.ts'
import { HandbookError } from '../../core/errors.ts'

/** The silenced lines of a body (no frontmatter), as `line: rules`. */
function silenced(body: string, bodyLineOffset = 0): Record<number, string[] | 'all'> {
  const { suppressions } = findSuppressions({ path: 'a.md', body, bodyLineOffset })
  return Object.fromEntries(
    [...suppressions].map(([line, rules]) => [line, rules === 'all' ? 'all' : [...rules]]),
  )
}

describe('suppression comments', () => {
  test.each<[string, string, Record<number, string[] | 'all'>]>([
    [
      'one rule, the next line',
      '<!-- handbook-ignore-next-line stale-section-title -->\n| §5.2 | Channel discipline |',
      { 2: ['stale-section-title'] },
    ],
    [
      'no rule id: every rule',
      'Intro.\n<!-- handbook-ignore-next-line -->\nSee OLD.md §2.',
      { 3: 'all' },
    ],
    [
      'several ids, by spaces or commas',
      '<!--handbook-ignore-next-line unknown-section, stale-section-title unknown-document-->\nx',
      { 2: ['unknown-section', 'stale-section-title', 'unknown-document'] },
    ],
    [
      'a comment over several lines silences the line after its end',
      '<!--\n  handbook-ignore-next-line\n  unknown-requirement\n-->\nCLD-REQ-099',
      { 5: ['unknown-requirement'] },
    ],
    [
      'a comment that starts with the directive may span lines',
      '<!-- handbook-ignore-next-line\n     unknown-requirement -->\nCLD-REQ-099',
      { 3: ['unknown-requirement'] },
    ],
    [
      'after text on the same line',
      'See §9 <!-- handbook-ignore-next-line unknown-section -->\nand §10.',
      { 2: ['unknown-section'] },
    ],
    [
      'in a fenced code block: nothing',
      '```md\n<!-- handbook-ignore-next-line -->\n```\nSee §9.',
      {},
    ],
    [
      'in a tilde fence with a longer closing fence: nothing',
      '~~~\n<!-- handbook-ignore-next-line -->\n~~~~\n<!-- handbook-ignore-next-line -->\nx',
      { 5: 'all' },
    ],
    ['in inline code: nothing', 'Write `<!-- handbook-ignore-next-line -->` above it.\nx', {}],
    ['another comment: nothing', '<!-- handbook-ignore next line -->\nx', {}],
    [
      'two comments for one line add up',
      '<!-- handbook-ignore-next-line unknown-section -->\n<!-- handbook-ignore-next-line stale-section-title -->\nx',
      { 2: ['unknown-section'], 3: ['stale-section-title'] },
    ],
  ])('%s', (_name, body, expected) => {
    expect(silenced(body)).toEqual(expected)
  })

  test("lines are the author's, frontmatter included", () => {
    expect(silenced('<!-- handbook-ignore-next-line -->\nx', 4)).toEqual({ 6: 'all' })
  })

  test('an unknown rule id is reported where the comment is, and silences nothing by itself', () => {
    const body = 'Intro.\n\n  <!-- handbook-ignore-next-line stale-title -->\nx'
    const { suppressions, problems } = findSuppressions({ path: 'a.md', body, bodyLineOffset: 3 })
    expect(suppressions.size).toBe(0)
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'a.md',
        line: 6,
        column: 3,
        severity: 'warning',
        ruleId: 'invalid-suppression',
        key: 'stale-title',
      }),
    ])
  })
})

const finding = (
  ruleId: string,
  line: number,
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic => ({
  file: 'a.md',
  line,
  column: 1,
  severity,
  ruleId,
  message: `${ruleId} at ${line}`,
})

describe('rule levels', () => {
  test.each<[string, RuleLevels, Diagnostic, Diagnostic['severity'] | 'dropped']>([
    ['no level: the emitted severity', {}, finding('stale-section-title', 1), 'warning'],
    [
      'off drops it',
      { 'stale-section-title': 'off' },
      finding('stale-section-title', 1),
      'dropped',
    ],
    [
      'error raises it',
      { 'unknown-requirement': 'error' },
      finding('unknown-requirement', 1),
      'error',
    ],
    [
      'warn lowers it',
      { 'duplicate-requirement': 'warn' },
      finding('duplicate-requirement', 1, 'error'),
      'warning',
    ],
    [
      'warn raises an info',
      { 'ignored-section': 'warn' },
      finding('ignored-section', 1, 'info'),
      'warning',
    ],
    [
      'another rule is untouched',
      { 'stale-section-title': 'off' },
      finding('unknown-section', 1),
      'warning',
    ],
  ])('%s', (_name, levels, diagnostic, expected) => {
    const result = applyRulePolicy([diagnostic], { levels })
    expect(result.diagnostics[0]?.severity ?? 'dropped').toBe(expected)
    expect(result.off).toBe(expected === 'dropped' ? 1 : 0)
  })

  test('suppression comments and levels apply together, counting what they silenced', () => {
    const body = [
      '<!-- handbook-ignore-next-line stale-section-title -->',
      'line 2',
      '<!-- handbook-ignore-next-line -->',
      'line 4',
      '<!-- handbook-ignore-next-line nope -->',
    ].join('\n')
    const result = applyHandbookPolicy(
      [
        finding('stale-section-title', 2),
        finding('unknown-section', 2),
        finding('unknown-section', 4),
        finding('duplicate-requirement', 4, 'error'),
        finding('unknown-requirement', 7),
        { ...finding('unknown-requirement', 2), file: 'b.md' },
      ],
      [{ path: 'a.md', body, bodyLineOffset: 0 }],
      { 'unknown-requirement': 'off' },
    )
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'a.md:2 unknown-section',
      'a.md:5 invalid-suppression',
    ])
    expect(result.suppressed.map((d) => `${d.line} ${d.ruleId}`)).toEqual([
      '2 stale-section-title',
      '4 unknown-section',
      '4 duplicate-requirement',
    ])
    expect(result.off).toBe(2)
  })
})

describe('"rules" in handbook.config.json', () => {
  const config = (rules: unknown) =>
    JSON.stringify({ documents: [{ kind: 'sop', include: ['*.md'] }], rules })

  test('levels are read', () => {
    expect(parseHandbookConfig(config({ 'stale-section-title': 'off' }), 'c.json').rules).toEqual({
      'stale-section-title': 'off',
    })
    expect(parseHandbookConfig(config(undefined), 'c.json').rules).toEqual({})
  })

  test.each([
    ['an unknown rule', { 'stale-title': 'off' }, /`rules`: Unrecognized key: "stale-title"/],
    [
      'an unknown level',
      { 'stale-section-title': 'warning' },
      /`rules\.stale-section-title`: Invalid option: expected one of "off"\|"warn"\|"error"/,
    ],
  ])('%s stops with the key and what was expected', (_name, rules, message) => {
    expect(() => parseHandbookConfig(config(rules), 'c.json')).toThrow(HandbookError)
    expect(() => parseHandbookConfig(config(rules), 'c.json')).toThrow(message)
  })
})
