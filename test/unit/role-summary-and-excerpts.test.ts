import { describe, expect, test } from 'vitest'
import { toRoleSummary } from '../../core/roles/summary.ts'
import { findRepeatedTitle, isSameExcerpt } from '../../core/search/excerpt.ts'
import { describeCitedIn, groupCitedByDocument } from '../../core/traceability/cited-in.ts'

describe('toRoleSummary: a role described for people', () => {
  test.each([
    [
      'Reviews designs before build. Use when: a design doc is ready for review.',
      'Reviews designs before build.',
    ],
    [
      'Writes production Go code. Use after a design is approved and the work has an ID.',
      'Writes production Go code.',
    ],
    ['Owns delivery. Use proactively when a release is near.', 'Owns delivery.'],
    [
      'Expert reviewer. Use this agent to check a change. Examples: <example>…</example>',
      'Expert reviewer.',
    ],
    [
      'Keeps the docs accurate, e.g. READMEs and v1.2 notes.',
      'Keeps the docs accurate, e.g. READMEs and v1.2 notes.',
    ],
  ])('%s', (description, summary) => {
    expect(toRoleSummary(description, 'First paragraph.')).toBe(summary)
  })

  test('a description that is only instructions gives way to the guide’s first paragraph', () => {
    expect(toRoleSummary('Use when: the build is red.', 'You keep CI green.')).toBe(
      'You keep CI green.',
    )
    expect(toRoleSummary(undefined, undefined)).toBeUndefined()
  })
})

describe('search excerpts say each thing once', () => {
  test.each([
    ['§5.2 Channel Discipline', '5.2 Channel Discipline. Channels are for handing over', 24],
    [
      'CLD-REQ-020: The control plane shall…',
      'CLD-REQ-020: The control plane shall keep a registry',
      37,
    ],
    ['Quick Reference', 'owner that waits for it (§5.1), and only', 0],
    ['Required Reading', 'Required', 0],
  ])('%s', (title, excerpt, dropped) => {
    expect(findRepeatedTitle(title, excerpt)).toBe(dropped)
  })

  test('a page excerpt cut around the same hit as a section’s is the same excerpt', () => {
    expect(
      isSameExcerpt(
        'g.Wait(). } 5.2 Channel Discipline. Channels are for handing over ownership of data',
        '5.2 Channel Discipline. Channels are for handing over ownership of data and for signalling',
      ),
    ).toBe(true)
    expect(isSameExcerpt('Retries are bounded', 'Logs are structured and one event per line')).toBe(
      false,
    )
  })
})

describe('cited in, by document', () => {
  const place = (document: string, section: string | undefined, count: number) => ({
    document,
    title: document.replace('.md', ''),
    route: document.toLowerCase(),
    ...(section ? { section, sectionId: `s${section}` } : {}),
    count,
  })

  test('folds sections into their document and counts every citation', () => {
    const groups = groupCitedByDocument([
      place('SOP.md', '5.7', 1),
      place('Guide.md', undefined, 2),
      place('SOP.md', '7.1', 2),
    ])
    expect(groups.map((group) => [group.title, group.count, group.sections.length])).toEqual([
      ['SOP', 3, 2],
      ['Guide', 2, 0],
    ])
    expect(describeCitedIn(groups)).toBe('Cited 5× in 2 documents')
  })

  test.each([
    [[], 'Not cited anywhere'],
    [[place('SOP.md', '1', 1)], 'Cited once, in SOP'],
    [[place('SOP.md', '1', 2)], 'Cited 2×, in SOP'],
  ])('%#: %s', (citedBy, text) => {
    expect(describeCitedIn(groupCitedByDocument(citedBy))).toBe(text)
  })
})
