import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { describeBlockingViolations, runAxe } from './helpers/axe.ts'
import { findStartPath, launchBrowser, openPage, themes } from './helpers/browser.ts'
import { keyPages, listBuiltPages } from './helpers/site.ts'

// axe walks every node: on the SOP (~5000 elements) that takes 10–30 s on a busy 2-core machine.
const axeTimeout = 90_000

describe('axe finds no serious or critical accessibility problems', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  for (const keyPage of keyPages) {
    for (const theme of themes) {
      test(
        `${keyPage.name} in the ${theme} theme`,
        async () => {
          const path = keyPage.path ?? (await findStartPath(browser, listBuiltPages()))
          const { page } = await openPage(browser, path, { theme })
          expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)
          const violations = describeBlockingViolations(await runAxe(page))
          expect(violations, `axe on /${path} (${theme})`).toEqual([])
        },
        axeTimeout,
      )
    }
  }
})
