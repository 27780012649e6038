import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, saveScreenshot, themes } from './helpers/browser.ts'
import { siteUrl } from './helpers/site.ts'

/** A phone's width in CSS pixels (an iPhone 12–15). */
const phone = { width: 390, height: 844 }

/** How far the page scrolls sideways: 0 when everything fits the window. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}

/** IDs of the requirement entries a reader can see. */
function visibleRequirements(page: Page): Promise<string[]> {
  return page
    .locator('.hb-trace__item:visible')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.requirement ?? ''))
}

describe('traceability reads well with many requirements', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test.each(themes)('at 390 px (%s theme) the page does not scroll sideways', async (theme) => {
    const context = await browser.newContext({ viewport: phone, colorScheme: theme })
    try {
      await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme)
      const page = await context.newPage()
      await page.goto(siteUrl('traceability/'), { waitUntil: 'networkidle' })
      expect(await horizontalOverflow(page)).toBe(0)
      // Open every disclosure: the lists of citing documents must fit too.
      await page.locator('details.hb-trace__cited').evaluateAll((all) => {
        for (const details of all) (details as HTMLDetailsElement).open = true
      })
      expect(await horizontalOverflow(page)).toBe(0)
      // The requirement's text comes first, at a readable width.
      const first = page.locator('.hb-trace__item').first()
      const text = await first.locator('.hb-trace__text').boundingBox()
      expect(text!.width).toBeGreaterThan(phone.width * 0.7)
      await page.evaluate(() => window.scrollTo(0, 0))
      await saveScreenshot(page, `traceability-390-${theme}`)
    } finally {
      await context.close()
    }
  })

  test('each requirement shows its text, then what implements it and a count of citations', async () => {
    const { page } = await openPage(browser, 'traceability/')
    const item = page.locator('.hb-trace__item[data-requirement="CLD-REQ-020"]')
    expect(await item.locator('.hb-trace__text').innerText()).toMatch(
      /^CLD-REQ-020\s+The control plane shall maintain a node registry/,
    )
    expect(await item.locator('.hb-trace__implemented').innerText()).toContain('Implemented by')
    const cited = item.locator('details.hb-trace__cited')
    // Collapsed to counts by document; the full list is one click away.
    expect(await cited.getAttribute('open')).toBeNull()
    expect(await cited.locator('summary').innerText()).toMatch(/^Cited \d+× in \d+ documents$/)
    expect(await cited.locator('ul a').first().isVisible()).toBe(false)
    await cited.locator('summary').click()
    expect(await cited.locator('ul a').first().isVisible()).toBe(true)
  })

  test('filters show only the requirements nothing cites or implements, without script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await page.goto(siteUrl('traceability/'))
      const all = await visibleRequirements(page)
      expect(all.length).toBeGreaterThan(40)

      for (const [label, flag] of [
        ['Not cited', 'not-cited'],
        ['Not implemented', 'not-implemented'],
      ] as const) {
        const link = page.locator('.hb-trace__filters a', { hasText: label })
        const count = Number(await link.locator('.hb-trace__count').innerText())
        await link.click()
        const shown = await visibleRequirements(page)
        expect(shown, label).toHaveLength(count)
        expect(shown.length).toBeLessThan(all.length)
        const flags = await page
          .locator('.hb-trace__item:visible')
          .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.flags ?? ''))
        expect(flags.every((value) => value.split(' ').includes(flag))).toBe(true)
      }

      await page.locator('.hb-trace__filters a', { hasText: 'All' }).click()
      expect(await visibleRequirements(page)).toEqual(all)
      await page.locator('.hb-trace__filters a', { hasText: 'Undefined' }).click()
      expect(new URL(page.url()).hash).toBe('#undefined')
      expect(await page.locator('.hb-undefined [data-requirement="CLD-REQ-099"]').count()).toBe(1)
    } finally {
      await context.close()
    }
  })

  test('definitions on the requirements page carry the same compact backlinks', async () => {
    const { page } = await openPage(browser, 'requirements/')
    const backlinks = page.locator('[data-backlinks-for="CLD-REQ-020"]')
    expect(await backlinks.innerText()).toMatch(/Implemented by .*·\s*Cited \d+× in \d+ documents/s)
    const details = backlinks.locator('details')
    expect(await details.getAttribute('open')).toBeNull()
    await details.locator('summary').click()
    const links = await details.locator('ul li').allInnerTexts()
    expect(links.length).toBeGreaterThan(1)
    expect(links.some((line) => /^Cloudless Engineering SOP: §/.test(line))).toBe(true)
  })
})
