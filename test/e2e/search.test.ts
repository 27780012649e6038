import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'
import { siteUrl } from './helpers/site.ts'

// Defined in content/Requirements.MD and cited from the SOP, roles and a design doc, so the
// requirements page has to win against pages that only mention it.
const requirement = 'CLD-REQ-020'

describe('search', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test(`finds the requirements page for ${requirement}`, async () => {
    const { page, problems } = await openPage(browser, 'engineering-sop/')
    // Starlight enables the button once its search script has loaded.
    await page.locator('site-search button[data-open-modal]').click()
    await page.getByRole('dialog', { name: 'Search' }).getByPlaceholder('Search').fill(requirement)

    const results = page.locator('#starlight__search a[href]')
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const pages = (await results.evaluateAll((links) => links.map((link) => link.href))).map(
      (href) => new URL(href).pathname,
    )
    expect(pages).toContain(new URL(siteUrl('requirements/')).pathname)
    // Pagefind fetches its wasm and index files only now; they must all load.
    expect(problems).toEqual([])
  })
})
