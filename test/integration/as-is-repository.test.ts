import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  buildSite,
  projectRoot,
  readPages,
  sourceOf,
  type BuildResult,
} from './helpers/build-site.ts'

// A repository as authors keep it: uppercase .MD, a dot-folder, a .markdown
// file, files without any frontmatter, role frontmatter that is not YAML.
const fixture = join(projectRoot, 'test/fixtures/repositories/as-is')

describe('HANDBOOK_CONTENT=<another folder> npm run build', () => {
  let build: BuildResult
  let pages: Map<string, string>
  beforeAll(() => {
    build = buildSite(mkdtempSync(join(tmpdir(), 'handbook-as-is-')), { HANDBOOK_CONTENT: fixture })
    pages = readPages(build.outDir)
  })

  test('the build succeeds', () => {
    expect(build.status, build.output).toBe(0)
  })

  test.each([
    ['standards', 'STANDARDS.MD', 'Fixture Standards'],
    ['reqs/reqs', 'reqs/REQS.MD', 'Fixture Requirements'],
    ['team/site-keeper', '.team/site-keeper.md', 'Site Keeper'],
    ['docs/notes', 'docs/notes.markdown', 'Notes'],
  ])('/%s/ renders %s titled %s', (route, source, title) => {
    const html = pages.get(route)
    expect(html, `no page at /${route}/`).toBeDefined()
    expect(sourceOf(html!)).toBe(source)
    expect(html).toContain(`<title>${title} |`)
  })

  test('the first heading used as title is not rendered twice', () => {
    const html = pages.get('standards')!
    expect(html.match(/Fixture Standards<\/h1>/g)).toHaveLength(1)
  })

  test('lenient frontmatter is reported with file and line', () => {
    expect(build.output).toMatch(
      /\.team\/site-keeper\.md:3 +warning .*handbook:lenient-frontmatter/,
    )
  })
})
