import { describe, expect, test } from 'vitest'
import type { RequirementInfo } from '../../core/documents/types.ts'
import {
  findRequirement,
  folderOf,
  isWithinFolder,
  resolveRequirement,
} from '../../core/requirements/scope.ts'
import { buildIndex, buildRequirement, buildSampleDocument } from './helpers/sample-index.ts'
import { analyzeIndexed, buildMarkdownIndex } from './helpers/markdown-index.ts'

/**
 * Field guide §4, "Scope": a definition belongs to the folder of its
 * document; a mention resolves to the nearest definition — the same
 * document, then the same folder and its subfolders, then up the folders.
 * Spec-driven repositories restart their numbering per feature.
 */
const definitions: Record<string, RequirementInfo[]> = {
  // Every feature restarts at FR-001; the login feature splits its API requirements out.
  'FR-001': [
    buildRequirement('FR-001', 'specs/001-login/spec.md'),
    buildRequirement('FR-001', 'specs/002-billing/spec.md'),
    buildRequirement('FR-001', 'specs/003-search/spec.md'),
  ],
  'FR-010': [
    buildRequirement('FR-010', 'specs/001-login/spec.md'),
    buildRequirement('FR-010', 'specs/001-login/contracts/api-requirements.md'),
  ],
  'FR-020': [
    buildRequirement('FR-020', 'specs/002-billing/refunds/spec.md'),
    buildRequirement('FR-020', 'specs/002-billing/invoices/spec.md'),
  ],
  // One definition anywhere is the one every mention means.
  'SC-012': [buildRequirement('SC-012', 'specs/003-search/spec.md')],
  // The top level and one feature define the same ID.
  'NFR-P1': [
    buildRequirement('NFR-P1', 'REQUIREMENTS.md'),
    buildRequirement('NFR-P1', 'specs/002-billing/spec.md'),
  ],
}

/** `document` of the definition a mention in `from` means, `ambiguous a, b`, or `missing`. */
function resolve(id: string, from: string | undefined): string {
  const found = resolveRequirement(definitions[id], from)
  if (found.status === 'found') return found.requirement.document
  if (found.status === 'ambiguous') {
    return `ambiguous ${found.candidates.map((candidate) => candidate.document).join(', ')}`
  }
  return 'missing'
}

type Case = [id: string, from: string | undefined, expected: string]

describe('resolveRequirement: the nearest definition', () => {
  test.each<Case>([
    // The same document.
    ['FR-001', 'specs/001-login/spec.md', 'specs/001-login/spec.md'],
    [
      'FR-010',
      'specs/001-login/contracts/api-requirements.md',
      'specs/001-login/contracts/api-requirements.md',
    ],
    ['NFR-P1', 'specs/002-billing/spec.md', 'specs/002-billing/spec.md'],
    // The same folder.
    ['FR-001', 'specs/002-billing/plan.md', 'specs/002-billing/spec.md'],
    ['FR-001', 'specs/003-search/tasks.md', 'specs/003-search/spec.md'],
    ['NFR-P1', 'ROADMAP.md', 'REQUIREMENTS.md'],
    // The same folder beats its subfolders; a subfolder's own definition beats its parent's.
    ['FR-010', 'specs/001-login/plan.md', 'specs/001-login/spec.md'],
    ['FR-010', 'specs/001-login/contracts/api.md', 'specs/001-login/contracts/api-requirements.md'],
    // A subfolder of the mention's folder.
    ['FR-020', 'specs/002-billing/refunds/plan.md', 'specs/002-billing/refunds/spec.md'],
    // Up the folders: the parent, then the top.
    ['FR-001', 'specs/001-login/contracts/api.md', 'specs/001-login/spec.md'],
    ['NFR-P1', 'docs/design/storage.md', 'REQUIREMENTS.md'],
    ['NFR-P1', 'specs/002-billing/refunds/plan.md', 'specs/002-billing/spec.md'],
    // The only definition, from anywhere.
    ['SC-012', 'specs/001-login/plan.md', 'specs/003-search/spec.md'],
    ['SC-012', 'ROADMAP.md', 'specs/003-search/spec.md'],
    ['SC-012', undefined, 'specs/003-search/spec.md'],
  ])('%s in %s → %s', (id, from, expected) => {
    expect(resolve(id, from)).toBe(expected)
  })
})

describe('resolveRequirement: sibling folders that define it, none of the mention’s own', () => {
  const all = 'specs/001-login/spec.md, specs/002-billing/spec.md, specs/003-search/spec.md'
  test.each<Case>([
    ['FR-001', 'ROADMAP.md', `ambiguous ${all}`],
    ['FR-001', 'specs/README.md', `ambiguous ${all}`],
    ['FR-001', 'specs/004-export/plan.md', `ambiguous ${all}`],
    ['FR-001', 'docs/overview.md', `ambiguous ${all}`],
    ['FR-001', undefined, `ambiguous ${all}`],
    [
      'FR-020',
      'specs/002-billing/plan.md',
      'ambiguous specs/002-billing/refunds/spec.md, specs/002-billing/invoices/spec.md',
    ],
    [
      'FR-020',
      'specs/002-billing/tax/plan.md',
      'ambiguous specs/002-billing/refunds/spec.md, specs/002-billing/invoices/spec.md',
    ],
    // Nothing defines it.
    ['FR-404', 'specs/001-login/spec.md', 'missing'],
    ['FR-404', undefined, 'missing'],
  ])('%s in %s → %s', (id, from, expected) => {
    expect(resolve(id, from)).toBe(expected)
  })

  test.each<[string, string[]]>([
    ['one sibling feature also defines it', ['REQUIREMENTS.md', 'specs/002-billing/spec.md']],
    [
      'two sibling features also define it',
      ['REQUIREMENTS.md', 'specs/002-billing/spec.md', 'specs/003-search/spec.md'],
    ],
  ])('NFR-P1 in specs/001-login/plan.md → REQUIREMENTS.md when %s', (_name, documents) => {
    const found = resolveRequirement(
      documents.map((document) => buildRequirement('NFR-P1', document)),
      'specs/001-login/plan.md',
    )
    expect(found.status === 'found' && found.requirement.document).toBe('REQUIREMENTS.md')
  })
})

describe('folders', () => {
  test.each([
    ['specs/001-login/spec.md', 'specs/001-login'],
    ['REQUIREMENTS.md', '.'],
    ['a/b/c/d.md', 'a/b/c'],
  ])('folderOf(%j) = %j', (path, folder) => {
    expect(folderOf(path)).toBe(folder)
  })

  test.each<[string, string, boolean]>([
    ['specs/001-login', 'specs', true],
    ['specs/001-login', 'specs/001-login', true],
    ['specs/001-login', '.', true],
    ['specs/001-login-v2', 'specs/001-login', false],
    ['specs', 'specs/001-login', false],
  ])('isWithinFolder(%j, %j) = %s', (folder, ancestor, expected) => {
    expect(isWithinFolder(folder, ancestor)).toBe(expected)
  })

  test('findRequirement reads the index’s definitions by ID', () => {
    const index = buildIndex([buildSampleDocument('specs/001-login/spec.md', [])], {
      requirements: definitions['FR-001']!,
    })
    expect(findRequirement(index, 'FR-001', 'specs/002-billing/tasks.md')).toMatchObject({
      status: 'found',
      requirement: { key: 'specs/002-billing/spec.md#fr-001', scope: 'specs/002-billing' },
    })
    expect(findRequirement(index, 'FR-002', 'specs/002-billing/tasks.md')).toEqual({
      status: 'missing',
    })
  })
})

describe('a spec-driven repository, indexed and analysed', () => {
  const spec = (feature: string, title: string) => ({
    kind: 'requirements' as const,
    text: `# ${title}

## Requirements

- **FR-001**: ${title} MUST work offline.
- **FR-002**: ${title} MUST log every change.

## Success Criteria

- **SC-012**: ${title} completes in under 2 s.
`,
  })
  const built = buildMarkdownIndex(
    {
      'specs/001-login/spec.md': spec('001-login', 'Login'),
      'specs/001-login/plan.md': '# Plan\n\nImplements FR-001 and FR-002; measured by SC-012.\n',
      'specs/002-billing/spec.md': spec('002-billing', 'Billing'),
      'specs/002-billing/plan.md': '# Plan\n\nImplements FR-001 and FR-002; measured by SC-012.\n',
      'specs/002-billing/contracts/api.md': '# API\n\nThe endpoint serves FR-002.\n',
      'ROADMAP.md': '# Roadmap\n\nFR-001 ships first in every feature.\n',
      'REQUIREMENTS.md': {
        kind: 'requirements',
        text: '# Requirements\n\n- NFR-P1: p99 under 300 ms.\n',
      },
      'docs/duplicates/a.md': {
        kind: 'requirements',
        text: '# A\n\n- NFR-P9: First.\n- NFR-P9: Defined twice in one document.\n',
      },
      'docs/duplicates/b.md': {
        kind: 'requirements',
        text: '# B\n\n### NFR-P9 · Again, in the same folder\n',
      },
      'docs/other/c.md': { kind: 'requirements', text: '# C\n\n- NFR-P9: A different folder.\n' },
    },
    { requirementPatterns: ['FR-\\d{3}', 'SC-\\d{3}', 'NFR-P\\d+'] },
  )

  test('numbering that restarts per feature is no duplicate; one folder defining twice is', () => {
    expect(
      built.problems.map((problem) => `${problem.file}:${problem.line} ${problem.ruleId}`),
    ).toEqual([
      'docs/duplicates/a.md:4 duplicate-requirement',
      'docs/duplicates/b.md:3 duplicate-requirement',
    ])
    expect(built.problems[1]!.message).toBe(
      '`NFR-P9` is defined twice in `docs/duplicates`: here and at docs/duplicates/a.md:3. Give one of them a new ID (definitions in different folders may share an ID).',
    )
    expect(
      built.index.requirementsById.get('NFR-P9')!.map((requirement) => requirement.key),
    ).toEqual(['docs/duplicates/a.md#nfr-p9', 'docs/other/c.md#nfr-p9'])
    expect(
      built.index.requirementsById.get('FR-001')!.map((requirement) => requirement.scope),
    ).toEqual(['specs/001-login', 'specs/002-billing'])
  })

  test('every mention in a feature links to that feature’s definition', () => {
    const links = (path: string) =>
      analyzeIndexed(built, path).requirements.map(({ mention, outcome }) =>
        outcome.kind === 'link'
          ? `${mention.id} → ${outcome.requirement.key}`
          : `${mention.id} ${outcome.kind}`,
      )
    expect(links('specs/001-login/plan.md')).toEqual([
      'FR-001 → specs/001-login/spec.md#fr-001',
      'FR-002 → specs/001-login/spec.md#fr-002',
      'SC-012 → specs/001-login/spec.md#sc-012',
    ])
    expect(links('specs/002-billing/plan.md')).toEqual([
      'FR-001 → specs/002-billing/spec.md#fr-001',
      'FR-002 → specs/002-billing/spec.md#fr-002',
      'SC-012 → specs/002-billing/spec.md#sc-012',
    ])
    expect(links('specs/002-billing/contracts/api.md')).toEqual([
      'FR-002 → specs/002-billing/spec.md#fr-002',
    ])
    expect(links('ROADMAP.md')).toEqual(['FR-001 ambiguous'])
  })
})
