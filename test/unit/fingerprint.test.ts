import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import { assignAstroHeadingIds } from '../../io/heading-ids.ts'
import { buildOutline } from '../../core/documents/outline.ts'

/** Section number (or title) → fingerprint, as the index computes them. */
function fingerprints(body: string): Record<string, string> {
  const tree = parseMarkdown(body)
  const headings = buildOutline(tree, {
    body,
    bodyLineOffset: 0,
    assignHeadingIds: assignAstroHeadingIds,
  })
  return Object.fromEntries(
    headings.map((heading) => [heading.number ?? heading.title, heading.fingerprint]),
  )
}

const original = `## 5. Concurrency

Every goroutine has an owner.

### 5.1 Lifecycle

Stop goroutines when their context ends.

### 5.2 Channels

Only the sender closes a channel.

\`\`\`go
close(ch) // Good
\`\`\`

## 6. Context

Pass ctx first.
`

/** Which sections' fingerprints differ between the original and `changed`. */
function changedSections(changed: string): string[] {
  const before = fingerprints(original)
  const after = fingerprints(changed)
  return Object.keys(before).filter((section) => before[section] !== after[section])
}

describe('section fingerprints', () => {
  test('are short, stable hashes, one per section', () => {
    const values = Object.values(fingerprints(original))
    expect(values).toHaveLength(4)
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{12}$/)
    expect(new Set(values).size).toBe(4)
    expect(fingerprints(original)).toEqual(fingerprints(original))
  })

  test.each([
    {
      name: 'a change in a subsection changes it and its parent, not its siblings',
      edit: (text: string) => text.replace('Only the sender', 'Only the owner'),
      changed: ['5', '5.2'],
    },
    {
      name: 'a change in the parent’s own text changes the parent only',
      edit: (text: string) => text.replace('has an owner', 'has one owner'),
      changed: ['5'],
    },
    {
      name: 'a change in a code sample counts',
      edit: (text: string) => text.replace('close(ch) // Good', 'close(ch) // Bad'),
      changed: ['5', '5.2'],
    },
    {
      name: 'renaming a heading changes its section',
      edit: (text: string) => text.replace('## 6. Context', '## 6. Context and Cancellation'),
      changed: ['6'],
    },
    {
      name: 're-wrapping a paragraph is not a change',
      edit: (text: string) =>
        text.replace('Every goroutine has an owner.', 'Every goroutine\nhas   an owner.'),
      changed: [],
    },
    {
      name: 'trailing blank lines are not a change',
      edit: (text: string) => `${text}\n\n\n`,
      changed: [],
    },
  ])('$name', ({ edit, changed }) => {
    expect(changedSections(edit(original))).toEqual(changed)
  })
})
