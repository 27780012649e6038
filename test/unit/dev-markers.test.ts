import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import remarkSmartypants from 'remark-smartypants'
import { unified, type PluggableList } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { createDiagnosticCollector } from '../../core/diagnostics/diagnostics.ts'
import { toPageData } from '../../core/page-data.ts'
import { createHandbook } from '../../integration/create-handbook.ts'
import { createMarkdownPlugins } from '../../plugins/index.ts'
import { fixtureHandbookRoot } from '../fixtures/helpers/link-fixtures.ts'

// The marker is tested here through the same plugin list the build uses; the browser test
// (test/e2e/dev-markers.test.ts) proves that `astro dev` switches it on and a build does not.

/** Renders `markdown` as the guide `FIXTURE.md` of a copy of the fixture handbook. */
async function render(markdown: string, markFindings: boolean): Promise<string> {
  const contentRoot = mkdtempSync(join(tmpdir(), 'handbook-dev-markers-'))
  try {
    cpSync(fixtureHandbookRoot, contentRoot, { recursive: true })
    writeFileSync(join(contentRoot, 'FIXTURE.md'), markdown)
    const configPath = join(contentRoot, 'handbook.config.json')
    const config = JSON.parse(readFileSync(configPath, 'utf8'))
    config.documents.push({ kind: 'guide', include: ['FIXTURE.md'] })
    writeFileSync(configPath, JSON.stringify(config))
    const { store } = createHandbook({ contentRoot })
    const plugins = createMarkdownPlugins({
      store,
      collector: createDiagnosticCollector(),
      markFindings: () => markFindings,
    })
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkSmartypants)
      .use(plugins.remarkPlugins as PluggableList)
      .use(remarkRehype)
      .use(rehypeStringify)
    const source = store.get().sources.get('FIXTURE.md')!
    const page = toPageData(source)
    // The build renders the body after one newline (see toRenderInput); so do we.
    const file = new VFile({
      path: page.path,
      value: `\n${source.body}`,
      data: { astro: { frontmatter: { handbook: page } } },
    })
    return String(processor.stringify(await processor.run(processor.parse(file), file), file))
  } finally {
    rmSync(contentRoot, { recursive: true, force: true })
  }
}

/** The marks of a page: the text each holds and the finding it carries. */
function findMarks(html: string): Array<{ text: string; finding: string }> {
  return [
    ...html.matchAll(/<mark class="hb-finding"[^>]*data-finding="([^"]*)"[^>]*>(.*?)<\/mark>/g),
  ].map((match) => ({ text: match[2]!.replace(/<[^>]+>/g, ''), finding: match[1]! }))
}

describe('remarkDevMarkers', () => {
  test('wraps an unresolved reference and an unknown ID where they stand', async () => {
    const html = await render('See §99.9 and CLD-REQ-999, then §5.2.\n', true)
    const marks = findMarks(html)
    expect(marks.map((mark) => mark.text)).toEqual(['§99.9', 'CLD-REQ-999'])
    expect(marks[0]!.finding).toMatch(/^Warning: Unexpected .*handbook:unknown-section\)$/)
    expect(marks[1]!.finding).toMatch(/handbook:unknown-requirement\)$/)
    // Focusable, and described for screen readers by a hidden note with the same words.
    expect(html).toMatch(/<mark class="hb-finding" tabindex="0" aria-describedby="hb-finding-1"/)
    expect(html).toMatch(
      /<div class="hb-findings" hidden data-pagefind-ignore=""><span id="hb-finding-1">Warning:/,
    )
    // The text around the marks is kept as written, and the resolved reference is a link.
    expect(html.replace(/<[^>]+>/g, '').startsWith('See §99.9 and CLD-REQ-999, then §5.2.')).toBe(
      true,
    )
  })

  test('marks two findings in one text node, and one across lines of a list item', async () => {
    const html = await render('- first §98 then §97\n  and on the next line §96.\n', true)
    expect(findMarks(html).map((mark) => mark.text)).toEqual(['§98', '§97', '§96'])
  })

  test('a finding in a heading leaves the heading text, and so its id, unchanged', async () => {
    const html = await render('## Moved to §99.9\n', true)
    expect(findMarks(html).map((mark) => mark.text)).toEqual(['§99.9'])
    expect(html).toMatch(
      /<h2><mark [^>]*>§99\.9<\/mark><\/h2>|<h2>Moved to <mark [^>]*>§99\.9<\/mark><\/h2>/,
    )
  })

  test('marks nothing when switched off (every build but `astro dev`)', async () => {
    const html = await render('See §99.9 and CLD-REQ-999.\n', false)
    expect(html).not.toContain('hb-finding')
  })

  test('information is not marked: a placeholder stays plain text', async () => {
    const html = await render('Fill in §XX later.\n', true)
    expect(html).not.toContain('hb-finding')
  })
})
