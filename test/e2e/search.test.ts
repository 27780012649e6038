import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, screenshotFolder } from './helpers/browser.ts'
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

  test('results say each thing once: no excerpt repeats its title or another excerpt', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await page.locator('site-search button[data-open-modal]').click()
    await page
      .getByRole('dialog', { name: 'Search' })
      .getByPlaceholder('Search')
      .fill('channel discipline')
    await expect
      .poll(() => page.locator('.hb-result__section').count(), { timeout: 10_000 })
      .toBeGreaterThan(0)
    await page.screenshot({ path: `${screenshotFolder}/search-results-light.png` })

    const results = await page.locator('.hb-result').evaluateAll((items) =>
      items.map((item) => ({
        page: item.querySelector(':scope > .hb-result__excerpt')?.textContent ?? '',
        sections: [...item.querySelectorAll('.hb-result__sections > li')].map((entry) => ({
          title: entry.querySelector('.hb-result__section')?.textContent ?? '',
          excerpt: entry.querySelector('.hb-result__excerpt')?.textContent ?? '',
        })),
      })),
    )
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
    const problems: string[] = []
    for (const result of results) {
      for (const section of result.sections) {
        const title = words(section.title).join(' ')
        if (title && words(section.excerpt).join(' ').startsWith(title))
          problems.push(`"${section.excerpt}" repeats its title "${section.title}"`)
        if (result.page && result.page === section.excerpt)
          problems.push(`the page excerpt repeats the section's: "${section.excerpt}"`)
      }
    }
    expect(problems).toEqual([])
    // The section that matches is still explained by its own words.
    const discipline = results
      .flatMap((result) => result.sections)
      .find((section) => /Channel Discipline/.test(section.title))
    expect(discipline?.excerpt).toMatch(/^Channels are for handing over ownership/)
  })

  test('the filters are Starlight-style selects, not bare browser controls', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await page.locator('site-search button[data-open-modal]').click()
    const select = page.locator('select[data-filter="kind"]')
    await expect.poll(() => select.isVisible(), { timeout: 10_000 }).toBe(true)
    const style = await select.evaluate((element) => {
      const computed = getComputedStyle(element)
      return { appearance: computed.appearance, radius: computed.borderTopLeftRadius }
    })
    expect(style.appearance).toBe('none')
    expect(style.radius).not.toBe('0px')
    // The caret is Starlight's own icon, drawn beside the select.
    expect(await page.locator('label.hb-search__filter svg').first().isVisible()).toBe(true)
  })
})
