import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, screenshotFolder } from './helpers/browser.ts'
import { startDevServer, type DevServer } from './helpers/dev-server.ts'
import { distFolder, listBuiltPages } from './helpers/site.ts'

// A tiny repository with one reference that resolves nowhere (`§9.4`) and one whose words name
// another section's title (`| §2.1 | Retries |`). The test starts a real `astro dev` on it:
// that is what proves the marker follows Astro's command, which a plugin test cannot. The
// plugin's own cases are in test/unit/dev-markers.test.ts.
const repository = 'test/fixtures/repositories/no-roles'
/** The dev server renders and bundles a page on first request: slower than a static file. */
const devTimeout = 90_000

describe('findings are marked where they stand in `npm run dev`, never in a build', () => {
  let browser: Browser
  let server: DevServer | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
    server = await startDevServer(repository)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    await browser?.close()
  })

  test(
    'an unresolved and a stale reference carry a wavy mark with the finding',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      try {
        const page = await context.newPage()
        await page.goto(new URL('docs/on-call/', server!.url).href, { waitUntil: 'load' })
        const marks = page.locator('.sl-markdown-content mark.hb-finding')
        await expect.poll(() => marks.count(), { timeout: 30_000 }).toBe(2)
        expect(await marks.allInnerTexts()).toEqual(['§9.4', '§2.1'])
        const unresolved = marks.first()
        expect(await unresolved.getAttribute('data-finding')).toMatch(
          /^Warning: Unexpected `§9\.4`.*\(handbook:unknown-section\)$/,
        )
        expect(await marks.nth(1).getAttribute('data-finding')).toMatch(/stale-section-title/)
        // The stale one stays a link, inside the mark.
        expect(await marks.nth(1).locator('a.hb-ref').count()).toBe(1)
        // Drawn as a spell checker draws it.
        expect(
          await unresolved.evaluate((element) => getComputedStyle(element).textDecorationStyle),
        ).toBe('wavy')

        // Keyboard: the mark takes focus and then shows the finding's words; a screen reader
        // hears them as its description.
        await unresolved.focus()
        expect(await unresolved.evaluate((element) => element === document.activeElement)).toBe(
          true,
        )
        const shown = await unresolved.evaluate(
          (element) => getComputedStyle(element, '::after').display,
        )
        expect(shown).toBe('block')
        const described = await unresolved.getAttribute('aria-describedby')
        expect(await page.locator(`#${described}`).textContent()).toMatch(/Unexpected `§9\.4`/)
        await page.screenshot({ path: join(screenshotFolder, 'dev-marker-light.png') })
      } finally {
        await context.close()
      }
    },
    devTimeout,
  )

  test(
    'the search dialog says once, clearly, that full-text search needs a build',
    async () => {
      const context = await browser.newContext()
      try {
        const page = await context.newPage()
        await page.goto(new URL('standards/', server!.url).href, { waitUntil: 'load' })
        const open = page.locator('site-search button[data-open-modal]')
        await expect.poll(() => open.isEnabled(), { timeout: 30_000 }).toBe(true)
        await open.click()
        await page.getByRole('dialog', { name: 'Search' }).getByPlaceholder('Search').fill('errors')
        const dialog = page.locator('site-search dialog')
        await expect
          .poll(() => dialog.innerText(), { timeout: 10_000 })
          .toMatch(/needs a built site/)
        const text = await dialog.innerText()
        expect(text.match(/built site|production build|build/gi)?.length ?? 0).toBeLessThanOrEqual(
          2,
        )
        expect(text).not.toMatch(/only available in production builds/)
        expect(text).not.toMatch(/full-text search is available/)
      } finally {
        await context.close()
      }
    },
    devTimeout,
  )

  test('the dev server prints the same report as npm run check', async () => {
    const { runCheck } = await import('../../check/run-check.ts')
    const expected = (await runCheck({ contentRoot: repository })).summary
    await expect
      .poll(() => server!.output().replace(/\u001b\[[0-9;]*m/g, ''), { timeout: 60_000 })
      .toContain(`${expected}.`)
    const output = server!.output()
    expect(output).toContain('handbook:unknown-section')
    expect(output).toContain('docs/on-call.md')
  }, 90_000)

  test('the production build has no marks, although its content has findings', () => {
    const pages = listBuiltPages()
    expect(pages.length).toBeGreaterThan(0)
    const marked = pages.filter((path) => {
      const file = join(
        distFolder(),
        path === '' || path.endsWith('/') ? `${path}index.html` : path,
      )
      const html = readFileSync(file, 'utf8')
      return /class="hb-finding"|class="hb-findings"/.test(html)
    })
    expect(marked).toEqual([])
  })
})
