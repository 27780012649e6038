/**
 * The search button and dialog, on every page: opens with the button or Ctrl/⌘+K, closes with
 * Escape, the Cancel button, a click outside or on a result. The search itself
 * (`search-dialog.ts`) is loaded the first time the dialog opens, so a page that is only read
 * pays for this file alone.
 */
class SiteSearch extends HTMLElement {
  connectedCallback() {
    const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]')
    const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]')
    const dialog = this.querySelector('dialog')
    const frame = this.querySelector('.dialog-frame')
    const input = this.querySelector('input')
    if (!openButton || !dialog || !frame || !input) return

    let started: Promise<unknown> | undefined
    const start = () =>
      (started ??= import('./search-dialog.ts').then(({ startSearch }) => startSearch(this)))

    // A click on a result (a link) or outside the dialog's frame closes it.
    const onClick = (event: MouseEvent) => {
      const target = event.target as Node | null
      const isLink = target instanceof Element && target.closest('a[href]') !== null
      if (isLink || (target && document.body.contains(target) && !frame.contains(target)))
        dialog.close()
    }
    const open = (event?: Event) => {
      dialog.showModal()
      document.body.toggleAttribute('data-search-modal-open', true)
      input.focus()
      input.select()
      event?.stopPropagation()
      window.addEventListener('click', onClick)
      void start()
    }

    openButton.addEventListener('click', open)
    openButton.disabled = false
    closeButton?.addEventListener('click', () => dialog.close())
    input.addEventListener('focus', () => void start(), { once: true })
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false)
      window.removeEventListener('click', onClick)
    })
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') {
        if (dialog.open) dialog.close()
        else open()
        event.preventDefault()
      }
    })
  }
}

customElements.define('site-search', SiteSearch)
