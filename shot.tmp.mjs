import { chromium } from 'playwright-core'
const [,, url, out, theme='light', width='1280'] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] })
const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 } })
await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme)
await page.goto(url)
await page.screenshot({ path: out, fullPage: false })
await browser.close()
