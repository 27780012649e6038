import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

/**
 * Names the checkboxes GFM renders for task lists (`- [ ] Errors are
 * wrapped`). remark-rehype emits a bare `<input type="checkbox" disabled>`,
 * which screen readers announce as an unlabelled checkbox; the item's own
 * text is its name.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li') return
      const classes = node.properties.className
      if (!Array.isArray(classes) || !classes.includes('task-list-item')) return
      const box = findCheckbox(node)
      if (!box || box.properties.ariaLabel || box.properties.ariaLabelledBy) return
      const label = toString(node).replace(/\s+/g, ' ').trim().slice(0, 160)
      if (label) box.properties.ariaLabel = label
    })
  }
}

function findCheckbox(item: Element): Element | undefined {
  for (const child of item.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'input' && child.properties.type === 'checkbox') return child
    // A loose task item puts the checkbox inside its first paragraph.
    if (child.tagName === 'p') return findCheckbox(child)
  }
  return undefined
}
