import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'

/** What a sighted keyboard user sees of the focused element. */
interface FocusState {
  selector: string
  inMain: boolean
  matches: boolean
  outline: string
  boxShadow: string
}

/** Describes the focused element; `matches` says whether it matches `selector`. */
function readFocus(page: Page, selector: string): Promise<FocusState> {
  return page.evaluate((wanted) => {
    const element = document.activeElement
    if (!element || element === document.body) {
      return { selector: 'body', inMain: false, matches: false, outline: '', boxShadow: '' }
    }
    const style = getComputedStyle(element)
    const classes = [...element.classList].map((name) => `.${name}`).join('')
    return {
      selector: `${element.tagName.toLowerCase()}${classes}`,
      inMain: element.closest('main') !== null,
      matches: element.matches(wanted),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
    }
  }, selector)
}

/** Presses Tab until an element matching `selector` has focus; returns its state. */
async function tabTo(page: Page, selector: string, limit = 150): Promise<FocusState> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab')
    const focus = await readFocus(page, selector)
    if (focus.matches) return focus
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`)
}

/** Whether focus is drawn: an outline of some width, or a box shadow, as Starlight uses. */
function hasVisibleFocus(focus: FocusState): boolean {
  const outlineShown = !focus.outline.startsWith('none') && !/ 0px$/.test(focus.outline)
  return outlineShown || (focus.boxShadow !== '' && focus.boxShadow !== 'none')
}

describe('keyboard navigation', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('the first Tab reaches the skip link, which takes the next Tab into the content', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await page.keyboard.press('Tab')
    const first = await readFocus(page, 'a.sl-skip-link')
    expect(first.matches, `the first Tab stop is ${first.selector}, not the skip link`).toBe(true)
    expect(await page.locator('a.sl-skip-link').isVisible()).toBe(true)

    await page.keyboard.press('Enter')
    await page.waitForURL(/#_top$/)
    await page.keyboard.press('Tab')
    const next = await readFocus(page, 'main *')
    expect(next.inMain, `after the skip link, Tab went to ${next.selector}`).toBe(true)
  })

  test('cross-reference links in the content take focus and show it', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const focus = await tabTo(page, '.sl-markdown-content a.hb-ref')
    expect(focus.inMain).toBe(true)
    expect(
      hasVisibleFocus(focus),
      `focus on ${focus.selector} is invisible: ${focus.outline}`,
    ).toBe(true)
  })

  test('Ctrl+K opens the search dialog and Escape closes it', async () => {
    const { page } = await openPage(browser, 'requirements/')
    const dialog = page.locator('site-search dialog')
    // The shortcut works once Starlight's search script has enabled the button.
    await page.locator('site-search button[data-open-modal]:not([disabled])').waitFor()
    await page.keyboard.press('Control+k')
    await expect
      .poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open), {
        timeout: 5_000,
      })
      .toBe(true)
    const typing = await page.evaluate(() => document.activeElement?.tagName)
    expect(typing, 'focus after opening search').toBe('INPUT')

    await page.keyboard.press('Escape')
    await expect
      .poll(() => dialog.evaluate((element: HTMLDialogElement) => element.open), {
        timeout: 5_000,
      })
      .toBe(false)
  })
})
