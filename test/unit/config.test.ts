import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseHandbookConfig, resolveContentRoot } from '../../io/load-config.ts'
import { buildConfigJsonSchema } from '../../core/config/schema.ts'

const valid = { documents: [{ kind: 'sop', include: ['SOP.md'] }] }

describe('parseHandbookConfig', () => {
  test('fills defaults', () => {
    const config = parseHandbookConfig(JSON.stringify(valid), 'handbook.config.json')
    expect(config).toMatchObject({
      title: 'Handbook',
      aliases: {},
      requirementPatterns: [],
      strict: false,
    })
  })

  test.each([
    ['not JSON', '{ "documents": [', /handbook\.config\.json:1: Not valid JSON/],
    [
      'unknown kind',
      { documents: [{ kind: 'manual', include: ['a.md'] }] },
      /`documents\.0\.kind`/,
    ],
    [
      'misspelt key',
      { ...valid, defaultSectionTaget: 'SOP' },
      /Unrecognized key.*defaultSectionTaget/,
    ],
    ['wrong type', { ...valid, aliases: ['SOP'] }, /`aliases`: .*expected record/],
    ['no documents', {}, /`documents`: .*expected array/],
    ['empty include', { documents: [{ kind: 'sop', include: [] }] }, /`documents\.0\.include`/],
    [
      'bad pattern',
      { ...valid, requirementPatterns: ['CLD-(REQ'] },
      /`requirementPatterns\.0`.*not a valid regular expression/,
    ],
  ])('%s is refused with the file and the key', (_name, input, message) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input)
    expect(() => parseHandbookConfig(text, 'handbook.config.json')).toThrow(message)
  })
})

describe('resolveContentRoot', () => {
  test.each([
    [{}, '/repo', '/repo/content'],
    [{ HANDBOOK_CONTENT: '../theirs' }, '/repo', '/theirs'],
    [{ HANDBOOK_CONTENT: '/abs/handbook' }, '/repo', '/abs/handbook'],
    [{ HANDBOOK_CONTENT: '  ' }, '/repo', '/repo/content'],
  ])('%j from %s → %s', (env, cwd, expected) => {
    expect(resolveContentRoot(env, cwd)).toBe(expected)
  })
})

test('handbook.schema.json is the published form of the zod schema (run `npm run schema`)', () => {
  const committed = JSON.parse(readFileSync('handbook.schema.json', 'utf8'))
  expect(committed).toEqual(buildConfigJsonSchema())
})
