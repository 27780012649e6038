/** `12.3 s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** `+12.3 s`, `−4.0 s` */
export function signedSeconds(ms: number): string {
  return `${ms < 0 ? '−' : '+'}${seconds(Math.abs(ms))}`
}

/** `412 ms`, `4.2 ms` */
export function milliseconds(ms: number): string {
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`
}

/** `16%`, `1.7%` (one decimal below 10%). */
export function percent(share: number): string {
  return `${(share * 100).toFixed(Math.abs(share) < 0.1 ? 1 : 0)}%`
}

/** `1.31×` */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`
}

/** Bytes in the given unit, one decimal (kB/MB/GB are powers of 1000, as `du --si` prints). */
export function formatBytes(bytes: number, unit: 'kB' | 'MB' | 'GB'): string {
  const divisor = { kB: 1e3, MB: 1e6, GB: 1e9 }[unit]
  return `${(bytes / divisor).toFixed(1)} ${unit}`
}
