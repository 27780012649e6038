import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startStaticServer } from '../../scripts/serve-dist.ts'
import { buildSite } from '../integration/helpers/build-site.ts'
import { writeLargeKindCorpus } from '../integration/helpers/large-kind-corpus.ts'
import { allImpacts, describeBlockingViolations, runAxe } from './helpers/axe.ts'
import { launchBrowser, saveScreenshot, themes, watchPage, type Theme } from './helpers/browser.ts'

const indexLink = 'nav.sidebar a[href="/_all/design/"]'

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 100): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted), selector)) return
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`)
}

// The sample handbook has only small kinds, so this file builds its own: 40 design documents
// (windowed) and 3 standards (listed in full).
describe('the windowed sidebar of a kind with many documents', () => {
  let browser: Browser
  let folder: string
  let server: Awaited<ReturnType<typeof startStaticServer>> | undefined
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'handbook-sidebar-window-'))
    const content = join(folder, 'content')
    writeLargeKindCorpus(content, { standards: 3, designs: 40, guides: 0 })
    const build = buildSite(join(folder, 'dist'), { HANDBOOK_CONTENT: content })
    if (build.status !== 0) throw new Error(`The corpus did not build:\n${build.output}`)
    server = await startStaticServer({ root: build.outDir, host: '127.0.0.1', port: 0 })
    browser = await launchBrowser()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    rmSync(folder, { recursive: true, force: true })
  })

  async function open(path: string, theme: Theme = 'light', javaScript = true) {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: theme,
      javaScriptEnabled: javaScript,
    })
    await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme)
    const page = await context.newPage()
    const problems = watchPage(page)
    await page.goto(new URL(path, server!.url).href, { waitUntil: 'networkidle' })
    return { context, page, problems }
  }

  test('a design page shows its neighbours, marks itself current and links to the index', async () => {
    const { context, page, problems } = await open('design/design-020/')
    try {
      const group = page.locator('nav.sidebar details', { hasText: 'Design' })
      expect(await group.locator('a').allInnerTexts()).toEqual([
        'All 40 design documents',
        ...Array.from(
          { length: 11 },
          (_, index) => `Design ${String(15 + index).padStart(3, '0')}`,
        ),
      ])
      // The index link stands apart from the documents under it.
      const weight = (link: string) =>
        page.locator(link).evaluate((element) => getComputedStyle(element).fontWeight)
      expect(await weight(indexLink)).toBe('600')
      expect(await weight('nav.sidebar a[href="/design/design-019/"]')).toBe('400')
      const current = page.locator('nav.sidebar a[aria-current="page"]')
      expect(await current.allInnerTexts()).toEqual(['Design 020'])
      expect(await current.isVisible()).toBe(true)
      // The small kind is listed in full.
      expect(
        await page.locator('nav.sidebar details', { hasText: 'Standards' }).locator('a').count(),
      ).toBe(3)
      expect(problems).toEqual([])
      await saveScreenshot(page, 'sidebar-window-light')
    } finally {
      await context.close()
    }
  })

  test('the index link works by keyboard and the index page lists every design', async () => {
    const { context, page, problems } = await open('design/design-020/')
    try {
      await tabTo(page, indexLink)
      await Promise.all([page.waitForURL(/\/_all\/design\/$/), page.keyboard.press('Enter')])
      expect(await page.locator('h1').innerText()).toBe('All 40 design documents')
      const items = page.locator('ol[data-kind-index] > li')
      expect(await items.count()).toBe(40)
      expect(await items.first().locator('a').innerText()).toBe('Design 001')
      expect(await page.locator('nav.sidebar a[aria-current="page"]').allInnerTexts()).toEqual([
        'All 40 design documents',
      ])
      // On to a design, by keyboard too.
      await tabTo(page, 'ol[data-kind-index] a[href="/design/design-033/"]')
      await Promise.all([page.waitForURL(/\/design\/design-033\/$/), page.keyboard.press('Enter')])
      expect(await page.locator('nav.sidebar a[aria-current="page"]').allInnerTexts()).toEqual([
        'Design 033',
      ])
      // Focusing a link makes Astro prefetch its page (Starlight turns prefetch on); pressing
      // Enter at once navigates there and aborts that prefetch, which is no fault.
      expect(problems.filter((problem) => !problem.endsWith('(net::ERR_ABORTED)'))).toEqual([])
    } finally {
      await context.close()
    }
  })

  test.each(themes)('the index page passes axe in the %s theme', async (theme) => {
    const { context, page, problems } = await open('_all/design/', theme)
    try {
      expect(describeBlockingViolations(await runAxe(page), allImpacts)).toEqual([])
      expect(problems).toEqual([])
      await saveScreenshot(page, `kind-index-${theme}`)
    } finally {
      await context.close()
    }
  })

  test('without JavaScript, the window and the index page are all there', async () => {
    const { context, page } = await open('design/design-040/', 'light', false)
    try {
      const group = page.locator('nav.sidebar details', { hasText: 'Design' })
      expect(await group.locator('a').count()).toBe(12)
      expect(await page.locator('nav.sidebar a[aria-current="page"]').innerText()).toBe(
        'Design 040',
      )
      await page.locator(indexLink).click()
      await page.waitForURL(/\/_all\/design\/$/)
      expect(await page.locator('ol[data-kind-index] > li').count()).toBe(40)
    } finally {
      await context.close()
    }
  })
})
