import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'
import { siteUrl } from './helpers/site.ts'

// Defined in content/Requirements.MD and also cited from the SOP, role pages and a design doc
// named after it: the page that defines it must be among the results, not only those citing it.
const requirement = 'CLD-REQ-020'

/** Paths of the pages the result links point to, as they are shown so far. */
function resultPaths(page: Page): Promise<string[]> {
  return page
    .locator('#starlight__search a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))
}

describe('search', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test(`finds the requirements page for ${requirement}`, async () => {
    const { page, problems } = await openPage(browser, 'engineering-sop/')
    const problemsBefore = problems.length
    // Starlight enables the button once its search script has loaded.
    await page.locator('site-search button[data-open-modal]').click()
    await page.getByRole('dialog', { name: 'Search' }).getByPlaceholder('Search').fill(requirement)

    // Results arrive in batches as Pagefind loads index chunks and fragments.
    await expect
      .poll(() => resultPaths(page), { timeout: 10_000 })
      .toContain(new URL(siteUrl('requirements/')).pathname)
    // Pagefind fetches its wasm and index files only now; they must all load, and the search
    // script must not throw. (Other problems on the page are console.test.ts's business.)
    const searchProblems = problems
      .slice(problemsBefore)
      .filter((problem) => problem.includes('/pagefind/') || problem.startsWith('uncaught'))
    expect(searchProblems).toEqual([])
  })
})
