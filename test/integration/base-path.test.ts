import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { buildSite, projectRoot, readPages, type BuildResult } from './helpers/build-site.ts'
import { attribute, parsePage, selectAll } from './helpers/html.ts'

// Published under a sub-path, every link the project generates must keep it.
let build: BuildResult
let pages: Map<string, string>

beforeAll(() => {
  build = buildSite(mkdtempSync(join(tmpdir(), 'handbook-base-')), {
    HANDBOOK_CONTENT: join(projectRoot, 'test/fixtures/repositories/as-is'),
    HANDBOOK_BASE: '/handbook/',
  })
  pages = readPages(build.outDir)
})

test('builds under /handbook/', () => {
  expect(build.status, build.output).toBe(0)
})

test('section, requirement and backlink URLs start with the base path', () => {
  const hrefs = [...pages.values()].flatMap((html) =>
    selectAll('a.hb-ref, .hb-backlinks a, nav a', parsePage(html)).map(
      (link) => attribute(link, 'href') ?? '',
    ),
  )
  const internal = hrefs.filter((href) => href.startsWith('/'))
  expect(internal.length).toBeGreaterThan(5)
  expect(
    internal.filter((href) => !href.startsWith('/handbook/')),
    JSON.stringify([...pages.keys()]),
  ).toEqual([])
})
