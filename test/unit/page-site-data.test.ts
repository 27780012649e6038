import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { toPageSiteData, toSiteData } from '../../integration/site-data-shape.ts'
import { createIndexStore } from '../../io/index-store.ts'

const projectRoot = resolve(import.meta.dirname, '../..')

// Document pages' components read the site data without citations, so that `astro dev` answers
// its first page without analysing every page first. What they read must be the site data's own.
describe('the page site data is the site data without citations', () => {
  test.each(['content', 'test/fixtures/repositories/no-roles'])('%s', (folder) => {
    const store = createIndexStore(join(projectRoot, folder))
    const page = toPageSiteData(store)
    // Reading the page data analyses no page that has not rendered (role guides are recorded
    // when the index is built).
    const { index, citationRecorder } = store.get()
    const analysed = index.documents.filter((document) => citationRecorder.page(document.path))
    expect(analysed.every((document) => document.kind === 'role')).toBe(true)
    const {
      title: _title,
      description: _description,
      undefinedRequirements: _undefined,
      ...site
    } = toSiteData(store)
    expect(page).toEqual({
      ...site,
      documents: site.documents.map(({ references: _references, headings, ...document }) => ({
        ...document,
        headings: headings.map(({ citations: _citations, ...heading }) => heading),
      })),
      requirements: site.requirements.map(
        ({ citedBy: _citedBy, implementedBy: _implementedBy, ...requirement }) => requirement,
      ),
    })
  })
})

test("pages' site data holds what pages show of a heading, not its fingerprint, range or summary", () => {
  const store = createIndexStore(join(projectRoot, 'content'))
  const keys = new Set(
    [...toPageSiteData(store).documents, ...toSiteData(store).documents].flatMap((document) =>
      document.headings.flatMap((heading) => Object.keys(heading)),
    ),
  )
  expect([...keys].sort()).toEqual(['citations', 'depth', 'id', 'number', 'text', 'title'])
})
