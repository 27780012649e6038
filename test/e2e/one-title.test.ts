import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'
import { listBuiltPages } from './helpers/site.ts'

// Starlight renders each page's title as its h1; a document's own `# Title`, or a role guide's
// `# Engineer Agent` under the title "Engineer", must not be a second one.
describe('every page has exactly one h1', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  const pages = listBuiltPages()
  test('the sample build has pages', () => {
    expect(pages.length).toBeGreaterThan(10)
  })

  test.each(pages)('/%s', async (path) => {
    const { page } = await openPage(browser, path)
    const titles = await page.locator('h1').allInnerTexts()
    expect(titles, `h1 elements on /${path}`).toHaveLength(1)
  })

  test('a role guide keeps Starlight’s title, and the anchor of the heading it replaces', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    expect(await page.locator('h1').innerText()).toBe('Engineer')
    expect(
      await page.locator('h1').evaluate((h1) => h1.closest('[data-role-header]') !== null),
    ).toBe(true)
    // `# Engineer Agent` is not shown again, but links to it still land at the top of the guide.
    expect(await page.getByRole('heading', { name: 'Engineer Agent' }).count()).toBe(0)
    expect(await page.locator('#engineer-agent').count()).toBe(1)
    // The guide's own first paragraph is still there.
    expect(await page.locator('.sl-markdown-content').innerText()).toContain(
      'You write production Go code for the Cloudless control plane',
    )
  })
})
