import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Code } from 'mdast'
import type { Browser, Page } from 'playwright-core'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshotFolder } from './helpers/browser.ts'
import { listBuiltPages, siteUrl } from './helpers/site.ts'

// Code blocks as readers see them: every line of the author's fence is there, no frame shows an
// empty title bar, and the halves of a bad/good pair line up with every marked line in view.

/** The sample page whose fences test 1 compares, and its source (the default content folder). */
const sopPath = 'engineering-sop/'
const sopSource = resolve('content', 'ENGINEERING_SOP.md')

/** A width where pairs sit side by side (the CSS switches at 72rem) in Starlight's column. */
const pairViewport = { width: 1400, height: 900 }

/**
 * One line as text to compare: whitespace runs as one space. Expressive Code draws indentation
 * in spans of its own and keeps tabs or turns them into spaces, and wrapped lines break only
 * visually, so only the non-space characters and their order are the author's.
 */
function normalizeLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim()
}

/** The fences of a Markdown file, in document order, as remark (and so the site) reads them. */
function readFences(path: string): Array<{ line: number; lines: string[] }> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(path, 'utf8'))
  const fences: Array<{ line: number; lines: string[] }> = []
  visit(tree, 'code', (node: Code) => {
    fences.push({ line: node.position?.start.line ?? 0, lines: node.value.split(/\r?\n/) })
  })
  return fences
}

/** The text of each line of each code block in the page's Markdown content, in order. */
function readRenderedBlocks(page: Page): Promise<string[][]> {
  return page
    .locator('.sl-markdown-content .expressive-code')
    .evaluateAll((blocks) =>
      blocks.map((block) =>
        [...block.querySelectorAll('.ec-line .code')].map((line) => line.textContent ?? ''),
      ),
    )
}

/** The source lines (not blank) that do not appear, in order, among the rendered lines. */
function findMissingLines(source: readonly string[], rendered: readonly string[]): string[] {
  const shown = rendered.map(normalizeLine)
  const missing: string[] = []
  let next = 0
  for (const line of source.map(normalizeLine).filter(Boolean)) {
    const found = shown.indexOf(line, next)
    if (found === -1) missing.push(line)
    else next = found + 1
  }
  return missing
}

describe('code blocks', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('no code line is missing from any block of ENGINEERING_SOP.md', async () => {
    const fences = readFences(sopSource)
    const { page } = await openPage(browser, sopPath)
    const blocks = await readRenderedBlocks(page)
    expect(blocks.length, 'one rendered block per fence').toBe(fences.length)

    const problems = fences.flatMap((fence, index) =>
      findMissingLines(fence.lines, blocks[index] ?? []).map(
        (line) => `fence at line ${fence.line}: missing "${line}"`,
      ),
    )
    expect(problems).toEqual([])
  })

  test('no frame on any page shows an empty title bar', { timeout: 120_000 }, async () => {
    const pages = listBuiltPages()
    expect(pages.length).toBeGreaterThan(0)
    const { page } = await openPage(browser, pages[0] ?? '')
    const problems: string[] = []
    let frames = 0
    for (const path of pages) {
      if (path !== pages[0]) await page.goto(siteUrl(path))
      frames += await page.locator('figure.frame').count()
      const empty = await page.locator('figure.frame').evaluateAll((frames) =>
        frames
          .filter((frame) => {
            const header = frame.querySelector(':scope > figcaption.header')
            if (!header || getComputedStyle(header).display === 'none') return false
            if (header.getBoundingClientRect().height === 0) return false
            return (header.querySelector('.title')?.textContent ?? '').trim() === ''
          })
          .map((frame) => (frame.querySelector('.ec-line')?.textContent ?? '').trim().slice(0, 60)),
      )
      problems.push(...empty.map((firstLine) => `/${path}: block starting "${firstLine}"`))
    }
    expect(frames, 'the site shows code blocks').toBeGreaterThan(50)
    expect(problems).toEqual([])
  })

  test('the halves of each pair are top-aligned and no marked line is cut off at 1400 px', async () => {
    const { page } = await openPage(browser, sopPath)
    await page.setViewportSize(pairViewport)
    const pairs = page.locator('.sl-markdown-content .hb-sample-pair')
    expect(await pairs.count(), 'the SOP shows bad/good pairs').toBeGreaterThan(0)

    const problems = await pairs.evaluateAll((elements) =>
      elements.flatMap((pair, pairIndex) => {
        const name = `pair ${pairIndex + 1} ("${(pair.querySelector('.ec-line')?.textContent ?? '').trim().slice(0, 40)}")`
        const halves = [...pair.querySelectorAll<HTMLElement>(':scope > .hb-sample')]
        if (halves.length !== 2) return [`${name}: ${halves.length} halves`]
        const found: string[] = []
        const [first, second] = halves.map((half) => ({
          half: half.getBoundingClientRect(),
          code: half.querySelector('pre')?.getBoundingClientRect(),
        }))
        if (!first || !second || !first.code || !second.code) return [`${name}: a half has no code`]
        if (first.half.left === second.half.left) found.push(`${name}: halves are stacked`)
        if (Math.abs(first.half.top - second.half.top) > 1) {
          found.push(`${name}: halves start at ${first.half.top} and ${second.half.top}`)
        }
        if (Math.abs(first.code.top - second.code.top) > 1) {
          found.push(`${name}: code starts at ${first.code.top} and ${second.code.top}`)
        }
        // A marked (labelled) line must end inside the visible part of its scroll container.
        for (const pre of pair.querySelectorAll('pre')) {
          const visibleRight = pre.getBoundingClientRect().left + pre.clientLeft + pre.clientWidth
          for (const line of pre.querySelectorAll('.ec-line.highlight .code')) {
            const range = document.createRange()
            range.selectNodeContents(line)
            const text = range.getBoundingClientRect()
            if (text.width > 0 && text.right > visibleRight + 1) {
              const words = (line.textContent ?? '').trim().slice(0, 50)
              found.push(
                `${name}: "${words}" is cut off ${Math.round(text.right - visibleRight)}px`,
              )
            }
          }
        }
        return found
      }),
    )
    const wrapping = pairs.filter({ hasText: 'original error preserved with %w' }).first()
    await wrapping.scrollIntoViewIfNeeded()
    await wrapping.screenshot({ path: join(screenshotFolder, 'code-samples-pair-1400.png') })
    expect(problems).toEqual([])
  })
})
