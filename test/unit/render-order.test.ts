import { describe, expect, test } from 'vitest'
import type { DocumentKind } from '../../core/config/schema.ts'
import { renderOrder } from '../../core/documents/render-order.ts'

/** `'sop:a'` is the document `a` of kind `sop`. */
function sources(...names: string[]): { kind: DocumentKind; path: string }[] {
  return names.map((name) => {
    const [kind, path] = name.split(':') as [DocumentKind, string]
    return { kind, path }
  })
}

describe('renderOrder', () => {
  test.each([
    ['no documents', [], []],
    ['one document', ['sop:a'], ['sop:a']],
    ['roles first', ['sop:a', 'role:b'], ['role:b', 'sop:a']],
    ['requirements last', ['requirements:a', 'design:b'], ['design:b', 'requirements:a']],
    [
      'every kind',
      ['requirements:r', 'sop:s', 'role:t', 'design:d', 'guide:g'],
      ['role:t', 'sop:s', 'design:d', 'guide:g', 'requirements:r'],
    ],
    [
      'each group keeps the given order',
      [
        'guide:g2',
        'requirements:r2',
        'role:t2',
        'sop:s1',
        'requirements:r1',
        'role:t1',
        'guide:g1',
      ],
      [
        'role:t2',
        'role:t1',
        'guide:g2',
        'sop:s1',
        'guide:g1',
        'requirements:r2',
        'requirements:r1',
      ],
    ],
    [
      'only requirements',
      ['requirements:b', 'requirements:a'],
      ['requirements:b', 'requirements:a'],
    ],
  ])('%s', (_case, input, expected) => {
    const given = sources(...input)
    const ordered = renderOrder(given)
    expect(ordered.map(({ kind, path }) => `${kind}:${path}`)).toEqual(expected)
    expect(given.map(({ kind, path }) => `${kind}:${path}`)).toEqual(input)
  })

  test('returns the same objects', () => {
    const given = sources('requirements:r', 'role:t')
    expect(renderOrder(given)).toEqual([given[1], given[0]])
    expect(renderOrder(given)[0]).toBe(given[1])
  })
})
