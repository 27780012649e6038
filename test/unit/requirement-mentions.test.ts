import { describe, expect, test } from 'vitest'
import { createRequirementMatcher } from '../../core/requirements/patterns.ts'
import { analyzeIndexed, buildMarkdownIndex } from './helpers/markdown-index.ts'

/**
 * Field guide §4, "Ranges" and "Mentions": every range form links both ends;
 * pasted hyphens count as `-`; a wildcard links to the list of all
 * requirements; an ID followed by more ID-like text is another identifier.
 */
const matcher = createRequirementMatcher([
  'CLD-REQ-\\d{3}',
  'NFR-[A-Z]\\d+',
  'FR-\\d{3}',
  'ADR-\\d+',
])

/** `written=ID` per mention, cut from the text by its offsets (`*` marks a wildcard). */
function mentions(text: string): string[] {
  return matcher
    .findMentions(text)
    .map(
      (mention) =>
        `${text.slice(mention.start, mention.end)}=${mention.id}${mention.wildcard ? ' *' : ''}`,
    )
}

describe('findMentions: ranges link both ends', () => {
  test.each<[string, string[]]>([
    ['FR-051–FR-079', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['FR-051 – FR-079', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['FR-051..FR-079', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['CLD-REQ-001 to CLD-REQ-081', ['CLD-REQ-001=CLD-REQ-001', 'CLD-REQ-081=CLD-REQ-081']],
    ['FR-051-FR-079', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['FR-051—FR-079', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['FR-051 through FR-079', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['FR-051‐FR-079 (a pasted hyphen)', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['FR-051−FR-079 (a minus)', ['FR-051=FR-051', 'FR-079=FR-079']],
    ['(NFR-P1–NFR-P4)', ['NFR-P1=NFR-P1', 'NFR-P4=NFR-P4']],
    ['ADR-3–ADR-5 and ADR-7', ['ADR-3=ADR-3', 'ADR-5=ADR-5', 'ADR-7=ADR-7']],
    ['ADR-3-ADR-5', ['ADR-3=ADR-3', 'ADR-5=ADR-5']],
    ['Deferred: FR-051…FR-079.', ['FR-051=FR-051', 'FR-079=FR-079']],
  ])('%j', (text, expected) => {
    expect(mentions(text)).toEqual(expected)
  })
})

describe('findMentions: IDs as authors paste them', () => {
  test.each<[string, string[]]>([
    ['CLD‑REQ‑020 (non-breaking hyphens)', ['CLD‑REQ‑020=CLD-REQ-020']],
    ['CLD‐REQ‐001 (hyphens)', ['CLD‐REQ‐001=CLD-REQ-001']],
    ['CLD−REQ−030 (minus signs)', ['CLD−REQ−030=CLD-REQ-030']],
    ['All of CLD-REQ-* apply.', ['CLD-REQ-*=CLD-REQ-* *']],
    ['**FR-001**, `FR-002`? FR-003!', ['FR-001=FR-001', 'FR-002=FR-002', 'FR-003=FR-003']],
    // Another identifier that begins with an ID: no part of it.
    ['CLD-REQ-023-TC-004 tests it', []],
    ['XCLD-REQ-020 is not ours', []],
    ['CLD-REQ-0201 has one digit too many', []],
    ['FR-051-a is a variant', []],
    // An em dash separates, it does not join (`CLD—REQ—020` is not an ID).
    ['CLD—REQ—020', []],
  ])('%j', (text, expected) => {
    expect(mentions(text)).toEqual(expected)
  })
})

describe('ranges on a page: both ends link to their definitions', () => {
  const built = buildMarkdownIndex(
    {
      'specs/002-billing/spec.md': {
        kind: 'requirements',
        text: `# Billing

## Functional requirements

- **FR-051**: Invoices are issued monthly.
- **FR-079**: Refunds are issued within a week.
- FR-051 to FR-079 are the billing core, and a range is no definition.

| ID | Requirement |
| --- | --- |
| CLD-REQ-001 | One regional API |
| CLD-REQ-081 | One global console |
`,
      },
      'specs/002-billing/plan.md': `# Plan

- FR-051–FR-079 first, then FR-051 – FR-079 again.
- FR-051..FR-079 and FR-051-FR-079 in the house style of the exports.
- CLD-REQ-001 to CLD-REQ-081 across the platform.

| Scope | Requirements |
| ----- | ------------ |
| Core  | FR-051–FR-079 |

### Phase 1 (FR-051 – FR-079)
`,
    },
    { requirementPatterns: ['FR-\\d{3}', 'CLD-REQ-\\d{3}'] },
  )

  test('every form, in items, cells and headings', () => {
    expect(
      analyzeIndexed(built, 'specs/002-billing/plan.md').requirements.map(
        ({ run, mention, outcome }) =>
          outcome.kind === 'link'
            ? `${run.text.slice(mention.start, mention.end)} → ${outcome.requirement.key}`
            : `${mention.id} ${outcome.kind}`,
      ),
    ).toEqual([
      'FR-051 → specs/002-billing/spec.md#fr-051',
      'FR-079 → specs/002-billing/spec.md#fr-079',
      'FR-051 → specs/002-billing/spec.md#fr-051',
      'FR-079 → specs/002-billing/spec.md#fr-079',
      'FR-051 → specs/002-billing/spec.md#fr-051',
      'FR-079 → specs/002-billing/spec.md#fr-079',
      'FR-051 → specs/002-billing/spec.md#fr-051',
      'FR-079 → specs/002-billing/spec.md#fr-079',
      'CLD-REQ-001 → specs/002-billing/spec.md#cld-req-001',
      'CLD-REQ-081 → specs/002-billing/spec.md#cld-req-081',
      'FR-051 → specs/002-billing/spec.md#fr-051',
      'FR-079 → specs/002-billing/spec.md#fr-079',
      'FR-051 → specs/002-billing/spec.md#fr-051',
      'FR-079 → specs/002-billing/spec.md#fr-079',
    ])
  })

  test('in the requirements document, a range item defines nothing and links both ends', () => {
    expect(
      analyzeIndexed(built, 'specs/002-billing/spec.md').requirements.map(
        ({ mention, outcome }) => `${mention.id} ${outcome.kind}`,
      ),
    ).toEqual([
      'FR-051 definition',
      'FR-079 definition',
      'FR-051 link',
      'FR-079 link',
      'CLD-REQ-001 definition',
      'CLD-REQ-081 definition',
    ])
    expect(built.problems).toEqual([])
  })
})
