import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { findUnnamedCheckbox, toCheckboxLabel } from './label.ts'

/**
 * Names the checkboxes GFM renders for task lists (`- [ ] Errors are
 * wrapped`). remark-rehype emits a bare `<input type="checkbox" disabled>`,
 * which screen readers announce as an unlabelled checkbox; the item's own
 * text is its name.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const box = findUnnamedCheckbox(node)
      const label = box && toCheckboxLabel(toString(node))
      if (box && label) box.properties.ariaLabel = label
    })
  }
}
