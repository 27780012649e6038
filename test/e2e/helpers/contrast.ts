/** An sRGB colour with channels 0–255 and alpha 0–1, as the browser resolves it. */
export type Rgba = readonly [red: number, green: number, blue: number, alpha: number]

/** `top` painted over `bottom` (source-over), the way the browser composites them. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const alpha = top[3] + bottom[3] * (1 - top[3])
  if (alpha === 0) return [0, 0, 0, 0]
  const channel = (index: 0 | 1 | 2) =>
    (top[index] * top[3] + bottom[index] * bottom[3] * (1 - top[3])) / alpha
  return [channel(0), channel(1), channel(2), alpha]
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance([red, green, blue]: Rgba): number {
  const linear = (channel: number) => {
    const value = channel / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
}

/**
 * WCAG 2 contrast ratio (1–21) of text over a stack of backgrounds listed innermost first.
 * Translucent layers are composited over the ones below them, down to the canvas, which is
 * white when nothing below is opaque (as browsers paint it).
 */
export function contrastRatio(text: Rgba, backgrounds: readonly Rgba[]): number {
  const canvas: Rgba = [255, 255, 255, 1]
  const background = [...backgrounds]
    .reverse()
    .reduce((below, layer) => composite(layer, below), canvas)
  const foreground = composite(text, background)
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort(
    (a, b) => b - a,
  ) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

/** `rgb(1 2 3 / 0.5)` style, for failure messages. */
export function formatRgba([red, green, blue, alpha]: Rgba): string {
  const round = (value: number) => Math.round(value)
  return `rgb(${round(red)} ${round(green)} ${round(blue)} / ${Number(alpha.toFixed(2))})`
}
