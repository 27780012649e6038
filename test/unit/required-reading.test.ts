import { join } from 'node:path'
import type { Root } from 'mdast'
import { beforeAll, describe, expect, test } from 'vitest'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import { sectionKey } from '../../core/analysis/citations.ts'
import type { DocIndex } from '../../core/documents/types.ts'
import { createIndexStore, type HandbookIndex } from '../../io/index-store.ts'
import {
  buildRequiredReadingIndex,
  findCitedSections,
  findRequiredReading,
  isReadingListTitle,
  keepOutermost,
} from '../../core/reading/extract.ts'
import type { RequiredReading } from '../../core/reading/types.ts'
import { buildSampleDocument, buildSampleIndex } from './helpers/sample-index.ts'

const guide = buildSampleDocument('.agents/engineer.md', [], { kind: 'role' })
const index: DocIndex = buildSampleIndex({ extraDocuments: [guide] })
const parse = parseMarkdown

/** `SOP 4`, `Req 7`, `CONTEXT Build and Test Commands`, `CONTEXT (whole)`: one line per item. */
function summarize(reading: RequiredReading): string[] {
  const short = (path: string) =>
    path === 'ENGINEERING_SOP.md' ? 'SOP' : path === 'Requirements.MD' ? 'Req' : path.split('.')[0]!
  return reading.groups.flatMap((group) =>
    group.whole
      ? [`${short(group.document)} (whole)`]
      : group.items.map(
          (item) =>
            `${short(item.document)} ${item.number ?? item.title}${item.range ? ` [${item.range.from}-${item.range.to}]` : ''}`,
        ),
  )
}

const read = (markdown: string) => findRequiredReading(guide, parse(markdown), index)

describe('findRequiredReading', () => {
  test.each([
    {
      name: 'the enclosing list item names the document (field guide §3.2 rule 2)',
      markdown: `## Required Reading

1. **ENGINEERING_SOP.md** - the standards you follow:
   - **§4**: Error Handling Policy - never drop an error
   - **§5**: Concurrency and Resource Policy - bound every goroutine
2. **Requirements.MD** (Requirements):
   - **§7**: Functional Requirements - what you build
   - **§8**: Non-Functional Requirements - the targets you meet
`,
      expected: ['SOP 4', 'SOP 5', 'Req 7', 'Req 8'],
    },
    {
      name: 'a range becomes the outermost sections it covers, subsections inside them',
      markdown: `## Required Reading

- **ENGINEERING_SOP.md**:
  - **§2**: Scope
  - **§3-§12**: the coding standards
  - **§22.1-22.2**: incidents
`,
      expected: [
        'SOP 2',
        ...['3', '4', '5', '6', '7', '8', '11', '12'].map((n) => `SOP ${n} [3-12]`),
        'SOP 22.1 [22.1-22.2]',
        'SOP 22.2 [22.1-22.2]',
      ],
    },
    {
      name: 'a range that starts inside a section keeps the rest of that section',
      markdown: `## Reading list

- SOP §5.2–§6
`,
      expected: ['SOP 5.2 [5.2-6]', 'SOP 5.3 [5.2-6]', 'SOP 6 [5.2-6]'],
    },
    {
      name: 'a document named once carries over to every § after it in the item',
      markdown: `## Required Reading

- Start from Requirements.MD §1 (Vision), §3 (Goals), §17 (MVP Scope).
- Then SOP §12.2.
`,
      expected: ['Req 1', 'Req 3', 'Req 17', 'SOP 12.2'],
    },
    {
      name: 'sections cited by name, and a document named without sections is read whole',
      markdown: `## Required Reading

1. **CONTEXT.md** - the repository you work in:
   - **§Build and Test Commands** - how to build
2. **Requirements.MD** - read it all before you start.
3. \`ENGINEERING_SOP.md\`
`,
      expected: ['CONTEXT Build and Test Commands', 'Req (whole)', 'SOP (whole)'],
    },
    {
      name: 'each section once, in the order the guide first gives it; groups in order of first mention',
      markdown: `## Required Reading

- SOP §5, Requirements.MD §7, SOP §4, SOP §5, SOP §3-§4
`,
      expected: ['SOP 5', 'SOP 4', 'SOP 3 [3-4]', 'Req 7'],
    },
    {
      name: 'references outside the reading list do not count when there is one',
      markdown: `# Engineer

Follow SOP §16 everywhere.

## Must read

- SOP §12

## Checklist

- [ ] Errors are wrapped (§4).
`,
      expected: ['SOP 12'],
    },
    {
      name: 'a list after a label paragraph is a reading list too',
      markdown: `You also touch SOP §21.

**Reading list:**

- SOP §7
- Requirements.MD §8
`,
      expected: ['SOP 7', 'Req 8'],
    },
    {
      name: 'without a reading list, every section the guide cites, grouped by document',
      markdown: `# Engineer

Work to SOP §5 and §4; see Requirements.MD §17.

Each role enforces these ENGINEERING_SOP.md sections:

| Role | Sections |
| ---- | -------- |
| You  | §12.2    |

Placeholders such as §XX and the design doc §8 are not sections of ours.
\`grep SOP §3 notes.txt\` in code is not a reference, but \`SOP §1\` alone in code is one.
`,
      // Grouped by document: the SOP group (first named) holds the table's §12.2 too; a code
      // span holding only a reference is one (field guide §3).
      expected: ['SOP 5', 'SOP 4', 'SOP 12.2', 'SOP 1', 'Req 17'],
    },
  ])('$name', ({ markdown, expected }) => {
    expect(summarize(read(markdown))).toEqual(expected)
  })

  test('says where the list came from', () => {
    expect(read('## Required Reading\n\n- SOP §4\n').source).toBe('reading-list')
    expect(read('Follow SOP §4.\n').source).toBe('citations')
    // An empty reading list falls back to the guide's citations.
    expect(read('## Required Reading\n\nAsk your lead.\n\n## Work\n\nSOP §4.\n').source).toBe(
      'citations',
    )
  })

  test('each item carries the heading id, title and fingerprint of its section', () => {
    const [item] = read('## Required Reading\n\n- SOP §5.2\n').groups[0]!.items
    const heading = index.documentsByPath
      .get('ENGINEERING_SOP.md')!
      .headings.find((candidate) => candidate.number === '5.2')!
    expect(item).toMatchObject({
      document: 'ENGINEERING_SOP.md',
      headingId: heading.id,
      number: '5.2',
      title: 'Channel Discipline',
      fingerprint: heading.fingerprint,
      line: 3,
    })
  })
})

describe('findCitedSections', () => {
  test('lists every cited section, reading list or not', () => {
    const tree = parse('Follow SOP §16.\n\n## Required Reading\n\n- SOP §4\n')
    expect(findCitedSections(guide, tree, index).map((item) => item.number)).toEqual(['16', '4'])
  })
})

describe('isReadingListTitle', () => {
  test.each([
    ['Required Reading', true],
    ['Required reading:', true],
    ['Reading list', true],
    ['**Essential reading**', true],
    ['Must-read', true],
    ['Read these first', true],
    ['Reading', true],
    ['Further reading on Go', false],
    ['Required tools', false],
    ['What you read when on call', false],
  ])('%s → %s', (title, expected) => {
    expect(isReadingListTitle(title)).toBe(expected)
  })
})

describe('keepOutermost', () => {
  test('drops headings inside another kept heading', () => {
    const sop = index.documentsByPath.get('ENGINEERING_SOP.md')!
    const covered = sop.headings.filter((heading) => /^(?:5|5\.\d|6)$/.test(heading.number ?? ''))
    expect(keepOutermost(sop.headings, covered).map((heading) => heading.number)).toEqual([
      '5',
      '6',
    ])
  })
})

describe('buildRequiredReadingIndex', () => {
  test('lists, for each section, the roles that require it, in guide order', () => {
    const architect = buildSampleDocument('.agents/architect.md', [], { kind: 'role' })
    const withRoles = buildSampleIndex({ extraDocuments: [architect, guide] })
    const trees = new Map([
      [architect.path, parse('## Required Reading\n\n- SOP §4, §16.2\n')],
      [guide.path, parse('## Required Reading\n\n- SOP §4\n- SOP §5\n')],
      ['ENGINEERING_SOP.md', parse('## 4. Errors\n\nSee §5.\n')],
    ])
    const built = buildRequiredReadingIndex(withRoles, trees)
    expect([...built.byGuide.keys()]).toEqual(['.agents/architect.md', '.agents/engineer.md'])
    const sop = withRoles.documentsByPath.get('ENGINEERING_SOP.md')!
    const idOf = (number: string) => sop.headings.find((h) => h.number === number)!.id
    expect(built.readersBySection.get(sectionKey('ENGINEERING_SOP.md', idOf('4')))).toEqual([
      '.agents/architect.md',
      '.agents/engineer.md',
    ])
    expect(built.readersBySection.get(sectionKey('ENGINEERING_SOP.md', idOf('5')))).toEqual([
      '.agents/engineer.md',
    ])
    // A role requires §16.2, not its parent.
    expect(built.readersBySection.has(sectionKey('ENGINEERING_SOP.md', idOf('16')))).toBe(false)
  })
})

describe('the sample handbook', () => {
  let built: HandbookIndex
  beforeAll(() => {
    built = createIndexStore(join(import.meta.dirname, '../../content')).get()
  }, 60_000)

  // The lists as the content author wrote them in each guide's "Required Reading".
  const sop = 'ENGINEERING_SOP.md'
  const req = 'Requirements.MD'
  const expected: Record<string, Array<[string, string]>> = {
    '.agents/engineer.md': [
      ...['3', '4', '5', '6', '7', '9', '12'].map((n): [string, string] => [sop, n]),
      [req, '7'],
      [req, '8'],
      ['CONTEXT.md', 'Build and Test Commands'],
      ['CONTEXT.md', 'Repository Layout'],
    ],
    '.agents/architect.md': [
      ...['1', '4', '7', '8', '15'].map((n): [string, string] => [req, n]),
      ...['10', '11', '16.2', '19'].map((n): [string, string] => [sop, n]),
    ],
    '.agents/tech-lead.md': [
      [sop, '2'],
      ...['3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].map((n): [string, string] => [
        sop,
        n,
      ]),
      [sop, '13'],
      [sop, '18'],
      [sop, '22'],
      [req, '14'],
      [req, '17'],
    ],
    '.agents/unit-tester.md': [
      ...['12', '12.2', '12.3', '12.4', '12.5', '5.2'].map((n): [string, string] => [sop, n]),
      [req, '8'],
      [req, '19'],
    ],
    '.agents/documenter.md': [
      ...['16', '16.2', '16.3', '22.2', 'A'].map((n): [string, string] => [sop, n]),
      [req, '18'],
    ],
    '.agents/product-owner.md': [
      ...['1', '2', '3', '4', '7', '16', '17'].map((n): [string, string] => [req, n]),
      ...['16.2', '18', '22'].map((n): [string, string] => [sop, n]),
    ],
  }

  test.each(Object.keys(expected))('%s gets the list written in the guide', (path) => {
    const reading = built.requiredReading.byGuide.get(path)!
    expect(reading.source).toBe('reading-list')
    const items = reading.groups.flatMap((group) =>
      group.items.map((item) => [item.document, item.number ?? item.title]),
    )
    expect(items).toEqual(expected[path])
  })

  test("tech-lead's §3-§12 is one range; documenter's CONTEXT.md is read whole", () => {
    const techLead = built.requiredReading.byGuide.get('.agents/tech-lead.md')!
    const ranged = techLead.groups[0]!.items.filter((item) => item.range)
    expect(ranged.map((item) => item.number)).toEqual([
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ])
    expect(new Set(ranged.map((item) => JSON.stringify(item.range)))).toEqual(
      new Set([JSON.stringify({ from: '3', to: '12' })]),
    )
    const documenter = built.requiredReading.byGuide.get('.agents/documenter.md')!
    expect(documenter.groups.map((group) => [group.document, group.whole])).toEqual([
      ['ENGINEERING_SOP.md', false],
      ['Requirements.MD', false],
      ['CONTEXT.md', true],
    ])
  })
})
