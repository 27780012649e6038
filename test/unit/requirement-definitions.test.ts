import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import { findRequirementDefinitions } from '../../core/requirements/definitions.ts'
import { createRequirementMatcher, toRequirementAnchor } from '../../core/requirements/patterns.ts'
import { analyzeIndexed, buildMarkdownIndex } from './helpers/markdown-index.ts'

/**
 * Field guide §4, "Definitions": a list item, table row (its first cell) or
 * heading of a requirements document whose text begins with an ID, bold or
 * not, followed by a separator or by a short title and a separator. Ranges
 * and lists of IDs are not definitions. IDs in the styles of the three
 * repositories: a platform handbook (`CLD-REQ-014`, `NFR-L2`), a database
 * project's decisions and invariants (`ADR-3`, `INV-4`) and a spec-driven
 * product (`FR-001`, `SC-003`).
 */
const patterns = [
  'CLD-REQ-\\d{3}',
  'NFR-[A-Z]\\d+',
  'ADR-\\d+',
  'INV-\\d+',
  'FR-\\d{3}',
  'SC-\\d{3}',
  'REQ-\\d+',
]
const matcher = createRequirementMatcher(patterns)

/** `ID: text` of each definition in a requirements document's markdown, with its element. */
function definitionsIn(markdown: string): string[] {
  const tree = parseMarkdown(markdown)
  return findRequirementDefinitions(tree, matcher).map(
    (definition) => `${definition.node.type} ${definition.id}: ${definition.text}`,
  )
}

describe('matchDefinition: the text of an element that defines an ID', () => {
  test.each<[string, string, string]>([
    [
      'CLD-REQ-014: Quotas are enforced per tenant.',
      'CLD-REQ-014',
      'Quotas are enforced per tenant.',
    ],
    [
      'CLD-REQ-020 - The control plane keeps a node registry.',
      'CLD-REQ-020',
      'The control plane keeps a node registry.',
    ],
    [
      'CLD-REQ-020 — The control plane keeps a node registry.',
      'CLD-REQ-020',
      'The control plane keeps a node registry.',
    ],
    ['CLD-REQ-020 – Pasted with an en dash.', 'CLD-REQ-020', 'Pasted with an en dash.'],
    ['ADR-12 · Drop the plugin loader', 'ADR-12', 'Drop the plugin loader'],
    ['FR-001 • Users can sign in with a passkey', 'FR-001', 'Users can sign in with a passkey'],
    ['REQ-12 | Login within two seconds', 'REQ-12', 'Login within two seconds'],
    ['FR-001. Users can sign in', 'FR-001', 'Users can sign in'],
    // A closing bracket.
    ['[CLD-REQ-030] Tenants shall be isolated.', 'CLD-REQ-030', 'Tenants shall be isolated.'],
    ['(FR-002) Sessions expire after 30 days', 'FR-002', 'Sessions expire after 30 days'],
    // A short title, then a separator: the title is part of the text.
    [
      'NFR-L2 Latency: p99 under 300 ms for reads.',
      'NFR-L2',
      'Latency: p99 under 300 ms for reads.',
    ],
    [
      'ADR-3 · Storage: one SQLite file per tenant.',
      'ADR-3',
      'Storage: one SQLite file per tenant.',
    ],
    [
      'INV-4 Single writer: only the leader writes the log.',
      'INV-4',
      'Single writer: only the leader writes the log.',
    ],
    ['NFR-P1 Cold start — under one second', 'NFR-P1', 'Cold start — under one second'],
    // Pasted hyphens count as `-`; the ID is normalised.
    [
      'CLD‑REQ‑024: Pasted with non-breaking hyphens.',
      'CLD-REQ-024',
      'Pasted with non-breaking hyphens.',
    ],
    ['NFR−P2: A minus sign from a spreadsheet.', 'NFR-P2', 'A minus sign from a spreadsheet.'],
  ])('%j defines %s', (text, id, rest) => {
    expect(matcher.matchDefinition(text)).toEqual({ id, text: rest })
  })

  test('a heading may be the ID alone (`### FR-010`)', () => {
    expect(matcher.matchDefinition('FR-010', { atEnd: true })).toEqual({ id: 'FR-010', text: '' })
    expect(matcher.matchDefinition('FR-010')).toBeUndefined()
  })

  test.each<[string]>([
    // Ranges and lists of IDs.
    ['CLD-REQ-001 to CLD-REQ-003 are deferred to the next release.'],
    ['ADR-1, ADR-2: superseded by ADR-7.'],
    ['ADR-3–ADR-5 are drafts.'],
    ['FR-051-FR-079: billing, see the billing spec.'],
    ['FR-051..FR-079 are deferred.'],
    ['FR-001 and FR-002: login and logout.'],
    ['FR-001 or FR-002: whichever ships first.'],
    ['FR-001/FR-002: the login pair.'],
    ['FR-001 & FR-002: the login pair.'],
    ['CLD-REQ-001 through CLD-REQ-003: deferred.'],
    // The ID is not at the start, or is a longer identifier.
    ['See FR-001: it says so.'],
    ['System MUST allow users to sign in (FR-001).'],
    ['CLD-REQ-023-TC-004: the test case, not the requirement.'],
    // An ID followed by a sentence, not by a separator or a short title and a separator.
    ['FR-001 is satisfied by the login flow.'],
    ['NFR-L2 latency is measured at the edge.'],
  ])('%j defines nothing', (text) => {
    expect(matcher.matchDefinition(text)).toBeUndefined()
  })
})

describe('findRequirementDefinitions: list items, table rows and headings, bold or not', () => {
  test('list items in every house style', () => {
    expect(
      definitionsIn(`## 7. Functional Requirements

- CLD-REQ-001: The control plane shall expose one regional API.
- **CLD-REQ-020** - The control plane shall keep a node registry.
- **ADR-3 · Storage: one SQLite file per tenant.**
- **FR-001**: System MUST allow users to sign in with a passkey.
- **FR-004:** Colon inside the bold.
- *FR-005* — Italic ID.
- \`FR-006\`: The ID in code.
- [ ] FR-007: A task-list item.
1. FR-008: An ordered item.
- NFR-L2 Latency: p99 under 300 ms.
- FR-009 and FR-010: a pair is not a definition.
- CLD-REQ-001 to CLD-REQ-003 are deferred.

FR-011: a paragraph that is not an item defines nothing.
`),
    ).toEqual([
      'listItem CLD-REQ-001: The control plane shall expose one regional API.',
      'listItem CLD-REQ-020: The control plane shall keep a node registry.',
      'listItem ADR-3: Storage: one SQLite file per tenant.',
      'listItem FR-001: System MUST allow users to sign in with a passkey.',
      'listItem FR-004: Colon inside the bold.',
      'listItem FR-005: Italic ID.',
      'listItem FR-006: The ID in code.',
      'listItem FR-007: A task-list item.',
      'listItem FR-008: An ordered item.',
      'listItem NFR-L2: Latency: p99 under 300 ms.',
    ])
  })

  test('headings, with a title, a separator, or the ID alone', () => {
    expect(
      definitionsIn(`# Decisions

### ADR-12 · Drop the plugin loader

### ADR-13: Keep one binary

## INV-4 Single writer: only the leader writes

### FR-010

### ADR-1, ADR-2: superseded

## 7. Functional Requirements
`),
    ).toEqual([
      'heading ADR-12: Drop the plugin loader',
      'heading ADR-13: Keep one binary',
      'heading INV-4: Single writer: only the leader writes',
      'heading FR-010: ',
      // The numbered heading defines nothing; neither does the list of IDs.
    ])
  })

  test('table rows: the first cell is the ID (bold or not), or begins with it', () => {
    expect(
      definitionsIn(`| ID | Requirement | Priority |
| --- | --- | --- |
| REQ-12 | Login within two seconds | P1 |
| **REQ-13** | Sessions expire | P2 |
| \`REQ-14\` | Tokens rotate | P2 |
| REQ-15: Audit | Every change is logged | P1 |
| REQ-16, REQ-17 | A pair | P3 |
| see REQ-18 | A mention | P3 |
`),
    ).toEqual([
      'tableRow REQ-12: Login within two seconds — P1',
      'tableRow REQ-13: Sessions expire — P2',
      'tableRow REQ-14: Tokens rotate — P2',
      'tableRow REQ-15: Audit — Every change is logged — P1',
    ])
  })
})

describe('definitions in the index', () => {
  const built = buildMarkdownIndex(
    {
      'Requirements.MD': {
        kind: 'requirements',
        text: `# Requirements

## 7. Functional Requirements

- CLD-REQ-014: Quotas are enforced per tenant.
- **CLD-REQ-020** - The control plane keeps a node registry, see CLD-REQ-014.
- CLD-REQ-001 to CLD-REQ-003 are deferred.

## 8. Non-Functional Requirements

- NFR-L2 Latency: p99 under 300 ms.
`,
      },
      'docs/decisions.md': {
        kind: 'requirements',
        text: `# Decisions

- **ADR-3 · Storage: one SQLite file per tenant.**

### ADR-12 · Drop the plugin loader

Loading plugins at run time cost more than it gave (see ADR-3).
`,
      },
      'docs/guide.md':
        '# Guide\n\n- CLD-REQ-099: a guide does not define requirements.\n\nUses CLD-REQ-014, NFR-L2, ADR-3 and ADR-12.\n',
    },
    { requirementPatterns: ['CLD-REQ-\\d{3}', 'NFR-[A-Z]\\d+', 'ADR-\\d+'] },
  )

  test('only documents of kind `requirements` define; each definition gets its anchor and scope', () => {
    expect(
      [...built.index.requirements.values()].map(
        (requirement) =>
          `${requirement.key} ${requirement.id} §${requirement.section ?? '-'} [${requirement.scope}] ${requirement.text}`,
      ),
    ).toEqual([
      'Requirements.MD#cld-req-014 CLD-REQ-014 §7 [.] Quotas are enforced per tenant.',
      'Requirements.MD#cld-req-020 CLD-REQ-020 §7 [.] The control plane keeps a node registry, see CLD-REQ-014.',
      'Requirements.MD#nfr-l2 NFR-L2 §8 [.] Latency: p99 under 300 ms.',
      'docs/decisions.md#adr-3 ADR-3 §- [docs] Storage: one SQLite file per tenant.',
      // An unnumbered section is named by its heading: here the defining heading itself.
      'docs/decisions.md#adr-12 ADR-12 §ADR-12 · Drop the plugin loader [docs] Drop the plugin loader',
    ])
    expect(built.problems).toEqual([])
  })

  test('a definition heading gets the ID’s anchor as its id', () => {
    const headings = built.index.documentsByPath.get('docs/decisions.md')!.headings
    expect(headings.map((heading) => heading.id)).toContain('adr-12')
    expect(toRequirementAnchor('CLD‑REQ‑024')).toBe('cld-req-024')
  })

  test('the ID at its definition is a permalink; the rest of the item mentions', () => {
    const outcomes = (path: string) =>
      analyzeIndexed(built, path).requirements.map(
        ({ mention, outcome }) =>
          `${mention.id} ${outcome.kind}${'requirement' in outcome && outcome.requirement ? ` ${outcome.requirement.key}` : ''}`,
      )
    expect(outcomes('Requirements.MD')).toEqual([
      'CLD-REQ-014 definition Requirements.MD#cld-req-014',
      'CLD-REQ-020 definition Requirements.MD#cld-req-020',
      'CLD-REQ-014 link Requirements.MD#cld-req-014',
      // A range is no definition: both ends are mentions (neither is defined here).
      'CLD-REQ-001 unknown',
      'CLD-REQ-003 unknown',
      'NFR-L2 definition Requirements.MD#nfr-l2',
    ])
    expect(outcomes('docs/decisions.md')).toEqual([
      'ADR-3 definition docs/decisions.md#adr-3',
      'ADR-12 definition docs/decisions.md#adr-12',
      'ADR-3 link docs/decisions.md#adr-3',
    ])
    expect(outcomes('docs/guide.md')).toEqual([
      'CLD-REQ-099 unknown',
      'CLD-REQ-014 link Requirements.MD#cld-req-014',
      'NFR-L2 link Requirements.MD#nfr-l2',
      'ADR-3 link docs/decisions.md#adr-3',
      'ADR-12 link docs/decisions.md#adr-12',
    ])
  })

  test('a pattern with mentions and no definition at all is named once', () => {
    const unknownForm = buildMarkdownIndex(
      {
        'specs/spec.md': {
          kind: 'requirements',
          text: '# Spec\n\nThe system MUST let users sign in (FR-001) and out (FR-002).\n',
        },
        'specs/plan.md': 'Covers FR-001 and FR-002.\n',
      },
      { requirementPatterns: ['FR-\\d{3}', 'CLD-REQ-\\d{3}'] },
    )
    expect(unknownForm.index.patternsWithoutDefinitions).toEqual(['FR-\\d{3}', 'CLD-REQ-\\d{3}'])
    expect(built.index.patternsWithoutDefinitions).toEqual([])
  })
})
