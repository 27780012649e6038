import { describe, expect, test } from 'vitest'
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts'
import { planShape } from '../../scripts/bench/corpus-plan.ts'

/** Section numbers of a document's headings (`## 5. Title`, `### 5.2 Title`, `## §7 Title`, `## 12) Title`). */
function headingNumbers(text: string): Set<string> {
  const numbers = new Set<string>()
  for (const match of text.matchAll(
    /^#{2,6} (?:§|Appendix )?(\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)[.):]?\s/gm,
  )) {
    numbers.add(match[1]!)
  }
  return numbers
}

/** Sections cited with the SOP named right before them: `SOP §12.2`, `ENGINEERING_SOP.md §3`. */
function citedSopSections(text: string): string[] {
  return [...text.matchAll(/(?:\bSOP|ENGINEERING_SOP\.md\**) §\s?(\d+(?:\.\d+)*)/g)].map(
    (m) => m[1]!,
  )
}

describe('generateCorpus', () => {
  test('the same seed gives identical output; another seed does not', () => {
    const first = generateCorpus({ pages: 30, seed: 7 })
    const second = generateCorpus({ pages: 30, seed: 7 })
    const other = generateCorpus({ pages: 30, seed: 8 })
    expect(second.files).toEqual(first.files)
    expect(second.config).toEqual(first.config)
    expect(other.files.map((file) => file.text)).not.toEqual(first.files.map((file) => file.text))
  })

  test.each([5, 6, 12, 40, 120])('%i pages give exactly that many distinct documents', (pages) => {
    const corpus = generateCorpus({ pages })
    expect(corpus.files).toHaveLength(pages)
    expect(new Set(corpus.files.map((file) => file.path)).size).toBe(pages)
  })

  test('fewer than 5 pages is refused', () => {
    expect(() => planShape(4)).toThrow(/at least 5/)
  })

  test('has the shapes of a real handbook', () => {
    const { files, config } = generateCorpus({ pages: 60 })
    const paths = files.map((file) => file.path)
    expect(paths).toContain('ENGINEERING_SOP.md')
    expect(paths).toContain('Requirements.MD')
    expect(paths.some((path) => /^\.agents\/[a-z-]+\.md$/.test(path))).toBe(true)
    expect(paths.some((path) => /^docs\/design\/CLD-REQ-\d{3}-[a-z0-9-]+\.md$/.test(path))).toBe(
      true,
    )
    const role = files.find((file) => file.path.startsWith('.agents/'))!.text
    expect(role).toMatch(/^---\nname: [a-z-]+\ndescription: .+\ncolor: \w+\n---\n/)
    expect(role).toMatch(/^\s+- \*\*§\d+\*\*: /m)
    const sop = files.find((file) => file.path === 'ENGINEERING_SOP.md')!.text
    expect(sop).toMatch(/^## 5\. Concurrency and Resource Policy$/m)
    expect(sop).toMatch(/^### 5\.2 /m)
    const all = files.map((file) => file.text).join('\n')
    for (const marker of [
      '// Good',
      '// Bad - ',
      '✅',
      '❌',
      'CLD-REQ-*',
      'NFR-',
      ' to CLD-REQ-',
    ]) {
      expect(all).toContain(marker)
    }
    expect(all).toMatch(/§\d+-§\d+/)
    expect(all).toMatch(/Requirements\.MD §\d+ \([^)]+\), §\d+/)
    expect(all).toMatch(/CONTEXT\.md § ?[A-Z][a-z]+/)
    expect(config).toMatchObject({ defaultSectionTarget: 'ENGINEERING_SOP.md' })
  })

  test('every requirement is defined once, and design documents are named after defined ones', () => {
    const { files } = generateCorpus({ pages: 80 })
    const requirements = files.find((file) => file.path === 'Requirements.MD')!.text
    const defined = [
      ...requirements.matchAll(/^(?:- (?:\*\*|\[)?|\| |### )(CLD[-\u2011]REQ[-\u2011]\d{3})/gm),
    ].map((m) => m[1]!.replace(/\u2011/g, '-'))
    expect(new Set(defined).size).toBe(defined.length)
    for (const file of files.filter((f) => f.path.startsWith('docs/design/'))) {
      expect(defined).toContain(/CLD-REQ-\d{3}/.exec(file.path)![0])
    }
  })

  test('sections cited in the SOP by number mostly exist', () => {
    const { files } = generateCorpus({ pages: 40 })
    const sop = headingNumbers(files.find((file) => file.path === 'ENGINEERING_SOP.md')!.text)
    const cited = files.flatMap((file) => citedSopSections(file.text))
    expect(cited.length).toBeGreaterThan(50)
    const existing = cited.filter((number) => sop.has(number))
    expect(existing.length / cited.length).toBeGreaterThan(0.95)
  })
})
