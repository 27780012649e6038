import { describe, expect, test } from 'vitest'
import {
  planStockSite,
  quoteFrontmatterValues,
  splitFrontmatter,
  toStockDocument,
  toStockPath,
  toStockTitle,
} from '../../scripts/bench/stock-site.ts'

describe('toStockPath', () => {
  test.each([
    ['ENGINEERING_SOP.md', 'ENGINEERING_SOP.md'],
    ['Requirements.MD', 'Requirements.md'],
    ['notes.Markdown', 'notes.markdown'],
    ['.agents/architect.md', 'agents/architect.md'],
    ['docs/.hidden/x.MD', 'docs/hidden/x.md'],
    ['docs/_drafts/_wip.md', 'docs/drafts/wip.md'],
    ['docs/design/CLD-REQ-002-audit.md', 'docs/design/CLD-REQ-002-audit.md'],
  ])('%s → %s', (path, expected) => {
    expect(toStockPath(path)).toBe(expected)
  })
})

describe('toStockTitle', () => {
  test.each([
    ['# Cloudless Engineering SOP\n\ntext', 'a.md', 'Cloudless Engineering SOP'],
    ['intro\n\n# Later Title #\n', 'a.md', 'Later Title'],
    ['# [Linked](./x.md) `code` **bold**\n', 'a.md', 'Linked code bold'],
    ['```md\n# not a title\n```\n\n# Real\n', 'a.md', 'Real'],
    ['## Only a second level\n', 'docs/.agents/tech-lead.md', 'tech-lead'],
    ['no heading at all', 'Requirements.MD', 'Requirements'],
  ])('%j in %s → %s', (body, path, expected) => {
    expect(toStockTitle(body, path)).toBe(expected)
  })
})

describe('splitFrontmatter', () => {
  test.each([
    ['---\ntitle: A\n---\nbody', { block: 'title: A', body: 'body' }],
    ['---\n---\nbody', { block: '', body: 'body' }],
    ['---\r\na: 1\r\n---\r\nbody', { block: 'a: 1', body: 'body' }],
    ['# No frontmatter\n---\n', undefined],
    ['text\n---\na: 1\n---\n', undefined],
  ])('%j', (text, expected) => {
    expect(splitFrontmatter(text)).toEqual(expected)
  })
})

describe('quoteFrontmatterValues', () => {
  test.each([
    ['description: Use when: x', 'description: "Use when: x"'],
    ['name: architect\ncolor: yellow', 'name: "architect"\ncolor: "yellow"'],
    ['title: "Quoted: already"', 'title: "Quoted: already"'],
    ['tags: [a, b]', 'tags: [a, b]'],
    ['list:\n  - item: x', 'list:\n  - item: x'],
    ['say: he said "hi"', 'say: "he said \\"hi\\""'],
  ])('%j', (block, expected) => {
    expect(quoteFrontmatterValues(block)).toBe(expected)
  })
})

describe('toStockDocument', () => {
  test.each([
    {
      name: 'a title already: unchanged',
      text: '---\ntitle: "CLD-REQ-002: Audit"\n---\n\nStatus: approved.\n',
      expected: '---\ntitle: "CLD-REQ-002: Audit"\n---\n\nStatus: approved.\n',
      changes: [],
    },
    {
      name: 'no frontmatter: a block with the first heading',
      text: '# Cloudless Control Plane\n\nText.\n',
      expected: '---\ntitle: "Cloudless Control Plane"\n---\n# Cloudless Control Plane\n\nText.\n',
      changes: ['title-added'],
    },
    {
      name: 'frontmatter without a title: the line goes first',
      text: '---\nname: architect\n---\n\n# Architect Agent\n',
      expected: '---\ntitle: "Architect Agent"\nname: architect\n---\n\n# Architect Agent\n',
      changes: ['title-added'],
    },
    {
      name: 'invalid YAML: values quoted, then the title added',
      text: '---\nname: architect\ndescription: Works. Use when: a design is approved.\n---\n# Architect Agent\n',
      expected:
        '---\ntitle: "Architect Agent"\nname: "architect"\ndescription: "Works. Use when: a design is approved."\n---\n# Architect Agent\n',
      changes: ['frontmatter-quoted', 'title-added'],
    },
    {
      name: 'an empty title counts as none, and is replaced',
      text: "---\nname: x\ntitle: ''\n---\n# Named\n",
      expected: '---\nname: x\ntitle: "Named"\n---\n# Named\n',
      changes: ['title-added'],
    },
  ])('$name', ({ text, expected, changes }) => {
    expect(toStockDocument(text, 'x.md')).toEqual({ text: expected, changes })
  })
})

describe('planStockSite', () => {
  test('every Markdown file once, renamed where needed; collisions reported, not written twice', () => {
    const plan = planStockSite([
      { path: 'README.md', text: '# Readme\n' },
      { path: 'Requirements.MD', text: '---\ntitle: Requirements\n---\n' },
      { path: '.agents/architect.md', text: '# Architect\n' },
      { path: 'agents/ARCHITECT.md', text: '# Other\n' },
      { path: 'handbook.config.json', text: '{}' },
    ])
    expect(plan.files.map((file) => [file.from, file.path, file.changes])).toEqual([
      ['README.md', 'README.md', ['title-added']],
      ['Requirements.MD', 'Requirements.md', ['renamed']],
      ['.agents/architect.md', 'agents/architect.md', ['renamed', 'title-added']],
    ])
    expect(plan.problems).toEqual([
      '`agents/ARCHITECT.md` and `.agents/architect.md` would both be `agents/ARCHITECT.md`',
    ])
  })
})
