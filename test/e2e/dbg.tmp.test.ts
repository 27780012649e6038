import { test } from 'vitest'
import { launchBrowser, openPage } from './helpers/browser.ts'
import { runAxe } from './helpers/axe.ts'
test('dbg', async () => {
  const browser = await launchBrowser()
  const { page } = await openPage(browser, 'engineering-sop/', { theme: 'dark' })
  const v = await runAxe(page)
  const r = await page.evaluate(
    (targets) =>
      targets.map((t) => {
        const el = document.querySelector(t) as HTMLElement
        const s = getComputedStyle(el)
        return {
          t,
          ox: s.overflowX,
          oy: s.overflowY,
          sw: el.scrollWidth,
          cw: el.clientWidth,
          sh: el.scrollHeight,
          ch: el.clientHeight,
          tab: el.getAttribute('tabindex'),
          pretab: [...el.querySelectorAll('pre')]
            .map(
              (p) =>
                p.getAttribute('tabindex') +
                ':' +
                p.scrollWidth +
                '/' +
                p.clientWidth +
                ' ' +
                getComputedStyle(p).overflowX,
            )
            .join(','),
        }
      }),
    v
      .filter((x) => x.id === 'scrollable-region-focusable')
      .flatMap((x) => x.nodes.map((n) => String(n.target[0]))),
  )
  console.log(JSON.stringify(r, null, 1))
  await browser.close()
}, 60000)
