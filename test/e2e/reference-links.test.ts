import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { isInViewport, launchBrowser, openPage } from './helpers/browser.ts'

/** Clicks the link and returns the fragment id it navigated to, decoded. */
async function followLink(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first()
  const href = await link.getAttribute('href')
  expect(href, `${selector} has no href`).toMatch(/#./)
  const target = new URL(href!, page.url())
  await Promise.all([page.waitForURL(target.href), link.click()])
  return decodeURIComponent(new URL(page.url()).hash.slice(1))
}

/**
 * A selector for the first § link in the content that points to this page (`samePage`) or to
 * another one; fails when there is none, as a page without them has lost the feature.
 */
async function pickSectionLink(page: Page, samePage: boolean): Promise<string> {
  const links = page.locator('.sl-markdown-content a.hb-ref--section[data-section]')
  const index = await links.evaluateAll(
    (elements, wanted) =>
      elements.findIndex(
        (element) => ((element as HTMLAnchorElement).pathname === location.pathname) === wanted,
      ),
    samePage,
  )
  expect(index, `no § link to ${samePage ? 'this' : 'another'} page`).toBeGreaterThanOrEqual(0)
  return `.sl-markdown-content a.hb-ref--section[data-section] >> nth=${index}`
}

/** Waits until the element is scrolled into view (Starlight may scroll smoothly). */
async function expectScrolledIntoView(page: Page, id: string): Promise<void> {
  const selector = `[id="${id}"]`
  await expect.poll(() => isInViewport(page, selector), { timeout: 5_000 }).toBe(true)
}

describe('reference links land where they point', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test.each([
    { from: 'engineering-sop/', kind: 'within the SOP', samePage: true },
    { from: 'agents/engineer/', kind: 'from a role page to the SOP', samePage: false },
  ])('a § link $kind lands on its heading, scrolled into view', async ({ from, samePage }) => {
    const { page } = await openPage(browser, from)
    const selector = await pickSectionLink(page, samePage)
    const section = await page.locator(selector).getAttribute('data-section')

    const id = await followLink(page, selector)

    const heading = page.locator(`[id="${id}"]`)
    await expect.poll(() => heading.count(), { timeout: 5_000 }).toBe(1)
    expect(await heading.evaluate((element) => element.tagName)).toMatch(/^H[1-6]$/)
    // The heading the reader lands on carries the section number they clicked.
    expect(await heading.innerText()).toContain(section)
    await expectScrolledIntoView(page, id)
  })

  test('a requirement link lands on the requirement’s definition', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const selector = '.sl-markdown-content a.hb-ref--requirement[data-requirement]'
    expect(await page.locator(selector).count(), 'no requirement links').toBeGreaterThan(0)
    const requirement = await page.locator(selector).first().getAttribute('data-requirement')

    const id = await followLink(page, selector)

    expect(id).toBe(requirement!.toLowerCase())
    const definition = page.locator(`[id="${id}"]`)
    await expect.poll(() => definition.count(), { timeout: 5_000 }).toBe(1)
    expect((await definition.innerText()).trim().startsWith(requirement!)).toBe(true)
    await expectScrolledIntoView(page, id)
  })
})
