import { describe, expect, test } from 'vitest'
import {
  describeSource,
  findTitleHeading,
  humanize,
  toRoute,
} from '../../core/documents/describe.ts'
import { parseFlatKeyValues, splitFrontmatter } from '../../core/documents/frontmatter.ts'
import { describeSources } from '../../core/documents/describe-all.ts'

describe('toRoute', () => {
  test.each([
    ['ENGINEERING_SOP.md', 'engineering-sop'],
    ['Requirements.MD', 'requirements'],
    ['.agents/tech-lead.md', 'agents/tech-lead'],
    ['docs/design/CLD-REQ-063-secrets.md', 'docs/design/cld-req-063-secrets'],
    ['Notes on Ünïcode.markdown', 'notes-on-unicode'],
    ['docs/.hidden/x.md', 'docs/hidden/x'],
  ])('%s → /%s/', (path, route) => {
    expect(toRoute(path)).toBe(route)
  })
})

describe('title', () => {
  test.each([
    ['title wins', '---\ntitle: Given\nname: engineer\n---\n# Heading\n', 'Given', 'title'],
    ['then name, humanised', '---\nname: tech-lead\n---\n# Tech Lead Agent\n', 'Tech Lead', 'name'],
    [
      'then the first # heading',
      'Intro\n\n# The **Real** Title\n\n## 1. Scope\n',
      'The Real Title',
      'heading',
    ],
    ['setext heading', 'Big Title\n=========\n\ntext\n', 'Big Title', 'heading'],
    ['not a heading in a fence', '```bash\n# comment\n```\n\nNo heading.\n', 'Notes File', 'file'],
    ['then the file name', 'Just text.\n', 'Notes File', 'file'],
  ])('%s', (_name, text, title, source) => {
    const described = describeSource('docs/notes_file.md', 'guide', text)
    expect(described.title).toBe(title)
    expect(described.titleSource).toBe(source)
  })

  test('keeps underscores inside words', () => {
    expect(findTitleHeading('# ENGINEERING_SOP guide\n')?.text).toBe('ENGINEERING_SOP guide')
  })

  test.each([
    ['tech-lead', 'Tech Lead'],
    ['unit_tester', 'Unit Tester'],
    ['PRODUCT owner', 'Product Owner'],
  ])('humanize(%s) = %s', (input, output) => {
    expect(humanize(input)).toBe(output)
  })
})

describe('splitFrontmatter', () => {
  test('valid YAML, body offset counts the fences', () => {
    const split = splitFrontmatter('---\nname: engineer\ncolor: blue\n---\nBody\n')
    expect(split).toMatchObject({
      data: { name: 'engineer', color: 'blue' },
      body: 'Body\n',
      bodyLineOffset: 4,
      problems: [],
    })
  })

  test('flat key: value lines that YAML refuses are read leniently, with a warning on the bad line', () => {
    const split = splitFrontmatter(
      '---\nname: architect\ndescription: Reviews. Use when: a design is ready\n---\n',
    )
    expect(split.data).toEqual({
      name: 'architect',
      description: 'Reviews. Use when: a design is ready',
    })
    expect(split.problems).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'lenient-frontmatter', line: 3 }),
    ])
  })

  test.each([
    ['a list', '---\n- a\n- b\n---\nBody'],
    ['a scalar', '---\njust words\n---\nBody'],
    ['broken YAML that is not flat', '---\ntitle: [unclosed\n  - x: {\n---\nBody'],
  ])('frontmatter that is %s is an error, and the body is kept', (_name, text) => {
    const split = splitFrontmatter(text)
    expect(split.body).toBe('Body')
    expect(split.problems[0]).toMatchObject({ severity: 'error', ruleId: 'invalid-frontmatter' })
  })

  test('a BOM and CRLF are accepted', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: T\r\n---\r\nBody').data).toEqual({ title: 'T' })
  })

  test('no frontmatter', () => {
    expect(splitFrontmatter('# Title\n')).toMatchObject({ data: {}, bodyLineOffset: 0 })
  })

  test('parseFlatKeyValues refuses nested structures', () => {
    expect(parseFlatKeyValues('a: 1\n  b: 2')).toBeUndefined()
  })
})

describe('describeSources', () => {
  test('two files on one route are both kept and reported', () => {
    const { described, problems } = describeSources([
      { path: 'SOP.md', absolutePath: '/x/SOP.md', kind: 'sop', text: '# A' },
      { path: 'sop.MD', absolutePath: '/x/sop.MD', kind: 'sop', text: '# B' },
      { path: 'traceability.md', absolutePath: '/x/traceability.md', kind: 'guide', text: '# C' },
      { path: 'How-To-Use.md', absolutePath: '/x/How-To-Use.md', kind: 'guide', text: '# D' },
    ])
    expect(described.map((source) => source.route)).toEqual([
      'sop',
      'sop-2',
      'traceability-2',
      'how-to-use-2',
    ])
    expect(problems.map((problem) => [problem.file, problem.ruleId])).toEqual([
      ['sop.MD', 'duplicate-route'],
      ['traceability.md', 'duplicate-route'],
      ['How-To-Use.md', 'duplicate-route'],
    ])
  })
})
