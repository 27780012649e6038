import { join } from 'node:path'
import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'
import {
  describeEdge,
  describeMap,
  findRoleConnections,
} from '../../core/collaboration/describe.ts'
import {
  buildCollaborationGraph,
  orderRoles,
  type CollaborationGraph,
  type RoleGuide,
} from '../../core/collaboration/graph.ts'
import { layoutCollaborationMap } from '../../core/collaboration/layout.ts'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import { createIndexStore } from '../../io/index-store.ts'

const parse = parseMarkdown

const names: Record<string, string[]> = {
  po: ['Product Owner', 'product-owner'],
  architect: ['Architect'],
  engineer: ['Engineer'],
  tester: ['Unit Tester', 'unit-tester'],
  lead: ['Tech Lead', 'tech-lead'],
}

/** Role guides named `po`, `architect`, … with the given bodies. */
function guides(bodies: Partial<Record<string, string>>): RoleGuide[] {
  return Object.entries(names).map(([path, roleNames]) => ({
    path,
    names: roleNames,
    tree: parse(bodies[path] ?? ''),
    bodyLineOffset: 4,
  }))
}

/** `po > architect` for a hand-off, `architect ~ tester` for working together. */
function edgesOf(graph: CollaborationGraph): string[] {
  return graph.edges.map(
    (edge) => `${edge.from} ${edge.kind === 'hands-off' ? '>' : '~'} ${edge.to}`,
  )
}

describe('buildCollaborationGraph', () => {
  test.each([
    {
      name: '"Hand-off to" and "Hand-off from" headings',
      bodies: {
        engineer:
          '## Hand-off to Tech Lead\n\nWhen CI is green.\n\n### Handoff from the Architect\n',
        tester: '### Hand over to tech lead\n',
      },
      expected: ['engineer > lead', 'architect > engineer', 'tester > lead'],
    },
    {
      name: 'a chain of arrows, across a line break, in any role’s guide',
      bodies: {
        lead: 'The usual flow is Product Owner → Architect →\nEngineer -> Unit Tester, and the tech lead approves.',
      },
      expected: ['po > architect', 'architect > engineer', 'engineer > tester'],
    },
    {
      name: '"With X Agent" headings join two roles without a direction',
      bodies: {
        architect:
          '## Collaboration\n\n### With Engineer Agent\n\n### Working with the Unit Tester\n',
        engineer: '### With Architect Agent\n',
      },
      expected: ['architect ~ engineer', 'architect ~ tester'],
    },
    {
      name: 'hand-offs come first; a pair stated twice is one edge',
      bodies: {
        engineer: '### With Unit Tester Agent\n\n### Hand-off to Unit Tester\n',
        tester: '### With Engineer Agent\n',
      },
      expected: ['engineer > tester', 'engineer ~ tester'],
    },
    {
      name: 'unknown names, self hand-offs, prose and code are ignored',
      bodies: {
        engineer: [
          '## Hand-off to Release Manager',
          '## Hand-off to Engineer',
          'Hand the pull request to the tech lead when CI is green.',
          '## With Product',
          '```\nProduct Owner → Architect\n```',
          'Engineers → Testers are not role names.',
        ].join('\n\n'),
      },
      expected: [],
    },
  ])('$name', ({ bodies, expected }) => {
    expect(edgesOf(buildCollaborationGraph(guides(bodies)))).toEqual(expected)
  })

  test('keeps every place that states an edge, with its line', () => {
    const graph = buildCollaborationGraph(
      guides({
        po: '# PO\n\nWork flows Product Owner → Architect.\n\n## Hand-off to Architect\n',
        lead: 'Product Owner → Architect',
      }),
    )
    expect(graph.edges[0]!.evidence).toEqual([
      { guide: 'po', line: 7, kind: 'chain', text: 'Product Owner → Architect' },
      { guide: 'po', line: 9, kind: 'hand-off-heading', text: 'Hand-off to Architect' },
      { guide: 'lead', line: 5, kind: 'chain', text: 'Product Owner → Architect' },
    ])
  })

  test('orders roles along the longest stated chain, then in guide order', () => {
    const graph = buildCollaborationGraph(
      guides({ lead: 'Architect → Engineer → Unit Tester. Engineer → Tech Lead.' }),
    )
    expect(graph.roles).toEqual(['architect', 'engineer', 'tester', 'po', 'lead'])
    expect(orderRoles(['a', 'b', 'c'], [])).toEqual(['a', 'b', 'c'])
  })
})

describe('layoutCollaborationMap', () => {
  const graph = buildCollaborationGraph(
    guides({
      po: '## Hand-off to Architect\n\n## With Tech Lead Agent\n\n## With Architect Agent\n',
      architect: '## Hand-off to Product Owner\n',
    }),
  )
  const labels = new Map(Object.entries(names).map(([path, [label]]) => [path, label!]))
  const layout = layoutCollaborationMap(graph, labels, { width: 600, height: 400 })

  test('places every role in a box inside the drawing, none overlapping', () => {
    expect(layout.nodes.map((node) => node.label)).toEqual([
      'Product Owner',
      'Architect',
      'Engineer',
      'Unit Tester',
      'Tech Lead',
    ])
    for (const node of layout.nodes) {
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0)
      expect(node.x + node.width / 2).toBeLessThanOrEqual(600)
      expect(node.y - node.height / 2).toBeGreaterThanOrEqual(0)
      expect(node.y + node.height / 2).toBeLessThanOrEqual(400)
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
          Math.abs(a.y - b.y) >= (a.height + b.height) / 2
        expect(apart, `${a.label} overlaps ${b.label}`).toBe(true)
      }
    }
  })

  test('draws each edge from border to border; opposite hand-offs bend apart', () => {
    // Product Owner and Architect also work together, but a hand-off already joins them.
    expect(graph.edges).toHaveLength(4)
    expect(layout.edges.map((edge) => [edge.from, edge.to, edge.kind])).toEqual([
      ['po', 'architect', 'hands-off'],
      ['architect', 'po', 'hands-off'],
      ['po', 'lead', 'works-with'],
    ])
    const [there, back, together] = layout.edges
    expect(there!.path).toMatch(/^M [\d.]+ [\d.]+ Q [\d.]+ [\d.]+ [\d.]+ [\d.]+$/)
    expect(back!.path).toMatch(/ Q /)
    expect(there!.path).not.toEqual(back!.path)
    expect(together!.path).toMatch(/^M [\d.]+ [\d.]+ L [\d.]+ [\d.]+$/)
    // The line starts on the border of the box, not at its centre.
    const po = layout.nodes[0]!
    const [x, y] = together!.path.split(' ').slice(1, 3).map(Number) as [number, number]
    const onBorder =
      Math.abs(Math.abs(x - po.x) - (po.width / 2 + 4)) < 0.2 ||
      Math.abs(Math.abs(y - po.y) - (po.height / 2 + 4)) < 0.2
    expect(onBorder).toBe(true)
  })
})

describe('describing the map', () => {
  const graph = buildCollaborationGraph(
    guides({
      engineer: '## Hand-off to Tech Lead\n\n## With Architect Agent\n\n## With Tech Lead Agent\n',
      po: 'Product Owner → Engineer',
    }),
  )
  const labels = new Map(Object.entries(names).map(([path, [label]]) => [path, label!]))

  test('a role’s connections', () => {
    expect(findRoleConnections(graph, 'engineer')).toEqual({
      handsTo: ['lead'],
      receivesFrom: ['po'],
      worksWith: ['architect', 'lead'],
    })
  })

  test('edges as sentences, and a text alternative that names them all', () => {
    expect(graph.edges.map((edge) => describeEdge(edge, labels))).toEqual([
      'Product Owner hands work to Engineer',
      'Engineer hands work to Tech Lead',
      'Engineer works with Architect',
      'Engineer works with Tech Lead',
    ])
    const text = describeMap(graph, labels, 'engineer')
    expect(text).toMatch(
      /^Engineer is highlighted: receives work from Product Owner; hands work to Tech Lead; works with Architect, Tech Lead\./,
    )
    expect(text).toContain('5 roles, 2 hand-offs (arrows) and 2 working relationships')
    expect(text).toContain('Product Owner hands work to Engineer.')
  })
})

describe('the sample handbook', () => {
  test('hands work along Product Owner → Architect → Engineer → Unit Tester → Tech Lead', () => {
    const { collaboration } = createIndexStore(join(import.meta.dirname, '../../content')).get()
    const short = (path: string) => path.replace(/^\.agents\/|\.md$/g, '')
    expect(collaboration.roles.map(short)).toEqual([
      'product-owner',
      'architect',
      'engineer',
      'unit-tester',
      'tech-lead',
      'documenter',
    ])
    const edges = collaboration.edges.map(
      (edge) => `${short(edge.from)} ${edge.kind === 'hands-off' ? '>' : '~'} ${short(edge.to)}`,
    )
    expect(edges.sort()).toEqual(
      [
        'product-owner > architect',
        'architect > engineer',
        'engineer > unit-tester',
        'unit-tester > tech-lead',
        'architect > tech-lead',
        'documenter > tech-lead',
        'engineer > tech-lead',
        'tech-lead > product-owner',
        'architect ~ product-owner',
        'architect ~ engineer',
        'documenter ~ architect',
        'documenter ~ product-owner',
        'engineer ~ unit-tester',
        'product-owner ~ tech-lead',
        'tech-lead ~ architect',
        'tech-lead ~ engineer',
        'unit-tester ~ architect',
      ].sort(),
    )
  }, 60_000)
})
