import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildSite, readPages } from './helpers/build-site.ts'

/** Writes a small content folder: file name → text. */
function writeRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-bad-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

const config = JSON.stringify({ documents: [{ kind: 'guide', include: ['*.md'] }] })
const outDir = () => mkdtempSync(join(tmpdir(), 'handbook-out-'))

describe('a build that cannot be trusted stops with a message naming the file', () => {
  test('a malformed config names the file and the key', () => {
    const root = writeRepository({
      'handbook.config.json': JSON.stringify({
        documents: [{ kind: 'manual', include: ['*.md'] }],
      }),
      'a.md': '# A\n',
    })
    const build = buildSite(outDir(), { HANDBOOK_CONTENT: root })
    expect(build.status).not.toBe(0)
    expect(build.output).toContain(join(root, 'handbook.config.json'))
    expect(build.output).toContain('`documents.0.kind`')
  })

  test('a missing content folder names the folder', () => {
    const missing = join(tmpdir(), 'handbook-no-such-folder')
    const build = buildSite(outDir(), { HANDBOOK_CONTENT: missing })
    expect(build.status).not.toBe(0)
    expect(build.output).toContain(`${missing}: Content folder not found`)
  })

  test('frontmatter that cannot be read fails the build, names file and line, and loses no page', () => {
    const root = writeRepository({
      'handbook.config.json': config,
      'good.md': '# Good page\n\nBody.\n',
      'broken.md': '---\ntitle: [unclosed\n  - nope: {\n---\n# Broken page\n\nStill here.\n',
    })
    const build = buildSite(outDir(), { HANDBOOK_CONTENT: root })
    expect(build.status).not.toBe(0)
    expect(build.output).toMatch(/broken\.md:\d+ +error .*handbook:invalid-frontmatter/)
    const pages = readPages(build.outDir)
    expect(pages.get('good')).toContain('Body.')
    expect(pages.get('broken')).toContain('Still here.')
  })
})
