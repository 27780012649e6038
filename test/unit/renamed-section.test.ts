import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { runCheck } from '../../check/run-check.ts'
import { toPageData } from '../../core/page-data.ts'
import { createIndexStore } from '../../io/index-store.ts'
import { remarkFormerAnchors } from '../../plugins/remark-former-anchors/index.ts'

/** Runs git in a test repository with a fixed identity (CI has none configured). */
function git(repository: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Handbook Test', '-c', 'user.email=test@example.org', ...args],
    { cwd: repository, stdio: 'ignore' },
  )
}

const sop = (title: string) =>
  `# Standards\n\n## 5. Concurrency\n\n### 5.2 ${title}\n\nOwn every channel.\n\n### 5.3 Lock Scope\n\nKeep locks short.\n`

const guide = [
  '# Guide',
  '',
  '- **§5.2**: Channel Discipline',
  '- **§5.3**: Lock scope',
  '- Retry limits (§5.2)',
  '',
  '| Section | Topic |',
  '| --- | --- |',
  '| §5.2 | Channel discipline |',
  '',
].join('\n')

/** A handbook in a fresh git repository: committed, then §5.2 renamed in the working tree. */
function renamedRepository(sopFile = 'SOP.md'): string {
  const repository = mkdtempSync(join(tmpdir(), 'handbook-rename-'))
  writeFileSync(
    join(repository, 'handbook.config.json'),
    JSON.stringify({
      title: 'Rename test',
      documents: [
        { kind: 'sop', include: [sopFile] },
        { kind: 'guide', include: ['GUIDE.md'] },
      ],
    }),
  )
  writeFileSync(join(repository, sopFile), sop('Channel Discipline'))
  writeFileSync(join(repository, 'GUIDE.md'), guide)
  git(repository, 'init', '-q')
  git(repository, 'add', '.')
  git(repository, 'commit', '-q', '-m', 'Standards')
  writeFileSync(join(repository, sopFile), sop('Channel Ownership Rules'))
  return repository
}

describe('a section renamed since the last commit (commit, rename, check)', () => {
  const repository = renamedRepository()

  test('citations that use the old title in title position are reported as renamed', async () => {
    const { diagnostics } = await runCheck({ contentRoot: repository })
    const renamed = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'renamed-section')
    expect(renamed.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`)).toEqual([
      'GUIDE.md:3',
      'GUIDE.md:9',
    ])
    expect(renamed[0]!.message).toMatch(
      /renamed from `Channel Discipline` to `Channel Ownership Rules` in the working tree|renamed from `Channel Discipline` to `Channel Ownership Rules` after/,
    )
    expect(renamed[0]!.message).toContain('`#52-channel-discipline` still lead there')
  })

  test('paraphrases and current titles are not reported', async () => {
    const { diagnostics } = await runCheck({ contentRoot: repository })
    const lines = diagnostics
      .filter((diagnostic) => diagnostic.severity !== 'info')
      .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`)
    expect(lines).not.toContain('GUIDE.md:4')
    expect(lines).not.toContain('GUIDE.md:5')
  })

  test('the old anchor still leads to the section', async () => {
    const store = createIndexStore(repository)
    const built = store.get()
    const source = built.sources.get('SOP.md')!
    const processor = unified()
      .use(remarkParse)
      .use(remarkFormerAnchors, { store })
      .use(remarkRehype)
      .use(rehypeStringify)
    const file = new VFile({
      path: 'SOP.md',
      value: `\n${source.body}`,
      data: { astro: { frontmatter: { handbook: toPageData(source) } } },
    })
    const html = String(await processor.process(file))
    expect(html).toMatch(
      /<span id="52-channel-discipline"[^>]*><\/span>\s*<h3>5\.2 Channel Ownership Rules/,
    )
  })

  test('a document whose file name is not ASCII has its history too', async () => {
    // git quotes such names in its listings unless asked not to (`-z`).
    const { diagnostics } = await runCheck({
      contentRoot: renamedRepository('Règles générales.md'),
    })
    const renamed = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'renamed-section')
    expect(renamed.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`)).toEqual([
      'GUIDE.md:3',
      'GUIDE.md:9',
    ])
  })

  test('without history there is no rename warning', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'handbook-rename-plain-'))
    for (const [name, text] of [
      [
        'handbook.config.json',
        JSON.stringify({
          title: 'x',
          documents: [
            { kind: 'sop', include: ['SOP.md'] },
            { kind: 'guide', include: ['GUIDE.md'] },
          ],
        }),
      ],
      ['SOP.md', sop('Channel Ownership Rules')],
      ['GUIDE.md', guide],
    ] as const)
      writeFileSync(join(plain, name), text)
    const { diagnostics } = await runCheck({ contentRoot: plain })
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'renamed-section')).toEqual([])
  })
})
