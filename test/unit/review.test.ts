import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  createGitRunner,
  formatReviewReport,
  loadReviewReport,
  type GitRunner,
  type ReviewReport,
} from '../../io/review.ts'
import { loadHandbookConfig } from '../../io/load-config.ts'
import type { DocumentInfo } from '../../core/documents/types.ts'
import { createIndexStore } from '../../io/index-store.ts'
import { findChangedSections } from '../../core/reading/changes.ts'
import type { ReadingItem } from '../../core/reading/types.ts'
import { buildSampleDocument } from './helpers/sample-index.ts'

describe('findChangedSections', () => {
  const now = buildSampleDocument('SOP.md', ['## 1. Purpose', '## 2. Scope', '## Glossary'])
  const item = (position: number, fingerprint = `sample-${position}`): ReadingItem => {
    const heading = now.headings[position]!
    return {
      document: 'SOP.md',
      headingId: heading.id,
      ...(heading.number ? { number: heading.number } : {}),
      title: heading.title,
      fingerprint,
      line: 1,
    }
  }
  /** The same document as it was, with the given heading lines and fingerprints. */
  const then = (lines: string[], fingerprints: string[]): DocumentInfo => {
    const document = buildSampleDocument('SOP.md', lines)
    document.headings.forEach(
      (heading, position) => (heading.fingerprint = fingerprints[position]!),
    )
    return document
  }

  test.each([
    {
      name: 'unchanged sections are not listed',
      before: then(
        ['## 1. Purpose', '## 2. Scope', '## Glossary'],
        ['sample-0', 'sample-1', 'sample-2'],
      ),
      cited: [item(0), item(1), item(2)],
      expected: [],
    },
    {
      name: 'a section whose text differs is changed',
      before: then(['## 1. Purpose', '## 2. Scope'], ['sample-0', 'old']),
      cited: [item(0), item(1)],
      expected: ['2 changed'],
    },
    {
      name: 'sections are matched by number, so a retitled section is changed, not new',
      before: then(['## 1. Aims', '## 2. Scope'], ['old', 'sample-1']),
      cited: [item(0), item(1)],
      expected: ['1 changed'],
    },
    {
      name: 'an unnumbered section is matched by its title, in any case',
      before: then(['## glossary'], ['old']),
      cited: [item(2)],
      expected: ['Glossary changed'],
    },
    {
      name: 'a section that did not exist then is new',
      before: then(['## 1. Purpose'], ['sample-0']),
      cited: [item(0), item(1)],
      expected: ['2 added'],
    },
    {
      name: 'a document that did not exist then makes every cited section new',
      before: undefined,
      cited: [item(0)],
      expected: ['1 added'],
    },
  ])('$name', ({ before, cited, expected }) => {
    const changes = findChangedSections(cited, new Map([['SOP.md', before]]))
    expect(changes.map((change) => `${change.number ?? change.title} ${change.change}`)).toEqual(
      expected,
    )
  })

  test('a document with no known earlier version is skipped', () => {
    expect(findChangedSections([item(0)], new Map())).toEqual([])
  })
})

/** A content folder with a config, an SOP and one role guide citing §1 and §2. */
function writeContent(root: string): void {
  mkdirSync(join(root, '.agents'), { recursive: true })
  writeFileSync(
    join(root, 'handbook.config.json'),
    JSON.stringify({
      title: 'Review fixture',
      documents: [
        { kind: 'sop', include: ['SOP.md'] },
        { kind: 'role', include: ['.agents/*.md'] },
      ],
    }),
  )
  writeFileSync(join(root, 'SOP.md'), '# SOP\n\n## 1. Purpose\n\nWhy.\n\n## 2. Scope\n\nWhat.\n')
  writeFileSync(
    join(root, '.agents', 'dev.md'),
    '---\nname: dev\n---\n\n## Required Reading\n\n- **SOP.md**: §1, §2\n',
  )
}

function review(root: string, git?: GitRunner): ReviewReport {
  const store = createIndexStore(root, loadHandbookConfig(root))
  return loadReviewReport(store.get(), store.config, root, git)
}

describe('loadReviewReport', () => {
  const gitEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    GIT_CONFIG_GLOBAL: '/dev/null',
  }
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: gitEnv, stdio: 'pipe' })

  test('says so when the content is not in a git repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'handbook-review-plain-'))
    writeContent(root)
    const report = review(root)
    expect(report).toEqual({
      available: false,
      reason: expect.stringContaining('not in a git repository'),
    })
    expect(formatReviewReport(report)).toEqual([
      expect.stringMatching(/^Role guide review: not available: .* not in a git repository/),
    ])
  })

  test(
    'lists the cited sections changed since the guide’s last commit',
    { timeout: 60_000 },
    () => {
      // The content sits in a sub-folder of the repository, as content/ does here.
      const repository = mkdtempSync(join(tmpdir(), 'handbook-review-git-'))
      const root = join(repository, 'handbook')
      writeContent(root)
      git(repository, 'init', '-q')
      git(repository, 'add', '.')
      git(repository, 'commit', '-q', '-m', 'Handbook')

      // Nothing changed since the guide was committed.
      let report = review(root)
      expect(
        report.available && report.guides.map((guide) => [guide.status, guide.changes]),
      ).toEqual([['compared', []]])

      // §2 changes later, in a commit and then again in the working tree.
      writeFileSync(
        join(root, 'SOP.md'),
        '# SOP\n\n## 1. Purpose\n\nWhy.\n\n## 2. Scope\n\nWhat, and how.\n',
      )
      git(repository, 'commit', '-q', '-am', 'Widen the scope')
      report = review(root)
      expect(report.available && report.guides[0]).toMatchObject({
        guide: '.agents/dev.md',
        status: 'compared',
        cited: 2,
        changes: [{ document: 'SOP.md', number: '2', title: 'Scope', change: 'changed' }],
      })
      const lines = formatReviewReport(report)
      expect(lines[1]).toMatch(
        /^ {2}\.agents\/dev\.md \(last changed \d{4}-\d\d-\d\d, [0-9a-f]{7}\): 1 of its 2 cited sections changed since/,
      )
      expect(lines[2]).toBe('    SOP.md §2 Scope  changed')

      // Once the guide itself is edited, nothing it cites is newer than it.
      writeFileSync(
        join(root, '.agents', 'dev.md'),
        '---\nname: dev\n---\n\n## Required Reading\n\n- **SOP.md**: §1, §2 (reviewed)\n',
      )
      report = review(root)
      expect(report.available && report.guides[0]!.status).toBe('modified')
    },
  )

  test('asks git little: one log for all guides and one batch read', { timeout: 60_000 }, () => {
    const repository = mkdtempSync(join(tmpdir(), 'handbook-review-calls-'))
    writeContent(repository)
    writeFileSync(join(repository, '.agents', 'ops.md'), '---\nname: ops\n---\n\nSee SOP.md §1.\n')
    git(repository, 'init', '-q')
    git(repository, 'add', '.')
    git(repository, 'commit', '-q', '-m', 'Handbook')
    const real = createGitRunner(repository)
    const calls: string[] = []
    const counting: GitRunner = (args, input) => {
      calls.push(args[0]!)
      return real(args, input)
    }
    const report = review(repository, counting)
    expect(report.available && report.guides.map((guide) => guide.status)).toEqual([
      'compared',
      'compared',
    ])
    expect(calls).toEqual(['rev-parse', 'log', 'cat-file'])

    // Each guide gets its own last commit from that one walk.
    const first = git(repository, 'rev-parse', '--short=7', 'HEAD').toString().trim()
    writeFileSync(join(repository, '.agents', 'ops.md'), '---\nname: ops\n---\n\nSee SOP.md §2.\n')
    git(repository, 'commit', '-q', '-am', 'Ops reads the scope')
    const second = git(repository, 'rev-parse', '--short=7', 'HEAD').toString().trim()
    const later = review(repository)
    expect(later.available && later.guides.map((guide) => [guide.guide, guide.commit])).toEqual([
      ['.agents/dev.md', first],
      ['.agents/ops.md', second],
    ])
  })
})
