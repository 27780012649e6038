import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDevServer, type DevServer } from './helpers/dev-server.ts'

// A copy of a small repository outside the project, as a reader's handbook usually is: only the
// handbook's own watcher sees its files there (Vite watches the project folder).
const fixture = 'test/fixtures/repositories/no-roles'

describe('`npm run dev` shows a saved document without a restart', () => {
  let repository: string
  let server: DevServer | undefined

  beforeAll(async () => {
    repository = mkdtempSync(join(tmpdir(), 'handbook-live-'))
    cpSync(fixture, repository, { recursive: true })
    server = await startDevServer(repository)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    rmSync(repository, { recursive: true, force: true })
  })

  const page = async (path: string) => {
    const response = await fetch(new URL(path, server!.url))
    return response.ok ? response.text() : `HTTP ${response.status}`
  }

  test('an edited paragraph and a new section appear on the next request', async () => {
    await expect.poll(() => page('docs/on-call/'), { timeout: 60_000 }).toContain('first shift')
    const file = join(repository, 'docs/on-call.md')
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'Before your first shift',
        'Before your very first shift',
      ) + '\n## Hand-over Notes\n\nWrite down what the next shift must know.\n',
    )
    await expect
      .poll(() => page('docs/on-call/'), { timeout: 30_000 })
      .toContain('Before your very first shift')
    const html = await page('docs/on-call/')
    expect(html).toMatch(/<h2 id="hand-over-notes"/)
  }, 120_000)

  test('a section added to one document resolves a reference in another', async () => {
    const guide = join(repository, 'docs/on-call.md')
    writeFileSync(guide, `${readFileSync(guide, 'utf8')}\nSet every timeout as §3.2 says.\n`)
    await expect
      .poll(() => page('docs/on-call/'), { timeout: 30_000 })
      .toContain('Set every timeout as')
    expect(await page('docs/on-call/')).not.toMatch(/href="[^"]*#32-timeouts"/)

    const standards = join(repository, 'STANDARDS.md')
    writeFileSync(
      standards,
      `${readFileSync(standards, 'utf8')}\n### 3.2 Timeouts\n\nEvery call has a deadline.\n`,
    )
    // The guide did not change; its page is rendered again because what it cites did.
    await expect
      .poll(() => page('docs/on-call/'), { timeout: 30_000 })
      .toMatch(/href="[^"]*standards\/#32-timeouts"/)
  }, 90_000)
})
