/**
 * Ask before copying a bad code sample. Expressive Code's copy button copies silently; inside a
 * sample that `remarkCodeSamples` marked with `data-copy-warning` (a bad sample, or one mixing
 * bad and good code), a click first asks the reader to confirm, in the plugin's words.
 *
 * Include once on every page. It listens on the document in the capture phase, so it runs before
 * Expressive Code's listener on the button itself and can stop it; keyboard activation of the
 * button is a click too.
 */

const COPY_BUTTON = '.expressive-code .copy button'

/** Stop a copy-button click inside a guarded sample unless the reader confirms it. */
export function guardBadCodeCopy(event: MouseEvent): void {
  if (!(event.target instanceof Element)) return
  const sample = event.target.closest(COPY_BUTTON)?.closest<HTMLElement>('[data-copy-warning]')
  const warning = sample?.dataset['copyWarning']
  if (!warning || window.confirm(warning)) return
  event.preventDefault()
  event.stopImmediatePropagation()
}

document.addEventListener('click', guardBadCodeCopy, { capture: true })
