import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { describeBlockingViolations, runAxe } from './helpers/axe.ts'
import { launchBrowser, openPage, watchPage } from './helpers/browser.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toString } from 'hast-util-to-string'
import { parseSectionHeading } from '../../core/documents/headings.ts'
import { distFolder, listBuiltPages, siteUrl } from './helpers/site.ts'

// Targets in the sample handbook (content/): CLD-REQ-063 and NFR-P1 are defined in
// Requirements.MD; §5.2 exists only in ENGINEERING_SOP.md (the default document, alias `SOP`);
// §7 exists in both.
const requirement063 = 'requirements/#cld-req-063'
const sop52 = 'engineering-sop/#52-channel-discipline'

/** Opens the search dialog the way a reader does and types `query`. */
async function search(page: Page, query: string) {
  await page.locator('site-search button[data-open-modal]:not([disabled])').click()
  const input = page.getByRole('dialog').getByRole('searchbox')
  await input.fill(query)
  return input
}

/** Site path (`engineering-sop/#52-…`) of each link among the exact matches, in order. */
async function jumpTargets(page: Page): Promise<string[]> {
  const links = page.locator('#starlight__search .hb-search__jumps a[href]')
  return links.evaluateAll(
    (found, base) => found.map((link) => (link as HTMLAnchorElement).href.slice(base.length)),
    siteUrl(''),
  )
}

/** Site path of the first link in the results, exact or full-text. */
function firstResult(page: Page): Promise<string> {
  return page
    .locator('#starlight__search a[href]')
    .first()
    .evaluate((link, base) => (link as HTMLAnchorElement).href.slice(base.length), siteUrl(''))
}

describe('exact jumps in the search dialog', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  describe('typing an ID, a § number or a name', () => {
    // One page for the whole table: the dialog stays open and each query replaces the last.
    let context: BrowserContext
    let page: Page
    let problems: string[]
    afterAll(() => context?.close())
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      page = await context.newPage()
      problems = watchPage(page)
      await page.goto(siteUrl('engineering-sop/'), { waitUntil: 'networkidle' })
      await search(page, '')
    })

    test.each([
      ['CLD-REQ-063', requirement063],
      ['cld-req-063', requirement063],
      // U+2011 (non-breaking hyphen), as word processors paste it.
      ['CLD\u2011REQ\u2011063', requirement063],
      ['NFR-P1', 'requirements/#nfr-p1'],
      ['nfr p1', 'requirements/#nfr-p1'],
      ['§5.2', sop52],
      ['§ 5.2', sop52],
      ['SOP 5.2', sop52],
      ['SOP §5.2', sop52],
      ['engineering_sop.md §5.2', sop52],
      ['Requirements.MD §7', 'requirements/#7-functional-requirements'],
      ['Tech Lead', 'agents/tech-lead/'],
      ['unit-tester', 'agents/unit-tester/'],
    ])('%s puts %s first, above the full-text results', async (query, target) => {
      await page.getByRole('dialog').getByRole('searchbox').fill(query)
      await expect.poll(() => jumpTargets(page), { timeout: 10_000 }).toContain(target)
      expect((await jumpTargets(page))[0]).toBe(target)
      expect(await firstResult(page)).toBe(target)
      // The jump index and Pagefind's files load without errors.
      expect(
        problems.filter((line) => /uncaught|handbook-jump|pagefind|_astro/.test(line)),
      ).toEqual([])
    })

    test.each(['CLD-REQ-06', 'REQ-063', 'SOP §5.9', '§5.2.1'])(
      '%s is no exact match (never a partial one)',
      async (query) => {
        const input = page.getByRole('dialog').getByRole('searchbox')
        // Start from a query with a jump, so that an answer is visible as a change.
        await input.fill('§5.2')
        await expect.poll(() => jumpTargets(page), { timeout: 10_000 }).toEqual([sop52])
        await input.fill(query)
        await expect.poll(() => jumpTargets(page), { timeout: 10_000 }).toEqual([])
        await expect
          .poll(() => page.locator('.hb-search__status').textContent(), { timeout: 10_000 })
          .toMatch(/pages?$|^No results/)
        expect(await jumpTargets(page)).toEqual([])
      },
    )
  })

  test('full-text results follow the exact match', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await search(page, 'CLD-REQ-063')
    const pages = page.locator('#starlight__search .hb-search__pages a[href]')
    await expect.poll(() => pages.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await firstResult(page)).toBe(requirement063)
    // The requirement definition is its own sub-result, titled with its ID.
    const sections = await page
      .locator('#starlight__search .hb-result__section')
      .evaluateAll((links) => links.map((link) => link.textContent ?? ''))
    expect(sections.some((title) => title.startsWith('CLD-REQ-063:'))).toBe(true)
  })

  test('a numbered section is its own sub-result, titled with its number', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await search(page, 'sender closes')
    const sections = page.locator('#starlight__search .hb-result__section')
    await expect
      .poll(() => sections.allTextContents(), { timeout: 10_000 })
      .toContain('§5.2 Channel Discipline')
    const href = await sections
      .filter({ hasText: '§5.2 Channel Discipline' })
      .first()
      .evaluate((link, base) => (link as HTMLAnchorElement).href.slice(base.length), siteUrl(''))
    expect(href).toBe(sop52)
  })

  test('Enter goes to the exact target', async () => {
    const { page } = await openPage(browser, 'agents/engineer/')
    const input = await search(page, 'SOP §5.2')
    await expect.poll(() => jumpTargets(page), { timeout: 10_000 }).toEqual([sop52])
    await input.press('Enter')
    await page.waitForURL(siteUrl(sop52))
    expect(
      await page.locator('site-search dialog').evaluate((d: HTMLDialogElement) => d.open),
    ).toBe(false)
  })

  test('a number in several documents shows each, the default document first', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await search(page, '§7')
    await expect
      .poll(() => jumpTargets(page), { timeout: 10_000 })
      .toContain('requirements/#7-functional-requirements')
    const jumps = await jumpTargets(page)
    expect(jumps[0]).toBe('engineering-sop/#7-logging-and-observability')
    // Every §7 of the sample (the SOP, the requirements, the three design documents), once.
    expect(jumps).toHaveLength(5)
    expect(jumps.every((jump) => jump.includes('#7-'))).toBe(true)
  })
})

/** Serious or critical axe findings on elements inside `container`, one line each. */
async function axeFindingsWithin(page: Page, container: string): Promise<string[]> {
  const violations = await runAxe(page)
  const inside: typeof violations = []
  for (const violation of violations) {
    const nodes = []
    for (const node of violation.nodes) {
      const within = await page.evaluate(
        ([target, scope]) => document.querySelector(target!)?.closest(scope!) != null,
        [node.target.join(' '), container],
      )
      if (within) nodes.push(node)
    }
    if (nodes.length > 0) inside.push({ ...violation, nodes })
  }
  return describeBlockingViolations(inside)
}

describe('full-text search filters', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('the kind filter narrows results to one kind of document', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await search(page, 'error')
    const kinds = () =>
      page
        .locator('#starlight__search .hb-search__pages .hb-result__kind')
        .evaluateAll((labels) => [...new Set(labels.map((label) => label.textContent))].sort())
    // Unfiltered, "error" is found in several kinds of document.
    await expect
      .poll(kinds, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['Requirements', 'Standards']))

    const filter = page.locator('select[data-filter="kind"]')
    await expect.poll(() => filter.locator('option[value="Requirements"]').count()).toBe(1)
    await filter.selectOption('Requirements')
    await expect.poll(kinds, { timeout: 10_000 }).toEqual(['Requirements'])
    const urls = await page
      .locator('#starlight__search .hb-search__pages .hb-result__link')
      .evaluateAll((links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      )
    expect(urls).toEqual([new URL(siteUrl('requirements/')).pathname])
  })

  test('the open dialog, with filters and results, has no serious accessibility problems', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await search(page, 'CLD-REQ-041')
    const pages = page.locator('#starlight__search .hb-search__pages a[href]')
    await expect.poll(() => pages.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect
      .poll(() => page.locator('select[data-filter="kind"] option').count())
      .toBeGreaterThan(1)
    expect(await axeFindingsWithin(page, 'site-search')).toEqual([])
  })

  test('role and requirement filters list the handbook’s roles and IDs', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    await search(page, 'quota')
    const values = (name: string) =>
      page
        .locator(`select[data-filter="${name}"] option`)
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
    await expect.poll(() => values('role'), { timeout: 10_000 }).toContain('Engineer')
    expect(await values('requirement')).toContain('CLD-REQ-041')
    await page.locator('select[data-filter="requirement"]').selectOption('CLD-REQ-041')
    const urls = () =>
      page
        .locator('#starlight__search .hb-search__pages .hb-result__link')
        .evaluateAll((links) =>
          links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
        )
    // Only pages that define, cite or implement CLD-REQ-041.
    await expect
      .poll(urls, { timeout: 10_000 })
      .toContain(new URL(siteUrl('docs/design/cld-req-041-quota-enforcement/')).pathname)
    expect(await urls()).not.toContain(
      new URL(siteUrl('docs/design/cld-req-063-secrets-rotation/')).pathname,
    )
  })
})

/**
 * Every numbered section of the built site, read from the pages themselves: each heading in a
 * page's content whose text carries a section number, as `route/#id` with `§number title`.
 */
function builtSections(): { href: string; text: string }[] {
  const generated = new Set(['', 'a-z/', 'traceability/', '404.html'])
  return listBuiltPages()
    .filter((path) => !generated.has(path))
    .flatMap((path) => {
      const tree = fromHtml(readFileSync(join(distFolder(), path, 'index.html'), 'utf8'))
      return selectAll(
        ['h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => `.sl-markdown-content ${tag}[id]`).join(),
        tree,
      ).flatMap((heading) => {
        const { number, title } = parseSectionHeading(toString(heading))
        if (number === undefined) return []
        return [{ href: `${path}#${String(heading.properties.id)}`, text: `§${number} ${title}` }]
      })
    })
}

describe('the A–Z index', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('the sidebar links to it', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    const link = page.locator('nav.sidebar a', { hasText: 'Index A–Z' })
    expect(new URL((await link.getAttribute('href'))!, siteUrl('')).href).toBe(siteUrl('a-z/'))
  })

  test('lists every numbered section, grouped by document, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await page.goto(siteUrl('a-z/'))
      const listed = await page.locator('[data-az="sections"] a[href]').evaluateAll(
        (links, base) =>
          links.map((link) => ({
            href: (link as HTMLAnchorElement).href.slice(base.length),
            text: (link.textContent ?? '').replace(/\s+/g, ' ').trim(),
          })),
        siteUrl(''),
      )
      const expected = builtSections()
      expect(expected.length).toBeGreaterThan(100)
      expect(listed).toEqual(expect.arrayContaining(expected))
      expect(listed).toHaveLength(expected.length)
      // Each document's sections sit under that document's heading, in document order.
      const sop = await page
        .locator('[data-az="sections"][data-document="ENGINEERING_SOP.md"] li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-section')))
      expect(sop.slice(0, 4)).toEqual(['1', '1.1', '1.2', '1.3'])
    } finally {
      await context.close()
    }
  })

  test('lists every requirement and role with its citation count', async () => {
    const { page } = await openPage(browser, 'a-z/')
    const requirement = page.locator('[data-az="requirements"] li[data-requirement="CLD-REQ-020"]')
    await expect.poll(() => requirement.textContent()).toMatch(/cited \d+×/)
    const traceability = await openPage(browser, 'traceability/')
    const defined = await traceability.page
      .locator('.hb-trace__item[data-requirement]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-requirement')))
    const listed = await page
      .locator('[data-az="requirements"] li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-requirement')))
    expect([...listed].sort()).toEqual([...defined].sort())
    const roles = await page.locator('[data-az="roles"] li > a').allTextContents()
    expect(roles).toEqual(
      expect.arrayContaining(['Architect', 'Engineer', 'Product Owner', 'Tech Lead']),
    )
  })
})
