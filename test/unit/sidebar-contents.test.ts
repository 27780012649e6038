import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { buildSidebar, listSidebarContents } from '../../integration/create-handbook.ts'
import { createIndexStore } from '../../io/index-store.ts'

const repositories = join(import.meta.dirname, '../fixtures/repositories')
const folders: string[] = []

function writeHandbook(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-sidebar-'))
  folders.push(root)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })))

const config = (patterns: string[]) =>
  JSON.stringify({
    documents: [
      { kind: 'sop', include: ['SOP.md'] },
      { kind: 'requirements', include: ['REQS.md'] },
    ],
    requirementPatterns: patterns,
  })

// The sidebar is made when the site's config loads, before the index exists: from the
// described sources alone it must list what the index lists, and link the traceability page
// exactly when the index has requirements.
describe('the sidebar lists what the index holds, without building it', () => {
  test.each([
    ['the sample handbook', join(import.meta.dirname, '../../content')],
    ['the fixture handbook', join(import.meta.dirname, '../fixtures/handbook')],
    ['as-is', join(repositories, 'as-is')],
    ['no-roles', join(repositories, 'no-roles')],
    ['numbered-spec', join(repositories, 'numbered-spec')],
    ['spec-driven (IDs per feature folder)', join(repositories, 'spec-driven')],
    [
      'IDs only mentioned in the requirements document',
      writeHandbook({
        'handbook.config.json': config(['REQ-\\d+']),
        'SOP.md': '# SOP\n\n## 1. Scope\n\nMeets REQ-1.\n',
        'REQS.md': '# Requirements\n\nSee REQ-1 and REQ-2 in the old tracker.\n',
      }),
    ],
    [
      'IDs defined outside the requirements document',
      writeHandbook({
        'handbook.config.json': config(['REQ-\\d+']),
        'SOP.md': '# SOP\n\n- **REQ-1**: Every service has an owner.\n',
        'REQS.md': '# Requirements\n\nNone yet.\n',
      }),
    ],
    [
      'one definition',
      writeHandbook({
        'handbook.config.json': config(['REQ-\\d+']),
        'SOP.md': '# SOP\n',
        'REQS.md': '# Requirements\n\n- **REQ-1**: Every service has an owner.\n',
      }),
    ],
  ])('%s', (_name, root) => {
    const { index } = createIndexStore(root).get()
    const contents = listSidebarContents(createIndexStore(root))
    expect(contents.documents.map(({ kind, title, route }) => ({ kind, title, route }))).toEqual(
      index.documents.map(({ kind, title, route }) => ({ kind, title, route })),
    )
    expect(contents.hasRequirements).toBe(index.requirements.size > 0)
  })

  test('the traceability page is linked only when requirements are defined', () => {
    const referenceLinks = (hasRequirements: boolean) => {
      const sidebar = buildSidebar({ documents: [], hasRequirements })
      const reference = sidebar.at(-1) as { label: string; items: Array<{ label: string }> }
      return reference.items.map((item) => item.label)
    }
    expect(referenceLinks(true)).toContain('Traceability')
    expect(referenceLinks(false)).not.toContain('Traceability')
  })
})
