import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'

// The colours under test come from the files the site ships, not from copies in this test.
const css = readFileSync(new URL('../../src/styles/code-samples.css', import.meta.url), 'utf8')
const starlightStyles = dirname(
  createRequire(import.meta.url).resolve('@astrojs/starlight/style/markdown.css'),
)
const starlightProps = readFileSync(join(starlightStyles, 'props.css'), 'utf8')
const starlightPrint = readFileSync(join(starlightStyles, 'print.css'), 'utf8')

type Declarations = Map<string, string>

/** The custom properties declared in the first rule whose selector `selector` matches. */
function findDeclarations(source: string, selector: RegExp): Declarations {
  const block = new RegExp(`${selector.source}\\s*\\{([^{}]*)\\}`).exec(source)?.[1]
  if (block === undefined) throw new Error(`No rule matches ${selector}`)
  return new Map(
    [...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [
      match[1] ?? '',
      (match[2] ?? '').trim(),
    ]),
  )
}

/** Resolve `var(--x)` through the given declarations, the most specific first. */
function resolve(name: string, ...scopes: Declarations[]): string {
  const value = scopes.find((scope) => scope.has(name))?.get(name)
  if (value === undefined) throw new Error(`${name} is not declared`)
  const reference = /^var\((--[\w-]+)\)$/.exec(value)
  return reference?.[1] ? resolve(reference[1], ...scopes) : value
}

type Rgb = [number, number, number]

function parseColor(value: string): Rgb {
  const hsl = /^hsl\(\s*([\d.]+)\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%\s*\)$/.exec(value)
  if (hsl) return hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100)
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(value)
  if (hex) return [hex[1], hex[2], hex[3]].map((part) => parseInt(part ?? '', 16) / 255) as Rgb
  throw new Error(`Cannot compute the contrast of ${value}`)
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = saturation * Math.min(lightness, 1 - lightness)
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12
    return lightness - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1))
  }
  return [channel(0), channel(8), channel(4)]
}

// WCAG 2.x relative luminance and contrast ratio.
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(parseColor(a)), luminance(parseColor(b))].sort(
    (x, y) => y - x,
  )
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05)
}

const starlightDark = findDeclarations(starlightProps, /:root,\s*::backdrop/)
const starlightLight = findDeclarations(starlightProps, /:root\[data-theme='light'\],[^{]*/)
const starlightPrinted = findDeclarations(starlightPrint, /@media print\s*\{\s*:root/)
const ours = {
  dark: findDeclarations(css, /(?:^|\n):root/),
  light: findDeclarations(css, /:root\[data-theme='light'\]/),
  print: findDeclarations(css, /@media print\s*\{[^{}]*:root,\s*:root\[data-theme\]/),
}

// Starlight's page background is --sl-color-bg, which points at --sl-color-black per theme.
const themes = [
  { theme: 'dark', colors: ours.dark, page: resolve('--sl-color-bg', starlightDark) },
  {
    theme: 'light',
    colors: ours.light,
    page: resolve('--sl-color-bg', starlightLight, starlightDark),
  },
  {
    theme: 'print',
    colors: ours.print,
    page: resolve('--sl-color-bg', starlightPrinted, starlightDark),
  },
]

describe('label colours meet WCAG AA (4.5:1)', () => {
  test('the page backgrounds are the ones Starlight ships', () => {
    expect(themes.map(({ page }) => page)).toEqual([
      'hsl(224, 10%, 10%)',
      'hsl(0, 0%, 100%)',
      'hsl(0, 0%, 100%)',
    ])
  })

  test.each(
    themes.flatMap(({ theme, colors, page }) =>
      (['good', 'bad'] as const).flatMap((verdict) => {
        const text = resolve(`--hb-sample-${verdict}-text`, colors)
        const label = resolve(`--hb-sample-${verdict}-bg`, colors)
        return [
          { theme, verdict, on: 'the page', text, background: page },
          { theme, verdict, on: 'its label', text, background: label },
        ]
      }),
    ),
  )('$theme: $verdict text on $on', ({ text, background }) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5)
  })

  test.each([
    ['.hb-sample__label--good', 'color: var(--hb-sample-good-text)'],
    ['.hb-sample__label--good', 'background: var(--hb-sample-good-bg)'],
    ['.hb-sample__label--bad', 'color: var(--hb-sample-bad-text)'],
    ['.hb-sample__label--bad', 'background: var(--hb-sample-bad-bg)'],
  ])('%s uses the checked colour: %s', (selector, declaration) => {
    const rule = new RegExp(`${selector.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(css)
    expect(rule?.[1]).toContain(declaration)
  })

  test('the contrast computation matches known WCAG values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('hsl(0, 0%, 46.27%)', '#ffffff')).toBeCloseTo(4.54, 1)
  })
})
