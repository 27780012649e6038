/**
 * Names the code blocks that Expressive Code makes scrollable regions. When a block is wider
 * than the column, its script gives the `<pre>` `tabindex="0"` and `role="region"` (so keyboard
 * users can scroll it) but no name; several unnamed regions on one page are indistinguishable
 * landmarks to a screen reader (axe: landmark-unique). Each gets a name from its frame title or
 * its language, numbered when two would read the same.
 */
function nameRegions(): void {
  // A block that fits again is no region: a name on a plain `<pre>` is not allowed.
  for (const pre of document.querySelectorAll<HTMLElement>('pre[data-hb-named]:not([role])')) {
    pre.removeAttribute('aria-label')
    delete pre.dataset.hbNamed
  }
  const used = new Map<string, number>()
  for (const pre of document.querySelectorAll<HTMLElement>('.expressive-code pre[role="region"]')) {
    if (pre.hasAttribute('aria-label') && !pre.dataset.hbNamed) continue
    const figure = pre.closest('figure')
    const title = figure?.querySelector('figcaption .title')?.textContent?.trim()
    const language = pre.dataset.language
    const base = title || (language && language !== 'plaintext' ? `${language} code` : 'Code')
    const count = (used.get(base) ?? 0) + 1
    used.set(base, count)
    pre.setAttribute('aria-label', count === 1 ? base : `${base} (${count})`)
    pre.dataset.hbNamed = ''
  }
}

// Expressive Code sets the role after layout (a ResizeObserver, then an idle callback), and
// again when the window is resized.
new MutationObserver(nameRegions).observe(document.body, {
  subtree: true,
  attributeFilter: ['role'],
})
nameRegions()
