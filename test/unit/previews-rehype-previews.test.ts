import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { select, selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, test } from 'vitest'
import { VFile } from 'vfile'
import type { HandbookIndex } from '../../core/handbook-index.ts'
import { rehypePreviews } from '../../plugins/rehype-previews/index.ts'
import { findPreview } from '../../plugins/rehype-previews/preview.ts'
import { addRequirement, buildRequirement, buildSampleIndex } from './helpers/sample-index.ts'

const index = buildSampleIndex()
const channels = index.documents[0]!.headings.find((heading) => heading.number === '5.2')!
// A first paragraph that quotes markup, as a section about HTML would.
channels.summary = 'Close a channel once, from the sender: <script>alert("x")</script> & done.'
addRequirement(
  index,
  buildRequirement('CLD-REQ-020', 'Requirements.MD', {
    text: 'The control plane shall keep a registry of every node.',
    section: '7',
    line: 40,
    column: 3,
  }),
)
const store = { get: () => ({ index }) as unknown as HandbookIndex }

/** Links as the section and requirement plugins make them. */
const sectionLink = (id: string, number: string): Element =>
  h(
    'a.hb-ref.hb-ref--section',
    {
      href: `/engineering-sop/#${id}`,
      title: `§${number} — ENGINEERING_SOP.md`,
      dataDoc: 'ENGINEERING_SOP.md',
      dataSection: number,
    },
    `§${number}`,
  )
const requirementLink = (): Element =>
  h(
    'a.hb-ref.hb-ref--requirement',
    {
      href: '/requirements/#cld-req-020',
      dataRequirement: 'CLD-REQ-020',
      dataRequirementKey: 'Requirements.MD#cld-req-020',
    },
    'CLD-REQ-020',
  )
const plainLink = (): Element => h('a', { href: 'https://example.org/' })

/** Runs the plugin over one paragraph of links and returns the page's HTML. */
function render(links: Element[], page: object | null = { path: 'CONTEXT.md' }): string {
  const tree: Root = h(null, [h('p', links)])
  const file = new VFile({ data: { astro: { frontmatter: page ? { handbook: page } : {} } } })
  rehypePreviews({ store })(tree, file)
  return toHtml(tree)
}

describe('findPreview', () => {
  test('a section link previews the section’s number, title, document and first paragraph', () => {
    expect(findPreview(sectionLink('52-channel-discipline', '5.2'), index)).toEqual({
      key: 'section:ENGINEERING_SOP.md#52-channel-discipline',
      preview: {
        label: '§5.2',
        title: 'Channel Discipline',
        source: 'ENGINEERING_SOP.md',
        text: channels.summary,
      },
    })
  })

  test('a requirement link previews the requirement’s text and where it is defined', () => {
    expect(findPreview(requirementLink(), index)).toEqual({
      key: 'requirement:Requirements.MD#cld-req-020',
      preview: {
        label: 'CLD-REQ-020',
        title: '',
        source: 'Requirements.MD §7',
        text: 'The control plane shall keep a registry of every node.',
      },
    })
  })

  test.each([
    ['an ordinary link', plainLink()],
    ['a section link to a heading the index does not know', sectionLink('99-nowhere', '99')],
    [
      'a wildcard requirement link',
      h('a.hb-ref.hb-ref--requirement-list', { href: '/traceability/', dataRequirement: 'CLD-*' }),
    ],
    ['a heading with the classes of a link', h('h2.hb-ref.hb-ref--section', { dataDoc: 'x' })],
  ])('%s has none', (_name, link) => {
    expect(findPreview(link, index)).toBeUndefined()
  })
})

describe('rehypePreviews', () => {
  test('links name one data element per target, appended hidden and ignored by search', () => {
    const html = render([
      sectionLink('52-channel-discipline', '5.2'),
      requirementLink(),
      sectionLink('52-channel-discipline', '5.2'),
      plainLink(),
    ])
    expect(html.match(/data-preview="hb-preview-data-1"/g)).toHaveLength(2)
    expect(html.match(/data-preview="hb-preview-data-2"/g)).toHaveLength(1)
    expect(html).toContain('<a href="https://example.org/"></a>')
    expect(html).toContain('<div hidden class="hb-previews" data-pagefind-ignore="">')
    expect(html.match(/<span id="hb-preview-data-\d"/g)).toHaveLength(2)
    expect(html).toContain(
      '<span id="hb-preview-data-2" data-label="CLD-REQ-020" data-title="" data-source="Requirements.MD §7" data-text="The control plane shall keep a registry of every node."></span>',
    )
  })

  test('markup in a heading’s paragraph stays text inside an attribute', () => {
    const html = render([sectionLink('52-channel-discipline', '5.2')])
    const tree = fromHtml(html, { fragment: true })
    expect(selectAll('script', tree)).toEqual([])
    expect(select('#hb-preview-data-1', tree)?.properties['dataText']).toBe(channels.summary)
  })

  test('the title attribute stays, for readers without JavaScript', () => {
    expect(render([sectionLink('52-channel-discipline', '5.2')])).toContain(
      'title="§5.2 — ENGINEERING_SOP.md"',
    )
  })

  test('a page without links to preview gets no data', () => {
    expect(render([plainLink()])).toBe('<p><a href="https://example.org/"></a></p>')
  })

  test('HTML that is not a handbook page is left alone', () => {
    expect(render([sectionLink('52-channel-discipline', '5.2')], null)).not.toContain(
      'data-preview',
    )
  })
})
