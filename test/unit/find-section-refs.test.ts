import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  findDocumentMentions,
  findSectionRefs,
  type SectionRefMatch,
} from '../../core/references/parse.ts'
import { buildSampleIndex, createIsDocumentName } from './helpers/sample-index.ts'

const isDocumentName = createIsDocumentName(buildSampleIndex())

/** `link text=section` per reference, with the link text cut from the input by its offsets. */
function summarize(input: string, refs: SectionRefMatch[]): string[] {
  return refs.map((ref) => `${input.slice(ref.start, ref.end)}=${ref.section}`)
}

describe('findSectionRefs: forms of field guide §3.1', () => {
  test.each<[string, string[]]>([
    ['see §5.2.', ['§5.2=5.2']],
    [
      'a space after the sign: § 5.2 and a no-break one: §\u00a05.2',
      ['§ 5.2=5.2', '§\u00a05.2=5.2'],
    ],
    ['in brackets (§4).', ['§4=4']],
    // The caller passes `**§7**:` without the emphasis marks.
    ['§7: Functional Requirements', ['§7=7']],
    ['the §16.2 template', ['§16.2=16.2']],
    ['standards (§3-§12)', ['§3=3', '§12=12']],
    ['standards (§3–§12)', ['§3=3', '§12=12']],
    ['§3 — §12 and §3 to §12', ['§3=3', '§12=12', '§3=3', '§12=12']],
    ['§§3-12', ['§§3=3', '12=12']],
    ['§22.1-22.2', ['§22.1=22.1', '22.2=22.2']],
    ['§22.1-2 (the end inherits the parent)', ['§22.1=22.1', '2=22.2']],
    ['§§5.1, 5.3 and 7', ['§§5.1=5.1', '5.3=5.3', '7=7']],
    ['§11, §21', ['§11=11', '§21=21']],
    ['§5.1 and §5.3', ['§5.1=5.1', '§5.3=5.3']],
    ['ENGINEERING_SOP.md §3, SOP §12.2', ['§3=3', '§12.2=12.2']],
    ['letters §A, §B.2 and Appendix §C.', ['§A=A', '§B.2=B.2', '§C=C']],
    [
      'CONTEXT.md §Build and Test Commands before you push',
      ['§Build and Test Commands before you push=Build and Test Commands before you push'],
    ],
    [
      'STANDARDS.md § Windows: Hidden Launchers.',
      ['§ Windows: Hidden Launchers=Windows: Hidden Launchers'],
    ],
    ['§API Design (draft)', ['§API Design=API Design']],
    ['in Korean: §3에서', ['§3=3']],
  ])('%j', (input, expected) => {
    expect(summarize(input, findSectionRefs(input))).toEqual(expected)
  })

  test.each<[string]>([
    ['version 5.2, no sign'],
    ['a lone § sign'],
    ['trailing §'],
    ['§§'],
    ['§build in lower case'],
  ])('finds nothing in %j', (input) => {
    expect(findSectionRefs(input)).toEqual([])
  })

  test.each<[string, string]>([
    ['§5', 'number'],
    ['§B.2', 'number'],
    ['§Build and Test Commands', 'name'],
  ])('%j is a %s reference', (input, kind) => {
    expect(findSectionRefs(input)[0]?.kind).toBe(kind)
  })

  test('a bare dash after a number is not a range (`§5-compliant`)', () => {
    const [ref] = findSectionRefs('§5-compliant code')
    expect(ref).toMatchObject({ text: '§5', section: '5' })
    expect(ref?.range).toBeUndefined()
  })
})

describe('findSectionRefs: ranges', () => {
  test.each<[string, Array<[string, string, string]>]>([
    [
      '§3-§12',
      [
        ['start', '3', '12'],
        ['end', '3', '12'],
      ],
    ],
    [
      '§22.1-22.2',
      [
        ['start', '22.1', '22.2'],
        ['end', '22.1', '22.2'],
      ],
    ],
    [
      '§12-§3',
      [
        ['start', '12', '3'],
        ['end', '12', '3'],
      ],
    ],
  ])('%j links both ends of one range', (input, ranges) => {
    expect(
      findSectionRefs(input).map((ref) => [ref.range?.role, ref.range?.from, ref.range?.to]),
    ).toEqual(ranges)
  })

  test('a placeholder end leaves the start a single reference', () => {
    const refs = findSectionRefs('§3-§N')
    expect(refs.map((ref) => [ref.section, ref.range, ref.skip?.reason])).toEqual([
      ['3', undefined, undefined],
      ['N', undefined, 'placeholder'],
    ])
  })
})

describe('findSectionRefs: title hints', () => {
  test.each<[string, string | undefined, string | undefined]>([
    ['Check the product tenets (§4)', 'product tenets', 'before'],
    ['§1 (Vision)', 'Vision', 'parenthesis'],
    ['§7: Functional Requirements', 'Functional Requirements', 'label'],
    ['§4: Error Handling Policy - never drop an error', 'Error Handling Policy', 'label'],
    ['§8 — Non-Functional Requirements, the targets', 'Non-Functional Requirements', 'label'],
    ['§16.2 template', 'template', 'after'],
    ['§16.2 Design Document Template for new designs', 'Design Document Template', 'after'],
    // No hint: filler words, a range, an ID, a document name.
    ['§5 (see below)', undefined, undefined],
    ['§5.1 and §5.3', undefined, undefined],
    ['standards (§3-§12)', undefined, undefined],
    ['NFR-P1 (§5.2)', undefined, undefined],
    ['Requirements.MD (§7)', undefined, undefined],
  ])('%j → %j', (input, text, source) => {
    const [ref] = findSectionRefs(input, { isDocumentName })
    expect(ref?.hint).toEqual(text === undefined ? undefined : { text, source })
  })

  test('a quotation in brackets is a hint marked as quoted, never a title', () => {
    const [ref] = findSectionRefs('§17 ("MVP Scope")', { isDocumentName })
    expect(ref?.hint).toEqual({ text: 'MVP Scope', source: 'parenthesis', quoted: true })
  })

  test.each<[string, string]>([
    // The words are the whole label of their item or heading: title position (field guide §3.6).
    ['goals (§3.1)', 'goals'],
    ['MVP scope (§17)', 'MVP scope'],
    ['**Channel discipline** (§5.2)', 'Channel discipline'],
  ])('%j → %j, the whole label', (input, text) => {
    const [ref] = findSectionRefs(input, { isDocumentName })
    expect(ref?.hint).toEqual({ text, source: 'before', wholeLabel: true })
  })

  test('the neighbouring table cell is a hint when the reference has none', () => {
    expect(findSectionRefs('§12.4', { cellHint: 'Table-driven tests' })[0]?.hint).toEqual({
      text: 'Table-driven tests',
      source: 'cell',
    })
  })

  test('a hint of its own beats the neighbouring cell', () => {
    expect(
      findSectionRefs('§12.4 (Integration)', { cellHint: 'Table-driven tests' })[0]?.hint,
    ).toEqual({ text: 'Integration', source: 'parenthesis' })
  })
})

describe('findSectionRefs: references left alone (field guide §3.3)', () => {
  test.each<[string, string[]]>([
    ['Cite the relevant SOP sections (§XX)', ['placeholder']],
    [
      '§N, §X.Y, §?, §TBD and §5.x',
      ['placeholder', 'placeholder', 'placeholder', 'placeholder', 'placeholder'],
    ],
    ['the testing plan in design doc §8', ['foreign-document']],
    ["see the RFC's §4", ['foreign-document']],
    [
      'spec §2, paper §3; ADR §2. PRD §3',
      ['foreign-document', 'foreign-document', 'foreign-document', 'foreign-document'],
    ],
    ['RFC 9110 §4, §5 and §6', ['foreign-document', 'foreign-document', 'foreign-document']],
    ['ISO 27001 §A.12 and 17 U.S.C. §107', ['foreign-document', 'foreign-document']],
    ['§三 and §한국어 and § 한국어', ['non-latin', 'non-latin', 'non-latin']],
    // Acronyms that are not ours name other documents (field guide §1), with their lists.
    ['GDPR §17 and §20', ['foreign-document', 'foreign-document']],
    ['HIPAA §164.312', ['foreign-document']],
  ])('%j', (input, reasons) => {
    expect(findSectionRefs(input, { isDocumentName }).map((ref) => ref.skip?.reason)).toEqual(
      reasons,
    )
  })

  test.each<[string, string[]]>([
    // A name of ours right before the sign wins over the foreign list.
    ['design doc §8 and SOP §3', ['foreign-document', 'none']],
    // The foreign document covers only its own list, not the rest of the run.
    ['RFC 9110 §4 explains it; our rule is §5', ['foreign-document', 'none']],
    ['see standards (§3-§12)', ['none', 'none']],
  ])('%j', (input, reasons) => {
    expect(
      findSectionRefs(input, { isDocumentName }).map((ref) => ref.skip?.reason ?? 'none'),
    ).toEqual(reasons)
  })

  test('never throws, and every offset cuts out its own text', () => {
    const alphabet = [..."§§§ .-–,:()5123ABNXab三한 *`'s"].concat([
      'SOP',
      'CONTEXT.md',
      'design doc',
      'and',
    ])
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        for (const ref of findSectionRefs(text, { isDocumentName, cellHint: 'Goals' })) {
          expect(text.slice(ref.start, ref.end)).toBe(ref.text)
          expect(ref.start).toBeLessThan(ref.end)
        }
      }),
    )
  })
})

describe('findSectionRefs: the document written before a reference', () => {
  test.each<[string, Array<string | undefined>]>([
    ['ENGINEERING_SOP.md §3', ['ENGINEERING_SOP.md!']],
    ['SOP §12.2', ['SOP!']],
    ['**ENGINEERING_SOP.md** §3', ['ENGINEERING_SOP.md!']],
    ["CONTEXT.md's §Build and Test Commands", ['CONTEXT.md!']],
    [
      'docs/ENGINEERING_SOP.md §3 and ./ENGINEERING_SOP.md §4',
      ['docs/ENGINEERING_SOP.md!', './ENGINEERING_SOP.md!'],
    ],
    ['Requirements.MD (§7)', ['Requirements.MD!']],
    // Carried over to every reference after it in the run.
    [
      'Requirements.MD §1 (Vision), §3 (Goals), §17 (MVP Scope)',
      ['Requirements.MD!', 'Requirements.MD!', 'Requirements.MD!'],
    ],
    ['Follows ENGINEERING_SOP.md standards (§3-§12)', ['ENGINEERING_SOP.md', 'ENGINEERING_SOP.md']],
    ['SOP §3 and Requirements.MD §7, then §8', ['SOP!', 'Requirements.MD!', 'Requirements.MD']],
    // Unknown file names are reported as documents, not dropped.
    ['STANDARDS.md §4', ['STANDARDS.md!']],
    // An acronym that is not ours cites something else (skipped as foreign, see below).
    ['GDPR §17', [undefined]],
    // IDs and ordinary words are not documents.
    ['CLD-REQ-020 §5.2', [undefined]],
    ['See §5', [undefined]],
  ])('%j', (input, documents) => {
    expect(
      findSectionRefs(input, { isDocumentName }).map((ref) =>
        ref.document ? `${ref.document.name}${ref.document.explicit ? '!' : ''}` : undefined,
      ),
    ).toEqual(documents)
  })

  test('without isDocumentName, an alias is not seen but a file name is', () => {
    expect(findSectionRefs('Requirements.MD §7')[0]?.document?.name).toBe('Requirements.MD')
    expect(findSectionRefs('Reqs §7 and SOP later §8')[0]?.document).toBeUndefined()
  })
})

describe('findDocumentMentions', () => {
  test.each<[string, string[]]>([
    [
      'See docs/ENGINEERING_SOP.md, then ./ENGINEERING_SOP.md.',
      ['docs/ENGINEERING_SOP.md', './ENGINEERING_SOP.md'],
    ],
    ["CONTEXT.md's commands and Requirements.MD", ['CONTEXT.md', 'Requirements.MD']],
    ['the SOP says', ['SOP']],
    ['engineering_sop.md in lower case', ['engineering_sop.md']],
    ['SOP-compliant code and sopranos', []],
  ])('%j', (input, names) => {
    expect(findDocumentMentions(input, isDocumentName).map((mention) => mention.name)).toEqual(
      names,
    )
  })

  test('finds multi-word aliases, longest first, with their offsets', () => {
    const input = 'Read the Engineering Standard Operating Procedure today'
    const mentions = findDocumentMentions(input, (name) =>
      ['Engineering Standard Operating Procedure', 'Engineering'].includes(name),
    )
    expect(mentions).toEqual([
      { name: 'Engineering Standard Operating Procedure', start: 9, end: 49 },
    ])
    expect(input.slice(9, 49)).toBe('Engineering Standard Operating Procedure')
  })

  test('offers lower-case plain words only when they look like files', () => {
    const offered: string[] = []
    findDocumentMentions('the requirements say', (name) => {
      offered.push(name)
      return false
    })
    expect(offered).toEqual([])
  })
})
