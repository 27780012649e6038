import type { HeadingInfo } from './types.ts'

/** Options of {@link applyOutline}. */
export interface ApplyOutlineOptions {
  /**
   * The path of the document a heading's text names, other than the heading's own document
   * (`## Conformance (ENGINEERING_SOP.md)`), if any.
   */
  findNamedDocument: (headingText: string) => string | undefined
}

/**
 * Keeps only the section numbers of a document's outline (docs/authoring.md,
 * "Section numbers"): numbered headings at the top level, or under a
 * numbered parent whose number they extend (`## 2.` then `### 2.5`).
 * Numbers under an unnumbered heading (`## Workflow` then `### 1. Before
 * coding`) are list numbering, kept as `listNumber`. A lone `#` heading at the
 * top is the document's title, not a parent. A heading that begins with `§N`
 * under a heading naming another document is a checklist entry about that
 * document's `§N`, not a section of its own. Also records each heading's
 * parent and the document a heading names (`namesDocument`), which applies to
 * everything under it. Changes the headings in place.
 */
export function applyOutline(headings: HeadingInfo[], options: ApplyOutlineOptions): void {
  const titleLike = headings[0]?.depth === 1 && headings.filter((h) => h.depth === 1).length === 1
  const open: number[] = []
  headings.forEach((heading, position) => {
    while (open.length > 0 && headings[open.at(-1)!]!.depth >= heading.depth) open.pop()
    const parentPosition = open.at(-1)
    if (parentPosition !== undefined) heading.parent = parentPosition
    const named = options.findNamedDocument(heading.text)
    if (named !== undefined) heading.namesDocument = named
    if (heading.number !== undefined) {
      const outlineParent =
        parentPosition === undefined || (titleLike && parentPosition === 0)
          ? undefined
          : headings[parentPosition]
      const underNamed = open.some((ancestor) => headings[ancestor]!.namesDocument !== undefined)
      if (/^§/u.test(heading.text.trim()) && underNamed) {
        heading.checklist = true
        delete heading.number
      } else if (outlineParent && !extendsNumber(heading.number, outlineParent.number)) {
        heading.listNumber = heading.number
        delete heading.number
      }
    }
    open.push(position)
  })
}

/** `5.2` extends `5`; `B.1` extends `B`; nothing extends an unnumbered heading. */
function extendsNumber(number: string, parent: string | undefined): boolean {
  if (parent === undefined) return false
  return number.toUpperCase().startsWith(`${parent.toUpperCase()}.`)
}
