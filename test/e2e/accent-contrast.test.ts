import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, themes } from './helpers/browser.ts'
import { contrastRatio, formatRgba, type Rgba } from './helpers/contrast.ts'

/** WCAG AA: text (1.4.3). */
const textContrast = 4.5
/** WCAG AA: parts of graphics and controls (1.4.11), for accent bars, borders and map nodes. */
const graphicContrast = 3

/** Pages that show every accent: role cards and the map, a role's header, role badges. */
const pages = ['', 'agents/engineer/', 'agents/documenter/', 'engineering-sop/', 'traceability/']

/** One painted colour and what lies behind it. */
interface Painted {
  what: string
  kind: 'text' | 'graphic'
  color: Rgba
  backgrounds: Rgba[]
}

/**
 * Every accent on the page as painted: each role's accent (`--hb-role-accent`, used for the
 * header's kicker text, bars, badge edges and map node borders), and the text of the handbook's
 * own links. Colours go through a canvas so any CSS syntax arrives as sRGB numbers.
 */
function readAccents(page: Page): Promise<Painted[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 1
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    const toRgba = (color: string): [number, number, number, number] => {
      context.clearRect(0, 0, 1, 1)
      context.fillStyle = color
      context.fillRect(0, 0, 1, 1)
      const [red = 0, green = 0, blue = 0, alpha = 0] = context.getImageData(0, 0, 1, 1).data
      return [red, green, blue, alpha / 255]
    }
    const backgroundsOf = (element: Element) => {
      const backgrounds: [number, number, number, number][] = []
      for (let node: Element | null = element; node; node = node.parentElement) {
        const background = toRgba(getComputedStyle(node).backgroundColor)
        if (background[3] > 0) backgrounds.push(background)
        if (background[3] === 1) break
      }
      return backgrounds
    }
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 40)}"`
    const painted: Array<{
      what: string
      kind: 'text' | 'graphic'
      color: [number, number, number, number]
      backgrounds: [number, number, number, number][]
    }> = []
    for (const element of document.querySelectorAll('.hb-accent, .hb-role-badge')) {
      const accent = getComputedStyle(element).getPropertyValue('--hb-role-accent').trim()
      if (!accent) continue
      painted.push({
        what: `accent of ${name(element)}`,
        kind: 'graphic',
        color: toRgba(accent),
        backgrounds: backgroundsOf(element.parentElement ?? element),
      })
    }
    const texts = document.querySelectorAll(
      '.hb-role-header__kicker, .hb-role-header a, .hb-role-card__title a, .hb-start__way a, ' +
        'a.hb-ref, a.hb-role-badge, .hb-trace__filters a, .hb-trace__cited summary, .hb-backlinks a',
    )
    for (const element of texts) {
      if (!(element as HTMLElement).offsetParent) continue
      painted.push({
        what: name(element),
        kind: 'text',
        color: toRgba(getComputedStyle(element).color),
        backgrounds: backgroundsOf(element),
      })
    }
    return painted
  })
}

describe('accents and links keep WCAG AA contrast', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  for (const theme of themes) {
    test.each(pages)(`/%s in the ${theme} theme`, async (path) => {
      const { page } = await openPage(browser, path, { theme })
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)
      const painted = await readAccents(page)
      expect(painted.length, 'accents found').toBeGreaterThan(0)
      const failing = painted
        .map((item) => ({ ...item, ratio: contrastRatio(item.color, item.backgrounds) }))
        .filter((item) => item.ratio < (item.kind === 'text' ? textContrast : graphicContrast))
        .map(
          (item) =>
            `${item.ratio.toFixed(2)}:1 ${item.what}: ${formatRgba(item.color)} on ` +
            item.backgrounds.map(formatRgba).join(' over '),
        )
      expect(failing).toEqual([])
    })
  }

  test('every role has its own accent on the start page, tuned per theme', async () => {
    const accents = new Map<string, string[]>()
    for (const theme of themes) {
      const { page } = await openPage(browser, '', { theme })
      const values = await page
        .locator('[data-role-card]')
        .evaluateAll((cards) =>
          cards.map((card) => getComputedStyle(card).getPropertyValue('--hb-role-accent').trim()),
        )
      accents.set(theme, values)
    }
    expect(new Set(accents.get('light')).size).toBe(6)
    expect(accents.get('light')).not.toEqual(accents.get('dark'))
  })
})
