/**
 * The search dialog's behaviour, loaded when it first opens: exact jumps first (from the jump
 * index, instantly), then Pagefind's full-text results with a sub-result per matching section or
 * requirement definition, narrowed by the kind, role and requirement filters. Enter opens the
 * first result; the arrow keys move between results. Every text is set with `textContent`;
 * Pagefind's excerpts are read as text with their `<mark>`s rebuilt, never as HTML.
 */
import { findRepeatedTitle, isSameExcerpt } from '../../../core/search/excerpt.ts'
import { createJumpFinder, type JumpTarget } from '../../scripts/exact-jump.ts'

/** The parts of Pagefind's browser API we use (https://pagefind.app/docs/api/). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>
  filters(): Promise<Record<string, Record<string, number>>>
  debouncedSearch(
    term: string | null,
    options: { filters: Record<string, string> },
    timeout: number,
  ): Promise<{ results: { data(): Promise<PageResult> }[] } | null>
}

interface PageResult {
  url: string
  excerpt: string
  meta: Record<string, string | undefined>
  sub_results: {
    title: string
    url: string
    excerpt: string
    anchor?: unknown
    locations?: number[]
  }[]
}

/** Results shown at once; Pagefind loads each result's data separately. */
const pageLimit = 12
const sectionsPerPage = 3
const kindNames: Record<JumpTarget['kind'], string> = {
  requirement: 'Requirement',
  section: 'Section',
  document: 'Document',
  role: 'Role',
}

/** Wires the dialog inside `root` (the `site-search` element). */
export function startSearch(root: HTMLElement): void {
  const base = root.dataset['base'] ?? '/'
  const form = root.querySelector('form')!
  const input = root.querySelector('input')!
  const status = root.querySelector('.hb-search__status')!
  const jumpList = root.querySelector('.hb-search__jumps')!
  const pageList = root.querySelector('.hb-search__pages')!
  const results = root.querySelector('#starlight__search')!
  const selects = [...root.querySelectorAll<HTMLSelectElement>('select[data-filter]')]
  const findJumps = createJumpFinder(base)
  const pagefind = loadPagefind(base, selects)
  let latest = 0
  let pending: Promise<void> = Promise.resolve()

  const update = async () => {
    const run = ++latest
    const query = input.value.trim()
    const filters: Record<string, string> = {}
    for (const select of selects)
      if (select.value) filters[select.dataset['filter']!] = select.value
    const jumps = query ? await findJumps(query) : []
    if (run !== latest) return
    jumpList.replaceChildren(...jumps.map(renderJump))
    const engine = await pagefind
    if (run !== latest) return
    if (!engine || (!query && Object.keys(filters).length === 0)) {
      pageList.replaceChildren()
      status.textContent = query ? describe(jumps.length, undefined, query) : ''
      return
    }
    const search = await engine.debouncedSearch(query || null, { filters }, 150)
    if (!search || run !== latest) return
    const pages = await Promise.all(
      search.results.slice(0, pageLimit).map((result) => result.data()),
    )
    if (run !== latest) return
    pageList.replaceChildren(...pages.map((result) => renderPage(result, query)))
    status.textContent = describe(jumps.length, search.results.length, query)
  }
  const schedule = () => {
    pending = update()
  }

  input.addEventListener('input', schedule)
  for (const select of selects) select.addEventListener('change', schedule)
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    await pending
    results.querySelector<HTMLAnchorElement>('a[href]')?.click()
  })
  // Down and up move through the input and the results, as in a list box.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    if (event.target instanceof HTMLSelectElement) return
    const stops = [input, ...results.querySelectorAll<HTMLElement>('a[href]')]
    const at = stops.indexOf(document.activeElement as HTMLElement)
    if (at === -1) return
    event.preventDefault()
    stops[
      Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), stops.length - 1)
    ]?.focus()
  })
  if (input.value) schedule()
}

/** Loads Pagefind from the build's bundle and fills the filters it knows; undefined in `astro dev`. */
async function loadPagefind(base: string, selects: HTMLSelectElement[]) {
  // `astro dev` serves no index (Pagefind runs after a build); do not ask for one.
  if (import.meta.env.DEV) return undefined
  try {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind
    await pagefind.options({ baseUrl: base, excerptLength: 24 })
    const available = await pagefind.filters()
    for (const select of selects) {
      const counts = Object.entries(available[select.dataset['filter']!] ?? {})
      counts.sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
      for (const [value, count] of counts) {
        const option = new Option(`${value} (${count})`, value)
        select.append(option)
      }
      select.closest('label')!.hidden = counts.length === 0
    }
    const fieldset = selects[0]?.closest('fieldset')
    if (fieldset) fieldset.hidden = selects.every((select) => select.closest('label')!.hidden)
    return pagefind
  } catch {
    return undefined
  }
}

function describe(jumps: number, pages: number | undefined, query: string): string {
  const parts: string[] = []
  if (jumps > 0) parts.push(`${jumps} exact ${jumps === 1 ? 'match' : 'matches'}`)
  if (pages !== undefined) parts.push(`${pages} ${pages === 1 ? 'page' : 'pages'}`)
  // In `astro dev` the dialog's own note says that full-text search needs a build; once is enough.
  else if (query && !import.meta.env.DEV) parts.push('full-text search could not be loaded')
  if (parts.length > 0) return parts.join(', ')
  return import.meta.env.DEV ? '' : `No results for “${query}”`
}

function renderJump(target: JumpTarget): HTMLLIElement {
  const link = element('a', 'hb-jump__link')
  link.href = target.url
  link.append(
    element('span', 'hb-jump__kind', kindNames[target.kind]),
    element('strong', 'hb-jump__label', target.label),
  )
  if (target.title) link.append(element('span', 'hb-jump__title', target.title))
  link.append(element('span', 'hb-jump__detail', target.detail))
  const item = element('li', 'hb-jump')
  item.dataset['kind'] = target.kind
  item.append(link)
  return item
}

function renderPage(page: PageResult, query: string): HTMLLIElement {
  const item = element('li', 'hb-result')
  const link = element('a', 'hb-result__link')
  link.href = page.url
  const title = page.meta['title'] ?? page.url
  link.append(element('span', 'hb-result__title', title))
  if (page.meta['kind']) link.append(element('span', 'hb-result__kind', page.meta['kind']))
  item.append(link)
  // Sub-results with an anchor are sections and requirement definitions; the page's own title
  // (Starlight's `#_top`) repeats the result above.
  // Pagefind lists them in page order; show the few that match best (a section whose title
  // holds the words typed, then the most hits), still in page order.
  const candidates = page.sub_results.filter((sub) => sub.anchor && !sub.url.endsWith('#_top'))
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  const score = (sub: PageResult['sub_results'][number]) =>
    (terms.length > 0 && terms.every((term) => sub.title.toLowerCase().includes(term)) ? 1000 : 0) +
    (sub.locations?.length ?? 0)
  const best = new Set(
    [...candidates].sort((a, b) => score(b) - score(a)).slice(0, sectionsPerPage),
  )
  const sections = candidates.filter((sub) => best.has(sub))
  // Each text is said once: an excerpt loses the words that repeat its title, and the page's
  // excerpt is left out when one of its sections shows the same passage.
  const sectionTexts = sections.map((section) => toExcerpt(section.excerpt, section.title))
  const pageText = toExcerpt(page.excerpt, title)
  if (!sectionTexts.some((text) => isSameExcerpt(plainText(text), plainText(pageText))))
    appendExcerpt(item, pageText)
  if (sections.length > 0) {
    const list = element('ul', 'hb-result__sections')
    sections.forEach((section, position) => {
      const sectionLink = element('a', 'hb-result__section', section.title)
      sectionLink.href = section.url
      const entry = element('li')
      entry.append(sectionLink)
      appendExcerpt(entry, sectionTexts[position]!)
      list.append(entry)
    })
    item.append(list)
  }
  return item
}

/** A run of excerpt text, marked when Pagefind marked it as a hit. */
type Segment = { text: string; mark: boolean }

/**
 * Pagefind's excerpt (escaped text with `<mark>` around hits) as text runs, read from an inert
 * document so that nothing in it runs, without the words at its start that repeat `title`.
 */
function toExcerpt(html: string, title: string): Segment[] {
  const segments: Segment[] = []
  for (const node of new DOMParser().parseFromString(html, 'text/html').body.childNodes) {
    segments.push({ text: node.textContent ?? '', mark: node.nodeName === 'MARK' })
  }
  let drop = findRepeatedTitle(title, plainText(segments))
  const kept: Segment[] = []
  for (const segment of segments) {
    if (drop >= segment.text.length) {
      drop -= segment.text.length
      continue
    }
    kept.push({ ...segment, text: segment.text.slice(drop) })
    drop = 0
  }
  return kept
}

function plainText(segments: Segment[]): string {
  return segments.map((segment) => segment.text).join('')
}

/** Appends the excerpt as a paragraph, marks rebuilt as elements; nothing when it is empty. */
function appendExcerpt(parent: HTMLElement, segments: Segment[]): void {
  if (!plainText(segments).trim()) return
  const paragraph = element('p', 'hb-result__excerpt')
  for (const segment of segments) {
    paragraph.append(segment.mark ? element('mark', '', segment.text) : segment.text)
  }
  parent.append(paragraph)
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  if (className) created.className = className
  if (text !== undefined) created.textContent = text
  return created
}
