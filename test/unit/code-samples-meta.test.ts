import { describe, expect, test } from 'vitest'
import {
  buildSampleMeta,
  formatLineRange,
  parseVerdictOption,
} from '../../core/code-samples/meta.ts'

describe('formatLineRange', () => {
  test.each([
    [[], ''],
    [[4], '4'],
    [[1, 2, 3, 7], '1-3,7'],
    [[7, 1, 3, 2, 2], '1-3,7'],
    [[1, 3, 5], '1,3,5'],
  ])('%j', (lines, range) => {
    expect(formatLineRange(lines)).toBe(range)
  })
})

describe('parseVerdictOption', () => {
  test.each([
    ['verdict=bad', { verdict: 'bad', rest: '' }],
    ['VERDICT=Good title="a.go"', { verdict: 'good', rest: 'title="a.go"' }],
    ['frame="none" verdict=\'bad\'', { verdict: 'bad', rest: 'frame="none"' }],
    ['verdict=meh', { invalid: 'verdict=meh', rest: '' }],
    ['title="verdict=bad"', { rest: 'title="verdict=bad"' }],
    ['', { rest: '' }],
  ])('%j', (meta, option) => {
    expect(parseVerdictOption(meta)).toEqual(option)
  })
})

describe('buildSampleMeta', () => {
  test('adds del, ins and the title after the author options', () => {
    expect(buildSampleMeta('{9}', { del: [1, 2], ins: [4, 5, 6], title: '✗ Bad' })).toBe(
      '{9} del={1-2} ins={4-6} title="✗ Bad"',
    )
  })

  test("keeps the author's own title", () => {
    expect(buildSampleMeta('Title="main.go"', { del: [1], ins: [], title: '✗ Bad' })).toBe(
      'Title="main.go" del={1}',
    )
  })

  test('marks lines labelled by a trailing comment one by one, with their gutter label', () => {
    const labelled = [
      { line: 3, marker: 'del', label: '✗' },
      { line: 5, marker: 'ins', label: '✓' },
    ] as const
    expect(buildSampleMeta('', { del: [1], ins: [], labelled })).toBe(
      'del={1} del={"✗":3} ins={"✓":5}',
    )
  })

  test.each([
    ['', 'wrap'],
    ['title="a.go"', 'title="a.go" wrap'],
    ['wrap', 'wrap'],
    ['wrap=false', 'wrap=false'],
    ['"wrap"', '"wrap" wrap'],
  ])('wraps lines unless the author decided: %j', (meta, expected) => {
    expect(buildSampleMeta(meta, { del: [], ins: [], wrap: true })).toBe(expected)
  })

  test('quotes a title that holds double quotes with single quotes', () => {
    expect(buildSampleMeta('', { del: [], ins: [], title: 'the "bad" one' })).toBe(
      `title='the "bad" one'`,
    )
  })
})
