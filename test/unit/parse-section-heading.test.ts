import { describe, expect, test } from 'vitest'
import {
  compareSectionNumbers,
  expandSectionRange,
  parseSectionHeading,
} from '../../core/documents/headings.ts'
import { buildSampleDocument, sopHeadings } from './helpers/sample-index.ts'

describe('parseSectionHeading', () => {
  test.each<[string, string | undefined, string]>([
    // Field guide §2: every numbering style, the number kept apart from the title.
    ['5. Concurrency and Resource Policy', '5', 'Concurrency and Resource Policy'],
    ['5.2 Channel Discipline', '5.2', 'Channel Discipline'],
    ['§7 Functional Requirements', '7', 'Functional Requirements'],
    ['§ 7 Functional Requirements', '7', 'Functional Requirements'],
    ['12) Testing', '12', 'Testing'],
    ['3.1. Goals', '3.1', 'Goals'],
    ['5.2.3 Buffered Channels', '5.2.3', 'Buffered Channels'],
    ['5: Concurrency', '5', 'Concurrency'],
    ['5 - Concurrency', '5', 'Concurrency'],
    // Lettered sections and appendices.
    ['Appendix A: Glossary', 'A', 'Glossary'],
    ['Appendix A — Glossary', 'A', 'Glossary'],
    ['APPENDIX B. Checklists', 'B', 'Checklists'],
    ['A. Glossary', 'A', 'Glossary'],
    ['C) Changes', 'C', 'Changes'],
    ['B.1 Something', 'B.1', 'Something'],
    ['§A Glossary', 'A', 'Glossary'],
    ['Appendix C', 'C', 'Appendix C'],
    ['12.', '12', '12.'],
    // Text that only looks numbered.
    ['A Note on Style', undefined, 'A Note on Style'],
    ['2026 Roadmap', undefined, '2026 Roadmap'],
    ['100 Days of Code', undefined, '100 Days of Code'],
    ['Revision History', undefined, 'Revision History'],
    ['99% Uptime', undefined, '99% Uptime'],
    ['3D Rendering', undefined, '3D Rendering'],
    ['A.I. Strategy', undefined, 'A.I. Strategy'],
    ['Q: Why not channels everywhere?', undefined, 'Q: Why not channels everywhere?'],
    ['Appendix 1: Data', undefined, 'Appendix 1: Data'],
    ['  Overview  ', undefined, 'Overview'],
  ])('%j → number %s, title %j', (text, number, title) => {
    expect(parseSectionHeading(text)).toEqual(number === undefined ? { title } : { number, title })
  })

  test.each<[string, string | undefined, string]>([
    // Field guide §2, the newer house styles: zero is a number.
    ['§0 — What it is', '0', 'What it is'],
    ['0. Preface', '0', 'Preface'],
    ['§0 Conventions', '0', 'Conventions'],
    // A middle dot, an en or em dash, a colon, a bar or a bullet between number and title.
    ['4 · Retention', '4', 'Retention'],
    ['4 – Retention', '4', 'Retention'],
    ['4 — Retention', '4', 'Retention'],
    ['4: Retention', '4', 'Retention'],
    ['4 | Retention', '4', 'Retention'],
    ['4 • Retention', '4', 'Retention'],
    ['12.3 · Compaction windows', '12.3', 'Compaction windows'],
    // A letter suffix belongs to the number.
    ['5a · Snapshot format', '5a', 'Snapshot format'],
    ['5a. Snapshot format', '5a', 'Snapshot format'],
    ['§5b Snapshot retention', '5b', 'Snapshot retention'],
    ['12b) Hotfixes', '12b', 'Hotfixes'],
    ['5.2a Buffered channels', '5.2a', 'Buffered channels'],
    // …but a word that starts with digits is not a number with a suffix.
    ['5am Standup', undefined, '5am Standup'],
    ['5G Rollout', undefined, '5G Rollout'],
    ['10x Throughput', undefined, '10x Throughput'],
  ])('%j → number %s, title %j', (text, number, title) => {
    expect(parseSectionHeading(text)).toEqual(number === undefined ? { title } : { number, title })
  })

  test.each<[string]>([['2x Faster Builds'], ['3x Throughput']])(
    '%j is a quantity, not a section number',
    (text) => {
      expect(parseSectionHeading(text).number).toBeUndefined()
    },
  )
})

describe('compareSectionNumbers', () => {
  test.each<[string[], string[]]>([
    [
      ['12', '5.10', '5', 'A', '5.2', '5.9', '1', 'B.2', 'B', '5.1'],
      ['1', '5', '5.1', '5.2', '5.9', '5.10', '12', 'A', 'B', 'B.2'],
    ],
    [
      ['22.2', '22.1', '3', '22'],
      ['3', '22', '22.1', '22.2'],
    ],
    [
      ['b', 'A'],
      ['A', 'b'],
    ],
  ])('sorts %j', (numbers, sorted) => {
    expect([...numbers].sort(compareSectionNumbers)).toEqual(sorted)
  })

  test.each<[string[], string[]]>([
    // A letter suffix sorts after its number and its subsections, before the next number.
    [
      ['6', '5b', '5', '5a', '5.1', '4'],
      ['4', '5', '5.1', '5a', '5b', '6'],
    ],
    [
      ['12', '12b', '12a', '12.10', '12.9'],
      ['12', '12.9', '12.10', '12a', '12b'],
    ],
    [
      ['1', '0', '0.1'],
      ['0', '0.1', '1'],
    ],
  ])('sorts letter suffixes and zero: %j', (numbers, sorted) => {
    expect([...numbers].sort(compareSectionNumbers)).toEqual(sorted)
  })

  test('treats a letter as equal regardless of case', () => {
    expect(compareSectionNumbers('b.2', 'B.2')).toBe(0)
  })
})

describe('expandSectionRange', () => {
  const sop = buildSampleDocument('ENGINEERING_SOP.md', sopHeadings)
  const withUnnumbered = buildSampleDocument('x.md', [
    '## 4. Errors',
    '### Examples',
    '## 5. Concurrency',
    '### Examples',
    '#### Worker pools',
    '### 5.1 Goroutines',
    '## Notes',
    '### Aside',
    '## 6. Configuration',
  ])

  test.each<[string, string, string[]]>([
    // The ends and everything numbered between them, subsections included.
    ['3', '5', ['3', '3.1', '4', '5', '5.1', '5.2', '5.3']],
    ['11', '12', ['11', '12', '12.1', '12.2', '12.3', '12.4', '12.5', '12.6']],
    ['22.1', '22.2', ['22.1', '22.2']],
    // Mixed depths start at the first end exactly.
    ['5.2', '6', ['5.2', '5.3', '6']],
    ['A', 'B', ['A', 'B', 'B.1', 'B.2']],
    ['12.4', '12.4', ['12.4']],
    // Reversed: nothing.
    ['12', '3', []],
  ])('§%s-§%s', (from, to, numbers) => {
    expect(expandSectionRange(sop.headings, from, to).map((heading) => heading.number)).toEqual(
      numbers,
    )
  })

  test('covers unnumbered headings nested under a covered section, not those beside it', () => {
    expect(
      expandSectionRange(withUnnumbered.headings, '5', '6').map((heading) => heading.text),
    ).toEqual(['5. Concurrency', 'Examples', 'Worker pools', '5.1 Goroutines', '6. Configuration'])
  })

  test('a range covers the lettered sections between its ends', () => {
    const snapshots = buildSampleDocument('ARCH.md', [
      '## §0 — What it is',
      '## 4 · Retention',
      '## 5 · Snapshots',
      '## 5a · Snapshot format',
      '## 6 · Recovery',
      '## 7 · Operations',
    ])
    expect(
      expandSectionRange(snapshots.headings, '5', '6').map((heading) => heading.number),
    ).toEqual(['5', '5a', '6'])
    expect(
      expandSectionRange(snapshots.headings, '0', '4').map((heading) => heading.number),
    ).toEqual(['0', '4'])
  })

  test('keeps document order', () => {
    const shuffled = buildSampleDocument('y.md', ['## 5. Five', '## 3. Three', '## 4. Four'])
    expect(
      expandSectionRange(shuffled.headings, '3', '5').map((heading) => heading.number),
    ).toEqual(['5', '3', '4'])
  })
})
