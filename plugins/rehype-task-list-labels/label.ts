import type { Element } from 'hast'

/** Longest checkbox name, in characters. */
const labelLength = 160

/**
 * The checkbox of a GFM task-list item that still needs a name, or undefined: the item is no
 * task item, has no checkbox, or its checkbox is named already.
 */
export function findUnnamedCheckbox(item: Element): Element | undefined {
  if (item.tagName !== 'li') return undefined
  const classes = item.properties.className
  if (!Array.isArray(classes) || !classes.includes('task-list-item')) return undefined
  const box = findCheckbox(item)
  if (!box || box.properties.ariaLabel || box.properties.ariaLabelledBy) return undefined
  return box
}

/** A checkbox's name from its item's text (`hast-util-to-string`): one line, at most 160 characters. */
export function toCheckboxLabel(text: string): string | undefined {
  return text.replace(/\s+/g, ' ').trim().slice(0, labelLength) || undefined
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
