import type { NativeRehypePlugin } from '../satteri/native-rehype.ts'
import { findUnnamedCheckbox, toCheckboxLabel } from './label.ts'

/**
 * `rehypeTaskListLabels` as Sätteri runs it natively: only list items cross from Rust, and
 * the item's text is read there (`textContent`, text nodes only, as `hast-util-to-string`).
 */
export function satteriTaskListLabels(): NativeRehypePlugin {
  return {
    tags: ['li'],
    page: () => ({
      element(item, tools) {
        const box = findUnnamedCheckbox(item)
        const label = box && toCheckboxLabel(tools.textContent(item))
        if (box && label) tools.setProperty(box, 'ariaLabel', label)
      },
    }),
  }
}
