import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { allImpacts, describeBlockingViolations, runAxe } from './helpers/axe.ts'
import { launchBrowser, openPage, themes } from './helpers/browser.ts'
import { listBuiltPages } from './helpers/site.ts'

// axe walks every node: on the SOP (~5000 elements) that takes 10–30 s on a busy 2-core machine.
const axeTimeout = 90_000

// Every page of the build, read from dist/ (not only the ones a reader meets first): a problem in
// a generated page or an unusual document shows up here.
describe('axe finds no accessibility violation on any page, in either theme', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  const pages = listBuiltPages()
  test('the build has pages', () => {
    expect(pages.length).toBeGreaterThan(0)
  })

  for (const path of pages) {
    for (const theme of themes) {
      test(
        `/${path} in the ${theme} theme`,
        async () => {
          const { page } = await openPage(browser, path, { theme })
          expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)
          const violations = describeBlockingViolations(await runAxe(page), allImpacts)
          expect(violations, `axe on /${path} (${theme})`).toEqual([])
        },
        axeTimeout,
      )
    }
  }
})
