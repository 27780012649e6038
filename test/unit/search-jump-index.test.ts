import { describe, expect, test } from 'vitest'
import { toRoute } from '../../core/documents/describe.ts'
import { buildJumpIndex } from '../../core/search/jump-index.ts'
import { buildSampleDocument, buildSampleIndex } from './helpers/sample-index.ts'

const role = {
  ...buildSampleDocument('.agents/tech-lead.md', ['## Required Reading', '### With Architect'], {
    kind: 'role',
  }),
  title: 'Tech Lead',
  name: 'tech-lead',
}
const sample = buildSampleIndex({ extraDocuments: [role] })
const input = {
  ...sample,
  documents: sample.documents.map((document) => ({ ...document, route: toRoute(document.path) })),
  requirements: [
    {
      id: 'CLD-REQ-020',
      anchor: 'cld-req-020',
      text: 'Keep a registry.',
      document: 'Requirements.MD',
    },
    { id: 'CLD-REQ-099', anchor: 'cld-req-099', text: 'Nowhere.', document: 'Missing.md' },
  ],
}

describe('buildJumpIndex', () => {
  const index = buildJumpIndex(input, '/handbook/')
  const document = (path: string) => index.documents.find((entry) => entry.path === path)!

  test('every document, with every name a reader may type for it', () => {
    expect(index.documents.map((entry) => entry.path)).toEqual([
      'ENGINEERING_SOP.md',
      'Requirements.MD',
      'CONTEXT.md',
      '.agents/tech-lead.md',
    ])
    expect(document('ENGINEERING_SOP.md').names).toEqual(
      expect.arrayContaining(['engineering sop.md', 'engineering sop', 'sop']),
    )
    expect(document('.agents/tech-lead.md')).toMatchObject({
      kind: 'role',
      title: 'Tech Lead',
      url: '/handbook/agents/tech-lead/',
      names: expect.arrayContaining(['.agents/tech lead.md', 'tech lead.md', 'tech lead']),
    })
  })

  test('only the default document is marked default', () => {
    expect(index.documents.filter((entry) => entry.isDefault).map((entry) => entry.path)).toEqual([
      'ENGINEERING_SOP.md',
    ])
  })

  test('every numbered section, with its exact heading id under the base path', () => {
    const sop = index.documents.indexOf(document('ENGINEERING_SOP.md'))
    const numbers = index.sections
      .filter((section) => section.document === sop && section.number !== undefined)
      .map((section) => section.number)
    expect(numbers).toEqual(
      sample.documents[0]!.headings.flatMap((heading) => (heading.number ? [heading.number] : [])),
    )
    expect(index.sections).toContainEqual({
      document: sop,
      number: '5.2',
      title: 'Channel Discipline',
      url: '/handbook/engineering-sop/#52-channel-discipline',
    })
  })

  test('unnumbered level-two headings are kept for jumps by name; deeper ones are not', () => {
    const titles = index.sections
      .filter((section) => section.number === undefined)
      .map((section) => section.title)
    expect(titles).toContain('Build and Test Commands')
    expect(titles).toContain('Required Reading')
    expect(titles).not.toContain('With Architect')
  })

  test('every requirement defined in a known document, linked to its anchor', () => {
    expect(index.requirements).toEqual([
      {
        id: 'CLD-REQ-020',
        text: 'Keep a registry.',
        url: '/handbook/requirements/#cld-req-020',
        document: index.documents.indexOf(document('Requirements.MD')),
      },
    ])
  })

  test('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index)
  })
})
