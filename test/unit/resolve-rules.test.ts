import { describe, expect, test } from 'vitest'
import { resolveSectionRef } from '../../core/references/resolve.ts'
import { findSectionRefs } from '../../core/references/parse.ts'
import {
  buildSampleDocument,
  buildSampleIndex,
  contextHeadings,
  requirementsHeadings,
  sopHeadings,
  buildIndex,
} from './helpers/sample-index.ts'
import { describeText, resolveText, type WrittenAt } from './helpers/resolve-text.ts'
import {
  buildMarkdownIndex,
  describeSectionRefs,
  analyzeIndexed,
} from './helpers/markdown-index.ts'

/**
 * Field guide §3.2, rule by rule: which document a `§N` means. One handbook
 * in the style of the platform team's (an SOP that is the default target,
 * requirements, a context guide, a role guide whose numbered headings are a
 * list) beside a spec-driven product (`specs/NNN-feature/` folders that repeat
 * file names and restart their numbering).
 */
function buildHandbook(options: { defaultSectionTarget?: string | null } = {}) {
  return buildSampleIndex({
    ...options,
    extraDocuments: [
      buildSampleDocument('specs/001-login/spec.md', [
        '# Login',
        '## 1. Overview',
        '## 2. Users',
        '## 3. Flows',
        '### 3.1 Sign in',
        '## 4. Error handling (§4)',
        '## 6. Testing',
        '### T1 — Happy path',
        '### T3 — Lockout',
      ]),
      buildSampleDocument('specs/001-login/plan.md', [
        '# Plan',
        '## 1. Summary',
        '## 3. Phases',
        '## Testing',
      ]),
      buildSampleDocument('specs/001-login/research.md', [
        '# Research',
        '## 1. Question',
        '## 3. Findings',
      ]),
      buildSampleDocument('specs/001-login/contracts/api.md', ['## 1. Endpoints', '## 9. Errors']),
      buildSampleDocument('specs/002-billing/spec.md', [
        '# Billing',
        '## 1. Overview',
        '## 3. Invoices',
        '## 6. Testing',
        '### T1 — Happy path',
        '### T2 — Refunds',
      ]),
      buildSampleDocument('specs/002-billing/plan.md', ['# Plan', '## 1. Summary', '## 3. Phases']),
      buildSampleDocument('specs/002-billing/tasks.md', [
        '# Tasks',
        '## Phase 1',
        '### 1. Setup',
        '### 2. Build',
      ]),
      buildSampleDocument('specs/002-billing/contracts/api.md', [
        '## 1. Endpoints',
        '## 9. Errors',
      ]),
      buildSampleDocument('docs/PLAN.md', ['# Delivery plan', '## 1. Goals', '## 2. Milestones']),
      buildSampleDocument(
        '.agents/reviewer.md',
        ['## Responsibilities', '### 2. Reviews (§15)', '### 3. Logging (§7)'],
        { kind: 'role' },
      ),
      buildSampleDocument('ROADMAP.md', ['# Roadmap', '## Now', '## Next']),
    ],
  })
}

const handbook = buildHandbook()
const withoutDefault = buildHandbook({ defaultSectionTarget: null })

const login = 'specs/001-login/spec.md'
const billing = 'specs/002-billing/spec.md'
const tasks = 'specs/002-billing/tasks.md'
const roadmap = 'ROADMAP.md'
const reviewer = '.agents/reviewer.md'

type Case = [text: string, at: WrittenAt, expected: string[]]

/** Runs a table of cases: the text, where it is written, what each reference becomes. */
function runCases(cases: Case[], index = handbook) {
  test.each(cases)('%j %j', (text, at, expected) => {
    expect(describeText(index, text, at)).toEqual(expected)
  })
}

describe('rule 1: a document named right before (or right after) the reference', () => {
  runCases([
    ['ENGINEERING_SOP.md §3', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (named-before)']],
    ['`SOP` §12.2', {}, ['§12.2 → ENGINEERING_SOP.md#122-table-driven-tests (named-before)']],
    ['**Requirements.MD** §4', {}, ['§4 → Requirements.MD#4-tenets (named-before)']],
    [
      "CONTEXT.md's §Build and Test Commands before you push",
      {},
      ['§Build and Test Commands → CONTEXT.md#build-and-test-commands (named-before)'],
    ],
    [
      'docs/ENGINEERING_SOP.md §5.2',
      {},
      ['§5.2 → ENGINEERING_SOP.md#52-channel-discipline (named-before)'],
    ],
    [
      'engineering_sop.md §4',
      {},
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (named-before)'],
    ],
    [
      'Requirements.MD §1 (Vision), §3 (Goals), §17 (MVP Scope)',
      {},
      [
        '§1 → Requirements.MD#1-vision (named-before)',
        '§3 → Requirements.MD#3-goals (named-before)',
        '§17 → Requirements.MD#17-mvp-scope (named-before)',
      ],
    ],
    // The document after the reference.
    ['as §1 of Requirements.MD puts it', {}, ['§1 → Requirements.MD#1-vision (named-before)']],
    ['§4 in the SOP', {}, ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (named-before)']],
    [
      'see §9 of contracts/api.md',
      { from: tasks },
      ['§9 → specs/002-billing/contracts/api.md#9-errors (named-before)'],
    ],
    // Named before beats the citing document's own outline, hints, lists and position words.
    ['SOP §3', { from: login }, ['§3 → ENGINEERING_SOP.md#3-code-standards (named-before)']],
    ['SOP §3 (Goals)', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (named-before)']],
    [
      'SOP §4',
      { listDocument: 'Requirements.MD' },
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (named-before)'],
    ],
    ['SOP §6 below', { from: login }, ['§6 → ENGINEERING_SOP.md#6-configuration (named-before)']],
    // The named document lacks the section: an error worth reporting, never the default's.
    ['Requirements.MD §12', {}, ['§12 ✗ unknown-section']],
    [
      'SOP §4 and §17',
      {},
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (named-before)', '§17 ✗ unknown-section'],
    ],
    ['STANDARDS.md §4', {}, ['§4 ✗ unknown-document']],
    ['`contracts/api.md` §2', { from: tasks }, ['§2 ✗ unknown-section']],
  ])

  test('a document the named one lacks the section in is reported with what it has', () => {
    const [{ resolution }] = resolveText(handbook, 'Requirements.MD §12') as [
      ReturnType<typeof resolveText>[number],
    ]
    expect(resolution).toMatchObject({
      status: 'unresolved',
      rule: 'unknown-section',
      evidence: { rule: 'named-before' },
    })
    expect(resolution.status === 'unresolved' && resolution.message).toContain('(it has §1–§17)')
  })
})

describe('rule 2: a document named earlier carries over only when it has the section', () => {
  runCases([
    [
      'Follows ENGINEERING_SOP.md standards (§3-§12)',
      {},
      [
        '§3 → ENGINEERING_SOP.md#3-code-standards (named-earlier)',
        '§12 → ENGINEERING_SOP.md#12-testing-standards (named-earlier)',
      ],
    ],
    [
      'See Requirements.MD for the goals; the budget is in §8.',
      {},
      ['§8 → Requirements.MD#8-non-functional-requirements (named-earlier)'],
    ],
    [
      'Requirements.MD lists the tenets, and §4 applies to every service',
      {},
      ['§4 → Requirements.MD#4-tenets (named-earlier)'],
    ],
    // The nearest name before the reference wins.
    [
      'SOP §4 and Requirements.MD §4, then §7',
      {},
      [
        '§4 → ENGINEERING_SOP.md#4-error-handling-policy (named-before)',
        '§4 → Requirements.MD#4-tenets (named-before)',
        '§7 → Requirements.MD#7-functional-requirements (named-earlier)',
      ],
    ],
    // The field guide's example: PLAN.md has no §11, so the default's §11 is meant.
    [
      'Compare with docs/PLAN.md; the limits come from §11',
      {},
      ['§11 → ENGINEERING_SOP.md#11-security (default)'],
    ],
    // It has no §6; the citing spec's own outline has (rule 6).
    [
      'Compare with Requirements.MD; the test plan is §6',
      { from: login },
      ['§6 → specs/001-login/spec.md#6-testing (scope)'],
    ],
    [
      'From Requirements.MD, the vision (§1) and the channel rules (§5.2)',
      {},
      [
        '§1 → Requirements.MD#1-vision (named-earlier)',
        '§5.2 → ENGINEERING_SOP.md#52-channel-discipline (default)',
      ],
    ],
    // Local names: the sibling research.md, written as a file name earlier in the sentence.
    [
      'research.md has the data; the decision is in §3',
      { from: login },
      ['§3 → specs/001-login/research.md#3-findings (named-earlier)'],
    ],
    // Named earlier comes before title hints and the enclosing list.
    [
      'Requirements.MD is long; §3 (Code Standards) is the part we need',
      {},
      ['§3 → Requirements.MD#3-goals (named-earlier)'],
    ],
    [
      'Requirements.MD is long; read §4 first',
      { listDocument: 'ENGINEERING_SOP.md' },
      ['§4 → Requirements.MD#4-tenets (named-earlier)'],
    ],
    // A name that is not ours does not carry over and reports nothing.
    [
      'Ask for the RFC template, then follow §5.2',
      {},
      ['§5.2 → ENGINEERING_SOP.md#52-channel-discipline (default)'],
    ],
  ])

  test('the evidence says the name earlier was passed over', () => {
    const [{ resolution }] = resolveText(
      handbook,
      'Compare with docs/PLAN.md; the limits come from §11',
    ) as [ReturnType<typeof resolveText>[number]]
    expect(resolution.evidence.notes).toContain('`docs/PLAN.md` (named earlier) has no `§11`')
  })
})

describe('rule 3: the document the enclosing list, table or heading names', () => {
  runCases([
    [
      '**§4**: Error Handling Policy',
      { listDocument: 'ENGINEERING_SOP.md' },
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (enclosing)'],
    ],
    // The field guide's reading list: the default also has §7 and §8.
    [
      '**§7**: Functional Requirements - what you build',
      { listDocument: 'Requirements.MD' },
      ['§7 → Requirements.MD#7-functional-requirements (enclosing)'],
    ],
    [
      '§8',
      { listDocument: 'Requirements.MD' },
      ['§8 → Requirements.MD#8-non-functional-requirements (enclosing)'],
    ],
    ['§4', { listDocument: 'Requirements.MD' }, ['§4 → Requirements.MD#4-tenets (enclosing)']],
    [
      '§12.4',
      { listDocument: 'SOP' },
      ['§12.4 → ENGINEERING_SOP.md#124-integration-tests (enclosing)'],
    ],
    // The list's document beats title hints and the citing document's own outline.
    [
      '§7: Functional Requirements',
      { listDocument: 'SOP' },
      ['§7 → ENGINEERING_SOP.md#7-observability (enclosing)'],
    ],
    [
      '§3',
      { listDocument: 'SOP', from: login },
      ['§3 → ENGINEERING_SOP.md#3-code-standards (enclosing)'],
    ],
    // A list that names a document the section is missing from: reported, not the default's.
    ['§12', { listDocument: 'Requirements.MD' }, ['§12 ✗ unknown-section']],
    ['§4', { listDocument: 'UNKNOWN.md' }, ['§4 ✗ unknown-document']],
    // A heading above names a document: it applies to what is under it.
    [
      'All checks cite §4.',
      { headingDocument: 'Requirements.MD' },
      ['§4 → Requirements.MD#4-tenets (enclosing)'],
    ],
    // …but only when that document has the section; otherwise the next rules answer.
    [
      'See §12.2 for the table layout.',
      { headingDocument: 'Requirements.MD' },
      ['§12.2 → ENGINEERING_SOP.md#122-table-driven-tests (default)'],
    ],
    // A checklist heading's own `§N` must be in that document.
    [
      '§7: Observability — done',
      { headingDocument: 'ENGINEERING_SOP.md', checklist: true },
      ['§7 → ENGINEERING_SOP.md#7-observability (enclosing)'],
    ],
    [
      '§9: Tracing — done',
      { headingDocument: 'ENGINEERING_SOP.md', checklist: true },
      ['§9 ✗ unknown-section'],
    ],
  ])
})

describe('rule 3 on whole pages: reading lists, tables and headings', () => {
  const built = buildMarkdownIndex(
    {
      'ENGINEERING_SOP.md': {
        kind: 'sop',
        text: [
          '# Engineering SOP',
          '## 4. Error Handling Policy',
          '## 5. Concurrency and Resource Policy',
          '## 7. Observability',
          '## 8. Performance Budgets',
          '## 9. Tracing',
          '## 12. Testing',
        ].join('\n\n'),
      },
      'Requirements.MD': {
        kind: 'requirements',
        text: '# Requirements\n\n## 4. Tenets\n\n## 7. Functional Requirements\n\n## 8. Non-Functional Requirements\n',
      },
      '.agents/engineer.md': {
        kind: 'role',
        text: `---
name: engineer
---

## Required reading

1. **ENGINEERING_SOP.md** - the standards you follow:
   - **§4**: Error Handling Policy - never drop an error
   - **§5**: Concurrency and Resource Policy - bound every goroutine
2. **Requirements.MD** (Requirements):
   - **§7**: Functional Requirements - what you build
   - **§8**: Non-Functional Requirements - the targets you meet
     - and the budgets in §4
`,
      },
      'docs/review.md': `# Review of the ingest service

Each role enforces these Requirements.MD sections:

| Role     | Section |
| -------- | ------- |
| Engineer | §7      |
| Tester   | §8      |

A table without an introduction:

| Area    | Section |
| ------- | ------- |
| Tracing | §9      |

## Conformance (ENGINEERING_SOP.md)

### §9: Tracing — done

Spans carry the request id, as §9 asks.

### §4: Error handling — partial

## Summary

A plain §7 here means the default document's.
`,
    },
    { aliases: { SOP: 'ENGINEERING_SOP.md' }, defaultSectionTarget: 'ENGINEERING_SOP.md' },
  )

  test('a reading list: the parent item names the document of the sections below it', () => {
    expect(describeSectionRefs(built, '.agents/engineer.md')).toEqual([
      '§4 → ENGINEERING_SOP.md#4-error-handling-policy (enclosing)',
      '§5 → ENGINEERING_SOP.md#5-concurrency-and-resource-policy (enclosing)',
      '§7 → Requirements.MD#7-functional-requirements (enclosing)',
      '§8 → Requirements.MD#8-non-functional-requirements (enclosing)',
      // The nearest item that names a document is the one that counts.
      '§4 → Requirements.MD#4-tenets (enclosing)',
    ])
  })

  test('a paragraph introducing a table, a heading naming a document, and a checklist', () => {
    expect(describeSectionRefs(built, 'docs/review.md')).toEqual([
      '§7 → Requirements.MD#7-functional-requirements (enclosing)',
      '§8 → Requirements.MD#8-non-functional-requirements (enclosing)',
      '§9 → ENGINEERING_SOP.md#9-tracing (default)',
      '§9 → ENGINEERING_SOP.md#9-tracing (enclosing)',
      '§9 → ENGINEERING_SOP.md#9-tracing (enclosing)',
      '§4 → ENGINEERING_SOP.md#4-error-handling-policy (enclosing)',
      '§7 → ENGINEERING_SOP.md#7-observability (default)',
    ])
  })
})

describe('rule 4: position words mean the document the reference is in', () => {
  runCases([
    [
      'The test plan is in §6 below.',
      { from: login },
      ['§6 → specs/001-login/spec.md#6-testing (position)'],
    ],
    ['see §3 above', { from: login }, ['§3 → specs/001-login/spec.md#3-flows (position)']],
    [
      'as defined earlier in §2',
      { from: login },
      ['§2 → specs/001-login/spec.md#2-users (position)'],
    ],
    [
      "this document's §1 says who",
      { from: login },
      ['§1 → specs/001-login/spec.md#1-overview (position)'],
    ],
    ['later in §3.1', { from: login }, ['§3.1 → specs/001-login/spec.md#31-sign-in (position)']],
    ['**§6** below', { from: login }, ['§6 → specs/001-login/spec.md#6-testing (position)']],
    [
      'the tiers in §1 above',
      { from: 'Requirements.MD' },
      ['§1 → Requirements.MD#1-vision (position)'],
    ],
    // The position word beats the hint that names another document's title.
    [
      "this document's §3 (Goals)",
      { from: login },
      ['§3 → specs/001-login/spec.md#3-flows (position)'],
    ],
    // A sub-label still finds its subsection.
    [
      'earlier in §6 T3',
      { from: login },
      ['§6 T3 → specs/001-login/spec.md#t3--lockout (position)'],
    ],
    // It never falls back to another document: the default's §12.2 is not "above".
    ['§12.2 above', { from: login }, ['§12.2 ✗ unknown-section']],
    ['§6 below', { from: roadmap }, ['§6 ✗ unknown-section']],
    // List numbering is not an outline: the reviewer guide has no §3 of its own.
    ['see §3 above', { from: reviewer }, ['§3 ✗ unknown-section']],
  ])
})

describe('rule 5: title hints choose among the documents that have the section', () => {
  runCases([
    ['goals (§3.1)', {}, ['§3.1 → Requirements.MD#31-goals (title-hint)']],
    ['Check the product tenets (§4)', {}, ['§4 → Requirements.MD#4-tenets (title-hint)']],
    [
      '§7: Functional Requirements',
      {},
      ['§7 → Requirements.MD#7-functional-requirements (title-hint)'],
    ],
    // Plural and singular alike, case and punctuation ignored.
    [
      '§8 (non-functional requirement)',
      {},
      ['§8 → Requirements.MD#8-non-functional-requirements (title-hint)'],
    ],
    [
      'the error handling policy (§4)',
      {},
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (title-hint)'],
    ],
    ['§3 (Code standards) apply', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (title-hint)']],
    // Strictly better: three words against one.
    [
      '§8 (non-functional performance requirements)',
      {},
      ['§8 → Requirements.MD#8-non-functional-requirements (title-hint)'],
    ],
    // The hint beats the citing document's own outline (rule 5 comes before rule 6).
    ['see the invoices in §3', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (default)']],
    [
      'see §3 (Invoices)',
      { from: login },
      ['§3 → specs/002-billing/spec.md#3-invoices (title-hint)'],
    ],
    // A sub-label names the candidate that has such a subsection, and the link covers it.
    ['§6 T3', {}, ['§6 T3 → specs/001-login/spec.md#t3--lockout (title-hint)']],
    [
      "§6 T2's exit criteria",
      { from: tasks },
      ['§6 T2 → specs/002-billing/spec.md#t2--refunds (title-hint)'],
    ],
    // No subsection with that label: §6 itself, by the next rules.
    ['§6 T9', {}, ['§6 → ENGINEERING_SOP.md#6-configuration (default)']],
    ['§6 T9', { from: login }, ['§6 → specs/001-login/spec.md#6-testing (scope)']],
    // Never from the neighbouring table cell.
    [
      '§8',
      { cellHint: 'Non-functional requirements' },
      ['§8 → ENGINEERING_SOP.md#8-performance-budgets (default)'],
    ],
    ['§4', { cellHint: 'Tenets' }, ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (default)']],
    // Quoted words are never a title.
    ['§4 – "Tenets"', {}, ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (default)']],
    // Words that match no candidate leave it to rule 6.
    ['§4 (Logging)', {}, ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (default)']],
  ])

  test('the evidence lists every candidate with its score', () => {
    const [{ resolution }] = resolveText(handbook, 'Check the product tenets (§4)') as [
      ReturnType<typeof resolveText>[number],
    ]
    expect(resolution.evidence).toMatchObject({
      rule: 'title-hint',
      candidates: [
        { document: 'ENGINEERING_SOP.md', section: '§4', title: 'Error Handling Policy', score: 0 },
        { document: 'Requirements.MD', section: '§4', title: 'Tenets', score: 1 },
        { document: login, section: '§4', title: 'Error handling (§4)', score: 0 },
      ],
    })
  })

  test.each<Case>([
    ['MVP scope (§17)', {}, ['§17 → Requirements.MD#17-mvp-scope (title-hint)']],
    ['Keep to the MVP scope (§17).', {}, ['§17 → Requirements.MD#17-mvp-scope (title-hint)']],
  ])('one candidate that the words name: %j', (text, at, expected) => {
    expect(describeText(handbook, text, at)).toEqual(expected)
  })

  test('a sub-label two other documents share is ambiguous', () => {
    expect(describeText(handbook, '§6 T1', { from: roadmap })).toEqual(['§6 ✗ ambiguous-section'])
  })

  test('a sub-label two documents share goes to the citing one', () => {
    expect(describeText(handbook, '§6 T1', { from: billing })).toEqual([
      '§6 T1 → specs/002-billing/spec.md#t1--happy-path (title-hint)',
    ])
  })

  test.each<Case>([
    ['§4 ("Tenets")', {}, ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (default)']],
    ['§4 (“Tenets”)', {}, ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (default)']],
  ])('quoted words in brackets are not a title: %j', (text, at, expected) => {
    expect(describeText(handbook, text, at)).toEqual(expected)
  })

  // Quoted words beside the reference are a hint for the candidate whose section text has them.
  test('quoted words choose the candidate whose section text has them', () => {
    const built = buildMarkdownIndex(
      {
        'ENGINEERING_SOP.md': {
          kind: 'sop',
          text: '# SOP\n\n## 6. Configuration\n\nFlags beat files.\n',
        },
        'docs/RESILIENCE.md':
          '# Resilience\n\n## 6. Retries\n\nRetry only idempotent calls, with backoff.\n',
        'docs/notes.md': '# Notes\n\nWe agreed: "retry only idempotent calls" (§6).\n',
      },
      { defaultSectionTarget: 'ENGINEERING_SOP.md' },
    )
    expect(describeSectionRefs(built, 'docs/notes.md')).toEqual([
      '§6 → docs/RESILIENCE.md#6-retries (title-hint)',
    ])
  })

  test('quoted words no candidate has leave the choice to the scope, and are no title', () => {
    const built = buildMarkdownIndex(
      {
        'ENGINEERING_SOP.md': {
          kind: 'sop',
          text: '# SOP\n\n## 6. Configuration\n\nFlags beat files.\n',
        },
        'docs/RESILIENCE.md':
          '# Resilience\n\n## 6. Retries\n\nRetry only idempotent calls, with backoff.\n',
        'docs/notes.md': '# Notes\n\n§6 – “Never retry a payment”.\n',
      },
      { defaultSectionTarget: 'ENGINEERING_SOP.md' },
    )
    expect(describeSectionRefs(built, 'docs/notes.md')).toEqual([
      '§6 → ENGINEERING_SOP.md#6-configuration (default)',
    ])
  })
})

describe('rule 6: the citing document’s outline, else the default document', () => {
  runCases([
    // A spec that says `see §3` means its own §3, whatever its kind.
    ['see §3', { from: login }, ['§3 → specs/001-login/spec.md#3-flows (scope)']],
    ['§1', { from: login }, ['§1 → specs/001-login/spec.md#1-overview (scope)']],
    ['§3', { from: billing }, ['§3 → specs/002-billing/spec.md#3-invoices (scope)']],
    ['§4', { from: 'Requirements.MD' }, ['§4 → Requirements.MD#4-tenets (scope)']],
    ['§Testing', { from: login }, ['§Testing → specs/001-login/spec.md#6-testing (scope)']],
    // The outline does not have it: the default's.
    ['§12.2', { from: login }, ['§12.2 → ENGINEERING_SOP.md#122-table-driven-tests (default)']],
    ['§5.2', { from: roadmap }, ['§5.2 → ENGINEERING_SOP.md#52-channel-discipline (default)']],
    ['§3', { from: tasks }, ['§3 → ENGINEERING_SOP.md#3-code-standards (default)']],
    // List numbering is no outline: the reviewer's `### 3. Logging (§7)` is not a §3 or a §7.
    ['§3', { from: reviewer }, ['§3 → ENGINEERING_SOP.md#3-code-standards (default)']],
    ['a plain (§7)', { from: reviewer }, ['§7 → ENGINEERING_SOP.md#7-observability (default)']],
    ['§15', { from: reviewer }, ['§15 ✗ unknown-section']],
    // The default lacks it: reported, with the document that has it as the suggestion.
    ['§17', { from: roadmap }, ['§17 ✗ unknown-section']],
  ])

  test('a number only another document has is suggested, not linked', () => {
    const [{ resolution }] = resolveText(handbook, '§17', { from: roadmap }) as [
      ReturnType<typeof resolveText>[number],
    ]
    expect(resolution).toMatchObject({ hint: 'did you mean `Requirements.MD §17`?' })
  })

  describe('without a default document', () => {
    runCases(
      [
        ['§17', {}, ['§17 → Requirements.MD#17-mvp-scope (only-document)']],
        ['§22.1', {}, ['§22.1 → ENGINEERING_SOP.md#221-severity-levels (only-document)']],
        ['§4', {}, ['§4 ✗ ambiguous-section']],
        ['§40', {}, ['§40 ✗ no-default-document']],
        ['§4', { from: 'Requirements.MD' }, ['§4 → Requirements.MD#4-tenets (scope)']],
        ['§3', { from: login }, ['§3 → specs/001-login/spec.md#3-flows (scope)']],
      ],
      withoutDefault,
    )
  })
})

describe('ties: the scope’s answer wins when it is among the tied', () => {
  runCases([
    // Code Standards vs Goals, one word each: the default's answer is among them.
    ['§3 (Standards and Goals)', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (default)']],
    [
      '§8 (performance requirements)',
      {},
      ['§8 → ENGINEERING_SOP.md#8-performance-budgets (default)'],
    ],
    // The citing document's own section is the scope's answer.
    [
      '§3 (Standards and Goals)',
      { from: 'Requirements.MD' },
      ['§3 → Requirements.MD#3-goals (scope)'],
    ],
    [
      '§8 (performance requirements)',
      { from: 'Requirements.MD' },
      ['§8 → Requirements.MD#8-non-functional-requirements (scope)'],
    ],
    ['§3 (flows and goals)', { from: login }, ['§3 → specs/001-login/spec.md#3-flows (scope)']],
    ['§3 (code flows)', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (default)']],
    // The scope's answer is not among the tied: truly ambiguous.
    ['§3 (flows and goals)', { from: billing }, ['§3 ✗ ambiguous-section']],
    ['§3 (flows and goals)', { from: roadmap }, ['§3 ✗ ambiguous-section']],
    ['§3 (invoice flows)', {}, ['§3 ✗ ambiguous-section']],
    // Without hints there is no tie to break: the scope answers.
    ['§3', {}, ['§3 → ENGINEERING_SOP.md#3-code-standards (default)']],
  ])

  runCases(
    [
      ['§3 (Standards and Goals)', {}, ['§3 ✗ ambiguous-section']],
      // The spec's own §3 (Flows) matches neither word, so it is not among the tied.
      ['§3 (Standards and Goals)', { from: login }, ['§3 ✗ ambiguous-section']],
      ['§3 (flows and goals)', { from: login }, ['§3 → specs/001-login/spec.md#3-flows (scope)']],
    ],
    withoutDefault,
  )

  test('an ambiguous reference names the tied candidates and how to choose', () => {
    const [{ resolution }] = resolveText(handbook, '§3 (flows and goals)', { from: roadmap }) as [
      ReturnType<typeof resolveText>[number],
    ]
    expect(resolution).toMatchObject({ status: 'unresolved', evidence: { rule: 'title-hint' } })
    expect(resolution.status === 'unresolved' && resolution.message).toBe(
      'Unexpected bare `§3`, expected a document name before it: `Requirements.MD` (§3 Goals) and `specs/001-login/spec.md` (§3 Flows) both have it; name the document, e.g. `Requirements.MD §3`',
    )
  })

  test('named sections: the citing document’s heading wins a tie of names', () => {
    const index = buildIndex(
      [
        buildSampleDocument('GUIDE.md', ['## Overview', '## Setup']),
        buildSampleDocument('CONTEXT.md', contextHeadings),
        buildSampleDocument('NOTES.md', ['## Log']),
      ],
      {},
    )
    expect(describeText(index, '§Overview', { from: 'GUIDE.md' })).toEqual([
      '§Overview → GUIDE.md#overview (scope)',
    ])
    expect(describeText(index, '§Overview', { from: 'NOTES.md' })).toEqual([
      '§Overview ✗ ambiguous-section',
    ])
  })
})

describe('a reference never resolves to the heading it sits in', () => {
  runCases([
    // `## 4. Error handling (§4)` in the login spec cites the SOP's §4, not itself.
    [
      '4. Error handling (§4)',
      { from: login, inHeading: '4' },
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (title-hint)'],
    ],
    [
      '(§4)',
      { from: login, inHeading: '4' },
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy (default)'],
    ],
    // Elsewhere in the spec, `§4` is its own section.
    ['see §4', { from: login }, ['§4 → specs/001-login/spec.md#4-error-handling-4 (scope)']],
    // Its parent or a sibling is not itself.
    [
      '3.1 Sign in (see §3)',
      { from: login, inHeading: '3.1' },
      ['§3 → specs/001-login/spec.md#3-flows (scope)'],
    ],
    // Self-exclusion holds under every rule that points at the citing document.
    ["6. Testing (this document's §6)", { from: login, inHeading: '6' }, ['§6 ✗ unknown-section']],
    ['6. Testing (spec.md §6)', { from: login, inHeading: '6' }, ['§6 ✗ unknown-section']],
    [
      '3. Flows (§3 Flows)',
      { from: login, inHeading: '3' },
      ['§3 → ENGINEERING_SOP.md#3-code-standards (default)'],
    ],
    // In the default document itself, a heading citing its own number has nowhere to go.
    ['(§4)', { from: 'ENGINEERING_SOP.md', inHeading: '4' }, ['§4 ✗ unknown-section']],
    // …and its words choose among the other candidates only.
    [
      '4. Error Handling Policy (§4)',
      { from: 'ENGINEERING_SOP.md', inHeading: '4' },
      ['§4 → specs/001-login/spec.md#4-error-handling-4 (title-hint)'],
    ],
    // The requirements' own §3 is the heading: the scope falls to the default.
    [
      '3. Goals (see §3)',
      { from: 'Requirements.MD', inHeading: '3' },
      ['§3 → ENGINEERING_SOP.md#3-code-standards (default)'],
    ],
    // Named sections too: the two specs' `1. Overview` are left, neither the scope's.
    [
      'Overview (see §Overview)',
      { from: 'CONTEXT.md', inHeading: 'Overview' },
      ['§Overview ✗ ambiguous-section'],
    ],
    [
      'Build and Test Commands (CONTEXT.md §Overview)',
      { from: 'CONTEXT.md', inHeading: 'Build and Test Commands' },
      ['§Overview → CONTEXT.md#overview (named-before)'],
    ],
  ])

  test('on a whole page: a heading citing its own number links the default’s section', () => {
    const built = buildMarkdownIndex(
      {
        'SOP.md': { kind: 'sop', text: '# SOP\n\n## 2. Scope\n\n## 4. Error Handling\n' },
        'docs/ARCH.md': `# Architecture

## 2. Logging (§2)

## 4. Errors (§4)

Errors follow §4 and §2 of this document's outline: §4 above.
`,
      },
      { defaultSectionTarget: 'SOP.md' },
    )
    expect(describeSectionRefs(built, 'docs/ARCH.md')).toEqual([
      '§2 → SOP.md#2-scope (default)',
      '§4 → SOP.md#4-error-handling (default)',
      '§4 → docs/ARCH.md#4-errors-4 (scope)',
      '§2 → docs/ARCH.md#2-logging-2 (scope)',
      '§4 → docs/ARCH.md#4-errors-4 (position)',
    ])
  })

  test('the candidates it weighed leave the heading out', () => {
    const refs = findSectionRefs('Error handling (§4)')
    const from = handbook.documentsByPath.get(login)!
    const containingHeading = from.headings.find((heading) => heading.number === '4')!
    const resolution = resolveSectionRef(refs[0]!, { from, containingHeading }, handbook)
    expect(resolution.evidence.candidates.map((candidate) => candidate.document)).toEqual([
      'ENGINEERING_SOP.md',
      'Requirements.MD',
    ])
  })

  test('the page analysis passes the heading a reference sits in', () => {
    const built = buildMarkdownIndex(
      {
        'SOP.md': { kind: 'sop', text: '# SOP\n\n## 7. Observability\n' },
        'specs/login/spec.md': '# Login\n\n## 7. Observability (§7)\n\nMetrics per §7.\n',
      },
      { defaultSectionTarget: 'SOP.md' },
    )
    const analysis = analyzeIndexed(built, 'specs/login/spec.md')
    expect(
      analysis.sections.map(({ resolution }) =>
        resolution.status === 'resolved' ? resolution.document.path : resolution.status,
      ),
    ).toEqual(['SOP.md', 'specs/login/spec.md'])
  })
})

// Keep the sample headings in use, so a change to them shows up here too.
test('the handbook is built from the sample headings', () => {
  expect(handbook.documentsByPath.get('ENGINEERING_SOP.md')!.headings).toHaveLength(
    sopHeadings.length,
  )
  expect(handbook.documentsByPath.get('Requirements.MD')!.headings).toHaveLength(
    requirementsHeadings.length,
  )
})
