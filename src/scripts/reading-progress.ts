/**
 * Reading progress for the required-reading lists on role pages and the
 * start page. The lists are plain HTML built at build time; this script only
 * adds the ticking. A ticked section is stored in localStorage with the
 * fingerprint its content had when it was ticked; when the site is rebuilt
 * after that section changed, the fingerprints differ and the section shows
 * "Updated since you read it" and counts as unread again. Nothing leaves the
 * browser.
 *
 * Markup it reads:
 * - `[data-reading-item][data-sections]`, the sections as JSON
 *   `[key, fingerprint][]` (an author's item may ask for several: `§3-§12`),
 *   with an `input[type=checkbox]` (rendered hidden and disabled) and a
 *   `[data-reading-status]` element;
 * - `[data-reading-progress][data-reading-items]` (rendered hidden), whose
 *   items are JSON `[key, fingerprint, label, href][]`, with a
 *   `[data-reading-summary]` and an optional `[data-reading-updated]` list.
 */

/** One store per site, so that two handbooks served from one origin keep apart. */
const storageKey = `handbook:reading:${import.meta.env.BASE_URL}`

/** Section key (`path#headingId`) → the fingerprint the section had when ticked. */
type Ticks = Record<string, string>

type ReadingState = 'unread' | 'read' | 'updated'

type ProgressEntry = [key: string, fingerprint: string, label: string, href: string]

function loadTicks(): Ticks {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}')
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  } catch {
    // Storage switched off or a damaged value: start afresh rather than fail.
    return {}
  }
}

function saveTicks(ticks: Ticks): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(ticks))
  } catch {
    // Storage full or switched off: the tick lasts until the page is left.
  }
}

function stateOf(ticks: Ticks, key: string, fingerprint: string): ReadingState {
  const stored = ticks[key]
  if (stored === undefined) return 'unread'
  return stored === fingerprint ? 'read' : 'updated'
}

function parseEntries(value: string | undefined): ProgressEntry[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]')
    return Array.isArray(parsed) ? (parsed as ProgressEntry[]) : []
  } catch {
    return []
  }
}

/** The sections an item asks for, `[key, fingerprint][]`. */
function sectionsOf(item: HTMLElement): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(item.dataset.sections ?? '[]')
    return Array.isArray(parsed) ? (parsed as [string, string][]) : []
  } catch {
    return []
  }
}

/**
 * An item is read when each of its sections is, updated when any of them changed since it
 * was ticked; `read` counts its sections ticked (on this page or another role's).
 */
function itemState(ticks: Ticks, sections: [string, string][]) {
  const states = sections.map(([key, fingerprint]) => stateOf(ticks, key, fingerprint))
  const read = states.filter((state) => state === 'read').length
  const state: ReadingState = states.includes('updated')
    ? 'updated'
    : read === sections.length && read > 0
      ? 'read'
      : 'unread'
  return { state, read }
}

function renderItems(ticks: Ticks): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-reading-item]')) {
    const sections = sectionsOf(item)
    const { state, read } = itemState(ticks, sections)
    item.dataset.state = state
    const box = item.querySelector<HTMLInputElement>('input[type="checkbox"]')
    if (box) {
      box.hidden = false
      box.disabled = false
      box.checked = state === 'read'
      item.toggleAttribute('data-ticking', true)
    }
    const status = item.querySelector<HTMLElement>('[data-reading-status]')
    if (status) {
      status.textContent =
        state === 'updated'
          ? 'Updated since you read it'
          : state === 'unread' && read > 0
            ? `${read} of ${sections.length} sections read`
            : ''
      status.dataset.kind = state
    }
  }
}

function renderProgress(ticks: Ticks): void {
  for (const progress of document.querySelectorAll<HTMLElement>('[data-reading-progress]')) {
    const entries = parseEntries(progress.dataset.readingItems)
    const states = entries.map(([key, fingerprint]) => stateOf(ticks, key, fingerprint))
    const read = states.filter((state) => state === 'read').length
    const updated = entries.filter((_entry, index) => states[index] === 'updated')
    progress.dataset.read = String(read)
    progress.dataset.updated = String(updated.length)
    const summary = progress.querySelector<HTMLElement>('[data-reading-summary]')
    if (summary) {
      summary.textContent =
        entries.length === 0
          ? 'Nothing to tick here.'
          : `${read} of ${entries.length} sections read` +
            (updated.length > 0 ? `, ${updated.length} updated since you read them` : '') +
            '.'
    }
    const list = progress.querySelector<HTMLElement>('[data-reading-updated]')
    if (list) {
      list.replaceChildren(
        ...updated.map(([, , label, href]) => {
          const line = document.createElement('li')
          const link = document.createElement('a')
          link.href = href
          link.textContent = label
          line.append(link, ' — updated since you read it')
          return line
        }),
      )
      list.hidden = updated.length === 0
    }
    progress.hidden = false
  }
}

function render(): void {
  const ticks = loadTicks()
  renderItems(ticks)
  renderProgress(ticks)
}

document.addEventListener('change', (event) => {
  const box = event.target
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return
  const item = box.closest<HTMLElement>('[data-reading-item]')
  if (!item) return
  const sections = sectionsOf(item)
  if (sections.length === 0) return
  const ticks = loadTicks()
  for (const [key, fingerprint] of sections) {
    if (box.checked) ticks[key] = fingerprint
    else delete ticks[key]
  }
  saveTicks(ticks)
  render()
})

// Another tab ticked something: show it here too.
window.addEventListener('storage', (event) => {
  if (event.key === storageKey || event.key === null) render()
})

render()
