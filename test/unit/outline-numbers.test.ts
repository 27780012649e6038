import { describe, expect, test } from 'vitest'
import { applyOutline } from '../../core/documents/outline-numbers.ts'
import type { HeadingInfo } from '../../core/documents/types.ts'
import { buildIndex, buildSampleDocument } from './helpers/sample-index.ts'
import { buildMarkdownIndex, describeSectionRefs } from './helpers/markdown-index.ts'

/**
 * Field guide §2: only a document's outline numbers its sections. Each
 * heading is shown as `text: §N` (a section number), `text: list N` (list
 * numbering inside a section), `text: checklist` (a `§N` entry about the
 * document a heading above names), or just `text`.
 */
function outline(lines: string[], named: Record<string, string> = {}): string[] {
  const document = buildSampleDocument('DOC.md', lines)
  applyOutline(document.headings, {
    findNamedDocument: (text) => Object.entries(named).find(([word]) => text.includes(word))?.[1],
  })
  return document.headings.map(describeHeading)
}

function describeHeading(heading: HeadingInfo): string {
  if (heading.checklist) return `${heading.text}: checklist`
  if (heading.number !== undefined) return `${heading.text}: §${heading.number}`
  if (heading.listNumber !== undefined) return `${heading.text}: list ${heading.listNumber}`
  return heading.text
}

describe('applyOutline: outline numbers and list numbering', () => {
  test.each<[string, string[], string[]]>([
    [
      'numbered headings at the top level',
      ['## 1. Purpose', '## 2. Scope', '## 12) Testing'],
      ['1. Purpose: §1', '2. Scope: §2', '12) Testing: §12'],
    ],
    [
      'under a numbered parent whose number they extend',
      ['## 2. Scope', '### 2.5 Out of scope', '#### 2.5.1 Plugins'],
      ['2. Scope: §2', '2.5 Out of scope: §2.5', '2.5.1 Plugins: §2.5.1'],
    ],
    [
      'a lone `#` title is not a parent',
      ['# Engineering SOP', '## 1. Purpose', '### 1.1 Audience'],
      ['Engineering SOP', '1. Purpose: §1', '1.1 Audience: §1.1'],
    ],
    [
      'the house style of `§0 —`, `4 ·` and `5a ·`',
      [
        '# Architecture',
        '## §0 — What it is',
        '## 4 · Retention',
        '## 5 · Snapshots',
        '## 5a · Snapshot format',
      ],
      [
        'Architecture',
        '§0 — What it is: §0',
        '4 · Retention: §4',
        '5 · Snapshots: §5',
        '5a · Snapshot format: §5a',
      ],
    ],
    [
      'numbers under an unnumbered heading are a list',
      ['## Workflow', '### 1. Before coding', '### 2. During review'],
      ['Workflow', '1. Before coding: list 1', '2. During review: list 2'],
    ],
    [
      'list numbering restarts under the next heading',
      [
        '## Workflow',
        '### 1. Before',
        '### 2. During',
        '## Release',
        '### 1. Tag',
        '### 2. Publish',
      ],
      [
        'Workflow',
        '1. Before: list 1',
        '2. During: list 2',
        'Release',
        '1. Tag: list 1',
        '2. Publish: list 2',
      ],
    ],
    [
      'a role guide numbers its responsibilities, citing the standard in brackets',
      ['## Responsibilities', '### 2. Reviews (§15)', '### 3. Logging (§7)'],
      ['Responsibilities', '2. Reviews (§15): list 2', '3. Logging (§7): list 3'],
    ],
    [
      'a number that does not extend its numbered parent is a list',
      ['## 3. Logging', '### 1. Levels', '### 2. Fields'],
      ['3. Logging: §3', '1. Levels: list 1', '2. Fields: list 2'],
    ],
    [
      'an unnumbered heading between breaks the outline below it',
      ['## 5. Concurrency', '### Examples', '#### 1. Worker pool', '### 5.1 Goroutines'],
      ['5. Concurrency: §5', 'Examples', '1. Worker pool: list 1', '5.1 Goroutines: §5.1'],
    ],
    [
      'appendices carry their letter, and their subsections extend it',
      ['## 1. Intro', '## Appendix A: Glossary', '### A.1 Terms', '## Appendix', '### B.1 Orphan'],
      [
        '1. Intro: §1',
        'Appendix A: Glossary: §A',
        'A.1 Terms: §A.1',
        'Appendix',
        'B.1 Orphan: list B.1',
      ],
    ],
    [
      'a document that starts at `###` is numbered at its top level',
      ['### 1. Alpha', '### 2. Beta'],
      ['1. Alpha: §1', '2. Beta: §2'],
    ],
    [
      'several `#` parts are parents, not a title',
      ['# Part one', '## 1. Setup', '# Part two', '## 1. Teardown'],
      ['Part one', '1. Setup: list 1', 'Part two', '1. Teardown: list 1'],
    ],
    [
      'a numbered `#` part is a parent its sections extend',
      ['# 1. Platform', '## 1.1 Nodes', '# 2. Product', '## 2.1 Billing'],
      ['1. Platform: §1', '1.1 Nodes: §1.1', '2. Product: §2', '2.1 Billing: §2.1'],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(outline(lines)).toEqual(expected)
  })

  test('records each heading’s parent', () => {
    const document = buildSampleDocument('DOC.md', ['# Title', '## 1. A', '### 1.1 B', '## 2. C'])
    applyOutline(document.headings, { findNamedDocument: () => undefined })
    expect(document.headings.map((heading) => heading.parent)).toEqual([undefined, 0, 1, 0])
  })
})

describe('applyOutline: checklist headings under a heading that names a document', () => {
  const sop = { 'ENGINEERING_SOP.md': 'ENGINEERING_SOP.md', SOP: 'ENGINEERING_SOP.md' }

  test.each<[string, string[], string[]]>([
    [
      'a `§N` entry is about the named document’s §N, not a section of its own',
      [
        '## Conformance (ENGINEERING_SOP.md)',
        '### §9: Observability — done',
        '### §4: Error handling — partial',
      ],
      [
        'Conformance (ENGINEERING_SOP.md)',
        '§9: Observability — done: checklist',
        '§4: Error handling — partial: checklist',
      ],
    ],
    [
      'deeper under the naming heading too',
      ['## Conformance with the SOP', '### Runtime', '#### §5.2 Channel discipline ✅'],
      ['Conformance with the SOP', 'Runtime', '§5.2 Channel discipline ✅: checklist'],
    ],
    [
      'only a heading that begins with `§`: a plain number there is a list',
      ['## Conformance (ENGINEERING_SOP.md)', '### 9. Observability'],
      ['Conformance (ENGINEERING_SOP.md)', '9. Observability: list 9'],
    ],
    [
      'a `§N` heading under a heading that names nothing is a section',
      ['## §7 Functional Requirements', '### §7.1 Accounts'],
      ['§7 Functional Requirements: §7', '§7.1 Accounts: §7.1'],
    ],
    [
      'the naming heading’s siblings are not under it',
      ['## Conformance (ENGINEERING_SOP.md)', '### §9: Observability — done', '## §3 Design'],
      ['Conformance (ENGINEERING_SOP.md)', '§9: Observability — done: checklist', '§3 Design: §3'],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(outline(lines, sop)).toEqual(expected)
  })

  test('the heading that names a document says which, for what is under it', () => {
    const index = buildIndex(
      [
        buildSampleDocument('ENGINEERING_SOP.md', ['## 9. Observability']),
        buildSampleDocument('docs/report.md', [
          '# Q3 report',
          '## Conformance (ENGINEERING_SOP.md)',
          '### §9: Observability — done',
          '## Notes on the SOP',
          '## About docs/report.md',
        ]),
      ],
      { aliases: { SOP: 'ENGINEERING_SOP.md' } },
    )
    const headings = index.documentsByPath.get('docs/report.md')!.headings
    expect(headings.map((heading) => heading.namesDocument)).toEqual([
      undefined,
      'ENGINEERING_SOP.md',
      undefined,
      'ENGINEERING_SOP.md',
      // A heading naming its own document names no other one.
      undefined,
    ])
    expect(headings[2]).toMatchObject({ checklist: true })
    expect(headings[2]!.number).toBeUndefined()
  })
})

describe('outlines on whole pages', () => {
  const built = buildMarkdownIndex(
    {
      'ENGINEERING_SOP.md': {
        kind: 'sop',
        text: '# SOP\n\n## 2. Scope\n\n## 3. Code Standards\n\n## 7. Observability\n\n## 9. Tracing\n\n## 15. Reviews\n',
      },
      '.agents/reviewer.md': {
        kind: 'role',
        text: `---
name: reviewer
---

## Responsibilities

### 2. Reviews (§15)

Every change gets one, per §15.

### 3. Logging (§7)

A plain (§7) here, and §3 too.
`,
      },
      'docs/report.md': `# Q3 report

## Conformance (ENGINEERING_SOP.md)

### §9: Tracing — done

### §3: Code standards — partial, see §7

## Workflow

### 1. Before coding

### 2. During review

Step §2 here is the SOP's, not the list's.
`,
    },
    { defaultSectionTarget: 'ENGINEERING_SOP.md' },
  )

  test('list-numbered headings are no sections: their `§` cite the standard, never compete', () => {
    expect(describeSectionRefs(built, '.agents/reviewer.md')).toEqual([
      '§15 → ENGINEERING_SOP.md#15-reviews (default)',
      '§15 → ENGINEERING_SOP.md#15-reviews (default)',
      '§7 → ENGINEERING_SOP.md#7-observability (default)',
      '§7 → ENGINEERING_SOP.md#7-observability (default)',
      '§3 → ENGINEERING_SOP.md#3-code-standards (default)',
    ])
    expect(built.index.sectionsByNumber?.get('7')?.map(({ document }) => document.path)).toEqual([
      'ENGINEERING_SOP.md',
    ])
  })

  test('checklist headings link the named document’s sections; list numbers are not §N', () => {
    expect(describeSectionRefs(built, 'docs/report.md')).toEqual([
      '§9 → ENGINEERING_SOP.md#9-tracing (enclosing)',
      '§3 → ENGINEERING_SOP.md#3-code-standards (enclosing)',
      '§7 → ENGINEERING_SOP.md#7-observability (enclosing)',
      '§2 → ENGINEERING_SOP.md#2-scope (default)',
    ])
  })
})
