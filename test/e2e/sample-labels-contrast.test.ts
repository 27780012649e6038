import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, themes } from './helpers/browser.ts'
import { contrastRatio, formatRgba, type Rgba } from './helpers/contrast.ts'

/** Text that says a sample is good or bad: the labels, and the author's caption paragraph. */
const labelSelector = '[data-verdict] :is(.hb-sample__label, .hb-sample__caption)'

/** WCAG AA for normal-size text. */
const minimumContrast = 4.5

/** One label as painted: its words, the verdict around it, its colours. */
interface PaintedLabel {
  text: string
  verdict: string
  color: Rgba
  /** Background colours from the label outwards, up to the first opaque one. */
  backgrounds: Rgba[]
}

/**
 * Reads every label's resolved text colour and the backgrounds behind it. Colours go through
 * a canvas so that any syntax the browser resolves to (`rgb()`, `color(srgb …)`, `oklch()`)
 * arrives as sRGB numbers.
 */
function readLabels(page: Page): Promise<PaintedLabel[]> {
  return page.locator(labelSelector).evaluateAll((elements) => {
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
    return elements.map((element) => {
      const backgrounds: [number, number, number, number][] = []
      for (let node: Element | null = element; node; node = node.parentElement) {
        const background = toRgba(getComputedStyle(node).backgroundColor)
        if (background[3] > 0) backgrounds.push(background)
        if (background[3] === 1) break
      }
      return {
        text: (element.textContent ?? '').trim().slice(0, 60),
        verdict: element.closest<HTMLElement>('[data-verdict]')?.dataset.verdict ?? '',
        color: toRgba(getComputedStyle(element).color),
        backgrounds,
      }
    })
  })
}

describe('good/bad labels stay readable', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test.each(themes)(
    `in the %s theme, every label has contrast ≥ ${minimumContrast}`,
    async (theme) => {
      const { page } = await openPage(browser, 'engineering-sop/', { theme })
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme)

      const labels = await readLabels(page)
      const verdicts = new Set(labels.map((label) => label.verdict))
      expect(
        verdicts.has('good') && verdicts.has('bad'),
        `the SOP should show good and bad samples; found: ${[...verdicts]}`,
      ).toBe(true)

      const unreadable = labels
        .map((label) => ({ ...label, ratio: contrastRatio(label.color, label.backgrounds) }))
        .filter((label) => label.ratio < minimumContrast)
        .map(
          (label) =>
            `${label.ratio.toFixed(2)}:1 "${label.text}" (${label.verdict}): ` +
            `${formatRgba(label.color)} on ${label.backgrounds.map(formatRgba).join(' over ')}`,
        )
      expect(unreadable).toEqual([])
    },
  )
})
