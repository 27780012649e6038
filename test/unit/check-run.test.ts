import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createChecker, runCheck, type CheckResult } from '../../check/run-check.ts'
import { watchCheck } from '../../check/watch.ts'
import { loadRehypeHeadingIds } from '../../io/heading-ids.ts'
import { createIndexStore } from '../../io/index-store.ts'

/** Writes a content folder and returns its path. */
function writeContent(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-check-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

const config = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    documents: [
      { kind: 'sop', include: ['SOP.md'] },
      { kind: 'requirements', include: ['Requirements.md'] },
      { kind: 'guide', include: ['guides/*.md'] },
    ],
    requirementPatterns: ['REQ-\\d{3}'],
    ...extra,
  })

const sop = '# SOP\n\n## 1. Scope\n\nText.\n\n## 2. Channels\n\nText.\n'
const requirements = '# Requirements\n\n- REQ-001: The system shall start.\n'

const placesOf = (result: CheckResult, ruleId: string) =>
  result.diagnostics
    .filter((diagnostic) => diagnostic.ruleId === ruleId)
    .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`)

describe('npm run check applies the policy centrally', () => {
  test('rule levels from the config and suppression comments, for every plugin alike', async () => {
    const contentRoot = writeContent({
      'handbook.config.json': config({ rules: { 'unknown-requirement': 'error' } }),
      'SOP.md': sop,
      'Requirements.md': requirements,
      'guides/a.md': [
        '# A', // 1
        '', // 2
        'See §9 and REQ-099.', // 3
        '<!-- handbook-ignore-next-line unknown-section -->', // 4
        'See §8 and REQ-098.', // 5
        '<!-- handbook-ignore-next-line -->', // 6
        'See §7 and REQ-097.', // 7
      ].join('\n'),
    })
    const result = await runCheck({ contentRoot })
    expect(placesOf(result, 'unknown-section')).toEqual(['guides/a.md:3'])
    expect(placesOf(result, 'unknown-requirement')).toEqual(['guides/a.md:3', 'guides/a.md:5'])
    expect(result.diagnostics.find((d) => d.ruleId === 'unknown-requirement')!.severity).toBe(
      'error',
    )
    expect(result.report.summary).toMatchObject({ errors: 2, suppressed: 3, failed: true })
  })

  test('a rule turned off is not reported, and the check passes', async () => {
    const contentRoot = writeContent({
      'handbook.config.json': config({ rules: { 'unknown-section': 'off' } }),
      'SOP.md': sop,
      'Requirements.md': requirements,
      'guides/a.md': '# A\n\nSee §9.\n',
    })
    const result = await runCheck({ contentRoot })
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(result.failed).toBe(false)
  })
})

describe('re-checking after a save', () => {
  const files = () => ({
    'handbook.config.json': config(),
    'SOP.md': sop,
    'Requirements.md': requirements,
    'guides/cites-sop.md': '# Cites\n\nSee §2.\n',
    'guides/cites-req.md': '# Req\n\nREQ-001 and REQ-002.\n',
    'guides/alone.md': '# Alone\n\nNothing to cite.\n',
  })

  test('analyses the changed document and the documents whose references point into it', async () => {
    const contentRoot = writeContent(files())
    const checker = createChecker({ contentRoot })
    const first = await checker.check()
    expect(first.analysed).toHaveLength(5)
    expect(placesOf(first, 'unknown-requirement')).toEqual(['guides/cites-req.md:3'])

    // The SOP loses §2: the guide that cited it is analysed again and now reports it.
    writeFileSync(join(contentRoot, 'SOP.md'), sop.replace('## 2. Channels', '## 3. Channels'))
    const second = await checker.recheck([join(contentRoot, 'SOP.md')])
    expect(second.analysed).toEqual(['SOP.md', 'guides/cites-sop.md'])
    expect(placesOf(second, 'unknown-section')).toEqual(['guides/cites-sop.md:3'])
    expect(placesOf(second, 'unknown-requirement')).toEqual(['guides/cites-req.md:3'])

    // REQ-002 gets defined: the guide that cited it, defined or not, is analysed again.
    writeFileSync(join(contentRoot, 'Requirements.md'), `${requirements}- REQ-002: And stop.\n`)
    const third = await checker.recheck([join(contentRoot, 'Requirements.md')])
    expect(third.analysed).toEqual(['Requirements.md', 'guides/cites-req.md'])
    expect(placesOf(third, 'unknown-requirement')).toEqual([])
    expect(placesOf(third, 'unknown-section')).toEqual(['guides/cites-sop.md:3'])

    // A document that nothing cites: only itself.
    writeFileSync(join(contentRoot, 'guides/alone.md'), '# Alone\n\nSee §9.\n')
    const fourth = await checker.recheck([join(contentRoot, 'guides/alone.md')])
    expect(fourth.analysed).toEqual(['guides/alone.md'])
    expect(placesOf(fourth, 'unknown-section')).toEqual([
      'guides/alone.md:3',
      'guides/cites-sop.md:3',
    ])
  })

  test("with the dev server's store, the report checks the index the pages render from", async () => {
    const contentRoot = writeContent(files())
    const store = createIndexStore(contentRoot)
    const checker = createChecker({ contentRoot, store })
    const first = await checker.check()
    expect(first.built).toBe(store.get())

    // The dev server's watcher invalidates its store, then asks for the report again.
    writeFileSync(join(contentRoot, 'SOP.md'), sop.replace('## 2. Channels', '## 3. Channels'))
    store.invalidate()
    const second = await checker.recheck([join(contentRoot, 'SOP.md')])
    expect(second.built).toBe(store.get())
    expect(second.built).not.toBe(first.built)
    expect(second.analysed).toEqual(['SOP.md', 'guides/cites-sop.md'])
    expect(placesOf(second, 'unknown-section')).toEqual(['guides/cites-sop.md:3'])
  })

  test('a new document or a changed configuration re-checks everything', async () => {
    const contentRoot = writeContent(files())
    const checker = createChecker({ contentRoot })
    await checker.check()
    writeFileSync(join(contentRoot, 'guides/new.md'), '# New\n\nSee §9.\n')
    const added = await checker.recheck([join(contentRoot, 'guides/new.md')])
    expect(added.analysed).toHaveLength(6)
    expect(placesOf(added, 'unknown-section')).toEqual(['guides/new.md:3'])
    writeFileSync(
      join(contentRoot, 'handbook.config.json'),
      config({ rules: { 'unknown-section': 'off' } }),
    )
    const reconfigured = await checker.recheck([join(contentRoot, 'handbook.config.json')])
    expect(reconfigured.analysed).toHaveLength(6)
    expect(placesOf(reconfigured, 'unknown-section')).toEqual([])
  })

  test('--watch reports again after a file is saved', async () => {
    const contentRoot = writeContent(files())
    const checker = createChecker({ contentRoot })
    await checker.check()
    const next = new Promise<{ result: CheckResult; changed: string[] }>((resolve, reject) => {
      const watcher = watchCheck(checker, {
        onResult(result, changed) {
          watcher.close()
          resolve({ result, changed })
        },
        onError: reject,
      })
      setTimeout(
        () => writeFileSync(join(contentRoot, 'guides/alone.md'), '# Alone\n\nSee §9.\n'),
        50,
      )
    })
    const { result, changed } = await next
    expect(changed).toEqual([join(contentRoot, 'guides/alone.md')])
    expect(placesOf(result, 'unknown-section')).toEqual(['guides/alone.md:3'])
  })
})

test("npm run check loads Astro's heading-id step without the rest of @astrojs/markdown-remark, and it is the same function", async () => {
  const main = (await import('@astrojs/markdown-remark')) as { rehypeHeadingIds: unknown }
  expect(loadRehypeHeadingIds()).toBe(main.rehypeHeadingIds)
  const resolved = createRequire(import.meta.url).resolve('@astrojs/markdown-remark')
  expect(resolved).toMatch(/dist[\\/]index\.js$/)
})
