import { describe, expect, test } from 'vitest'
import type { DocIndex } from '../../core/documents/types.ts'
import { findDocumentMentions, findSectionRefs } from '../../core/references/parse.ts'
import {
  resolveSectionRef,
  type SectionRefContext,
  type SectionResolution,
} from '../../core/references/resolve.ts'
import {
  buildSampleDocument,
  buildSampleIndex,
  createIsDocumentName,
} from './helpers/sample-index.ts'

const index = buildSampleIndex()
const withoutDefault = buildSampleIndex({ defaultSectionTarget: null })

/**
 * Resolves every reference of a run the way the remark plugin does, and
 * says what each becomes: `§5.2 → ENGINEERING_SOP.md#52-channel-discipline`,
 * `§12.9 ✗ unknown-section`, `§XX – placeholder`.
 */
function resolveRun(
  text: string,
  context: SectionRefContext & { cellHint?: string } = {},
  docIndex: DocIndex = index,
): string[] {
  const { cellHint, ...refContext } = context
  const refs = findSectionRefs(text, {
    isDocumentName: createIsDocumentName(docIndex),
    ...(cellHint === undefined ? {} : { cellHint }),
  })
  return refs.map((ref) => {
    const resolution = resolveSectionRef(ref, refContext, docIndex)
    const linkText = text.slice(
      ref.start,
      resolution.status === 'resolved' ? (resolution.end ?? ref.end) : ref.end,
    )
    return `${linkText} ${summarizeResolution(resolution)}`
  })
}

function summarizeResolution(resolution: SectionResolution): string {
  if (resolution.status === 'resolved') {
    return `→ ${resolution.document.path}#${resolution.heading.id}${resolution.stale ? ' (stale)' : ''}`
  }
  if (resolution.status === 'skipped') return `– ${resolution.reason}`
  return `✗ ${resolution.rule}`
}

/** The one resolution of a run with one reference. */
function resolveOne(
  text: string,
  context: SectionRefContext & { cellHint?: string } = {},
  docIndex: DocIndex = index,
): SectionResolution {
  const { cellHint, ...refContext } = context
  const refs = findSectionRefs(text, {
    isDocumentName: createIsDocumentName(docIndex),
    ...(cellHint === undefined ? {} : { cellHint }),
  })
  expect(refs).toHaveLength(1)
  return resolveSectionRef(refs[0]!, refContext, docIndex)
}

describe('rule 1: the document named in the same run', () => {
  test.each<[string, string[]]>([
    ['ENGINEERING_SOP.md §3', ['§3 → ENGINEERING_SOP.md#3-code-standards']],
    ['SOP §12.2', ['§12.2 → ENGINEERING_SOP.md#122-table-driven-tests']],
    ['docs/ENGINEERING_SOP.md §5.2', ['§5.2 → ENGINEERING_SOP.md#52-channel-discipline']],
    ['engineering_sop.md §4', ['§4 → ENGINEERING_SOP.md#4-error-handling-policy']],
    ['Requirements.MD §4', ['§4 → Requirements.MD#4-tenets']],
    [
      'Follows ENGINEERING_SOP.md standards (§3-§12)',
      ['§3 → ENGINEERING_SOP.md#3-code-standards', '§12 → ENGINEERING_SOP.md#12-testing-standards'],
    ],
    [
      'Requirements.MD §1 (Vision), §3 (Goals), §17 (MVP Scope)',
      [
        '§1 → Requirements.MD#1-vision',
        '§3 → Requirements.MD#3-goals',
        '§17 → Requirements.MD#17-mvp-scope',
      ],
    ],
    // The nearest name before each reference wins.
    [
      'SOP §4 and Requirements.MD §4, then §7',
      [
        '§4 → ENGINEERING_SOP.md#4-error-handling-policy',
        '§4 → Requirements.MD#4-tenets',
        '§7 → Requirements.MD#7-functional-requirements',
      ],
    ],
  ])('%j', (input, expected) => {
    expect(resolveRun(input)).toEqual(expected)
  })

  test('beats the enclosing list', () => {
    expect(resolveRun('SOP §4', { listDocument: 'Requirements.MD' })).toEqual([
      '§4 → ENGINEERING_SOP.md#4-error-handling-policy',
    ])
  })

  test('also comes from runDocuments when the caller found the names itself', () => {
    const text = 'Requirements.MD lists goals; see §3 and §4'
    const runDocuments = findDocumentMentions(text, createIsDocumentName(index))
    const resolutions = findSectionRefs(text).map((ref) =>
      summarizeResolution(resolveSectionRef(ref, { runDocuments }, index)),
    )
    expect(resolutions).toEqual(['→ Requirements.MD#3-goals', '→ Requirements.MD#4-tenets'])
  })

  test.each<[string, string, RegExp]>([
    [
      'STANDARDS.md § Windows: Hidden Launchers',
      'unknown-document',
      /^Unexpected document `STANDARDS\.md` with `§Windows: Hidden Launchers`, expected one of `CONTEXT\.md`, `ENGINEERING_SOP\.md`, `Requirements\.MD`, `SOP`$/,
    ],
    ['ENGINEERING-SOP.md §3', 'unknown-document', /did you mean `ENGINEERING_SOP\.md`\?$/],
    [
      'Requirements.MD §12',
      'unknown-section',
      /^Unexpected `§12`, expected a section of `Requirements\.MD` \(it has §1–§17\); did you mean `ENGINEERING_SOP\.md §12`\?$/,
    ],
  ])('%j is reported as %s', (input, rule, message) => {
    const resolution = resolveOne(input)
    expect(resolution).toMatchObject({ status: 'unresolved', rule })
    expect(resolution.status === 'unresolved' && resolution.message).toMatch(message)
  })

  test('an unknown name carries over too, instead of falling back to the default', () => {
    expect(resolveRun('STANDARDS.md §17 (Right to Erasure), §20')).toEqual([
      '§17 ✗ unknown-document',
      '§20 ✗ unknown-document',
    ])
  })

  test('an acronym that is not ours cites something else: left alone, its list too', () => {
    // Field guide §1: a word before `§` that is neither a file name nor an alias is not
    // reported as an unknown document; `GDPR §17` cites the regulation.
    expect(resolveRun('GDPR §17 (Right to Erasure), §20')).toEqual([
      '§17 – foreign-document',
      '§20 – foreign-document',
    ])
  })

  test('a name two documents share is ambiguous-document', () => {
    const twoNotes = buildSampleIndex({
      extraDocuments: [
        buildSampleDocument('docs/design/notes.md', ['## 1. Design']),
        buildSampleDocument('docs/reports/notes.md', ['## 1. Report']),
      ],
    })
    const resolution = resolveOne('notes.md §1', {}, twoNotes)
    expect(resolution).toMatchObject({ status: 'unresolved', rule: 'ambiguous-document' })
    expect(resolution.status === 'unresolved' && resolution.message).toContain(
      '`docs/design/notes.md` and `docs/reports/notes.md`',
    )
    expect(resolveRun('docs/reports/notes.md §1', {}, twoNotes)).toEqual([
      '§1 → docs/reports/notes.md#1-report',
    ])
  })
})

describe('rule 3: the document the enclosing list or table names', () => {
  test.each<[string, string, string[]]>([
    // The reading list of field guide §3.2: the parent item names the document.
    [
      '§4: Error Handling Policy - never drop an error',
      'ENGINEERING_SOP.md',
      ['§4 → ENGINEERING_SOP.md#4-error-handling-policy'],
    ],
    [
      '§7: Functional Requirements - what you build',
      'Requirements.MD',
      ['§7 → Requirements.MD#7-functional-requirements'],
    ],
    [
      '§8: Non-Functional Requirements - the targets you meet',
      'Requirements.MD',
      ['§8 → Requirements.MD#8-non-functional-requirements'],
    ],
    // A bare §4 with no hint would be the default's; the list says otherwise.
    ['§4', 'Requirements.MD', ['§4 → Requirements.MD#4-tenets']],
    ['§12.4', 'SOP', ['§12.4 → ENGINEERING_SOP.md#124-integration-tests']],
    ['§4', 'UNKNOWN.md', ['§4 ✗ unknown-document']],
  ])('%j under %s', (input, listDocument, expected) => {
    expect(resolveRun(input, { listDocument })).toEqual(expected)
  })

  test('comes before title hints', () => {
    // The hint names Requirements.MD's §7, but the list names the SOP: link there. No stale
    // warning: the words name no other section of the SOP (field guide §3.6, renumbered only).
    expect(
      resolveRun('§7: Functional Requirements', { listDocument: 'ENGINEERING_SOP.md' }),
    ).toEqual(['§7 → ENGINEERING_SOP.md#7-observability'])
  })
})

describe('rule 5: title hints when several documents have the number', () => {
  test.each<[string, string[]]>([
    ['goals (§3.1)', ['§3.1 → Requirements.MD#31-goals']],
    ['Check the product tenets (§4)', ['§4 → Requirements.MD#4-tenets']],
    ['the error handling policy (§4)', ['§4 → ENGINEERING_SOP.md#4-error-handling-policy']],
    ['§7: Functional Requirements', ['§7 → Requirements.MD#7-functional-requirements']],
    ['§8 (Non-functional requirement)', ['§8 → Requirements.MD#8-non-functional-requirements']],
    ['§3 (Code Standards)', ['§3 → ENGINEERING_SOP.md#3-code-standards']],
    ['§16.2 template', ['§16.2 → ENGINEERING_SOP.md#162-design-document-template']],
    // Words that name no candidate leave it to the default (and name no other SOP section).
    ['§4 (Logging)', ['§4 → ENGINEERING_SOP.md#4-error-handling-policy']],
    ['§4 explains this', ['§4 → ENGINEERING_SOP.md#4-error-handling-policy']],
  ])('%j', (input, expected) => {
    expect(resolveRun(input)).toEqual(expected)
  })

  test('only one document has §17; the words beside it confirm it', () => {
    expect(resolveRun('MVP scope (§17)')).toEqual(['§17 → Requirements.MD#17-mvp-scope'])
  })

  test('a tie goes to the scope’s answer (the default) when it is among the tied', () => {
    const resolution = resolveOne('§3 (Standards and Goals)')
    expect(resolution).toMatchObject({
      status: 'resolved',
      resolvedBy: 'default',
      document: { path: 'ENGINEERING_SOP.md' },
    })
  })

  test('a tie without the scope’s answer among the tied is ambiguous-section, naming both', () => {
    const resolution = resolveOne('§3 (Standards and Goals)', {}, withoutDefault)
    expect(resolution).toMatchObject({ status: 'unresolved', rule: 'ambiguous-section' })
    expect(resolution.status === 'unresolved' && resolution.message).toBe(
      'Unexpected bare `§3`, expected a document name before it: `ENGINEERING_SOP.md` (§3 Code Standards) and `Requirements.MD` (§3 Goals) both have it; name the document, e.g. `ENGINEERING_SOP.md §3`',
    )
  })
})

describe('rule 6: the default document', () => {
  test.each<[string, string[]]>([
    ['see §5.2.', ['§5.2 → ENGINEERING_SOP.md#52-channel-discipline']],
    ['§ 5.2', ['§ 5.2 → ENGINEERING_SOP.md#52-channel-discipline']],
    ['(§4)', ['§4 → ENGINEERING_SOP.md#4-error-handling-policy']],
    ['§7', ['§7 → ENGINEERING_SOP.md#7-observability']],
    [
      '§3–§12',
      ['§3 → ENGINEERING_SOP.md#3-code-standards', '§12 → ENGINEERING_SOP.md#12-testing-standards'],
    ],
    [
      '§§3-12',
      ['§§3 → ENGINEERING_SOP.md#3-code-standards', '12 → ENGINEERING_SOP.md#12-testing-standards'],
    ],
    [
      '§22.1-22.2',
      [
        '§22.1 → ENGINEERING_SOP.md#221-severity-levels',
        '22.2 → ENGINEERING_SOP.md#222-on-call-duties',
      ],
    ],
    [
      '§11, §21',
      ['§11 → ENGINEERING_SOP.md#11-security', '§21 → ENGINEERING_SOP.md#21-release-process'],
    ],
    [
      '§5.1 and §5.3',
      [
        '§5.1 → ENGINEERING_SOP.md#51-goroutine-lifecycle',
        '§5.3 → ENGINEERING_SOP.md#53-lock-scope',
      ],
    ],
    [
      '§A, §B.2',
      [
        '§A → ENGINEERING_SOP.md#appendix-a-glossary',
        '§B.2 → ENGINEERING_SOP.md#b2-release-checklist',
      ],
    ],
    ['Appendix §B', ['§B → ENGINEERING_SOP.md#appendix-b-checklists']],
  ])('%j', (input, expected) => {
    expect(resolveRun(input)).toEqual(expected)
  })

  test('a number the default lacks is unknown-section with the range it has and a close one', () => {
    const resolution = resolveOne('§12.9')
    expect(resolution).toMatchObject({
      status: 'unresolved',
      rule: 'unknown-section',
      message:
        'Unexpected `§12.9`, expected a section of `ENGINEERING_SOP.md` (it has §12.1–§12.6); did you mean `§12.6`?',
      hint: 'did you mean `§12.6`?',
    })
  })

  test('the suggestion follows the words beside the reference', () => {
    const resolution = resolveOne('SOP §12.9 (Table-Driven Tests)')
    expect(resolution.status === 'unresolved' && resolution.message).toBe(
      'Unexpected `§12.9`, expected a section of `ENGINEERING_SOP.md` (it has §12.1–§12.6); did you mean `§12.2`?',
    )
  })

  test('a number only another document has is suggested there, not linked', () => {
    expect(resolveOne('§17')).toMatchObject({
      status: 'unresolved',
      rule: 'unknown-section',
      hint: 'did you mean `Requirements.MD §17`?',
    })
  })

  test.each<[string, string[]]>([
    // With no default, a number one document has is that document's.
    ['§17', ['§17 → Requirements.MD#17-mvp-scope']],
    ['§5.2', ['§5.2 → ENGINEERING_SOP.md#52-channel-discipline']],
    ['§4', ['§4 ✗ ambiguous-section']],
    ['§40', ['§40 ✗ no-default-document']],
    ['Check the product tenets (§4)', ['§4 → Requirements.MD#4-tenets']],
  ])('without a default: %j', (input, expected) => {
    expect(resolveRun(input, {}, withoutDefault)).toEqual(expected)
  })
})

describe('named sections', () => {
  test.each<[string, string[]]>([
    [
      'CONTEXT.md §Build and Test Commands before you push',
      ['§Build and Test Commands → CONTEXT.md#build-and-test-commands'],
    ],
    [
      "CONTEXT.md's §build and test commands.",
      // Lower-case names are not read as references at all.
      [],
    ],
    [
      "CONTEXT.md's §Build And Test Commands.",
      ['§Build And Test Commands → CONTEXT.md#build-and-test-commands'],
    ],
    [
      'CONTEXT.md § Windows: Hidden Launchers',
      ['§ Windows: Hidden Launchers → CONTEXT.md#windows-hidden-launchers'],
    ],
    [
      '§Windows Hidden Launchers, always',
      ['§Windows Hidden Launchers → CONTEXT.md#windows-hidden-launchers'],
    ],
    // A numbered heading can be cited by its title.
    [
      'SOP §Channel Discipline rules',
      ['§Channel Discipline → ENGINEERING_SOP.md#52-channel-discipline'],
    ],
    ['§Overview', ['§Overview → CONTEXT.md#overview']],
    ['CONTEXT.md §Deployment', ['§Deployment ✗ unknown-section-name']],
    ['SOP §Build and Test Commands', ['§Build and Test Commands ✗ unknown-section-name']],
  ])('%j', (input, expected) => {
    expect(resolveRun(input)).toEqual(expected)
  })

  test('the longest heading wins over a shorter one that also begins the text', () => {
    const docIndex = buildSampleIndex({
      extraDocuments: [buildSampleDocument('GUIDE.md', ['## Build', '## Build and Release'])],
    })
    expect(resolveRun('GUIDE.md §Build and Release steps', {}, docIndex)).toEqual([
      '§Build and Release → GUIDE.md#build-and-release',
    ])
  })

  test('an unknown name suggests the closest heading', () => {
    expect(resolveOne('CONTEXT.md §Build and Tset Commands')).toMatchObject({
      status: 'unresolved',
      rule: 'unknown-section-name',
      hint: 'did you mean `§Build and Test Commands`?',
    })
  })

  test('a name two non-default documents share is ambiguous-section', () => {
    const docIndex = buildSampleIndex({
      extraDocuments: [buildSampleDocument('GUIDE.md', ['## Overview'])],
    })
    expect(resolveRun('§Overview', {}, docIndex)).toEqual(['§Overview ✗ ambiguous-section'])
  })
})

describe('ranges, placeholders and foreign documents', () => {
  test('a reversed range is reported once, on its start', () => {
    const refs = findSectionRefs('§12-§3')
    const resolutions = refs.map((ref) => resolveSectionRef(ref, {}, index))
    expect(resolutions).toMatchObject([
      {
        status: 'unresolved',
        rule: 'reversed-range',
        message:
          'Unexpected range `§12–§3`, expected its first section before its last; did you mean `§3–§12`?',
        hint: 'did you mean `§3–§12`?',
      },
      { status: 'skipped', reason: 'reversed-range' },
    ])
  })

  test.each<[string, string[]]>([
    ['Cite the relevant SOP sections (§XX)', ['§XX – placeholder']],
    ['§N and §X.Y', ['§N – placeholder', '§X.Y – placeholder']],
    ['the testing plan in design doc §8', ['§8 – foreign-document']],
    ["see the RFC's §4", ['§4 – foreign-document']],
    ['§三', ['§三 – non-latin']],
  ])('%j is left alone', (input, expected) => {
    expect(resolveRun(input)).toEqual(expected)
  })
})

describe('stale titles (field guide §3.6)', () => {
  test('a neighbouring cell naming another section is linked and flagged', () => {
    const resolution = resolveOne('§12.4', { cellHint: 'Table-driven tests' })
    expect(resolution).toMatchObject({
      status: 'resolved',
      heading: { number: '12.4' },
      stale: { hint: 'Table-driven tests', actualTitle: 'Integration Tests', suggestion: '§12.2' },
    })
    expect(resolution.status === 'resolved' && resolution.stale?.message).toBe(
      'Unexpected title `Table-driven tests` beside `§12.4`, expected `Integration Tests` (`ENGINEERING_SOP.md`); did you mean `§12.2` (Table-Driven Tests)?',
    )
  })

  test.each<[string, (SectionRefContext & { cellHint?: string }) | undefined]>([
    ['SOP §12.4: Table-driven tests', undefined],
    ['Table-Driven Tests (§12.4)', undefined],
    ['SOP §5.2 (Goroutine Lifecycle)', undefined],
    ['§22.1', { cellHint: 'On-call duties' }],
  ])('%j is stale', (input, context) => {
    const resolution = resolveOne(input, context)
    expect(resolution.status === 'resolved' && resolution.stale !== undefined).toBe(true)
  })

  test.each<[string, (SectionRefContext & { cellHint?: string }) | undefined]>([
    // A word shared with the title, a single plain word, prose, a description.
    ['§16.2 template', undefined],
    ['SOP §5 (Concurrency Policy)', undefined],
    ['§12.4 for details on mocking', undefined],
    ['§12.4 (required)', undefined],
    ['§12.4', { cellHint: 'Integration test' }],
    ['§5: bound every goroutine', undefined],
    ['SOP §4: Error Handling', undefined],
    // Titles of another document, or words out of title position, never warn (field guide
    // §3.6: renumbered within the same document only).
    ['SOP §4 (Vision)', undefined],
    ['Requirements.MD §7: Observability', undefined],
    ['§12.4 Table-Driven Tests are the norm', undefined],
    ['§5', { listDocument: 'ENGINEERING_SOP.md', cellHint: 'Tenets' }],
  ])('%j is not stale', (input, context) => {
    const resolution = resolveOne(input, context)
    expect(resolution.status).toBe('resolved')
    expect(resolution.status === 'resolved' && resolution.stale).toBeUndefined()
  })

  test.each<[string]>([['SOP §12.4 ("Table-Driven Tests")'], ['SOP §12.4 (“Table-Driven Tests”)']])(
    '%j is a quotation, not stale',
    (input) => {
      const resolution = resolveOne(input)
      expect(resolution.status === 'resolved' && resolution.stale).toBeUndefined()
    },
  )
})
