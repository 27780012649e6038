import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { onTestFinished } from 'vitest'
import { siteUrl } from './site.ts'

/** Starlight's two colour themes. */
export type Theme = 'light' | 'dark'

/** Both themes, in the order the tests and screenshots go through them. */
export const themes: readonly Theme[] = ['light', 'dark']

/**
 * Flags for Debian's Chromium on these machines: no sandbox (we run as root in a container),
 * no GPU, and nothing that phones home, since there is no internet and stray requests would
 * only add noise and delays.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Where screenshots go; test-results/ is gitignored. */
export const screenshotFolder = resolve('test-results', 'screenshots')

/**
 * Launches headless Chromium: `HANDBOOK_CHROMIUM`, else Debian's `/usr/bin/chromium`.
 * Playwright gives each launch a fresh temporary user-data dir and deletes it on close, so no
 * profile state leaks between runs. Close it in `afterAll`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.HANDBOOK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  })
}

/** Options of `openPage`. */
export interface OpenOptions {
  /**
   * Theme the page starts in, chosen the way a reader's earlier choice is remembered.
   * @default 'light'
   */
  theme?: Theme
}

/** An open page, and everything that went wrong while loading and using it. */
export interface OpenedPage {
  page: Page
  /** Console errors, uncaught exceptions, failed and 4xx/5xx requests, one line each. */
  problems: string[]
}

/**
 * Opens a site path (relative to the base) in a fresh browser context and waits until the
 * network is idle. The context is closed when the current test finishes.
 */
export async function openPage(
  browser: Browser,
  path: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const theme = options.theme ?? 'light'
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: theme,
  })
  onTestFinished(() => context.close())
  // Starlight's inline head script reads this key before first paint; setting it here is
  // what a returning reader who picked the theme has.
  await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme)
  const page = await context.newPage()
  const problems = watchPage(page)
  await page.goto(siteUrl(path), { waitUntil: 'networkidle' })
  return { page, problems }
}

/** Collects the problems a reader with developer tools open would see, as they happen. */
export function watchPage(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    // For a failed resource the text does not name it; the location does.
    const at = message.location().url ? ` (${message.location().url})` : ''
    if (message.type() === 'error') problems.push(`console error: ${message.text()}${at}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`))
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  )
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return problems
}

/**
 * The start page's path: the site root when one is built, else the first entry of the
 * sidebar, where a reader without a start page would begin.
 */
export async function findStartPath(browser: Browser, builtPages: readonly string[]) {
  if (builtPages.includes('')) return ''
  const anyPage = builtPages.find((path) => path.endsWith('/'))
  if (anyPage === undefined) throw new Error('The built site has no pages.')
  const { page } = await openPage(browser, anyPage)
  const href = await page.locator('nav.sidebar a[href]').first().getAttribute('href')
  if (!href) throw new Error(`No sidebar link on ${anyPage} to start from.`)
  return new URL(href, siteUrl('')).href.slice(siteUrl('').length)
}

/** Screenshots stop this far down: enough to judge a page, without 5 MB images of the SOP. */
const screenshotMaxHeight = 4000

/**
 * Saves the top of the page (up to 4000 px, full width) as
 * test-results/screenshots/<name>.png and returns its path.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotFolder, { recursive: true })
  const path = join(screenshotFolder, `${name}.png`)
  const size = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }))
  const clip = { x: 0, y: 0, width: size.width, height: Math.min(size.height, screenshotMaxHeight) }
  await page.screenshot({ path, fullPage: true, clip })
  return path
}

/** Whether any part of the element matching `selector` is inside the visible viewport. */
export function isInViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect()
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0
  })
}
