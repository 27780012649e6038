import { describe, expect, test } from 'vitest'
import { buildAzIndex, type AzInput } from '../../core/search/a-z.ts'

const heading = (depth: number, number: string | undefined, title: string, citations = 0) => ({
  depth,
  ...(number === undefined ? {} : { number }),
  title,
  id: `${number ?? ''}-${title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  citations,
})

const data: AzInput = {
  documents: [
    {
      path: 'ENGINEERING_SOP.md',
      route: 'engineering-sop',
      kind: 'sop',
      title: 'Engineering SOP',
      references: 0,
      headings: [
        heading(2, '5', 'Concurrency', 2),
        heading(3, '5.10', 'Shared Registries', 1),
        heading(3, '5.2', 'Channel Discipline', 4),
        heading(2, undefined, 'Running Locally'),
        heading(2, 'A', 'Appendix: Glossary'),
      ],
    },
    {
      path: '.agents/tech-lead.md',
      route: 'agents/tech-lead',
      kind: 'role',
      title: 'Tech Lead',
      description: 'Reviews designs.',
      references: 7,
      headings: [heading(2, undefined, 'Required Reading')],
    },
    {
      path: 'Requirements.MD',
      route: 'requirements',
      kind: 'requirements',
      title: 'Control Plane Requirements',
      references: 3,
      headings: [
        heading(2, '7', 'Functional Requirements', 5),
        heading(2, '10', 'Ämter und Zonen'),
      ],
    },
  ],
  requirements: [
    {
      id: 'CLD-REQ-100',
      text: 'Hundred.',
      route: 'requirements',
      anchor: 'cld-req-100',
      scope: '.',
      citedBy: [],
    },
    {
      id: 'CLD-REQ-020',
      text: 'Registry.',
      route: 'requirements',
      anchor: 'cld-req-020',
      scope: '.',
      citedBy: [{ count: 2 }, { count: 1 }],
    },
  ],
}

describe('buildAzIndex', () => {
  const az = buildAzIndex(data)

  test('every document, by title, with how often its sections are cited', () => {
    expect(
      az.documents.map((document) => [document.title, document.sections, document.citations]),
    ).toEqual([
      ['Control Plane Requirements', 2, 5],
      ['Engineering SOP', 4, 7],
      ['Tech Lead', 0, 0],
    ])
  })

  test('every numbered section, grouped by document in document order', () => {
    expect(
      az.sections.map((group) => [
        group.document.path,
        group.sections.map(
          (section) => `§${section.number} ${section.title} (${section.citations})`,
        ),
      ]),
    ).toEqual([
      [
        'ENGINEERING_SOP.md',
        [
          '§5 Concurrency (2)',
          '§5.10 Shared Registries (1)',
          '§5.2 Channel Discipline (4)',
          '§A Appendix: Glossary (0)',
        ],
      ],
      ['Requirements.MD', ['§7 Functional Requirements (5)', '§10 Ämter und Zonen (0)']],
    ])
    expect(az.sections[0]!.sections[2]).toMatchObject({
      route: 'engineering-sop',
      fragment: '5-2-channel-discipline',
      depth: 3,
    })
  })

  test('every requirement, by ID in numeric order, with its citations summed', () => {
    expect(az.requirements.map((requirement) => [requirement.id, requirement.citations])).toEqual([
      ['CLD-REQ-020', 3],
      ['CLD-REQ-100', 0],
    ])
  })

  test('every role, with the references its guide makes', () => {
    expect(az.roles).toEqual([
      {
        title: 'Tech Lead',
        route: 'agents/tech-lead',
        path: '.agents/tech-lead.md',
        description: 'Reviews designs.',
        references: 7,
        citations: 0,
      },
    ])
  })

  test('section titles filed under their first letter, accents folded', () => {
    expect(
      az.topics.map((group) => [group.letter, group.topics.map((topic) => topic.title)]),
    ).toEqual([
      ['A', ['Ämter und Zonen', 'Appendix: Glossary']],
      ['C', ['Channel Discipline', 'Concurrency']],
      ['F', ['Functional Requirements']],
      ['S', ['Shared Registries']],
    ])
  })
})
