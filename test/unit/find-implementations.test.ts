import { describe, expect, test } from 'vitest'
import { findImplementations } from '../../core/analysis/citations.ts'
import type { DocIndex, DocumentInfo } from '../../core/documents/types.ts'

const design = (path: string, title: string, kind: DocumentInfo['kind'] = 'design') =>
  ({ path, title, kind }) as DocumentInfo

const index = {
  documents: [
    design('docs/design/cld-req-020-node-registry.md', 'Node registry'),
    design('docs/design/quota.md', 'CLD‑REQ‑041: Quota enforcement'), // non-breaking hyphens
    design('docs/design/cld-req-0201-archive.md', 'Archive'),
    design('docs/design/exigence-é-7.md', 'Exigence É-7'),
    design('docs/design/NFR-P1.md', 'Latency budget'),
    design('docs/guides/cld-req-020-howto.md', 'How to', 'guide'),
  ],
} as unknown as DocIndex

// A design document implements a requirement when its file name or title carries the ID as a
// whole word: any case, any hyphen, and not as part of a longer ID.
describe('the design documents that implement a requirement', () => {
  test.each([
    ['CLD-REQ-020', ['docs/design/cld-req-020-node-registry.md']],
    ['cld-req-041', ['docs/design/quota.md']],
    ['CLD-REQ-0201', ['docs/design/cld-req-0201-archive.md']],
    ['CLD-REQ-02', []],
    ['É-7', ['docs/design/exigence-é-7.md']],
    ['é-7', ['docs/design/exigence-é-7.md']],
    ['NFR-P1', ['docs/design/NFR-P1.md']],
    ['NFR-P', []],
  ])('%s', (id, expected) => {
    expect(findImplementations(id, index).map((document) => document.path)).toEqual(expected)
  })
})
