/**
 * The position of the last value at or below `value` in `sorted` (ascending, first value at or
 * below every `value` asked for): which line an offset falls on, given where each line starts;
 * which document's names hold an offset of their joined text. A binary search.
 */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (sorted[middle]! <= value) low = middle
    else high = middle - 1
  }
  return low
}
