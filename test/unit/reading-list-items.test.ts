import type { ListItem, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, test } from 'vitest'
import type { ReadingItem } from '../../core/reading/types.ts'
import { findAuthorItems } from '../../plugins/remark-reading-list/items.ts'
import { findRestatedTitle } from '../../plugins/remark-document-page/title-heading.ts'

const parse = (markdown: string) =>
  unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root

/** A reading item cited on `line` (frontmatter included). */
const item = (line: number, number: string, range?: { from: string; to: string }): ReadingItem => ({
  document: 'SOP.md',
  headingId: `s${number}`,
  number,
  title: `Section ${number}`,
  fingerprint: 'f',
  line,
  ...(range ? { range } : {}),
})

/** The first line of an item's own text. */
const lead = (node: ListItem) => toString(node.children[0]!).split('\n')[0]

describe('findAuthorItems: the author’s list item that asks for each section', () => {
  const guide = [
    '## Required Reading', // 1
    '', // 2
    '1. **SOP.md** - the standards:', // 3
    '   - **§3**: Code style', // 4
    '   - **§3-§5**: Style to concurrency, a range', // 5
    '     that wraps onto a second line', // 6
    '2. **CONTEXT.md** - the overview', // 7
  ].join('\n')

  test('the innermost item holding the citation’s line, with every section it asks for', () => {
    const reading = [
      item(4, '3'),
      item(5, '4', { from: '3', to: '5' }),
      item(5, '5', { from: '3', to: '5' }),
    ]
    const found = findAuthorItems(parse(guide), reading, 0)
    expect(
      found.map(({ node, items }) => [lead(node), items.map((entry) => entry.number)]),
    ).toEqual([
      ['§3: Code style', ['3']],
      ['§3-§5: Style to concurrency, a range', ['4', '5']],
    ])
  })

  test('lines count from the top of the file: the frontmatter is added', () => {
    const found = findAuthorItems(parse(guide), [item(9, '3')], 5)
    expect(found.map(({ node }) => lead(node))).toEqual(['§3: Code style'])
  })

  test('a citation outside every list item marks nothing', () => {
    expect(findAuthorItems(parse(guide), [item(1, '3')], 0)).toEqual([])
  })
})

describe('findRestatedTitle: an opening heading that only repeats the page title', () => {
  test.each([
    ['# Engineer Agent\n\nText', 'Engineer', true],
    ['<!-- generated -->\n\n# Tech Lead\n', 'Tech Lead', true],
    ['# Engineer Agent', 'Engineer Agent Guide', true],
    ['# Release Checklist\n', 'Engineer', false],
    ['Intro first.\n\n# Engineer Agent\n', 'Engineer', false],
    ['## Engineer\n', 'Engineer', false],
  ])('%j under the title %j: %s', (markdown, title, restated) => {
    expect(findRestatedTitle(parse(markdown), title) !== undefined).toBe(restated)
  })
})
