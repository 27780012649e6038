import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startStaticServer } from '../../scripts/serve-dist.ts'
import { buildSite } from '../integration/helpers/build-site.ts'
import {
  isInViewport,
  launchBrowser,
  openPage,
  saveScreenshot,
  themes,
  watchPage,
} from './helpers/browser.ts'
import { siteUrl } from './helpers/site.ts'

/** The sidebar's entries, in order. */
function sidebarEntries(page: Page): Promise<string[]> {
  return page.locator('nav.sidebar a').allInnerTexts()
}

describe('the start page and the way back to it', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('“Start here” opens the sidebar on every page and leads to the start page', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    const entries = await sidebarEntries(page)
    expect(entries[0]).toBe('Start here')
    await Promise.all([
      page.waitForURL(siteUrl('')),
      page.locator('nav.sidebar a', { hasText: 'Start here' }).click(),
    ])
    expect(await page.locator('h1').innerText()).toBe('Cloudless Handbook')
  })

  test('the start page names the site once in its title and shows the ways in near the top', async () => {
    const { page } = await openPage(browser, '')
    expect(await page.title()).toBe('Cloudless Handbook')
    const ways = page.locator('.hb-start__ways a')
    expect(await ways.allInnerTexts()).toEqual([
      'Index A–Z',
      'Traceability',
      'How to use this handbook',
    ])
    // Above the role cards, and on the first screen.
    const order = await page.evaluate(() => {
      const ways = document.querySelector('.hb-start__ways')!
      const roles = document.getElementById('i-am-a')!
      return ways.compareDocumentPosition(roles) & Node.DOCUMENT_POSITION_FOLLOWING
    })
    expect(order).toBeTruthy()
    expect(await isInViewport(page, '.hb-start__ways')).toBe(true)
    expect(await page.locator('.hb-start__lead').innerText()).toContain('Start with your role')
  })

  test('role cards speak to people: no instructions for AI tools, titles not underlined', async () => {
    const { page } = await openPage(browser, '')
    const descriptions = await page.locator('.hb-role-card__description').allInnerTexts()
    expect(descriptions).toHaveLength(6)
    for (const text of descriptions) expect(text).not.toMatch(/\bUse (proactively )?when\b|^Use /m)
    expect(descriptions).toContain('Reviews designs before build.')
    const decoration = await page
      .locator('.hb-role-card__title a')
      .first()
      .evaluate((link) => getComputedStyle(link).textDecorationLine)
    expect(decoration).toBe('none')
  })

  describe('on a repository without role guides or requirements', () => {
    let folder: string
    let server: Awaited<ReturnType<typeof startStaticServer>> | undefined
    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'handbook-no-roles-'))
      const build = buildSite(join(folder, 'dist'), {
        HANDBOOK_CONTENT: 'test/fixtures/repositories/no-roles',
      })
      if (build.status !== 0) throw new Error(`The fixture did not build:\n${build.output}`)
      server = await startStaticServer({ root: build.outDir, host: '127.0.0.1', port: 0 })
    }, 180_000)
    afterAll(async () => {
      await server?.close()
      rmSync(folder, { recursive: true, force: true })
    })

    test.each(themes)('the start page offers what there is (%s theme)', async (theme) => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: theme,
      })
      try {
        await context.addInitScript(
          (value) => localStorage.setItem('starlight-theme', value),
          theme,
        )
        const page = await context.newPage()
        const problems = watchPage(page)
        await page.goto(server!.url, { waitUntil: 'networkidle' })
        expect(await page.title()).toBe('Platform Standards')
        const text = await page.locator('main').innerText()
        expect(text).not.toMatch(/your role|I am a|hands work to/i)
        expect(text).not.toMatch(/requirement/i)
        expect(await page.locator('[data-role-card], svg[data-collaboration-map]').count()).toBe(0)
        // No requirements, so no traceability: the index and the readers' guide, and the documents.
        expect(await page.locator('.hb-start__ways a').allInnerTexts()).toEqual([
          'Index A–Z',
          'How to use this handbook',
        ])
        expect(await page.locator('#documents ~ div a').allInnerTexts()).toEqual([
          'Platform Standards',
          'On-call Guide',
        ])
        expect(problems).toEqual([])
        await saveScreenshot(page, `start-no-roles-${theme}`)
        // The start page is a splash page without a sidebar; a document's sidebar leads back.
        await page.goto(new URL('standards/', server!.url).href, { waitUntil: 'networkidle' })
        expect(await sidebarEntries(page)).toEqual([
          'Start here',
          'Platform Standards',
          'On-call Guide',
          'Index A–Z',
          'How to use this handbook',
        ])
      } finally {
        await context.close()
      }
    })
  })
})
