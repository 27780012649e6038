import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildCitationIndex } from '../../core/analysis/citations.ts'
import { createChecker } from '../../check/run-check.ts'

const projectRoot = resolve(import.meta.dirname, '../..')

// A build records each page's citations while the link plugin renders it (one analysis per
// page). Backlinks, counts, A–Z and traceability read those records, so they must be exactly
// what a pass over every document finds: same citations, same order, title headings included.
describe('citations recorded while pages render are the citation pass', () => {
  test.each([
    'content',
    'test/fixtures/repositories/as-is',
    'test/fixtures/repositories/numbered-spec',
    'test/fixtures/repositories/spec-driven',
    'test/fixtures/repositories/no-roles',
  ])('%s', async (folder) => {
    const result = await createChecker({ contentRoot: join(projectRoot, folder) }).check()
    const recorded = result.built.citationRecorder.recorded()
    const pass = buildCitationIndex(result.built.index)
    expect(recorded.requirements).toEqual(pass.requirements)
    expect(recorded.undefinedRequirements).toEqual(pass.undefinedRequirements)
    expect(recorded.sections).toEqual(pass.sections)
  })
})
