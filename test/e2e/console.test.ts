import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'
import { listBuiltPages } from './helpers/site.ts'

// Every built page, not only the ones the sidebar links to.
const pages = listBuiltPages()

describe('every page loads cleanly', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('the site has pages', () => {
    // Guards the test.each below: with an empty dist/ it would pass by testing nothing.
    expect(pages.length).toBeGreaterThan(1)
  })

  test.each(pages)('/%s: no console errors, uncaught errors or failed requests', async (path) => {
    const { page, problems } = await openPage(browser, path)
    // Starlight's own scripts (search, TOC, theme) run on load; give late errors a moment.
    await page.waitForTimeout(200)
    expect(problems).toEqual([])
  })
})
