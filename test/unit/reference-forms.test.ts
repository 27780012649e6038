import { describe, expect, test } from 'vitest'
import { findSectionRefs, type SectionRefMatch } from '../../core/references/parse.ts'
import { buildIndex, buildSampleDocument, contextHeadings } from './helpers/sample-index.ts'
import { describeText } from './helpers/resolve-text.ts'

/**
 * Field guide §3.1, the forms added for the newer house styles: letter
 * suffixes, possessives, position words, quoted names, sub-labels, the
 * document after the reference, links and sibling base names before it,
 * acronyms that are not ours and Roman numerals. Parsed with the names of a
 * small repository: a database project's architecture document (`§0 —`,
 * `4 ·`, `5a ·`, test tiers `T1`–`T3` under §6), its runbook, and the SOP.
 */
const index = buildIndex(
  [
    buildSampleDocument(
      'ENGINEERING_SOP.md',
      [
        '## 1. Purpose',
        '## 4. Error Handling',
        '## 5. Concurrency',
        '## 6. Configuration',
        '## 12. Testing',
      ],
      { kind: 'sop' },
    ),
    buildSampleDocument('docs/ARCH.md', [
      '# Architecture',
      '## §0 — What it is',
      '## 1 · Goals',
      '## 4 · Retention',
      '## 5 · Snapshots',
      '## 5a · Snapshot format',
      '## 6 · Testing',
      '### T1 — Unit',
      '### T2 — Crash recovery',
      '### T3 — Torn pages',
    ]),
    buildSampleDocument('docs/RUNBOOK.md', [
      '# Runbook',
      '## Restore from backup',
      '## Release Train',
      '## Windows: Hidden Launchers',
    ]),
    buildSampleDocument('docs/research.md', ['# Research', '## 1. Question', '## 3. Findings']),
    buildSampleDocument('docs/data-model.md', ['# Data model', '## 2. Entities']),
    buildSampleDocument('docs/spec.md', ['# Spec', '## 3. Behaviour']),
    buildSampleDocument('CONTEXT.md', contextHeadings),
    buildSampleDocument('docs/notes.md', ['# Notes']),
    buildSampleDocument('ROADMAP.md', ['# Roadmap']),
  ],
  { aliases: { SOP: 'ENGINEERING_SOP.md' }, defaultSectionTarget: 'ENGINEERING_SOP.md' },
)
const arch = 'docs/ARCH.md'
const notes = 'docs/notes.md'

/** What the parser reads in a run written in `docs/`: `text=section` plus what it noticed. */
function parse(text: string, from = notes): string[] {
  const isDocumentName = (candidate: string) =>
    [
      'SOP',
      'ENGINEERING_SOP.md',
      'ARCH.md',
      'RUNBOOK.md',
      'CONTEXT.md',
      'Requirements.MD',
    ].includes(candidate) || /^[\w./-]+\.md$/u.test(candidate)
  const siblings = from.startsWith('docs/')
    ? ['research', 'data-model', 'spec', 'ARCH', 'RUNBOOK']
    : []
  return findSectionRefs(text, {
    isDocumentName,
    isDocumentStem: (word) => siblings.includes(word.toLowerCase()) || siblings.includes(word),
  }).map(summarize)
}

function summarize(ref: SectionRefMatch): string {
  const notes = [
    ref.document
      ? `doc ${ref.document.name}${ref.document.explicit ? '!' : ''}${ref.document.form ? ` (${ref.document.form})` : ''}`
      : '',
    ref.position ? `position ${ref.position}` : '',
    ref.subLabel ? `sub ${ref.subLabel.text}` : '',
    ref.quoted ? 'quoted' : '',
    ref.skip ? `skip ${ref.skip.reason}` : '',
    ref.range ? `range ${ref.range.role}` : '',
  ].filter(Boolean)
  return [`${ref.text}=${ref.section}`, ...notes].join('; ')
}

type Case = [text: string, expected: string[]]

describe('letter suffixes: `§5a`', () => {
  test.each<Case>([
    ['see §5a for the format', ['§5a=5a']],
    ['(§5a)', ['§5a=5a']],
    ['§5a and §5b', ['§5a=5a', '§5b=5b']],
    ['§12b.', ['§12b=12b']],
    ['§5.2a', ['§5.2a=5.2a']],
    ['ARCH.md §5a', ['§5a=5a; doc ARCH.md!']],
    ['§5a-§6', ['§5a=5a; range start', '§6=6; range end']],
    ['§§5a, 6', ['§§5a=5a', '6=6']],
    // Never backs off to the parent: `§5b` is not `§5`.
    ['§5b, which does not exist', ['§5b=5b']],
    ['§5A in capitals', ['§5A=5A']],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  test.each<Case>([
    ['see §5a for the format', ['§5a → docs/ARCH.md#5a--snapshot-format (scope)']],
    [
      '§5 and §5a',
      ['§5 → docs/ARCH.md#5--snapshots (scope)', '§5a → docs/ARCH.md#5a--snapshot-format (scope)'],
    ],
    ['§5A', ['§5A → docs/ARCH.md#5a--snapshot-format (scope)']],
    ['§0 first', ['§0 → docs/ARCH.md#0--what-it-is (scope)']],
    ['§5b', ['§5b ✗ unknown-section']],
  ])('resolves in ARCH.md: %j', (text, expected) => {
    expect(describeText(index, text, { from: arch })).toEqual(expected)
  })
})

describe('possessives: `§5’s checklist`', () => {
  test.each<Case>([
    ["§5's checklist", ['§5=5']],
    ['§5’s checklist', ['§5=5']],
    ["**§5**'s checklist", ['§5=5']],
    ["SOP §4's rules", ['§4=4; doc SOP!']],
    ["ARCH.md's §4", ['§4=4; doc ARCH.md!']],
    [
      'CONTEXT.md’s §Build and Test Commands',
      ['§Build and Test Commands=Build and Test Commands; doc CONTEXT.md!'],
    ],
    ["§A's terms", ['§A=A']],
    ['§12.2’s table', ['§12.2=12.2']],
    ["the SOP's §4", ['§4=4; doc SOP!']],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  test("`§5a's rules` resolves like `§5a`", () => {
    expect(describeText(index, "§5a's rules", { from: arch })).toEqual([
      '§5a → docs/ARCH.md#5a--snapshot-format (scope)',
    ])
  })
})

describe('position words: `§6 below`, `earlier in §2`, `this document’s §4`', () => {
  test.each<Case>([
    ['§6 below', ['§6=6; position below']],
    ['see §3 above', ['§3=3; position above']],
    ['**§6** below', ['§6=6; position below']],
    ['earlier in §2', ['§2=2; position earlier in']],
    ['as shown later in §3', ['§3=3; position later in']],
    ["this document's §4", ["§4=4; position this document's"]],
    ['This Document’s §4', ['§4=4; position this document’s']],
    ["this page's §2", ["§2=2; position this page's"]],
    ["this guide's §2", ["§2=2; position this guide's"]],
    ["this report's §1", ["§1=1; position this report's"]],
    // Not position words.
    ['§6 (below)', ['§6=6']],
    ['below, §6 applies', ['§6=6']],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })
})

describe('the document after the reference: `§1 of ARCH.md`, `§4 in the SOP`', () => {
  test.each<Case>([
    ['§1 of ARCH.md', ['§1=1; doc ARCH.md!']],
    ['§4 in the SOP', ['§4=4; doc SOP!']],
    ['§4 of the SOP', ['§4=4; doc SOP!']],
    ['§1 of `ARCH.md`', ['§1=1; doc ARCH.md!']],
    ['§1 of **ARCH.md**', ['§1=1; doc ARCH.md!']],
    ['§2 in Requirements.MD', ['§2=2; doc Requirements.MD!']],
    ['§3-§5 of ARCH.md', ['§3=3; doc ARCH.md!; range start', '§5=5; doc ARCH.md!; range end']],
    ['§ 3 of ARCH.md and §4', ['§ 3=3; doc ARCH.md!', '§4=4; doc ARCH.md']],
    // Not a document.
    ['§4 in the meantime', ['§4=4']],
    ['§1 of 3 parts', ['§1=1']],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  test.each<Case>([
    ['§1 of ARCH.md', ['§1 → docs/ARCH.md#1--goals (named-before)']],
    ['§4 in the SOP', ['§4 → ENGINEERING_SOP.md#4-error-handling (named-before)']],
    [
      '§"Release Train" in RUNBOOK.md',
      ['§"Release Train" → docs/RUNBOOK.md#release-train (named-before)'],
    ],
    ['§9 of ARCH.md', ['§9 ✗ unknown-section']],
  ])('resolves from docs/notes.md: %j', (text, expected) => {
    expect(describeText(index, text, { from: notes })).toEqual(expected)
  })

  test.each<Case>([
    ['as §2 of the RFC requires', ['§2 – foreign-document']],
    ['§4 of the design doc', ['§4 – foreign-document']],
  ])('%j is left alone', (text, expected) => {
    expect(describeText(index, text, { from: notes })).toEqual(expected)
  })
})

describe('a link before the reference names its document', () => {
  test.each<[string, Array<[number, number, string]>, string[]]>([
    ['plan §3', [[0, 4, './plan.md']], ['§3=3; doc ./plan.md! (link)']],
    ["plan's §3", [[0, 4, 'plan.md']], ['§3=3; doc plan.md! (link)']],
    ['plan (§3)', [[0, 4, './plan.md']], ['§3=3; doc ./plan.md! (link)']],
    ['**plan** §3', [[2, 6, '../001/plan.md']], ['§3=3; doc ../001/plan.md! (link)']],
    [
      'plan §3, §4',
      [[0, 4, './plan.md']],
      ['§3=3; doc ./plan.md! (link)', '§4=4; doc ./plan.md! (link)'],
    ],
    ['plan’s §3', [[0, 4, 'plan.md']], ['§3=3; doc plan.md! (link)']],
    [
      'plan §§3-5',
      [[0, 4, './plan.md']],
      ['§§3=3; doc ./plan.md! (link); range start', '5=5; doc ./plan.md! (link); range end'],
    ],
    ['plan §Testing', [[0, 4, './plan.md']], ['§Testing=Testing; doc ./plan.md! (link)']],
    // Not right before: the link is no name for it.
    ['plan, then §3', [[0, 4, './plan.md']], ['§3=3']],
  ])('%j with links %j', (text, links, expected) => {
    expect(
      findSectionRefs(text, {
        links: links.map(([start, end, url]) => ({ start, end, url })),
      }).map(summarize),
    ).toEqual(expected)
  })

  test('resolves relative to the citing document, never ambiguous', () => {
    expect(
      describeText(index, 'the runbook §Restore from backup', {
        from: notes,
        links: [['the runbook', './RUNBOOK.md']],
      }),
    ).toEqual(['§Restore from backup → docs/RUNBOOK.md#restore-from-backup (named-before)'])
  })
})

describe('a sibling’s base name before `§`: `research §3`', () => {
  test.each<Case>([
    ['research §3', ['§3=3; doc research! (stem)']],
    ['Research §3', ['§3=3; doc Research! (stem)']],
    ['the research §3 found', ['§3=3; doc research! (stem)']],
    ['data-model §2', ['§2=2; doc data-model! (stem)']],
    ['ARCH §5a', ['§5a=5a; doc ARCH! (stem)']],
    ['RUNBOOK §Release Train', ['§Release Train=Release Train; doc RUNBOOK! (stem)']],
    // A sibling named `spec.md` makes `spec` ours, even though `spec` is a common noun.
    ['spec §3', ['§3=3; doc spec! (stem)']],
    // Not right before the sign.
    ['research (§3)', ['§3=3']],
    // Elsewhere there is no sibling of that name.
    ['spec §3', ['§3=3; skip foreign-document']],
    ['research §3', ['§3=3']],
  ])('%j', (text, expected) => {
    const from = expected[0]!.includes('(stem)') || text === 'research (§3)' ? notes : 'ROADMAP.md'
    expect(parse(text, from)).toEqual(expected)
  })

  test.each<Case>([
    ['research §3', ['§3 → docs/research.md#3-findings (named-before)']],
    ['data-model §2', ['§2 → docs/data-model.md#2-entities (named-before)']],
    ['spec §3', ['§3 → docs/spec.md#3-behaviour (named-before)']],
    ['ARCH §5a', ['§5a → docs/ARCH.md#5a--snapshot-format (named-before)']],
  ])('resolves from docs/notes.md: %j', (text, expected) => {
    expect(describeText(index, text, { from: notes })).toEqual(expected)
  })
})

describe('words before `§` that are not our names', () => {
  test.each<Case>([
    // Acronyms cite something else: left alone, with the list they start.
    ['GDPR §17', ['§17=17; skip foreign-document']],
    ['Per GDPR §17 and §20', ['§17=17; skip foreign-document', '§20=20; skip foreign-document']],
    ['HIPAA §164.312', ['§164.312=164.312; skip foreign-document']],
    ['PCI DSS §3.4', ['§3.4=3.4; skip foreign-document']],
    ['CCPA §1798.100', ['§1798.100=1798.100; skip foreign-document']],
    // Roman numerals label items: not a document, not foreign.
    ['**VIII.** §2', ['§2=2']],
    ['IV §3', ['§3=3']],
    ['XI. §4', ['§4=4']],
    // Ours: an alias, a file name.
    ['SOP §4', ['§4=4; doc SOP!']],
    ['STANDARDS.md §4', ['§4=4; doc STANDARDS.md!']],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  test.each<Case>([
    ['GDPR §17', ['§17 – foreign-document']],
    ['**VIII.** §4', ['§4 → ENGINEERING_SOP.md#4-error-handling (default)']],
    ['XI. §4', ['§4 → ENGINEERING_SOP.md#4-error-handling (default)']],
  ])('resolves: %j', (text, expected) => {
    expect(describeText(index, text, { from: notes })).toEqual(expected)
  })
})

describe('quoted names: `§"Restore from backup"`', () => {
  test.each<Case>([
    [
      'RUNBOOK.md §"Restore from backup" first',
      ['§"Restore from backup"=Restore from backup; doc RUNBOOK.md!; quoted'],
    ],
    ['§“Release Train”', ['§“Release Train”=Release Train; quoted']],
    ['§„Release Train“', ['§„Release Train“=Release Train; quoted']],
    ['see §"Release Train" below', ['§"Release Train"=Release Train; position below; quoted']],
    [
      'CONTEXT.md §"Windows: Hidden Launchers"',
      ['§"Windows: Hidden Launchers"=Windows: Hidden Launchers; doc CONTEXT.md!; quoted'],
    ],
    ['§"restore from backup"', ['§"restore from backup"=restore from backup; quoted']],
    // Not a quoted name: unclosed, empty, no letters.
    ['§"Restore from backup', []],
    ['§""', []],
    ['§"123"', []],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  test.each<Case>([
    // The link covers the quotes; the name is exactly what is quoted, in any case.
    [
      'RUNBOOK.md §"Restore from backup" first',
      ['§"Restore from backup" → docs/RUNBOOK.md#restore-from-backup (named-before)'],
    ],
    [
      '§“Release Train” before Friday',
      ['§“Release Train” → docs/RUNBOOK.md#release-train (only-document)'],
    ],
    [
      '§"restore from backup"',
      ['§"restore from backup" → docs/RUNBOOK.md#restore-from-backup (only-document)'],
    ],
    [
      'RUNBOOK.md §"Windows: Hidden Launchers"',
      ['§"Windows: Hidden Launchers" → docs/RUNBOOK.md#windows-hidden-launchers (named-before)'],
    ],
    // Exactly: a part of a title, or more than it, is not that heading.
    ['RUNBOOK.md §"Restore"', ['§"Restore" ✗ unknown-section-name']],
    [
      'RUNBOOK.md §"Restore from backup tapes"',
      ['§"Restore from backup tapes" ✗ unknown-section-name'],
    ],
  ])('resolves: %j', (text, expected) => {
    expect(describeText(index, text, { from: notes })).toEqual(expected)
  })
})

describe('sub-labels: `§6 T3`', () => {
  test.each<Case>([
    ['§6 T3', ['§6=6; sub T3']],
    ["§6 T3's exit criteria", ['§6=6; sub T3']],
    ['§6 T3 — torn pages', ['§6=6; sub T3']],
    ['§4 Q2', ['§4=4; sub Q2']],
    ['§6 T3a', ['§6=6; sub T3a']],
    ['§§6 T3', ['§§6=6; sub T3']],
    // Not a label of a subsection.
    ['§6 Tests', ['§6=6']],
    ['§6 T3-style checks', ['§6=6']],
    ['§6, T3', ['§6=6']],
    ['§6–§7 T3', ['§6=6; range start', '§7=7; range end']],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  test.each<Case>([
    // The link covers the label and lands on the subsection.
    ['§6 T3', ['§6 T3 → docs/ARCH.md#t3--torn-pages (title-hint)']],
    ["§6 T2's exit criteria", ['§6 T2 → docs/ARCH.md#t2--crash-recovery (title-hint)']],
    ['ARCH.md §6 T1', ['§6 T1 → docs/ARCH.md#t1--unit (named-before)']],
    ['earlier in §6 T2', ['§6 T2 → docs/ARCH.md#t2--crash-recovery (position)', arch]],
    // No such subsection: §6 itself, by the next rules.
    ['ARCH.md §6 T9', ['§6 → docs/ARCH.md#6--testing (named-before)']],
    ['§6 T9', ['§6 → ENGINEERING_SOP.md#6-configuration (default)']],
    ['§6 T9', ['§6 → docs/ARCH.md#6--testing (scope)', arch]],
  ])('resolves: %j', (text, [expected, from = notes]) => {
    expect(describeText(index, text, { from })).toEqual([expected])
  })
})
