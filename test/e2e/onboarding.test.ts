import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'
import { siteUrl } from './helpers/site.ts'

const engineerPage = 'agents/engineer/'
const itemSelector = '[data-required-reading] [data-reading-item]'

/** The required-reading item for one section of one document. */
function readingItem(page: Page, document: string, section: string): Locator {
  return page.locator(`${itemSelector}[data-document="${document}"][data-section="${section}"]`)
}

/** Waits for the progress script to enhance the list: checkboxes shown and enabled. */
async function waitForTicking(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator(`${itemSelector} input[type="checkbox"]:visible:enabled`).count(), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0)
}

/** The key the progress script stores under, and what is stored there. */
function readStore(page: Page): Promise<[string, Record<string, string>] | undefined> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('handbook:reading:'))
    return key ? [key, JSON.parse(localStorage.getItem(key) ?? '{}')] : undefined
  })
}

describe('onboarding: role pages, required reading and the start page', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  test('a role page opens with its card, and the guide’s own reading list is the one to tick', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await page.goto(siteUrl(engineerPage))
      const card = page.locator('[data-role-header]')
      expect(await card.locator('h1').innerText()).toBe('Engineer')
      const cardText = await card.innerText()
      expect(cardText).toContain('Writes and changes production Go code')
      // Words for people: no tool instructions, no colour names.
      expect(cardText).not.toMatch(/Use after|colour|color: blue/)

      // One reading list: the author's, in the author's place and words.
      expect(await page.getByRole('heading', { name: /required reading/i }).count()).toBe(1)
      expect(await page.locator('.hb-reading').count()).toBe(0)
      const items = page.locator(itemSelector)
      expect(await items.count()).toBe(11)
      const first = items.first()
      expect(await first.innerText()).toMatch(/^§3: Go Code Style - formatting, naming/)
      expect(await first.locator('a').first().getAttribute('href')).toMatch(
        /\/engineering-sop\/#3-go-code-style$/,
      )
      // "On this page" names the list once.
      const toc = await page.locator('starlight-toc a').allInnerTexts()
      expect(toc.filter((entry) => /required reading/i.test(entry))).toHaveLength(1)
      // The card's link goes to the author's list.
      expect(await card.locator('a', { hasText: 'Required reading' }).getAttribute('href')).toBe(
        '#required-reading',
      )
      // Without script there is nothing to tick: the boxes stay hidden.
      expect(await page.locator(`${itemSelector} input:visible`).count()).toBe(0)
      // Items that name a whole document are left as the author wrote them.
      expect(
        await page.locator('[data-required-reading] > li:has-text("CONTEXT.md")').count(),
      ).toBe(1)
    } finally {
      await context.close()
    }
  })

  test('an item that asks for a range ticks every section of it at once', async () => {
    const { page } = await openPage(browser, 'agents/tech-lead/')
    await waitForTicking(page)
    const range = page.locator(`${itemSelector}:has-text("Go Code Style to Testing Standards")`)
    const sections = JSON.parse((await range.getAttribute('data-sections'))!) as [string, string][]
    expect(sections.map(([key]) => key.replace(/#.*/, ''))).toEqual(
      Array(10).fill('ENGINEERING_SOP.md'),
    )
    await range.locator(':scope > input[type="checkbox"]').check()
    expect(await range.getAttribute('data-state')).toBe('read')
    expect(await page.locator('[data-reading-summary]').first().innerText()).toBe(
      '10 of 16 sections read.',
    )
  })

  test('ticking an item persists across reloads', async () => {
    const { page, problems } = await openPage(browser, engineerPage)
    await waitForTicking(page)
    const item = readingItem(page, 'ENGINEERING_SOP.md', '4')
    const box = item.locator('input[type="checkbox"]')
    expect(await box.isChecked()).toBe(false)
    await box.check()
    expect(await item.getAttribute('data-state')).toBe('read')

    await page.reload({ waitUntil: 'networkidle' })
    await waitForTicking(page)
    expect(await box.isChecked()).toBe(true)
    expect(await item.getAttribute('data-state')).toBe('read')
    expect(await page.locator('[data-reading-summary]').first().innerText()).toBe(
      '1 of 11 sections read.',
    )

    await box.uncheck()
    await page.reload({ waitUntil: 'networkidle' })
    await waitForTicking(page)
    expect(await box.isChecked()).toBe(false)
    // Our script must not throw; a missing asset elsewhere on the site is another test's concern.
    expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([])
  })

  test('a section that changed after it was ticked shows as updated and counts as unread', async () => {
    const { page } = await openPage(browser, engineerPage)
    await waitForTicking(page)
    const item = readingItem(page, 'ENGINEERING_SOP.md', '5')
    await item.locator('input[type="checkbox"]').check()
    const [key, stored] = (await readStore(page))!
    const [[sectionKey, fingerprint]] = JSON.parse((await item.getAttribute('data-sections'))!)
    expect(stored[sectionKey]).toBe(fingerprint)

    // What a rebuild after the section's text changed amounts to: the fingerprint the reader
    // ticked is no longer the section's.
    await page.evaluate(
      ([storageKey, section]) => {
        const ticks = JSON.parse(localStorage.getItem(storageKey!) ?? '{}')
        ticks[section!] = '000000000000'
        localStorage.setItem(storageKey!, JSON.stringify(ticks))
      },
      [key, sectionKey],
    )
    await page.reload({ waitUntil: 'networkidle' })
    await waitForTicking(page)
    expect(await item.getAttribute('data-state')).toBe('updated')
    expect(await item.locator('input[type="checkbox"]').isChecked()).toBe(false)
    expect(await item.locator('[data-reading-status]').innerText()).toMatch(
      /updated since you read it/i,
    )
    expect(await page.locator('[data-reading-summary]').first().innerText()).toBe(
      '0 of 11 sections read, 1 updated since you read them.',
    )

    // Reading it again stores the new fingerprint.
    await item.locator('input[type="checkbox"]').check()
    expect(await item.getAttribute('data-state')).toBe('read')
    expect(await item.locator('[data-reading-status]').innerText()).toBe('')
  })

  test('role badges under a cited section link to the roles that must read it', async () => {
    const { page } = await openPage(browser, 'engineering-sop/')
    const heading = page.locator('h2[id="12-testing-standards"]')
    expect(await heading.count()).toBe(1)
    const badges = page.locator('[data-readers-for="12-testing-standards"] a.hb-role-badge')
    expect(await badges.allInnerTexts()).toEqual(['Engineer', 'Tech Lead', 'Unit Tester'])
    // The line sits right under its heading.
    const next = await heading.evaluate((element) => {
      const wrapper = element.parentElement?.matches('.sl-heading-wrapper')
        ? element.parentElement
        : element
      return wrapper.nextElementSibling?.getAttribute('data-readers-for')
    })
    expect(next).toBe('12-testing-standards')

    await Promise.all([page.waitForURL(/\/agents\/engineer\/$/), badges.first().click()])
    expect(await page.locator('[data-role-header] h1').innerText()).toBe('Engineer')
  })

  test('the start page shows each role’s reading and the reader’s progress', async () => {
    const { page, problems } = await openPage(browser, engineerPage)
    await waitForTicking(page)
    // §12 is in the engineer's list and in the unit tester's.
    await readingItem(page, 'ENGINEERING_SOP.md', '12').locator('input').check()
    await readingItem(page, 'ENGINEERING_SOP.md', '3').locator('input').check()

    await page.goto(siteUrl(''), { waitUntil: 'networkidle' })
    const card = (role: string) => page.locator(`[data-role-card][data-role=".agents/${role}.md"]`)
    expect(await page.locator('[data-role-card]').count()).toBe(6)
    expect(await card('engineer').locator('h3 a').innerText()).toBe('Engineer')
    expect(await card('engineer').innerText()).toContain(
      'Required reading: 11 sections in 3 documents.',
    )
    const summary = (role: string) => card(role).locator('[data-reading-summary]')
    await expect
      .poll(() => summary('engineer').innerText(), { timeout: 10_000 })
      .toBe('2 of 11 sections read.')
    expect(await summary('unit-tester').innerText()).toBe('1 of 8 sections read.')
    expect(await summary('architect').innerText()).toBe('0 of 9 sections read.')

    // A ticked section that changed since is listed on the card, with a link to it.
    await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('handbook:reading:'))!
      const ticks = JSON.parse(localStorage.getItem(key)!)
      for (const section of Object.keys(ticks)) {
        if (section.endsWith('#12-testing-standards')) ticks[section] = 'changed'
      }
      localStorage.setItem(key, JSON.stringify(ticks))
    })
    await page.reload({ waitUntil: 'networkidle' })
    await expect
      .poll(() => summary('engineer').innerText(), { timeout: 10_000 })
      .toBe('1 of 11 sections read, 1 updated since you read them.')
    const updated = card('unit-tester').locator('[data-reading-updated] a')
    expect(await updated.allInnerTexts()).toEqual([
      '§12 Testing Standards (Cloudless Engineering SOP)',
    ])
    expect(await updated.getAttribute('href')).toMatch(/\/engineering-sop\/#12-testing-standards$/)
    // Our script must not throw; a missing asset elsewhere on the site is another test's concern.
    expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([])
  })

  test('the start page links every role, the collaboration map and the other indexes', async () => {
    const { page } = await openPage(browser, '')
    const map = page.locator('svg[data-collaboration-map]')
    expect(await map.count()).toBe(1)
    expect(await map.getAttribute('role')).toBe('img')
    expect(await map.locator('title').textContent()).toBe('Who hands work to whom')
    expect(await map.locator('desc').textContent()).toContain(
      'Product Owner hands work to Architect.',
    )
    expect(await map.locator('.hb-map__node').count()).toBe(6)
    expect(await map.locator('path.hb-map__edge--hands-off').count()).toBe(8)
    // Pairs that also hand work over are drawn once, as the hand-off, but all are listed.
    expect(await map.locator('path.hb-map__edge--works-with').count()).toBe(3)
    expect(await page.locator('[data-collaboration-edges] li').count()).toBe(17)
    const hrefs = await page
      .locator('.hb-start__ways a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(hrefs).toContain(new URL(siteUrl('traceability/')).pathname)
  })

  test('a role page highlights its role on the map and lists its hand-offs', async () => {
    const { page } = await openPage(browser, engineerPage)
    const map = page.locator('svg[data-collaboration-map]')
    expect(await map.getAttribute('data-highlight')).toBe('.agents/engineer.md')
    expect(await map.locator('.hb-map__node--current text').textContent()).toBe('Engineer')
    expect(await map.locator('desc').textContent()).toMatch(
      /^Engineer is highlighted: receives work from Architect; hands work to Unit Tester, Tech Lead;/,
    )
    const connections = await page.locator('.hb-collab__connections').innerText()
    expect(connections).toMatch(/Receives work from\s+Architect/)
    expect(connections).toMatch(/Hands work to\s+Unit Tester, Tech Lead/)
    expect(connections).toMatch(/Works with\s+Architect, Unit Tester, Tech Lead/)
  })
})
