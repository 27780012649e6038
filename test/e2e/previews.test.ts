import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { describeBlockingViolations, runAxe } from './helpers/axe.ts'
import { launchBrowser, openPage, themes } from './helpers/browser.ts'

// The engineer's guide (content/.agents/engineer.md) cites SOP sections and requirements.
const sectionLink = '.sl-markdown-content a.hb-ref--section[data-preview]'
const requirementLink = '.sl-markdown-content a.hb-ref--requirement[data-preview]'

/** The shared preview element, found by its role the way assistive technology finds it. */
const tooltip = (page: Page) => page.getByRole('tooltip')

/** Whether two elements' boxes overlap on screen. */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()]
  if (!boxA || !boxB) throw new Error('an element has no box')
  return (
    boxA.x < boxB.x + boxB.width &&
    boxB.x < boxA.x + boxA.width &&
    boxA.y < boxB.y + boxB.height &&
    boxB.y < boxA.y + boxA.height
  )
}

/** Presses Tab until a preview link has focus; returns it. */
async function tabToPreviewLink(page: Page): Promise<Locator> {
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab')
    const found = await page.evaluate(() => document.activeElement?.matches('a[data-preview]'))
    if (found) return page.locator('a[data-preview]:focus')
  }
  throw new Error('Tab never reached a link with a preview')
}

describe('link previews', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('hovering a section link shows its number, title and first paragraph beside it', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const link = page.locator(sectionLink).first()
    const title = (await link.getAttribute('title'))!
    // `§3 Go Code Style — ENGINEERING_SOP.md`: the number and title the preview must show.
    const [, number, heading] = /^(§\S+) (.+) — /.exec(title)!
    await link.hover()
    await expect.poll(() => tooltip(page).isVisible()).toBe(true)

    const shown = await tooltip(page).textContent()
    expect(shown).toContain(number)
    expect(shown).toContain(heading)
    expect(shown).toContain('ENGINEERING_SOP.md')
    expect(
      (await tooltip(page).locator('.hb-preview__text').textContent())!.length,
    ).toBeGreaterThan(40)
    expect(await overlaps(tooltip(page), link)).toBe(false)

    // Exposed to assistive technology, and no second (native) tooltip while it shows.
    const tooltipId = await tooltip(page).getAttribute('id')
    expect(await link.getAttribute('aria-describedby')).toBe(tooltipId)
    expect(await link.getAttribute('title')).toBeNull()
    expect(await link.getAttribute('data-hb-title')).toBe(title)

    await page.mouse.move(5, 5)
    await expect.poll(() => tooltip(page).isVisible()).toBe(false)
    expect(await link.getAttribute('title')).toBe(title)
    expect(await link.getAttribute('aria-describedby')).toBeNull()
  })

  test('a requirement link previews the requirement’s text', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const link = page.locator(requirementLink).first()
    const id = (await link.getAttribute('data-requirement'))!
    const title = (await link.getAttribute('title'))!
    await link.hover()
    await expect.poll(() => tooltip(page).isVisible()).toBe(true)
    expect(await tooltip(page).locator('.hb-preview__label').textContent()).toBe(id)
    // The link's title is `CLD-REQ-020: <text>`; the preview shows that text.
    expect(await tooltip(page).locator('.hb-preview__text').textContent()).toBe(
      title.slice(`${id}: `.length),
    )
  })

  test('Tab focus opens the preview and Escape closes it', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const link = await tabToPreviewLink(page)
    await expect.poll(() => tooltip(page).isVisible()).toBe(true)
    expect(await link.getAttribute('aria-describedby')).toBe(await tooltip(page).getAttribute('id'))
    expect(await overlaps(tooltip(page), link)).toBe(false)

    await page.keyboard.press('Escape')
    await expect.poll(() => tooltip(page).isVisible()).toBe(false)
    // Focus stays on the link, which has its title back.
    expect(await page.evaluate(() => document.activeElement?.matches('a[data-preview]'))).toBe(true)
    expect(await link.getAttribute('title')).not.toBeNull()
  })

  test('a preview near the bottom of the window opens above the link', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const link = page.locator(sectionLink).last()
    await link.evaluate((element) => {
      const box = element.getBoundingClientRect()
      window.scrollBy(0, box.bottom - window.innerHeight + 4)
    })
    await link.hover()
    await expect.poll(() => tooltip(page).isVisible()).toBe(true)
    const [tip, anchor] = [await tooltip(page).boundingBox(), await link.boundingBox()]
    expect(tip!.y + tip!.height).toBeLessThanOrEqual(anchor!.y)
  })

  test('markup in the previewed text is shown as text, never run', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const link = page.locator(sectionLink).first()
    // As if a heading and its paragraph contained markup: the data holds it as plain text.
    await link.evaluate((element) => {
      const data = document.getElementById((element as HTMLElement).dataset['preview']!)!
      data.dataset['title'] = '<img src=x onerror="window.injected=1"> Title'
      data.dataset['text'] = '<b>bold</b> & <script>window.injected=1</script>'
    })
    await link.hover()
    await expect.poll(() => tooltip(page).isVisible()).toBe(true)
    expect(await tooltip(page).locator('img, b, script').count()).toBe(0)
    expect(await tooltip(page).locator('.hb-preview__text').textContent()).toBe(
      '<b>bold</b> & <script>window.injected=1</script>',
    )
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined()
  })

  test.each(themes)(
    'an open preview has no serious accessibility problems (%s theme)',
    async (theme) => {
      const { page } = await openPage(browser, 'agents/engineer/', { theme })
      await page.locator(sectionLink).first().hover()
      await expect.poll(() => tooltip(page).isVisible()).toBe(true)
      // Only findings on the preview itself: the rest of the page is other tests' business.
      const violations = (await runAxe(page))
        .map((violation) => ({
          ...violation,
          nodes: violation.nodes.filter((node) => node.target.join(' ').includes('hb-preview')),
        }))
        .filter((violation) => violation.nodes.length > 0)
      expect(describeBlockingViolations(violations)).toEqual([])
    },
  )

  test('without JavaScript the title attribute still describes the link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      const { page: reference } = await openPage(browser, 'agents/engineer/')
      await page.goto(reference.url())
      const link = page.locator(sectionLink).first()
      expect(await link.getAttribute('title')).toMatch(/^§\S+ .+ — ENGINEERING_SOP\.md$/)
      expect(await tooltip(page).count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
