import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import { assignAstroHeadingIds } from '../../io/heading-ids.ts'
import { buildOutline, summarizeSections } from '../../core/documents/outline.ts'

const parse = parseMarkdown

/** Heading text → its summary, for a markdown body. */
function summaries(markdown: string): Record<string, string | undefined> {
  const tree = parse(markdown)
  return Object.fromEntries(
    buildOutline(tree, {
      body: markdown,
      bodyLineOffset: 0,
      assignHeadingIds: assignAstroHeadingIds,
    }).map((heading) => [heading.text, heading.summary]),
  )
}

describe('section summaries for previews', () => {
  test.each([
    ['## 5.2 Channels\n\nClose a channel once.\n\nSecond paragraph.', 'Close a channel once.'],
    // Inline markup becomes its words; code keeps its text.
    [
      '## 5.2 Channels\n\nThe **sender** closes `ch`, see [the spec](x.md).',
      'The sender closes ch, see the spec.',
    ],
    // Smartypants, as the page renders it.
    ['## 5.2 Channels\n\n"Close" it -- once.', '“Close” it — once.'],
    // Code blocks and tables are skipped; the first paragraph after them counts.
    ['## 5.2 Channels\n\n```go\nclose(ch)\n```\n\nAfter the code.', 'After the code.'],
    // A paragraph inside a list item counts.
    [
      '## 7.1 Nodes\n\n- CLD-REQ-001: Register nodes.\n- CLD-REQ-002: Drain nodes.',
      'CLD-REQ-001: Register nodes.',
    ],
    // So does one in a quote or an aside, and a table's cells do not.
    ['## 5.2 Channels\n\n> Quoted rule.\n\nAfter.', 'Quoted rule.'],
    ['## 5.2 Channels\n\n:::note\nAside rule.\n:::\n\nAfter.', 'Aside rule.'],
    ['## 5.2 Channels\n\n| a |\n| - |\n| cell |\n\nAfter the table.', 'After the table.'],
    // Raw HTML is markup, not words.
    ['## 5.2 Channels\n\nClose <b>once</b>.', 'Close once.'],
    // Wrapped lines are one line.
    ['## 5.2 Channels\n\nClose a\nchannel once.', 'Close a channel once.'],
  ])('%j', (markdown, summary) => {
    expect(summaries(markdown)['5.2 Channels'] ?? summaries(markdown)['7.1 Nodes']).toBe(summary)
  })

  test('a heading followed directly by a subheading has no summary of its own', () => {
    expect(summaries('## 5. Concurrency\n\n### 5.1 Goroutines\n\nOwn every goroutine.')).toEqual({
      '5. Concurrency': undefined,
      '5.1 Goroutines': 'Own every goroutine.',
    })
  })

  test('a long paragraph is cut at a word boundary', () => {
    const long = `${'word '.repeat(100)}end.`
    const summary = summaries(`## 1. Long\n\n${long}`)['1. Long']!
    expect(summary.length).toBeLessThanOrEqual(280)
    expect(summary).toMatch(/word…$/)
  })

  test('headings inside lists and quotes are sections too, each with its own summary', () => {
    expect(
      summaries('- item\n\n  ## 1. Listed\n\n  Listed text.\n\n> ## 2. Quoted\n>\n> Quoted text.'),
    ).toEqual({ '1. Listed': 'Listed text.', '2. Quoted': 'Quoted text.' })
  })

  test('text before the first heading belongs to no section', () => {
    const tree = parse('Intro text.\n\n## 1. First\n\nFirst text.')
    expect([...summarizeSections(tree).values()]).toEqual(['First text.'])
  })
})
