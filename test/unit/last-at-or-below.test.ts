import { expect, test } from 'vitest'
import { lastAtOrBelow } from '../../core/text/sorted.ts'

// Line starts of "ab\ncd\n\nef": 0, 3, 6, 7. Which line holds each offset?
test.each([
  [0, 0],
  [2, 0],
  [3, 1],
  [5, 1],
  [6, 2],
  [7, 3],
  [100, 3],
])('offset %i is on line %i (counting from 0)', (offset, line) => {
  expect(lastAtOrBelow([0, 3, 6, 7], offset)).toBe(line)
})

test('one value', () => {
  expect(lastAtOrBelow([0], 42)).toBe(0)
})
