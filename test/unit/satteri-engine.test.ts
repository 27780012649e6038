import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { unified } from '@astrojs/markdown-remark'
import { satteri } from '@astrojs/markdown-satteri'
import type { Element, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import type { Root as MdastRoot, TableRow } from 'mdast'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { toPageData } from '../../core/page-data.ts'
import { createHandbook } from '../../integration/create-handbook.ts'
import type { PluginList } from '../../plugins/index.ts'
import { rehypeTaskListLabels } from '../../plugins/rehype-task-list-labels/index.ts'
import { createSatteriPlugins } from '../../plugins/satteri/adapter.ts'

// The site renders on Sätteri (plugins/satteri/); HANDBOOK_ENGINE=unified renders on unified.
// Both must give every page the same HTML, the same headings and the same findings.

const repoRoot = resolve(import.meta.dirname, '../..')
const fixtures = join(repoRoot, 'test/fixtures/repositories')
const contentRoots = [
  join(repoRoot, 'content'),
  ...readdirSync(fixtures).map((name) => join(fixtures, name)),
]

interface Renderer {
  render(
    content: string,
    options: { frontmatter: Record<string, unknown>; fileURL: URL },
  ): Promise<{ code: string; metadata: { headings: unknown[] } }>
}

const shared = { syntaxHighlight: false } as const

/**
 * Tests load the development build of `hast-util-raw`, which asserts that every position has
 * offsets; `slicePiece` (core/markdown/text-runs.ts) leaves them out for text that spans lines.
 * Production builds do not check, and positions do not reach the HTML: drop those positions on
 * the unified side only, after our plugins, so the comparison can run.
 */
const dropPositionsWithoutOffsets: PluginList[number] = [
  () => (tree: MdastRoot) => {
    visit(tree, (node: Node) => {
      const { start, end } = node.position ?? {}
      if (start && end && (start.offset === undefined || end.offset === undefined)) {
        delete node.position
      }
    })
  },
  undefined,
]

function createRenderers(plugins: { remarkPlugins: PluginList; rehypePlugins: PluginList }) {
  const onUnified = {
    remarkPlugins: [...plugins.remarkPlugins, dropPositionsWithoutOffsets],
    rehypePlugins: plugins.rehypePlugins,
  }
  return {
    unified: unified(onUnified as never).createRenderer(shared) as Promise<Renderer>,
    satteri: satteri(createSatteriPlugins(plugins)).createRenderer(
      shared as never,
    ) as Promise<Renderer>,
  }
}

/**
 * The HTML as a browser parses it, serialized one way. The engines serialize differently
 * (`data-x` or `data-x=""`, `&lt;` or `&#x3C;`) and Sätteri ends with a newline; what a
 * browser builds from either is the same.
 */
function parsed(html: string): string {
  return toHtml(fromHtml(html.replace(/\n$/, ''), { fragment: true }))
}

const sites = contentRoots.map((contentRoot) => {
  // One handbook per engine: each collects its own findings.
  const onUnified = createHandbook({ contentRoot })
  const onSatteri = createHandbook({ contentRoot })
  const documents = [...onUnified.store.get().sources.values()]
  return {
    name: contentRoot.slice(repoRoot.length + 1),
    contentRoot,
    onUnified,
    onSatteri,
    documents,
    renderers: {
      unified: createRenderers(onUnified).unified,
      satteri: createRenderers(onSatteri).satteri,
    },
  }
})

describe.each(sites)('$name', (site) => {
  test.each(site.documents.map((source) => [source.path, source] as const))(
    '%s renders the same on Sätteri and unified',
    async (_path, source) => {
      // As the content loader hands a page to Astro (see scripts/bench/measure-in-process.ts).
      const content = `\n${source.body}`
      const options = () => ({
        frontmatter: { handbook: toPageData(source) },
        fileURL: pathToFileURL(join(site.contentRoot, source.path)),
      })
      const onUnified = await (await site.renderers.unified).render(content, options())
      const onSatteri = await (await site.renderers.satteri).render(content, options())
      expect(parsed(onSatteri.code)).toBe(parsed(onUnified.code))
      expect(onSatteri.metadata.headings).toEqual(onUnified.metadata.headings)
    },
  )

  test('the findings are the same on Sätteri and unified', async () => {
    for (const source of site.documents) {
      const options = () => ({
        frontmatter: { handbook: toPageData(source) },
        fileURL: pathToFileURL(join(site.contentRoot, source.path)),
      })
      await (await site.renderers.unified).render(`\n${source.body}`, options())
      await (await site.renderers.satteri).render(`\n${source.body}`, options())
    }
    expect(site.onSatteri.collector.list()).toEqual(site.onUnified.collector.list())
  })
})

// What the adapter must carry over where Sätteri's conversion differs from mdast-util-to-hast.
const probes: PluginList = [
  [
    () => (tree: MdastRoot, file: VFile) => {
      visit(tree, (node, index, parent) => {
        // A change in place, which Sätteri would lose on a node it handed out.
        if (node.type === 'heading' && node.depth === 1) node.depth = 2
        if (node.type === 'tableRow') {
          ;(node as TableRow).data = { hProperties: { id: 'row', className: ['probe'] } }
        }
        if (node.type === 'listItem') {
          node.children.push({
            type: 'paragraph',
            children: [{ type: 'text', value: 'wrapped' }],
            data: { hName: 'div', hProperties: { className: ['probe'] } },
          })
        }
        if (node.type === 'text' && node.value === 'warn' && parent && index !== undefined) {
          file.message('probe', { place: node.position })
        }
      })
    },
    undefined,
  ],
]
const rehypeProbes: PluginList = [
  [
    () => (tree: HastRoot, file: VFile) => {
      visit(tree, 'element', (node: Element) => {
        if (/^h\d$/.test(node.tagName)) node.properties.dataLine = node.position?.start.line
      })
      tree.children.push({ type: 'text', value: `messages: ${file.messages.length}` })
    },
    undefined,
  ],
]

test.each([
  ['a heading changed in place', '# Title\n'],
  ['a heading keeps its line', 'text\n\n## Second\n'],
  ['properties of a table row', '| a |\n|---|\n| b |\n'],
  ['a wrapper in a tight list item', '- one\n- two\n'],
  ['a message recorded by a remark plugin', 'warn\n'],
  ['a raw heading is left alone', '<h2>raw</h2>\n\n## Real\n'],
] as const)('%s: Sätteri gives the HTML unified gives', async (_name, markdown) => {
  const plugins = { remarkPlugins: probes, rehypePlugins: rehypeProbes }
  const renderers = createRenderers(plugins)
  const options = () => ({ frontmatter: {}, fileURL: pathToFileURL('/probe.md') })
  const onUnified = await (await renderers.unified).render(markdown, options())
  const onSatteri = await (await renderers.satteri).render(markdown, options())
  expect(parsed(onSatteri.code)).toBe(parsed(onUnified.code))
})

// Our own rehype plugins run as native Sätteri visitors, without the copy: the same carry-over.
test.each([
  ['properties of a table row', '| a |\n|---|\n| b |\n'],
  ['a wrapper in a tight task list item', '- [ ] one\n- [x] two\n'],
] as const)(
  '%s, under native rehype plugins: Sätteri gives the HTML unified gives',
  async (_name, markdown) => {
    const renderers = createRenderers({
      remarkPlugins: probes,
      rehypePlugins: [[rehypeTaskListLabels, {}]],
    })
    const options = () => ({ frontmatter: {}, fileURL: pathToFileURL('/probe.md') })
    const onUnified = await (await renderers.unified).render(markdown, options())
    const onSatteri = await (await renderers.satteri).render(markdown, options())
    expect(parsed(onSatteri.code)).toBe(parsed(onUnified.code))
  },
)

test('a heading keeps the line it had', async () => {
  const renderers = createRenderers({ remarkPlugins: probes, rehypePlugins: rehypeProbes })
  const html = (
    await (
      await renderers.satteri
    ).render('text\n\n## Second\n', {
      frontmatter: {},
      fileURL: pathToFileURL('/probe.md'),
    })
  ).code
  expect(html).toContain('data-line="3"')
})
