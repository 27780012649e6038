import fc from 'fast-check'

/**
 * fast-check arbitraries for hostile and broken handbook markdown: every form
 * of reference in the field guide (`/work/shared/spec/references.md`),
 * requirement IDs with pasted hyphens, nested lists, tables, fences with and
 * without a closing fence, raw HTML, emoji and other scripts, CRLF, a BOM and
 * very long lines, then random edits on top. The pieces are written against
 * the fuzz handbook of `property-*.test.ts` (an SOP with numbered sections and
 * appendices, `Requirements.MD`, `CONTEXT.md`), so that many references
 * resolve and many do not.
 */

/** Hyphen look-alikes word processors paste into IDs (field guide §4). */
export const hyphenVariants = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212'] as const

const sectionNumber = fc.oneof(
  fc.integer({ min: 1, max: 25 }).map(String),
  fc
    .tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 7 }))
    .map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('3.1', '5.2', '12.2', '12.4', '16.2', '22.1', '0', '99', '2026', '1.2.3'),
  fc.constantFrom('A', 'B', 'B.1', 'B.2', 'C', 'Z'),
)

const documentName = fc.constantFrom(
  'ENGINEERING_SOP.md',
  'docs/ENGINEERING_SOP.md',
  './ENGINEERING_SOP.md',
  '`ENGINEERING_SOP.md`',
  '**ENGINEERING_SOP.md**',
  "ENGINEERING_SOP.md's",
  'engineering_sop.md',
  'SOP',
  "SOP's",
  'Requirements.MD',
  '**Requirements.MD**',
  'requirements.md',
  'CONTEXT.md',
  'STANDARDS.md',
  'OLD.md',
  'GDPR',
  'design doc',
  'the RFC',
  'spec',
)

/** One section reference, in one of the forms of field guide §3.1 and §3.3, or a near miss. */
export const sectionReference: fc.Arbitrary<string> = fc.oneof(
  sectionNumber.map((n) => `§${n}`),
  sectionNumber.map((n) => `§ ${n}`),
  sectionNumber.map((n) => `(§${n})`),
  sectionNumber.map((n) => `**§${n}**:`),
  fc.tuple(sectionNumber, sectionNumber).map(([a, b]) => `§${a}-§${b}`),
  fc.tuple(sectionNumber, sectionNumber).map(([a, b]) => `§${a}–§${b}`),
  fc.tuple(sectionNumber, sectionNumber).map(([a, b]) => `§§${a}-${b}`),
  fc.tuple(sectionNumber, sectionNumber).map(([a, b]) => `§${a}, §${b}`),
  fc.tuple(sectionNumber, sectionNumber).map(([a, b]) => `§${a} and §${b}`),
  fc.tuple(documentName, sectionNumber).map(([d, n]) => `${d} §${n}`),
  fc
    .tuple(documentName, sectionNumber, sectionNumber)
    .map(([d, a, b]) => `${d} §${a} (Vision), §${b} (Goals)`),
  fc.constantFrom(
    '§22.1-22.2',
    '§22.1-2',
    '§3-§12',
    '§12-§3',
    '§§5.1, 5.3 and 7',
    'goals (§3.1)',
    'MVP scope (§17)',
    '§7: Functional Requirements',
    '§16.2 template',
    'the product tenets (§4)',
    '§12.4 | Table-driven tests',
    'CONTEXT.md §Build and Test Commands',
    'CONTEXT.md §Build and Test Commands before you push',
    '§ Windows: Hidden Launchers',
    '§Overview',
    '§Nothing Like This',
    'Appendix §C',
    '§A',
    '§B.2',
    '§XX',
    '§N',
    '§5.x',
    '§TBD',
    '§<n>',
    'design doc §8',
    "the RFC's §4",
    'RFC 9110 §15',
    '§三',
    '§한국어',
    '§5a',
    '§A1',
    '§5.2b',
    '§1,000',
    '§',
    '§§',
    '§ ',
    '§\u00a05.2',
    '§-5',
    '§.5',
  ),
)

const requirementNumber = fc.integer({ min: 0, max: 130 }).map((n) => String(n).padStart(3, '0'))

/** One requirement ID, wildcard or near miss, with pasted hyphens. */
export const requirementId: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...hyphenVariants),
      fc.constantFrom(...hyphenVariants),
      requirementNumber,
    )
    .map(([a, b, n]) => `CLD${a}REQ${b}${n}`),
  fc.constantFrom(
    'CLD-REQ-020',
    'CLD-REQ-021',
    'CLD-REQ-050',
    'CLD-REQ-099',
    'NFR-P1',
    'NFR-A12',
    'CLD-REQ-*',
    'CLD-REQ-001 to CLD-REQ-081',
    'CLD-REQ-023-TC-004',
    'XCLD-REQ-020',
    '[CLD-REQ-020]',
    'CLD-REQ-02',
    'cld-req-020',
  ),
)

const word = fc.constantFrom(
  'see',
  'the',
  'and',
  'standards',
  'Follows',
  'tenets',
  'goals',
  'template',
  'Functional Requirements',
  'Channel Discipline',
  'Integration Tests',
  'version 5.2',
  '✅',
  '❌',
  '🚀',
  '👩‍💻',
  '三',
  'Überblick',
  'naïve',
  '"quoted"',
  "it's",
  '--',
  '...',
  '&amp;',
  '&',
  '<',
  '>',
  '|',
  '\\',
  '*',
  '_',
  'http://example.com/§5',
)

/** Plain words, a reference, an ID or a document name. */
const atom: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 3, arbitrary: sectionReference },
  { weight: 2, arbitrary: requirementId },
  { weight: 1, arbitrary: documentName },
)

/** An atom, sometimes in inline markup: emphasis, code, a link, raw HTML, an image. */
const inlinePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: atom },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          '**%**',
          '*%*',
          '_%_',
          '`%`',
          '~~%~~',
          '[%](https://example.com)',
          '[%](ENGINEERING_SOP.md#5-concurrency-and-resource-policy)',
          '[%](OLD.md)',
          '[%][ref]',
          '<span title="x">%</span>',
          '<b>%</b>',
          '![%](image.png)',
          '%[^1]',
          '%\\\n',
          '%  \n',
        ),
        atom,
      )
      .map(([shape, text]) => shape.replace('%', () => text)),
  },
)

/** A run of inline content: what a paragraph, heading, list item or cell holds. */
export const inlineText: fc.Arbitrary<string> = fc
  .array(inlinePiece, { minLength: 1, maxLength: 6 })
  .chain((pieces) =>
    fc
      .array(fc.constantFrom(' ', ' ', ' ', '', ', ', '. ', ': ', ' - '), {
        minLength: pieces.length,
        maxLength: pieces.length,
      })
      .map((gaps) =>
        pieces
          .map((piece, index) => `${piece}${gaps[index]}`)
          .join('')
          .trimEnd(),
      ),
  )

const headingNumber = fc.oneof(
  fc.constant(''),
  sectionNumber.map((n) => `${n}. `),
  sectionNumber.map((n) => `${n} `),
  sectionNumber.map((n) => `§${n} `),
  sectionNumber.map((n) => `${n}) `),
  fc.constantFrom('Appendix A: ', 'Appendix D: ', 'A. ', 'CLD-REQ-050: ', 'CLD‑REQ‑051 - '),
)

const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), headingNumber, inlineText, fc.boolean())
  .map(
    ([depth, number, text, closed]) =>
      `${'#'.repeat(depth)} ${number}${text}${closed ? ' ##' : ''}`,
  )

const setextHeading = fc
  .tuple(inlineText, fc.constantFrom('===', '---'))
  .map(([text, line]) => `${text.replace(/\n/g, ' ')}\n${line}`)

interface ListShape {
  ordered: boolean
  items: Array<{ text: string; children?: ListShape }>
}

const listShape: fc.Arbitrary<ListShape> = fc.letrec<{ list: ListShape }>((tie) => ({
  list: fc.record({
    ordered: fc.boolean(),
    items: fc.array(
      fc.record(
        {
          text: fc.oneof(
            inlineText,
            fc.tuple(documentName, inlineText).map(([name, text]) => `**${name}** - ${text}:`),
            fc.tuple(sectionNumber, inlineText).map(([n, text]) => `**§${n}**: ${text}`),
            fc.tuple(requirementId, inlineText).map(([id, text]) => `${id}: ${text}`),
          ),
          children: fc.option(tie('list'), { nil: undefined, freq: 3 }),
        },
        { requiredKeys: ['text'] },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
})).list

function renderList(list: ListShape, indent: string): string {
  return list.items
    .map((item, position) => {
      const marker = list.ordered ? `${position + 1}. ` : '- '
      const pad = `${indent}${' '.repeat(marker.length)}`
      const nested = item.children ? `\n${renderList(item.children, pad)}` : ''
      return `${indent}${marker}${item.text.replace(/\n/g, `\n${pad}`)}${nested}`
    })
    .join('\n')
}

const list = listShape.map((shape) => renderList(shape, ''))

const cell = fc.oneof(inlineText, sectionReference, requirementId, fc.constant(''))

const table = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 0, max: 4 }),
    fc.option(inlineText, { nil: undefined }),
  )
  .chain(([columns, rows, intro]) =>
    fc
      .array(fc.array(cell, { minLength: columns, maxLength: columns }), {
        minLength: rows + 1,
        maxLength: rows + 1,
      })
      .map((cells) => {
        const line = (row: string[]) =>
          `| ${row.map((text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`
        const [head, ...body] = cells
        const separator = `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`
        const lines = [line(head!), separator, ...body.map(line)].join('\n')
        return intro ? `${intro}\n\n${lines}` : lines
      }),
  )

const codeLine = fc.oneof(
  fc.constantFrom(
    '// Good',
    '// Bad - deferred error check',
    '// ✅ Good - bounded worker pool',
    '# ❌ Bad',
    '<!-- Bad -->',
    '-- Bad: implicit cast',
    '// NEVER hardcode secrets',
    'conn := dial()  // NO!',
    '# comment that looks like a heading',
    '## 5.2 Not a heading',
    'see §5.2 and CLD-REQ-020 in code',
    '`inline` ``` not a fence',
  ),
  inlineText,
)

const fence = fc
  .tuple(
    fc.constantFrom('```', '````', '~~~'),
    fc.constantFrom('', 'go', 'bash', 'text', 'go verdict=bad', 'js title="§5"'),
    fc.array(codeLine, { maxLength: 5 }),
    fc.constantFrom('closed', 'closed', 'open', 'short'),
  )
  .map(([marker, info, lines, end]) => {
    const close = end === 'closed' ? `\n${marker}` : end === 'short' ? '\n``' : ''
    return `${marker}${info}\n${lines.join('\n')}${close}`
  })

const indentedCode = fc
  .array(codeLine, { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map((line) => `    ${line}`).join('\n'))

const html = fc.oneof(
  fc.constantFrom(
    '<div>\n§5 in a block of HTML\n</div>',
    '<!-- §5 and CLD-REQ-020 in a comment -->',
    '<details><summary>§4</summary>\n\nSee §4 and CLD-REQ-020.\n\n</details>',
    '<script>alert("§5")</script>',
    '<img src=x onerror="alert(1)">',
    '<br>',
    '</div>',
  ),
  inlineText.map((text) => `<p title='${text.replace(/'/g, '')}'>${text}</p>`),
)

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: inlineText },
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: inlineText.map((text) => `> ${text.replace(/\n/g, '\n> ')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---',
      '***',
      '[ref]: https://example.com "§5 title"',
      '[^1]: A footnote citing §5.2 and CLD-REQ-020.',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(inlineText, fc.integer({ min: 10, max: 60 }))
      .map(([text, times]) => Array.from({ length: times }, () => text).join(' ')),
  },
)

/** Line endings, a BOM: how the same text arrives from other machines. */
export interface Encoding {
  bom: boolean
  lineEnding: '\n' | '\r\n' | 'mixed' | '\r'
}

const encoding: fc.Arbitrary<Encoding> = fc.record({
  bom: fc.boolean(),
  lineEnding: fc.constantFrom('\n', '\n', '\r\n', 'mixed', '\r'),
})

/** Applies an encoding to LF text. */
export function encode(text: string, { bom, lineEnding }: Encoding): string {
  const lines = text.split('\n')
  const joined =
    lineEnding === 'mixed'
      ? lines.reduce(
          (all, line, index) => (index === 0 ? line : `${all}${index % 2 ? '\r\n' : '\n'}${line}`),
          '',
        )
      : lines.join(lineEnding)
  return `${bom ? '\uFEFF' : ''}${joined}`
}

/** A well-formed handbook document: blocks separated by blank lines (sometimes by one newline). */
export const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(block, { minLength: 1, maxLength: 5 }),
    fc.array(fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n'), {
      minLength: 10,
      maxLength: 10,
    }),
  )
  .map(([blocks, gaps]) =>
    blocks.reduce((all, text, index) => (index === 0 ? text : `${all}${gaps[index]}${text}`), ''),
  )

/** Characters that break markdown and our parsers most easily. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '§',
    '§§',
    '-',
    '\u2011',
    '\u2013',
    '*',
    '**',
    '_',
    '`',
    '```',
    '|',
    '[',
    ']',
    '(',
    ')',
    '<',
    '>',
    '</',
    '#',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '\n- ',
    '\n1. ',
    '\n    ',
    '\n> ',
    '\n| a | b |\n| - | - |\n',
    ' ',
    '\t',
    '\u00a0',
    '\u200b',
    '\uFEFF',
    '\u0000',
    '\ud800',
    '\udc00',
    '😀',
    '👩‍💻',
    '\u0301',
    '\u202e',
    'CLD-REQ-',
    '§5',
    '§Build',
    'SOP',
    '.md',
  ),
  // Any code points, lone surrogates included (cheaper than `fc.string({ unit: 'binary' })`).
  fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { minLength: 1, maxLength: 3 })
    .map((points) => String.fromCodePoint(...points)),
)

/** One random edit of a text: insert, delete, duplicate or replace a slice. */
type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 4 }),
    text: hostileText,
  }),
)

/** Applies edits in order; positions wrap around the current length. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text
  for (const change of edits) {
    const at = result.length === 0 ? 0 : change.at % (result.length + 1)
    switch (change.kind) {
      case 'insert':
        result = `${result.slice(0, at)}${change.text}${result.slice(at)}`
        break
      case 'delete':
        result = `${result.slice(0, at)}${result.slice(at + change.length)}`
        break
      case 'duplicate':
        result = `${result.slice(0, at + change.length)}${result.slice(at)}`
        break
      case 'replace':
        result = `${result.slice(0, at)}${change.text}${result.slice(at + change.length)}`
        break
    }
  }
  return result
}

/**
 * A handbook document as it may really arrive: well formed, or with random
 * edits (stray signs, half fences, broken tables, lone surrogates, NULs),
 * with any line ending and maybe a BOM.
 */
export const hostileDocument: fc.Arbitrary<string> = fc
  .tuple(markdownDocument, fc.array(edit, { maxLength: 6 }), encoding)
  .map(([text, edits, how]) => encode(applyEdits(text, edits), how))

/** Frontmatter as authors write it: YAML, flat `key: value` lines, broken YAML, no mapping at all. */
export const frontmatter: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .record({
      title: fc.option(inlineText, { nil: undefined }),
      name: fc.option(fc.constantFrom('tech-lead', 'engineer', 'x<script>alert(1)</script>', ''), {
        nil: undefined,
      }),
      description: fc.option(inlineText, { nil: undefined }),
    })
    .map((fields) => {
      const lines = Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}: ${value}`)
      return `---\n${lines.join('\n')}\n---\n`
    }),
  fc.constantFrom(
    '---\ntitle: "Quoted: fine"\n---\n',
    '---\ndescription: Use when: a design is ready\nname: tech-lead\n---\n',
    '---\ntitle: [unclosed\n  - nope: {\n---\n',
    '---\n- a\n- b\n---\n',
    '---\njust a string\n---\n',
    '---\n42\n---\n',
    '---\n---\n',
    '---\ntitle: x\n',
    '---\r\ntitle: CRLF\r\n---\r\n',
    '\uFEFF---\ntitle: BOM\n---\n',
    '---\ntitle: a\ntitle: b\n---\n',
    '---\n: no key\n---\n',
    '---\ntitle: !!binary aGVsbG8=\n---\n',
    '---\nanchors: &a [*a]\n---\n',
    '---\ntitle:\n  nested: map\n---\n',
    '...\n',
  ),
)

/**
 * The small handbook the property tests process documents against (file →
 * text): numbered and lettered sections, a heading with quotes and markup,
 * duplicate headings, definitions in every form with a pasted hyphen, named
 * sections, a role file with lenient frontmatter and a design document.
 */
export const fuzzHandbookFiles: Record<string, string> = {
  'handbook.config.json': JSON.stringify({
    title: 'Fuzz Handbook',
    documents: [
      { kind: 'sop', include: ['ENGINEERING_SOP.md'] },
      { kind: 'requirements', include: ['Requirements.MD'] },
      { kind: 'role', include: ['.agents/*.md'] },
      { kind: 'design', include: ['design/*.md'] },
      { kind: 'guide', include: ['CONTEXT.md'] },
    ],
    aliases: { SOP: 'ENGINEERING_SOP.md' },
    defaultSectionTarget: 'ENGINEERING_SOP.md',
    requirementPatterns: ['CLD-REQ-\\d{3}', 'NFR-[A-Z]\\d+'],
  }),
  'ENGINEERING_SOP.md': [
    '# Engineering SOP',
    '## 1. Purpose',
    '## 2. Scope',
    '## 3. Code Standards',
    '### 3.1 Formatting',
    '## 4. Error Handling Policy',
    '## 5. Concurrency and Resource Policy',
    '### 5.1 Goroutine Lifecycle',
    '### 5.2 Channel Discipline',
    '### 5.3 Lock Scope',
    '## 7. Observability',
    '## 8. Performance Budgets',
    '## 9. Escaping `"quoted"` <b>tags</b> & \'single\'',
    '## 10. Duplicate',
    '## 10. Duplicate',
    '## 11. Security',
    '## 12. Testing Standards',
    '### 12.1 Unit Tests',
    '### 12.2 Table-Driven Tests',
    '### 12.4 Integration Tests',
    '## §13 Signed Heading',
    '## 16. Design Documents',
    '### 16.2 Design Document Template',
    '## 21. Release Process',
    '## 22. Incident Response',
    '### 22.1 Severity Levels',
    '### 22.2 On-Call Duties',
    '## 2026 Roadmap',
    '## Appendix A: Glossary',
    '## Appendix B: Checklists',
    '### B.1 Review Checklist',
    '### B.2 Release Checklist',
    '## Appendix C: Cheat Sheet',
  ]
    .map((heading, position) => `${heading}\n\nBody ${position} cites CLD-REQ-020 and §5.2.`)
    .join('\n\n'),
  'Requirements.MD': [
    '# Requirements',
    '## 1. Vision',
    '## 3. Goals',
    '### 3.1 Goals',
    '## 4. Tenets',
    '## 7. Functional Requirements',
    '- CLD-REQ-020: The control plane shall keep a registry of every node.',
    '- **CLD-REQ-021** - Nodes shall report their capacity every 30 seconds.',
    '- [CLD-REQ-030] Tenants shall be isolated.',
    '- CLD‑REQ‑060: A pasted non-breaking hyphen still defines the ID.',
    '| ID | Text |\n| --- | --- |\n| CLD-REQ-040 | Quotas shall be enforced per tenant. |',
    '### CLD-REQ-050: Zone-spread placement',
    '## 8. Non-Functional Requirements',
    '- NFR-P1: p99 latency under 100 ms.',
    '## 17. MVP Scope',
  ].join('\n\n'),
  'CONTEXT.md': [
    '# Context',
    '## Overview',
    '## Build and Test Commands',
    '## Windows: Hidden Launchers',
  ].join('\n\nText.\n\n'),
  '.agents/engineer.md':
    '---\nname: engineer\ndescription: Use when: code is written\n---\n\n## Required reading\n\n1. **ENGINEERING_SOP.md**:\n   - **§4**: Error Handling Policy\n   - **§5.2**: Channel Discipline\n',
  'design/CLD-REQ-020-node-registry.md': '# Node registry\n\nImplements CLD-REQ-020 (§7).\n',
}
