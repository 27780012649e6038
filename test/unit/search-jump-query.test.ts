import { describe, expect, test } from 'vitest'
import { toRoute } from '../../core/documents/describe.ts'
import type { RequirementInfo } from '../../core/documents/types.ts'
import { buildJumpIndex } from '../../core/search/jump-index.ts'
import { findJumpTargets, parseJumpQuery } from '../../core/search/jump-query.ts'
import { buildRequirement, buildSampleDocument, buildSampleIndex } from './helpers/sample-index.ts'

/** The sample handbook plus a role guide, and requirements whose IDs invite partial matches. */
function buildSample(options: { defaultSectionTarget?: string | null } = {}) {
  const role = {
    ...buildSampleDocument('.agents/tech-lead.md', ['## Required Reading'], { kind: 'role' }),
    title: 'Tech Lead',
    name: 'tech-lead',
  }
  const sample = buildSampleIndex({ ...options, extraDocuments: [role] })
  // Routes as the site gives them (`ENGINEERING_SOP.md` → `engineering-sop`).
  const index = {
    ...sample,
    documents: sample.documents.map((document) => ({ ...document, route: toRoute(document.path) })),
  }
  const requirement = (id: string, text: string): RequirementInfo =>
    buildRequirement(id, 'Requirements.MD', { text })
  return buildJumpIndex(
    {
      ...index,
      requirements: [
        requirement('CLD-REQ-063', 'Rotate every credential without downtime.'),
        requirement('CLD-REQ-064', 'Audit every rotation.'),
        requirement('CLD-REQ-020', 'Keep a registry of every node.'),
        requirement('OPS-REQ-020', 'Page the on-call engineer.'),
        requirement('NFR-P1', 'Reads complete within 200 ms.'),
      ],
    },
    '/',
  )
}

const index = buildSample()

describe('parseJumpQuery', () => {
  test.each([
    ['CLD-REQ-063', { requirementKey: 'CLDREQ063', name: 'cld req 063' }],
    ['nfr p1', { requirementKey: 'NFRP1', name: 'nfr p1' }],
    ['§5.2', { section: { number: '5.2' } }],
    ['§ 5.2', { section: { number: '5.2' } }],
    ['§3.1.', { section: { number: '3.1' } }],
    ['§b.2', { section: { number: 'B.2' } }],
    ['SOP §5.2', { section: { document: 'sop', number: '5.2' } }],
    ['SOP 5.2', { section: { document: 'sop', number: '5.2' }, name: 'sop 5.2' }],
    ['Requirements.MD §7', { section: { document: 'requirements.md', number: '7' } }],
    ['`ENGINEERING_SOP.md` §12', { section: { document: 'engineering sop.md', number: '12' } }],
    ["SOP's §4", { section: { document: 'sop', number: '4' } }],
    ['Appendix C', { section: { number: 'C' }, name: 'appendix c' }],
    ['SOP Appendix §B', { section: { document: 'sop', number: 'B' } }],
    [
      'CONTEXT.md §Build and Test Commands',
      { section: { document: 'context.md', title: 'build and test commands' } },
    ],
    ['Tech Lead', { name: 'tech lead' }],
    ['5.2', { name: '5.2' }],
    ['§', {}],
    ['   ', {}],
  ])('%s', (query, expected) => {
    expect(parseJumpQuery(query)).toEqual(expected)
  })
})

describe('findJumpTargets', () => {
  const urls = (query: string, jumpIndex = index) =>
    findJumpTargets(jumpIndex, query).map((target) => target.url)

  test.each([
    // Requirement IDs: case and hyphen variants, never a prefix or a suffix.
    ['CLD-REQ-063', ['/requirements/#cld-req-063']],
    ['cld-req-063', ['/requirements/#cld-req-063']],
    ['CLD\u2011REQ\u2013063', ['/requirements/#cld-req-063']],
    ['cld req 063', ['/requirements/#cld-req-063']],
    ['NFR-P1', ['/requirements/#nfr-p1']],
    ['nfr-p1', ['/requirements/#nfr-p1']],
    ['CLD-REQ-06', []],
    ['REQ-063', []],
    ['CLD-REQ-0631', []],
    ['REQ-020', []],
    // Sections: with and without a document name.
    ['§5.2', ['/engineering-sop/#52-channel-discipline']],
    ['§ 5.2', ['/engineering-sop/#52-channel-discipline']],
    ['SOP §5.2', ['/engineering-sop/#52-channel-discipline']],
    ['sop 5.2', ['/engineering-sop/#52-channel-discipline']],
    ['ENGINEERING_SOP.md §5.2', ['/engineering-sop/#52-channel-discipline']],
    ['./engineering_sop.md §5.2', ['/engineering-sop/#52-channel-discipline']],
    ['docs/ENGINEERING_SOP.md §5.2', ['/engineering-sop/#52-channel-discipline']],
    ['§5', ['/engineering-sop/#5-concurrency-and-resource-policy']],
    ['§5.', ['/engineering-sop/#5-concurrency-and-resource-policy']],
    ['§5.9', []],
    ['§17', ['/requirements/#17-mvp-scope']],
    ['SOP §17', []],
    ['Nowhere.md §5.2', []],
    ['Requirements.MD §7', ['/requirements/#7-functional-requirements']],
    ['requirements 7', ['/requirements/#7-functional-requirements']],
    // A number in two documents: both, the default document's first.
    ['§7', ['/engineering-sop/#7-observability', '/requirements/#7-functional-requirements']],
    ['§3.1', ['/engineering-sop/#31-formatting', '/requirements/#31-goals']],
    // Letters and appendices.
    ['§B.2', ['/engineering-sop/#b2-release-checklist']],
    ['Appendix A', ['/engineering-sop/#appendix-a-glossary']],
    // A section by its heading words.
    ['CONTEXT.md §Build and Test Commands', ['/context/#build-and-test-commands']],
    ['§windows hidden launchers', ['/context/#windows-hidden-launchers']],
    ['§5.2 Channel Discipline', ['/engineering-sop/#52-channel-discipline']],
    // Documents and roles by any of their names, whole names only.
    ['Tech Lead', ['/agents/tech-lead/']],
    ['tech-lead', ['/agents/tech-lead/']],
    ['TECH_LEAD', ['/agents/tech-lead/']],
    ['tech-lead.md', ['/agents/tech-lead/']],
    ['SOP', ['/engineering-sop/']],
    ['Requirements', ['/requirements/']],
    ['Requirements.MD', ['/requirements/']],
    ['Tech', []],
    ['engineering', []],
  ])('%s → %j', (query, expected) => {
    expect(urls(query)).toEqual(expected)
  })

  test('without a default document, a shared number lists documents in handbook order', () => {
    const withoutDefault = buildSample({ defaultSectionTarget: null })
    expect(urls('§7', withoutDefault)).toEqual([
      '/engineering-sop/#7-observability',
      '/requirements/#7-functional-requirements',
    ])
    const requirementsFirst = buildSample({ defaultSectionTarget: 'Requirements.MD' })
    expect(urls('§7', requirementsFirst)).toEqual([
      '/requirements/#7-functional-requirements',
      '/engineering-sop/#7-observability',
    ])
  })

  test('each target says what it is, how it is cited and where it lives', () => {
    expect(findJumpTargets(index, 'SOP §5.2')).toEqual([
      {
        kind: 'section',
        label: '§5.2',
        title: 'Channel Discipline',
        detail: 'ENGINEERING_SOP.md',
        url: '/engineering-sop/#52-channel-discipline',
      },
    ])
    expect(findJumpTargets(index, 'nfr-p1')).toEqual([
      {
        kind: 'requirement',
        label: 'NFR-P1',
        title: 'Reads complete within 200 ms.',
        detail: 'Requirements.MD',
        url: '/requirements/#nfr-p1',
      },
    ])
    expect(findJumpTargets(index, 'tech lead')).toEqual([
      {
        kind: 'role',
        label: 'Tech Lead',
        title: '',
        detail: '.agents/tech-lead.md',
        url: '/agents/tech-lead/',
      },
    ])
    expect(findJumpTargets(index, 'sop')[0]?.kind).toBe('document')
  })
})
