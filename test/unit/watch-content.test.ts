import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { isContentFile, watchContentFiles } from '../../io/watch-content.ts'

const root = '/repo/handbook'

describe('isContentFile: the files the handbook watches itself (and Vite need not)', () => {
  test.each([
    ['/repo/handbook/SOP.md', true],
    ['/repo/handbook/docs/roles/ENGINEER.MD', true],
    ['/repo/handbook/notes/plan.markdown', true],
    ['/repo/handbook/handbook.config.json', true],
    ['/repo/handbook/.agents/architect.md', true],
    ['/repo/handbook/images/diagram.png', false],
    ['/repo/handbook/src/styles.css', false],
    ['/repo/handbook/node_modules/some-package/README.md', false],
    ['/repo/handbook/.git/COMMIT_EDITMSG.md', false],
    ['/repo/handbook/dist/index.md', false],
    ['/repo/other/SOP.md', false],
    ['/repo/handbook-old/SOP.md', false],
  ])('%s → %s', (path, expected) => {
    expect(isContentFile(root, path)).toBe(expected)
  })
})

describe('watchContentFiles', () => {
  let folder: string | undefined
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  test('reports a saved document in a sub-folder once, and nothing for other files', async () => {
    folder = mkdtempSync(join(tmpdir(), 'handbook-watch-'))
    mkdirSync(join(folder, 'docs/deep'), { recursive: true })
    mkdirSync(join(folder, 'node_modules/pkg'), { recursive: true })
    writeFileSync(join(folder, 'docs/deep/Guide.MD'), '# Draft\n')
    const calls: string[][] = []
    const watcher = watchContentFiles(folder, ({ paths }) => calls.push(paths))
    const seen = () => calls.flat()
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      writeFileSync(join(folder, 'node_modules/pkg/README.md'), 'not ours')
      writeFileSync(join(folder, 'docs/deep/image.png'), 'not a document')
      writeFileSync(join(folder, 'docs/deep/Guide.MD'), '# Guide\n')
      await expect.poll(seen, { timeout: 5000 }).toContain(join(folder, 'docs/deep/Guide.MD'))
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(new Set(seen())).toEqual(new Set([join(folder, 'docs/deep/Guide.MD')]))
      // Node reports one write as two events; the save is handled once.
      expect(calls).toEqual([[join(folder, 'docs/deep/Guide.MD')]])
    } finally {
      watcher.close()
    }
  })

  test('reports a folder of documents moved out of the root: no event names its documents', async () => {
    folder = mkdtempSync(join(tmpdir(), 'handbook-watch-'))
    const outside = mkdtempSync(join(tmpdir(), 'handbook-moved-'))
    mkdirSync(join(folder, 'docs/guides'), { recursive: true })
    writeFileSync(join(folder, 'docs/guides/on-call.md'), '# On-call\n')
    const seen: string[] = []
    const watcher = watchContentFiles(folder, ({ paths }) => seen.push(...paths))
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      renameSync(join(folder, 'docs/guides'), join(outside, 'guides'))
      await expect.poll(() => seen, { timeout: 5000 }).toContain(join(folder, 'docs/guides'))
    } finally {
      watcher.close()
      rmSync(outside, { recursive: true, force: true })
    }
  })
})
