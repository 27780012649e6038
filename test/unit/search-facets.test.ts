import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, test } from 'vitest'
import type { CitationIndex, PageCitations } from '../../core/analysis/citations.ts'
import type { Citation, RequirementInfo } from '../../core/documents/types.ts'
import { createPageFacets } from '../../core/search/facets.ts'
import {
  buildFacetElement,
  markSearchTargets,
  searchWeights,
} from '../../plugins/rehype-search-index/mark.ts'
import {
  addRequirement,
  buildRequirement,
  buildSampleDocument,
  buildSampleIndex,
} from './helpers/sample-index.ts'

const role = {
  ...buildSampleDocument('.agents/tech-lead.md', ['## Required Reading'], { kind: 'role' }),
  title: 'Tech Lead',
}
const design = buildSampleDocument('docs/design/CLD-REQ-020-node-registry.md', ['## 1. Summary'], {
  kind: 'design',
})
const index = buildSampleIndex({ extraDocuments: [role, design] })
const registry: RequirementInfo = buildRequirement('CLD-REQ-020', 'Requirements.MD', {
  text: 'The control plane shall keep a registry of every node, with its zone.',
  section: '7',
  line: 40,
  column: 3,
})
addRequirement(index, registry)

const cite = (document: string): Citation => ({ document, line: 1, column: 1 })
const citations: CitationIndex = {
  sections: new Map([['ENGINEERING_SOP.md#52-channel-discipline', [cite('.agents/tech-lead.md')]]]),
  requirements: new Map([[registry.key, [cite('.agents/tech-lead.md'), cite('CONTEXT.md')]]]),
  // Cited but defined nowhere: no filter value points at nothing.
  undefinedRequirements: new Map([['CLD-REQ-099', [cite('CONTEXT.md')]]]),
}

/** The same citations, page by page, as the link plugin records them. */
function byPage(all: CitationIndex): Map<string, PageCitations> {
  const pages = new Map<string, PageCitations>()
  const pageOf = (path: string) => {
    const page = pages.get(path) ?? { requirements: [], undefinedRequirements: [], sections: [] }
    pages.set(path, page)
    return page
  }
  for (const name of ['requirements', 'undefinedRequirements', 'sections'] as const) {
    for (const [key, list] of all[name]) {
      for (const citation of list) pageOf(citation.document)[name].push([key, citation])
    }
  }
  return pages
}

describe('createPageFacets', () => {
  const pages = byPage(citations)
  const facetsOf = createPageFacets(index, (path) => pages.get(path))

  test.each([
    ['ENGINEERING_SOP.md', { kind: 'Standards', roles: ['Tech Lead'], requirements: [] }],
    // A role that cites one of its requirements puts the requirements page on its reading list.
    [
      'Requirements.MD',
      { kind: 'Requirements', roles: ['Tech Lead'], requirements: ['CLD-REQ-020'] },
    ],
    ['CONTEXT.md', { kind: 'Guides', roles: [], requirements: ['CLD-REQ-020'] }],
    [
      '.agents/tech-lead.md',
      { kind: 'Roles', roles: ['Tech Lead'], requirements: ['CLD-REQ-020'] },
    ],
    // A design document implements the requirement its file name carries.
    [
      'docs/design/CLD-REQ-020-node-registry.md',
      { kind: 'Design', roles: [], requirements: ['CLD-REQ-020'] },
    ],
  ])('%s', (path, expected) => {
    expect(facetsOf(path)).toEqual(expected)
  })
})

describe('markSearchTargets', () => {
  const mark = (tree: Root) => {
    markSearchTargets(tree, index)
    return tree
  }

  test('a numbered heading becomes a weighted sub-result titled with its § number', () => {
    const heading = h('h3', '5.2 Channel Discipline')
    mark(h(null, [heading]))
    expect(heading.properties).toMatchObject({
      dataPagefindTitle: '§5.2 Channel Discipline',
      dataPagefindWeight: searchWeights.section,
    })
  })

  test.each(['Required Reading', '2026 Roadmap', 'A Note on Style'])(
    'an unnumbered heading (%s) keeps Pagefind’s defaults',
    (text) => {
      const heading = h('h2', text)
      mark(h(null, [heading]))
      expect(heading.properties).toEqual({})
    },
  )

  test('a requirement definition becomes a sub-result with its ID and text, weighted above prose', () => {
    const definition = h(
      'li.hb-requirement',
      { id: 'cld-req-020', dataRequirement: 'CLD-REQ-020', dataRequirementKey: registry.key },
      [
        h(
          'p',
          'CLD-REQ-020: The control plane shall keep a registry of every node, with its zone.',
        ),
      ],
    )
    const prose = h('p', 'Mentions CLD-REQ-020 in passing.')
    mark(h(null, [h('ul', [definition]), prose]))
    expect(definition.properties['dataPagefindTitle']).toBe(
      'CLD-REQ-020: The control plane shall keep a registry of every node, with its zone.',
    )
    expect(Number(definition.properties['dataPagefindWeight'])).toBeGreaterThan(1)
    expect(prose.properties).toEqual({})
  })

  test('a definition heading weighs as a section heading; long titles are shortened', () => {
    const placement = buildRequirement('CLD-REQ-050', 'Requirements.MD', {
      text: `Spread ${'very '.repeat(40)}widely`,
    })
    const heading = h(
      'h3.hb-requirement',
      { id: 'cld-req-050', dataRequirement: 'CLD-REQ-050', dataRequirementKey: placement.key },
      ['CLD-REQ-050: Zone-spread placement'],
    )
    markSearchTargets(h(null, [heading]), {
      requirements: new Map([[placement.key, placement]]),
      documentsByPath: new Map(),
    })
    expect(heading.properties['dataPagefindWeight']).toBe(searchWeights.definitionHeading)
    const title = String(heading.properties['dataPagefindTitle'])
    expect(title.length).toBeLessThanOrEqual(90)
    expect(title.endsWith('…')).toBe(true)
  })
})

describe('buildFacetElement', () => {
  test('one hidden marker per filter value, read by Pagefind from an attribute', () => {
    const html = toHtml(
      buildFacetElement({
        kind: 'Standards',
        roles: ['Tech Lead'],
        requirements: ['CLD-REQ-020', 'NFR-P1'],
      }),
    )
    expect(html).toBe(
      '<div hidden class="hb-search-facets">' +
        '<span data-pagefind-filter="kind[data-value]" data-value="Standards"></span>' +
        '<span data-pagefind-meta="kind[data-value]" data-value="Standards"></span>' +
        '<span data-pagefind-filter="role[data-value]" data-value="Tech Lead"></span>' +
        '<span data-pagefind-filter="requirement[data-value]" data-value="CLD-REQ-020"></span>' +
        '<span data-pagefind-filter="requirement[data-value]" data-value="NFR-P1"></span>' +
        '</div>',
    )
  })

  test('a value with quotes, commas or markup stays one escaped attribute', () => {
    const html = toHtml(
      buildFacetElement({ kind: 'Guides', roles: ['Ops, "SRE" <b>'], requirements: [] }),
    )
    expect(html).toContain('data-value="Ops, &#x22;SRE&#x22; <b>"')
    expect(html).not.toContain('<b>"></span><b>')
  })
})
