import { describe, expect, test } from 'vitest'
import { isReferenceOnly } from '../../core/analysis/analyze-page.ts'
import { buildSampleIndex, createIsDocumentName } from './helpers/sample-index.ts'
import {
  analyzeIndexed,
  buildMarkdownIndex,
  describeSectionRefs,
} from './helpers/markdown-index.ts'

/**
 * One analysis per page (field guide §3): references in prose, headings,
 * lists and tables; never in fenced code, in link text that already has a
 * link, or in inline code — except a code span that holds nothing but a
 * reference, which some house styles use throughout.
 */
const isDocumentName = createIsDocumentName(buildSampleIndex())

describe('isReferenceOnly: a code span that holds nothing but a reference', () => {
  test.each<[string, boolean]>([
    ['§5.2', true],
    ['SOP §4.2', true],
    ['ENGINEERING_SOP.md §3', true],
    ['CONTEXT.md §Build and Test Commands', true],
    ['§ 12.2', true],
    // An unknown file name is still a reference (reported as an unknown document).
    ['STANDARDS.md §4', true],
    // More than a reference: left as code.
    ['grep §4 notes.txt', false],
    ['see §4', false],
    ['§4 below', false],
    ['§3-§12', false],
    ['§4, §5', false],
    ['§XX', false],
    ['design doc §8', false],
    ['GDPR §17', false],
    ['// see §4', false],
    ['SOP', false],
    ['x = a § b', false],
  ])('%j → %s', (value, expected) => {
    expect(isReferenceOnly(value, isDocumentName)).toBe(expected)
  })
})

describe('analyzePage', () => {
  const built = buildMarkdownIndex(
    {
      'ENGINEERING_SOP.md': {
        kind: 'sop',
        text: '# SOP\n\n## 3. Code Standards\n\n## 4. Errors\n\n## 7. Functional Requirements\n\n## 9. Tracing\n\n## 12. Testing\n',
      },
      'specs/001-chat/contracts/chat.md': '# Chat contract\n\n## 9. Errors\n',
      'specs/001-chat/tasks.md': `# Tasks

## §7 Scope of this list

- [ ] T001 Implement \`contracts/chat.md §9\` (see \`SOP §4\`).
- [ ] T002 Not references: \`grep §4 notes.txt\`, \`§4, §9\`, [§12 of the SOP](../../ENGINEERING_SOP.md#12-testing).

\`\`\`bash
# §3 in a fence is a comment, not a reference
echo "§4"
\`\`\`

| Task | Cites |
| ---- | ----- |
| T003 | \`SOP §12\` |
`,
    },
    { aliases: { SOP: 'ENGINEERING_SOP.md' }, defaultSectionTarget: 'ENGINEERING_SOP.md' },
  )

  test('code spans holding a reference are analysed; other code, fences, links and a heading’s own number are not', () => {
    expect(describeSectionRefs(built, 'specs/001-chat/tasks.md')).toEqual([
      '§9 → specs/001-chat/contracts/chat.md#9-errors (named-before)',
      '§4 → ENGINEERING_SOP.md#4-errors (named-before)',
      '§12 → ENGINEERING_SOP.md#12-testing (named-before)',
    ])
  })

  test('the code span is one piece that the link wraps', () => {
    const analysis = analyzeIndexed(built, 'specs/001-chat/tasks.md')
    const pieces = analysis.sections.map(({ run, ref }) => {
      const piece = run.pieces.find(
        (candidate) => candidate.start <= ref.start && ref.start < candidate.end,
      )!
      return `${piece.node.type} ${piece.linkable}`
    })
    expect(pieces).toEqual(['inlineCode true', 'inlineCode true', 'inlineCode true'])
  })

  test('every run of the page is read once, headings and cells included', () => {
    const analysis = analyzeIndexed(built, 'specs/001-chat/tasks.md')
    expect(analysis.runs.map((run) => run.container.type)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'paragraph',
      'tableCell',
      'tableCell',
      'tableCell',
      'tableCell',
    ])
  })
})
