import { describe, expect, test } from 'vitest'
import {
  findPatternsWithoutDefinitions,
  buildCitationIndex,
} from '../../core/analysis/citations.ts'
import { analyzeIndexed, buildMarkdownIndex } from './helpers/markdown-index.ts'

// The findings an author would not fix must not be reported (docs/authoring.md, "Stale
// references", "Which document a bare `§N` means", "No definitions at all"); the ones an author
// would fix still are. Each case is a line of a guide citing a small standard.
const standard = {
  kind: 'sop' as const,
  text: [
    '# Standard',
    '## 6. Resilience',
    '### 6.1 Backoff Policy',
    '### 6.2 Idempotent Calls',
    '### 6.3 Timeouts',
    '## 7. Functional Requirements',
    '## 10. Flags',
    '### 10.1 Flag Lifecycle',
    '### 10.2 Flag Naming',
    '## 12. Testing',
    '### 12.2 Table-Driven Tests',
    '### 12.4 Integration Tests',
  ].join('\n\n'),
}
const product = {
  kind: 'requirements' as const,
  text: ['# Product', '## 7. Goals', '## 8. Non-Goals'].join('\n\n'),
}

/** The stale-title and ambiguity findings of one guide line. */
function findingsOf(line: string): string[] {
  const built = buildMarkdownIndex(
    { 'SOP.md': standard, 'PRODUCT.md': product, 'GUIDE.md': `# Guide\n\n${line}\n` },
    { defaultSectionTarget: 'SOP.md' },
  )
  return analyzeIndexed(built, 'GUIDE.md').sections.flatMap(({ resolution }) => {
    if (resolution.status === 'unresolved') return [resolution.rule]
    if (resolution.status === 'resolved' && resolution.stale) return ['stale-section-title']
    return []
  })
}

describe('no warning for what authors write on purpose', () => {
  test.each([
    // Quotations are never titles.
    ['§6.1 – “Retry only idempotent calls”'],
    ['§6.1 - "Retry only idempotent calls"'],
    ['§6.1 (“Idempotent Calls”)'],
    ['- "Idempotent calls" (§6.1)'],
    // Abbreviations and plural or singular variants.
    ['- FRs (§7)'],
    ['- **§6.2**: Idempotent call'],
    ['- **§12.2**: Table-driven test'],
    // Paraphrases and descriptions of a section's content.
    ['- Retry limits (§6.3)'],
    ['- Flag precedence (§10.2)'],
    ['- **§6.1**: How long to wait between retries'],
    // Table cells: a status, a header row, a cell that holds more than the reference.
    ['| Section | Status |\n| --- | --- |\n| §6.1 | PASS |'],
    ['| §12.4 | Table-driven tests |\n| --- | --- |\n| x | y |'],
    ['| Sections | Focus |\n| --- | --- |\n| §12.2, §12.4 | Table-driven and integration tests |'],
    // Ties: words that two documents' titles share go to the scope's answer, not "ambiguous".
    ['- The goals and requirements (§7)'],
  ])('%j', (line) => {
    expect(findingsOf(line)).toEqual([])
  })
})

describe('a warning for what is really stale or unclear', () => {
  test.each([
    ['| Section | Topic |\n| --- | --- |\n| §12.4 | Table-driven tests |', 'stale-section-title'],
    ['- **§12.4**: Table-Driven Tests', 'stale-section-title'],
    ['- Table-driven tests (§12.4)', 'stale-section-title'],
    ['- **§10.1**: Flag naming', 'stale-section-title'],
    ['See SOP.md §13.', 'unknown-section'],
  ])('%j → %s', (line, rule) => {
    expect(findingsOf(line)).toEqual([rule])
  })
})

describe('a pattern nothing defines is one finding, not one per mention', () => {
  test('many mentions of undefined ADR IDs give one no-requirement-definitions', () => {
    const built = buildMarkdownIndex(
      {
        // A definition form the patterns do not cover: prose, not a list item or heading.
        'DECISIONS.md': {
          kind: 'requirements',
          text: '# Decisions\n\nWe chose ADR-1 and ADR-2.\n',
        },
        'GUIDE.md': '# Guide\n\nSee ADR-1, ADR-2 and ADR-3.\n\nAgain ADR-1.\n',
      },
      { requirementPatterns: ['ADR-\\d+'] },
    )
    const citations = buildCitationIndex(built.index)
    const problems = findPatternsWithoutDefinitions(built.index, citations)
    expect(problems.map((problem) => problem.ruleId)).toEqual(['no-requirement-definitions'])
    expect(problems[0]!.message).toMatch(/matches 6 mentions of 3 IDs in 2 documents/)
  })

  test('a pattern with definitions reports its undefined IDs one by one instead', () => {
    const built = buildMarkdownIndex(
      {
        'DECISIONS.md': {
          kind: 'requirements',
          text: '# Decisions\n\n- ADR-1: One file per tenant.\n',
        },
        'GUIDE.md': '# Guide\n\nSee ADR-1 and ADR-9.\n',
      },
      { requirementPatterns: ['ADR-\\d+'] },
    )
    const citations = buildCitationIndex(built.index)
    expect(findPatternsWithoutDefinitions(built.index, citations)).toEqual([])
    expect([...citations.undefinedRequirements.keys()]).toEqual(['ADR-9'])
  })
})
