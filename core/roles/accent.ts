/** A role's colour, shifted per theme so that text in it meets WCAG AA on the page. */
export interface RoleAccent {
  /** For the light theme (`#rrggbb`), at least 4.5:1 against its light backgrounds. */
  light: string
  /** For the dark theme (`#rrggbb`), at least 4.5:1 against its dark backgrounds. */
  dark: string
}

type Rgb = readonly [number, number, number]

/**
 * Common colour names authors put in a role's `color` (the CSS colours of
 * the same name, and the few that AI tool role files use). Anything else that
 * is not a hex colour falls back to grey: the role name is always written
 * next to its colour, so no information is lost.
 */
const namedColors: Record<string, string> = {
  black: '#000000',
  blue: '#0000ff',
  brown: '#a52a2a',
  crimson: '#dc143c',
  cyan: '#00ffff',
  fuchsia: '#ff00ff',
  gold: '#ffd700',
  gray: '#808080',
  green: '#008000',
  grey: '#808080',
  indigo: '#4b0082',
  lime: '#00ff00',
  magenta: '#ff00ff',
  maroon: '#800000',
  navy: '#000080',
  olive: '#808000',
  orange: '#ffa500',
  pink: '#ffc0cb',
  purple: '#800080',
  red: '#ff0000',
  silver: '#c0c0c0',
  teal: '#008080',
  turquoise: '#40e0d0',
  violet: '#ee82ee',
  white: '#ffffff',
  yellow: '#ffff00',
}

/** Starlight's page and card backgrounds in the light theme (white, gray-7). */
const lightBackgrounds: Rgb[] = [
  [255, 255, 255],
  [246, 247, 249],
]
/** Starlight's page and card backgrounds in the dark theme (black, gray-6). */
const darkBackgrounds: Rgb[] = [
  [23, 24, 28],
  [35, 38, 47],
]

/** The contrast text needs (WCAG AA, normal size). */
export const accentContrast = 4.5

/**
 * Starlight's own hue colours (`--sl-color-orange`, `--sl-color-blue`, …) share one
 * saturation and lightness per theme; a role's accent takes its hue from the author's colour
 * and those from Starlight, so `yellow` sits beside Starlight's accents instead of glowing.
 */
const starlightHue = {
  /** Dark theme: `hsl(hue, 82%, 63%)`. */
  dark: { saturation: 0.82, lightness: 0.63 },
  /** Light theme: `hsl(hue, 80%, 50%)`, between Starlight's light `--sl-color-<hue>` and its `-high` text shade (25–30%). */
  light: { saturation: 0.8, lightness: 0.5 },
}

/**
 * Turns a role's `color` (`blue`, `#1e90ff`, `#abc`) into one accent per
 * theme with the same hue, in the saturation and lightness of Starlight's hue
 * colours, then darkened (light theme) or lightened (dark theme) as far as
 * needed to reach 4.5:1 against Starlight's page and card backgrounds, so it
 * can colour text and borders alike. Greys stay grey.
 */
export function toRoleAccent(color: string | undefined): RoleAccent {
  const rgb = parseColor(color) ?? [128, 128, 128]
  const [hue, saturation] = toHsl(rgb)
  const grey = saturation < 0.1
  const fits = (candidate: Rgb, backgrounds: Rgb[]) =>
    backgrounds.every((background) => contrast(candidate, background) >= accentContrast)
  const shade = (theme: 'light' | 'dark', lightness: number) =>
    fromHsl(hue, grey ? 0 : starlightHue[theme].saturation, Math.min(Math.max(lightness, 0), 1))
  let l = starlightHue.light.lightness
  while (!fits(shade('light', l), lightBackgrounds) && l > 0) l -= 0.01
  const light = shade('light', l)
  l = starlightHue.dark.lightness
  while (!fits(shade('dark', l), darkBackgrounds) && l < 1) l += 0.01
  const dark = shade('dark', l)
  return { light: toHex(light), dark: toHex(dark) }
}

/** `#rgb`, `#rrggbb` or a known colour name; undefined for anything else. */
export function parseColor(color: string | undefined): Rgb | undefined {
  const value = color?.trim().toLowerCase() ?? ''
  const hex = namedColors[value] ?? value
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(hex)
  if (short)
    return [short[1]!, short[2]!, short[3]!].map((digit) =>
      parseInt(digit + digit, 16),
    ) as unknown as Rgb
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex)
  if (long)
    return [long[1]!, long[2]!, long[3]!].map((pair) => parseInt(pair, 16)) as unknown as Rgb
  return undefined
}

/** WCAG 2 contrast ratio of two opaque colours (1–21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

function luminance([red, green, blue]: Rgb): number {
  const linear = (channel: number) => {
    const value = channel / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
}

function toHsl([red, green, blue]: Rgb): [number, number, number] {
  const [r, g, b] = [red / 255, green / 255, blue / 255]
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const lightness = (max + min) / 2
  if (max === min) return [0, 0, lightness]
  const delta = max - min
  const saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min)
  const hue =
    max === r
      ? ((g - b) / delta + (g < b ? 6 : 0)) / 6
      : max === g
        ? ((b - r) / delta + 2) / 6
        : ((r - g) / delta + 4) / 6
  return [hue, saturation, lightness]
}

function fromHsl(hue: number, saturation: number, lightness: number): Rgb {
  if (saturation === 0) {
    const grey = Math.round(lightness * 255)
    return [grey, grey, grey]
  }
  const q =
    lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation
  const p = 2 * lightness - q
  const channel = (t: number) => {
    const k = t < 0 ? t + 1 : t > 1 ? t - 1 : t
    if (k < 1 / 6) return p + (q - p) * 6 * k
    if (k < 1 / 2) return q
    if (k < 2 / 3) return p + (q - p) * (2 / 3 - k) * 6
    return p
  }
  return [channel(hue + 1 / 3), channel(hue), channel(hue - 1 / 3)].map((value) =>
    Math.round(value * 255),
  ) as unknown as Rgb
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`
}
