import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  findStartPath,
  launchBrowser,
  openPage,
  saveScreenshot,
  themes,
} from './helpers/browser.ts'
import { relativeLuminance, type Rgba } from './helpers/contrast.ts'
import { keyPages, listBuiltPages } from './helpers/site.ts'

// Screenshots land in test-results/screenshots/<page>-<theme>.png for a person to look at;
// the assertions only check what would make them pointless: the wrong theme, or no page.
// A 4000 px capture of the SOP takes 10–20 s on a busy 2-core machine.
const screenshotTimeout = 60_000

describe('key pages render in both themes', () => {
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
          await saveScreenshot(page, `${keyPage.name}-${theme}`)

          expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)
          expect(await page.locator('h1').first().isVisible(), 'the page title').toBe(true)
          const background = await page.evaluate(() => {
            const [red, green, blue] = (
              getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? []
            ).map(Number)
            return [red ?? 0, green ?? 0, blue ?? 0, 1] as const
          })
          const luminance = relativeLuminance(background as Rgba)
          if (theme === 'dark') expect(luminance, 'dark page background').toBeLessThan(0.1)
          else expect(luminance, 'light page background').toBeGreaterThan(0.8)
        },
        screenshotTimeout,
      )
    }
  }
})
