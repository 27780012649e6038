import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LoaderContext } from 'astro/loaders'
import { describe, expect, test } from 'vitest'
import { handbookLoader } from '../../integration/content-loader.ts'
import { toDeferredPagePath } from '../../integration/deferred-pages.ts'
import {
  readRenderedPage,
  renderedPageFile,
  renderedPagesFolder,
} from '../../integration/rendered-pages.ts'

function writeRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-loader-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

/** A stand-in for Astro's loader context that records stored entries. */
function fakeContext(root: string, render: (markdown: string) => Promise<unknown>) {
  const stored = new Map<string, { data: Record<string, unknown>; rendered: unknown }>()
  const context = {
    store: {
      clear: () => stored.clear(),
      set: (entry: { id: string; data: Record<string, unknown>; rendered: unknown }) => {
        stored.set(entry.id, entry)
        return true
      },
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    renderMarkdown: render,
    logger: { error: () => {}, warn: () => {}, info: () => {} },
    config: { root: pathToFileURL(`${root}/`) },
  } as unknown as LoaderContext
  return { context, stored }
}

const config = JSON.stringify({
  documents: [
    { kind: 'sop', include: ['SOP.MD'] },
    { kind: 'role', include: ['.agents/*.md'] },
  ],
  editUrl: 'https://example.org/edit/',
})

describe('handbookLoader', () => {
  test('stores every document with derived title, route, source meta and edit link', async () => {
    const root = writeRepository({
      'handbook.config.json': config,
      'SOP.MD': '# Our SOP\n\n## 1. Scope\n',
      '.agents/tech-lead.md':
        '---\nname: tech-lead\ndescription: Leads. Use when: always\ncolor: orange\n---\n\nBody\n',
    })
    const { context, stored } = fakeContext(root, async () => ({ html: '<p>x</p>' }))
    await handbookLoader({ contentRoot: root }).load(context)
    expect([...stored.keys()].sort()).toEqual(['agents/tech-lead', 'sop'])
    expect(stored.get('sop')!.data).toMatchObject({
      title: 'Our SOP',
      editUrl: 'https://example.org/edit/SOP.MD',
      head: [
        { tag: 'meta', attrs: { name: 'handbook:source', content: 'SOP.MD' } },
        { tag: 'title', content: 'Our SOP | Handbook' },
      ],
    })
    expect(stored.get('agents/tech-lead')!.data).toMatchObject({
      title: 'Tech Lead',
      description: 'Leads. Use when: always',
      handbook: { kind: 'role', color: 'orange', name: 'tech-lead' },
    })
  })

  test('a rendering error fails the load naming the file, after storing every other page', async () => {
    const root = writeRepository({
      'handbook.config.json': config,
      'SOP.MD': '# Our SOP\n\nexplodes here\n',
      '.agents/engineer.md': '---\nname: engineer\n---\n\nFine.\n',
    })
    const { context, stored } = fakeContext(root, async (markdown) => {
      if (markdown.includes('explodes')) throw new Error('plugin crashed')
      return { html: '<p>ok</p>' }
    })
    await expect(handbookLoader({ contentRoot: root }).load(context)).rejects.toThrow(
      /SOP\.MD: rendering failed: plugin crashed/,
    )
    expect(stored.has('agents/engineer')).toBe(true)
  })

  test('renders role guides first and requirements last, and stores in the index order', async () => {
    const root = writeRepository({
      'handbook.config.json': JSON.stringify({
        documents: [
          { kind: 'requirements', include: ['REQUIREMENTS.md'] },
          { kind: 'sop', include: ['SOP.md'] },
          { kind: 'role', include: ['roles/*.md'] },
        ],
      }),
      'REQUIREMENTS.md': '# Requirements\n',
      'SOP.md': '# SOP\n',
      'roles/engineer.md': '---\nname: engineer\n---\n\nBody\n',
    })
    const rendered: string[] = []
    const { context, stored } = fakeContext(root, async (markdown) => {
      rendered.push(JSON.parse(markdown.split('\n')[1]!).handbook.path)
      return { html: '<p>ok</p>' }
    })
    await handbookLoader({ contentRoot: root }).load(context)
    expect(rendered).toEqual(['roles/engineer.md', 'SOP.md', 'REQUIREMENTS.md'])
    expect([...stored.keys()]).toEqual(['requirements', 'sop', 'roles/engineer'])
  })

  test('under astro dev, stores every entry unrendered, for the page plugin to render on request', async () => {
    const root = writeRepository({
      'handbook.config.json': config,
      'SOP.MD': '# Our SOP\n\n## 1. Scope\n',
      '.agents/engineer.md': '---\nname: engineer\n---\n\nBody\n',
    })
    let renders = 0
    const { context, stored } = fakeContext(root, async () => {
      renders++
      return { html: '<p>x</p>' }
    })
    const watcher = {} as LoaderContext['watcher']
    await handbookLoader({ contentRoot: root }).load({ ...context, watcher })
    expect(renders).toBe(0)
    expect(stored.get('sop')).toMatchObject({
      deferredRender: true,
      filePath: toDeferredPagePath('sop'),
      data: { title: 'Our SOP' },
    })
    expect(stored.get('sop')!.rendered).toBeUndefined()
    expect(stored.get('agents/engineer')).toMatchObject({
      filePath: toDeferredPagePath('agents/engineer'),
    })
  })

  test('a build keeps each page’s HTML in a file of its own, not in the store; pages with images stay in the store', async () => {
    const root = writeRepository({
      'handbook.config.json': config,
      'SOP.MD': '# Our SOP\n\n## 1. Scope\n',
      '.agents/engineer.md': '---\nname: engineer\n---\n\n![Team](./team.png)\n',
    })
    const cacheDir = pathToFileURL(join(root, '.cache/'))
    const { context, stored } = fakeContext(root, async (markdown) => ({
      html: markdown.includes('team.png') ? '<p><img></p>' : '<h2 id="1-scope">1. Scope</h2>',
      metadata: {
        headings: [{ depth: 2, slug: '1-scope', text: '1. Scope' }],
        frontmatter: { handbook: { path: 'SOP.MD' } },
        localImagePaths: markdown.includes('team.png') ? ['./team.png'] : [],
      },
    }))
    await handbookLoader({ contentRoot: root }).load({
      ...context,
      config: { ...context.config, cacheDir },
    })
    expect(stored.get('sop')).toMatchObject({
      deferredRender: true,
      filePath: toDeferredPagePath('sop'),
      data: { title: 'Our SOP' },
    })
    expect(stored.get('sop')!.rendered).toBeUndefined()
    const file = renderedPageFile(renderedPagesFolder(cacheDir), 'sop')
    expect(readRenderedPage(file)).toEqual({
      html: '<h2 id="1-scope">1. Scope</h2>',
      headings: [{ depth: 2, slug: '1-scope', text: '1. Scope' }],
      frontmatter: { handbook: { path: 'SOP.MD' } },
    })
    // Astro resolves a page's images from its stored rendering.
    expect(stored.get('agents/engineer')).toMatchObject({ rendered: { html: '<p><img></p>' } })
    expect(stored.get('agents/engineer')).not.toHaveProperty('deferredRender')
  })
})
