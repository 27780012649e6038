import { describe, expect, test } from 'vitest'
import {
  buildDocumentNameTable,
  buildSectionTable,
  createIsDocumentName,
  findDocument,
  findSectionCandidates,
  normalizeDocumentName,
  type FindDocumentOptions,
} from '../../core/documents/names.ts'
import { buildIndex, buildSampleDocument } from './helpers/sample-index.ts'
import { buildMarkdownIndex, describeSectionRefs } from './helpers/markdown-index.ts'

/**
 * Field guide §1: names are local first, like relative links. A platform
 * handbook at the top, a docs folder that repeats `README.md` and
 * `notes.md`, and a spec-driven product whose feature folders repeat every
 * file name (`plan.md`, `contracts/api.md`).
 */
const paths = [
  'ENGINEERING_SOP.md',
  'README.md',
  'ROADMAP.md',
  'STYLE.md',
  'lib/style.md',
  'docs/README.md',
  'docs/guide.md',
  'docs/design/adr-1.md',
  'docs/design/notes.md',
  'docs/reports/notes.md',
  'docs/changes/CHANGELOG.md',
  'specs/001-login/spec.md',
  'specs/001-login/plan.md',
  'specs/001-login/research.md',
  'specs/001-login/contracts/api.md',
  'specs/002-billing/spec.md',
  'specs/002-billing/plan.md',
  'specs/002-billing/tasks.md',
  'specs/002-billing/data-model.md',
  'specs/002-billing/contracts/api.md',
]
const index = buildIndex(
  paths.map((path) => buildSampleDocument(path, ['## 1. One'])),
  { aliases: { SOP: 'ENGINEERING_SOP.md', 'Engineering Handbook': 'ENGINEERING_SOP.md' } },
)

const tasks = 'specs/002-billing/tasks.md'
const login = 'specs/001-login/spec.md'

/** `path (match)`, `ambiguous a, b` or `missing`. */
function lookUp(name: string, options: FindDocumentOptions): string {
  const found = findDocument(index, name, options)
  if (found.status === 'found') return `${found.document.path} (${found.match})`
  if (found.status === 'ambiguous') {
    return `ambiguous ${found.candidates.map((document) => document.path).join(', ')}`
  }
  return 'missing'
}

type Case = [name: string, options: FindDocumentOptions, expected: string]

describe('findDocument: relative to the citing document’s folder first', () => {
  test.each<Case>([
    ['contracts/api.md', { from: tasks }, 'specs/002-billing/contracts/api.md (relative)'],
    ['contracts/api.md', { from: login }, 'specs/001-login/contracts/api.md (relative)'],
    ['plan.md', { from: tasks }, 'specs/002-billing/plan.md (relative)'],
    ['./plan.md', { from: login }, 'specs/001-login/plan.md (relative)'],
    ['../001-login/spec.md', { from: tasks }, 'specs/001-login/spec.md (relative)'],
    ['../ENGINEERING_SOP.md', { from: 'docs/guide.md' }, 'ENGINEERING_SOP.md (relative)'],
    ['README.md', { from: 'docs/guide.md' }, 'docs/README.md (relative)'],
    ['notes.md', { from: 'docs/design/adr-1.md' }, 'docs/design/notes.md (relative)'],
    // As authors write it: a different case, backticks, bold, a possessive.
    ['Plan.md', { from: login }, 'specs/001-login/plan.md (relative)'],
    ['`plan.md`', { from: tasks }, 'specs/002-billing/plan.md (relative)'],
    ['**plan.md**', { from: tasks }, 'specs/002-billing/plan.md (relative)'],
    ["plan.md's", { from: tasks }, 'specs/002-billing/plan.md (relative)'],
  ])('%j from %j → %s', (name, options, expected) => {
    expect(lookUp(name, options)).toBe(expected)
  })
})

describe('findDocument: then the nearest going up, then the only one', () => {
  test.each<Case>([
    ['README.md', { from: login }, 'README.md (nearest)'],
    ['README.md', { from: 'docs/design/adr-1.md' }, 'docs/README.md (nearest)'],
    ['ENGINEERING_SOP.md', { from: login }, 'ENGINEERING_SOP.md (nearest)'],
    [
      'specs/002-billing/spec.md',
      { from: 'specs/001-login/plan.md' },
      'specs/002-billing/spec.md (nearest)',
    ],
    ['CHANGELOG.md', { from: login }, 'docs/changes/CHANGELOG.md (only)'],
    ['CHANGELOG.md', {}, 'docs/changes/CHANGELOG.md (only)'],
    // A leading folder the repository does not have (`docs/` before a top-level file).
    ['docs/ENGINEERING_SOP.md', { from: 'ROADMAP.md' }, 'ENGINEERING_SOP.md (only)'],
    // A difference of case counts when it is unambiguous; an exact match wins.
    ['engineering_sop.md', {}, 'ENGINEERING_SOP.md (only)'],
    ['STYLE.md', {}, 'STYLE.md (only)'],
    ['style.md', {}, 'lib/style.md (only)'],
    // Configured aliases, including several words, in any case.
    ['SOP', { from: login }, 'ENGINEERING_SOP.md (alias)'],
    ['Engineering Handbook', {}, 'ENGINEERING_SOP.md (alias)'],
  ])('%j from %j → %s', (name, options, expected) => {
    expect(lookUp(name, options)).toBe(expected)
  })
})

describe('findDocument: equally near is ambiguous', () => {
  test.each<Case>([
    ['notes.md', { from: 'ROADMAP.md' }, 'ambiguous docs/design/notes.md, docs/reports/notes.md'],
    [
      'notes.md',
      { from: 'docs/guide.md' },
      'ambiguous docs/design/notes.md, docs/reports/notes.md',
    ],
    [
      'spec.md',
      { from: 'ROADMAP.md' },
      'ambiguous specs/001-login/spec.md, specs/002-billing/spec.md',
    ],
    ['plan.md', {}, 'ambiguous specs/001-login/plan.md, specs/002-billing/plan.md'],
    // Relative to tasks.md there is no `api.md`; both features have one under contracts/.
    [
      'api.md',
      { from: tasks },
      'ambiguous specs/001-login/contracts/api.md, specs/002-billing/contracts/api.md',
    ],
    [
      'contracts/api.md',
      { from: 'ROADMAP.md' },
      'ambiguous specs/001-login/contracts/api.md, specs/002-billing/contracts/api.md',
    ],
    ['Style.md', {}, 'ambiguous STYLE.md, lib/style.md'],
    // A feature without its own plan.md: the other features' are equally far.
    [
      'plan.md',
      { from: 'specs/003-search/spec.md' },
      'ambiguous specs/001-login/plan.md, specs/002-billing/plan.md',
    ],
    [
      'api.md',
      { from: 'ROADMAP.md' },
      'ambiguous specs/001-login/contracts/api.md, specs/002-billing/contracts/api.md',
    ],
    [
      'notes.md',
      { from: 'docs/changes/CHANGELOG.md' },
      'ambiguous docs/design/notes.md, docs/reports/notes.md',
    ],
  ])('%j from %j → %s', (name, options, expected) => {
    expect(lookUp(name, options)).toBe(expected)
  })
})

describe('findDocument: an author’s own link is never ambiguous', () => {
  test.each<Case>([
    ['./plan.md', { from: tasks, link: true }, 'specs/002-billing/plan.md (link)'],
    ['plan.md', { from: login, link: true }, 'specs/001-login/plan.md (link)'],
    ['../001-login/plan.md', { from: tasks, link: true }, 'specs/001-login/plan.md (link)'],
    ['contracts/api.md', { from: tasks, link: true }, 'specs/002-billing/contracts/api.md (link)'],
    ['notes.md', { from: 'docs/design/adr-1.md', link: true }, 'docs/design/notes.md (link)'],
    [
      '../reports/notes.md',
      { from: 'docs/design/adr-1.md', link: true },
      'docs/reports/notes.md (link)',
    ],
    // Only the path relative to the citing document counts: no search up, no other one.
    ['plan.md', { from: 'ROADMAP.md', link: true }, 'missing'],
    ['api.md', { from: tasks, link: true }, 'missing'],
    ['CHANGELOG.md', { from: 'docs/guide.md', link: true }, 'missing'],
  ])('%j from %j → %s', (name, options, expected) => {
    expect(lookUp(name, options)).toBe(expected)
  })
})

describe('findDocument: a bare word before `§` that is a sibling’s base name', () => {
  test.each<Case>([
    ['research', { from: login, stem: true }, 'specs/001-login/research.md (stem)'],
    ['Research', { from: login, stem: true }, 'specs/001-login/research.md (stem)'],
    ['Plan', { from: login, stem: true }, 'specs/001-login/plan.md (stem)'],
    ['spec', { from: tasks, stem: true }, 'specs/002-billing/spec.md (stem)'],
    ['data-model', { from: tasks, stem: true }, 'specs/002-billing/data-model.md (stem)'],
    ['tasks', { from: tasks, stem: true }, 'specs/002-billing/tasks.md (stem)'],
    // Not a sibling: the billing feature has no research.md.
    ['research', { from: tasks, stem: true }, 'missing'],
    // Only right before `§` (the caller says so): a stem is not a name anywhere else.
    ['research', { from: login }, 'missing'],
    ['plan', {}, 'missing'],
  ])('%j from %j → %s', (name, options, expected) => {
    expect(lookUp(name, options)).toBe(expected)
  })
})

describe('findDocument: not a document', () => {
  test.each<Case>([
    ['STANDARDS.md', {}, 'missing'],
    ['', {}, 'missing'],
    ['the RFC', {}, 'missing'],
    ['VIII', {}, 'missing'],
    ['GDPR', { from: login }, 'missing'],
  ])('%j → %s', (name, options, expected) => {
    expect(lookUp(name, options)).toBe(expected)
  })
})

describe('normalizeDocumentName', () => {
  test.each([
    ['`SOP`', 'SOP'],
    ['**Requirements.MD**', 'Requirements.MD'],
    ["CONTEXT.md's", 'CONTEXT.md'],
    ['CONTEXT.md’s', 'CONTEXT.md'],
    ['./docs/guide.md', 'docs/guide.md'],
    ['(SOP)', 'SOP'],
    ['SOP:', 'SOP'],
    ['"SOP"', 'SOP'],
    ['  _plan.md_ ', 'plan.md'],
  ])('%j → %j', (written, expected) => {
    expect(normalizeDocumentName(written)).toBe(expected)
  })
})

describe('createIsDocumentName', () => {
  test.each<[string, string | undefined, boolean]>([
    ['SOP', undefined, true],
    // Ambiguous is still a name (reported as such, not as unknown).
    ['plan.md', undefined, true],
    ['contracts/api.md', tasks, true],
    ['STANDARDS.md', undefined, false],
    // Stems are names only right before `§`, which the parser asks separately.
    ['research', login, false],
  ])('%j from %j → %s', (name, from, expected) => {
    expect(createIsDocumentName(index, from)(name)).toBe(expected)
  })
})

describe('the name table and the number → section table', () => {
  test('every document by each alias, by path, and by folder and base name', () => {
    const table = buildDocumentNameTable(index.documents)
    expect(table.exact.get('plan.md')?.map((document) => document.path)).toEqual([
      'specs/001-login/plan.md',
      'specs/002-billing/plan.md',
    ])
    expect(table.folded.get('sop')?.map((document) => document.path)).toEqual([
      'ENGINEERING_SOP.md',
    ])
    expect(table.paths.get('docs/design/notes.md')?.path).toBe('docs/design/notes.md')
    expect(table.stems.get('specs/002-billing/data-model')?.path).toBe(
      'specs/002-billing/data-model.md',
    )
    expect(table.stems.get('./engineering_sop')?.path).toBe('ENGINEERING_SOP.md')
  })

  test('only outline numbers, upper-cased, first heading per document', () => {
    const documents = [
      buildSampleDocument('A.md', [
        '## 5. Five',
        '## 5a · Five A',
        '## Appendix B: Bee',
        '### B.1 One',
      ]),
      buildSampleDocument('B.md', [
        '## Workflow',
        '### 5. Not a section',
        '## 5. Five',
        '## 5. Again',
      ]),
    ]
    buildIndex(documents)
    const table = buildSectionTable(documents)
    const describe = (key: string) =>
      (table.get(key) ?? []).map(({ document, heading }) => `${document.path}:${heading.title}`)
    expect(describe('5')).toEqual(['A.md:Five', 'B.md:Five'])
    expect(describe('5A')).toEqual(['A.md:Five A'])
    expect(describe('B.1')).toEqual(['A.md:One'])
    expect(table.has('5a')).toBe(false)
    const indexed = buildIndex(documents)
    expect(findSectionCandidates(indexed, '5a').map(({ document }) => document.path)).toEqual([
      'A.md',
    ])
    expect(findSectionCandidates(indexed, 'b.1').map(({ heading }) => heading.title)).toEqual([
      'One',
    ])
  })
})

describe('names on a page of a spec-driven repository', () => {
  const built = buildMarkdownIndex(
    {
      'SOP.md': { kind: 'sop', text: '# SOP\n\n## 3. Style\n\n## 9. Errors\n' },
      'specs/001-login/spec.md': '# Login\n\n## 3. Flows\n',
      'specs/001-login/plan.md': '# Plan\n\n## 3. Phases\n\n## Testing\n',
      'specs/001-login/contracts/api.md': '# API\n\n## 1. Endpoints\n\n## 9. Errors\n',
      'specs/002-billing/plan.md': '# Plan\n\n## 3. Phases\n\n## Testing\n',
      'specs/002-billing/research.md': '# Research\n\n## 3. Findings\n',
      'specs/002-billing/contracts/api.md': '# API\n\n## 1. Endpoints\n\n## 9. Errors\n',
      'specs/002-billing/tasks.md': `# Tasks

- [ ] T001 Follow [the plan](./plan.md) §3 and [login's plan](../001-login/plan.md) §3.
- [ ] T002 Implement \`contracts/api.md §9\` and \`contracts/api.md\` §1.
- [ ] T003 Mirror \`../001-login/contracts/api.md §9\`.
- [ ] T004 Record it in research §3 (see Research §3); plan §Testing lists the checks.
- [ ] T005 Keep the [plan](plan.md) §Testing current.
- [ ] T006 A spec §3 of some other project is not ours; neither is api.md §9 (two features have it).
`,
    },
    { defaultSectionTarget: 'SOP.md' },
  )

  test('relative paths, links, code spans and sibling base names', () => {
    expect(describeSectionRefs(built, 'specs/002-billing/tasks.md')).toEqual([
      '§3 → specs/002-billing/plan.md#3-phases (named-before)',
      '§3 → specs/001-login/plan.md#3-phases (named-before)',
      '§9 → specs/002-billing/contracts/api.md#9-errors (named-before)',
      '§1 → specs/002-billing/contracts/api.md#1-endpoints (named-before)',
      '§9 → specs/001-login/contracts/api.md#9-errors (named-before)',
      '§3 → specs/002-billing/research.md#3-findings (named-before)',
      '§3 → specs/002-billing/research.md#3-findings (named-before)',
      '§Testing → specs/002-billing/plan.md#testing (named-before)',
      '§Testing → specs/002-billing/plan.md#testing (named-before)',
      '§3 → – foreign-document',
      '§9 → ✗ ambiguous-document',
    ])
  })

  test('a link with a fragment, an encoded space or a query still names its document', () => {
    const linked = buildMarkdownIndex(
      {
        'SOP.md': { kind: 'sop', text: '# SOP\n\n## 3. Style\n\n## 9. Errors\n' },
        'docs/My Plan.md': '# Plan\n\n## 3. Phases\n',
        'docs/notes.md':
          '# Notes\n\n- The [SOP](../SOP.md#9-errors) §9.\n- The [plan](My%20Plan.md) §3.\n- The [plan](./My%20Plan.md?plain=1) §3.\n',
      },
      { defaultSectionTarget: 'SOP.md' },
    )
    expect(describeSectionRefs(linked, 'docs/notes.md')).toEqual([
      '§9 → SOP.md#9-errors (named-before)',
      '§3 → docs/My Plan.md#3-phases (named-before)',
      '§3 → docs/My Plan.md#3-phases (named-before)',
    ])
  })

  test('a link to a web page before `§` cites another document: left alone', () => {
    const web = buildMarkdownIndex(
      {
        'SOP.md': { kind: 'sop', text: '# SOP\n\n## 15. Status codes\n\n## 17. Deletion\n' },
        'docs/notes.md':
          '# Notes\n\nSee [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110) §15 and [GDPR](https://gdpr-info.eu/) §17.\n',
      },
      { defaultSectionTarget: 'SOP.md' },
    )
    expect(describeSectionRefs(web, 'docs/notes.md')).toEqual([
      '§15 → – foreign-document',
      '§17 → – foreign-document',
    ])
  })
})
