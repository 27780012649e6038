import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
// The function Astro's content layer splits `renderMarkdown`'s input with.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter'
import { describe, expect, test } from 'vitest'
import { toRenderInput } from '../../core/page-data.ts'
import {
  createDeferredPages,
  toDeferredPagePath,
  toRenderedPageUrl,
  type MarkdownSettings,
} from '../../integration/deferred-pages.ts'
import { createIndexStore } from '../../io/index-store.ts'
import {
  clearRenderedPages,
  readRenderedPage,
  renderedPageFile,
  renderedPagesFolder,
  writeRenderedPage,
} from '../../integration/rendered-pages.ts'

function writeRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-deferred-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

/** Astro's markdown settings with a renderer that records what it is asked to render. */
function recordingSettings() {
  const calls: { content: string; frontmatter: unknown; fileURL: URL | undefined }[] = []
  const settings = {
    image: {},
    markdown: {
      processor: {
        createRenderer: async () => ({
          render: async (
            content: string,
            options: { frontmatter?: Record<string, unknown>; fileURL?: URL } = {},
          ) => {
            calls.push({ content, frontmatter: options.frontmatter, fileURL: options.fileURL })
            return {
              code: '<p>rendered `${x}`</p>',
              metadata: {
                headings: [{ depth: 2, slug: 'scope', text: 'Scope' }],
                localImagePaths: [],
                remoteImagePaths: [],
                frontmatter: options.frontmatter ?? {},
              },
            }
          },
        }),
      },
    },
  } as unknown as MarkdownSettings
  return { settings, calls }
}

const root = writeRepository({
  'handbook.config.json': JSON.stringify({
    documents: [
      { kind: 'sop', include: ['SOP.MD'] },
      { kind: 'role', include: ['.agents/*.md'] },
    ],
  }),
  'SOP.MD': '# Our SOP\n\n## 1. Scope\n\nText.\n',
  '.agents/engineer.md': '---\nname: engineer\n---\n\nBody\n',
})

/** What the resolve and load hooks answer for a deferred entry's path. */
async function loadPage(pages: ReturnType<typeof createDeferredPages>, route: string) {
  const { resolveId, load } = pages.plugin as unknown as {
    resolveId: (id: string) => string | undefined
    load: (id: string) => Promise<string | undefined>
  }
  // Astro resolves the entry's `filePath` against the site root and adds a query.
  const id = resolveId(`/site/${toDeferredPagePath(route)}?astroContentRender`)
  expect(id).toBeDefined()
  // The entry's module imports the page's HTML when it runs, by a specifier Vite cannot follow.
  const entry = await load(id!)
  expect(entry).toContain(`const url = ${JSON.stringify(toRenderedPageUrl(route))}`)
  expect(entry).toContain('await import(/* @vite-ignore */ url)')
  expect(entry).toContain('export default page.Content')
  const htmlId = resolveId(toRenderedPageUrl(route))
  expect(htmlId).toBeDefined()
  expect(htmlId).not.toBe(id)
  return load(htmlId!)
}

describe('createDeferredPages', () => {
  test('renders a page as renderMarkdown(toRenderInput(source)) renders it', async () => {
    const store = createIndexStore(root)
    const pages = createDeferredPages(store)
    const { settings, calls } = recordingSettings()
    pages.configure(settings)
    const code = await loadPage(pages, 'sop')
    const source = store.get().sources.get('SOP.MD')!
    const expected = parseFrontmatter(toRenderInput(source))
    expect(calls).toEqual([
      {
        content: expected.content,
        frontmatter: expected.frontmatter,
        fileURL: pathToFileURL(join(root, 'SOP.MD')),
      },
    ])
    // The module Astro's render(entry) reads: the HTML as it came, headings and frontmatter.
    expect(code).toContain(JSON.stringify('<p>rendered `${x}`</p>'))
    expect(code).toContain('"slug":"scope"')
    expect(code).toContain('export const Content')
    expect(code).toContain(`export const frontmatter = ${JSON.stringify(expected.frontmatter)}`)
  })

  test('answers only for deferred page paths, and for dot-folder routes', async () => {
    const store = createIndexStore(root)
    const pages = createDeferredPages(store)
    pages.configure(recordingSettings().settings)
    const { resolveId } = pages.plugin as unknown as { resolveId: (id: string) => unknown }
    expect(resolveId('/site/src/pages/index.astro')).toBeUndefined()
    expect(resolveId('/site/SOP.MD')).toBeUndefined()
    expect(await loadPage(pages, 'agents/engineer')).toContain('export default Content')
  })

  test('transforming an entry renders nothing; its HTML module renders the page once', async () => {
    const store = createIndexStore(root)
    const pages = createDeferredPages(store)
    const { settings, calls } = recordingSettings()
    pages.configure(settings)
    const { resolveId, load } = pages.plugin as unknown as {
      resolveId: (id: string) => string
      load: (id: string) => Promise<string | undefined>
    }
    // Astro's dev server transforms every entry the content layer lists when it collects styles.
    await load(resolveId(`/site/${toDeferredPagePath('sop')}?astroContentRender`))
    await load(resolveId(`/site/${toDeferredPagePath('agents/engineer')}?astroContentRender`))
    expect(calls).toHaveLength(0)
    await load(resolveId(toRenderedPageUrl('sop')))
    expect(calls).toHaveLength(1)
  })

  test('a route no document has is an error naming it', async () => {
    const pages = createDeferredPages(createIndexStore(root))
    pages.configure(recordingSettings().settings)
    await expect(loadPage(pages, 'gone')).rejects.toThrow('`/gone/`')
  })

  test('in a build, a page’s module reads the HTML the loader wrote, and renders nothing', async () => {
    const store = createIndexStore(root)
    const pages = createDeferredPages(store)
    const { settings, calls } = recordingSettings()
    const cacheDir = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'handbook-pages-')), '/'))
    pages.configure({ ...settings, cacheDir }, 'read')
    const folder = renderedPagesFolder(cacheDir)
    clearRenderedPages(folder)
    const page = {
      html: '<p>line one\nline `${two}`</p>',
      headings: [{ depth: 2, slug: 'scope', text: 'Scope' }],
      frontmatter: { handbook: { path: 'SOP.MD' } },
    }
    await writeRenderedPage(folder, 'sop', page)
    const { resolveId, load } = pages.plugin as unknown as {
      resolveId: (id: string) => string
      load: (id: string) => Promise<string>
    }
    const code = await load(resolveId(`/site/${toDeferredPagePath('sop')}?astroContentRender`))
    expect(calls).toHaveLength(0)
    expect(code).toContain(JSON.stringify(renderedPageFile(folder, 'sop')))
    // Run the module's reading lines as the page does, on the file the loader wrote, with the
    // reader it imports.
    expect(code).toContain(
      `import { readRenderedPage } from ${JSON.stringify(join(import.meta.dirname, '../../integration/rendered-pages.ts'))}`,
    )
    const body = code
      .split('\n')
      .filter((line) => line.startsWith('const '))
      .join('\n')
    const read = new Function('readRenderedPage', `${body}\nreturn page`)(readRenderedPage)
    expect(read).toEqual(page)
  })
})
