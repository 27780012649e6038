/**
 * Previews of section and requirement links. `remarkPreviews` gives each such link
 * `data-preview`, naming a hidden element on the same page whose attributes hold the target's
 * number, title, document and first paragraph (or the requirement's text). Hovering or focusing
 * the link shows them in one shared `role="tooltip"` element below the link (above it when there
 * is no room), never over it; Escape dismisses it. While it shows, the link is described by it
 * (`aria-describedby`) and its `title` waits in `data-hb-title`, so the browser does not show a
 * second tooltip; without JavaScript the `title` alone tells.
 *
 * Include once on every page. Text is copied with `textContent` only.
 */

const gap = 6
const margin = 8
let tooltip: HTMLElement | undefined
let current: HTMLAnchorElement | undefined
let closeTimer: ReturnType<typeof setTimeout> | undefined

/** The shared tooltip, made on first use: label, title, source and text, filled per link. */
function getTooltip(): HTMLElement {
  if (tooltip) return tooltip
  tooltip = document.createElement('div')
  tooltip.id = 'hb-preview'
  tooltip.className = 'hb-preview'
  tooltip.setAttribute('role', 'tooltip')
  tooltip.hidden = true
  for (const [tag, part] of [
    ['span', 'label'],
    ['strong', 'title'],
    ['span', 'source'],
    ['p', 'text'],
  ] as const) {
    const child = document.createElement(tag)
    child.className = `hb-preview__${part}`
    child.dataset['part'] = part
    tooltip.append(child)
  }
  // Moving the pointer from the link onto the preview keeps it open (WCAG 1.4.13, hoverable).
  tooltip.addEventListener('mouseenter', () => clearTimeout(closeTimer))
  tooltip.addEventListener('mouseleave', () => scheduleClose())
  document.body.append(tooltip)
  return tooltip
}

/** Shows the preview of `link`, if its page carries one. */
function openPreview(link: HTMLAnchorElement): void {
  clearTimeout(closeTimer)
  if (current === link) return
  const data = document.getElementById(link.dataset['preview'] ?? '')
  if (!data) return
  closePreview()
  const element = getTooltip()
  for (const child of element.children) {
    const part = (child as HTMLElement).dataset['part']!
    const value = data.dataset[part] ?? ''
    child.textContent = value
    ;(child as HTMLElement).hidden = value === ''
  }
  if (link.hasAttribute('title')) {
    link.dataset['hbTitle'] = link.title
    link.removeAttribute('title')
  }
  link.setAttribute('aria-describedby', element.id)
  current = link
  element.hidden = false
  place(element, link)
}

/** Hides the preview and gives the link back its `title`. */
function closePreview(): void {
  clearTimeout(closeTimer)
  const link = current
  current = undefined
  if (tooltip) tooltip.hidden = true
  if (!link) return
  link.removeAttribute('aria-describedby')
  const title = link.dataset['hbTitle']
  if (title !== undefined) {
    link.title = title
    delete link.dataset['hbTitle']
  }
}

function scheduleClose() {
  clearTimeout(closeTimer)
  closeTimer = setTimeout(closePreview, 200)
}

/** Below the link, or above it when the viewport has no room below; inside the viewport sideways. */
function place(element: HTMLElement, link: HTMLElement) {
  const box = link.getBoundingClientRect()
  const { offsetWidth: width, offsetHeight: height } = element
  let top = box.bottom + gap
  if (top + height > window.innerHeight - margin && box.top - gap - height >= margin)
    top = box.top - gap - height
  const left = Math.max(margin, Math.min(box.left, window.innerWidth - width - margin))
  element.style.top = `${top + window.scrollY}px`
  element.style.left = `${left + window.scrollX}px`
}

const previewLink = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLAnchorElement>('a[data-preview]') : null

document.addEventListener('mouseover', (event) => {
  const link = previewLink(event.target)
  if (link) openPreview(link)
})
document.addEventListener('mouseout', (event) => {
  const link = previewLink(event.target)
  if (link && link === current && !link.contains(event.relatedTarget as Node | null))
    scheduleClose()
})
document.addEventListener('focusin', (event) => {
  const link = previewLink(event.target)
  if (link) openPreview(link)
})
document.addEventListener('focusout', (event) => {
  if (previewLink(event.target) === current) closePreview()
})
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && current) closePreview()
})

// A module, so its names stay its own.
export {}
