import type { Heading, ListItem, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { sectionKey } from '../analysis/citations.ts'
import { expandSectionRange } from '../documents/headings.ts'
import { createIsDocumentName, findDocument } from '../documents/names.ts'
import type { DocIndex, DocumentInfo, HeadingInfo } from '../documents/types.ts'
import { analyzePage, type PageAnalysis } from '../analysis/analyze-page.ts'
import { findDocumentMentions } from '../references/parse.ts'
import { pointInRun, type TextRun } from '../markdown/text-runs.ts'
import type { ReadingGroup, ReadingItem, RequiredReading, RequiredReadingIndex } from './types.ts'

/**
 * Titles of a reading list: "Required Reading", "Reading list", "Must read",
 * "Essential reading", "Read these first", "Prerequisite reading".
 */
const readingListTitle =
  /^(?:(?:required|recommended|essential|mandatory|core|prerequisite|before you start)[\s:-]+)?reading(?:\s+list)?$|^must[\s-]+reads?$|^read\s+(?:this|these)\s+first$/i

/** True when a heading's or label's text names a reading list. */
export function isReadingListTitle(text: string): boolean {
  const words = text
    .replace(/[*_`:.!]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return readingListTitle.test(words)
}

/**
 * What a role guide asks its role to read. When the guide has a reading list
 * (a section titled like "Required Reading", or a list right after a label
 * such as `**Reading list:**`), that list decides; otherwise every section
 * the guide cites counts. Sections come grouped by document, in the order the
 * guide gives them, each once; a range (`§3-§12`) becomes the outermost
 * sections it covers (§3, §4, …, §12: each one's fingerprint covers its
 * subsections, so a change in §5.2 shows on §5). A list item that names a
 * document without any section (`**CONTEXT.md** - the overview`) asks for
 * the whole document.
 *
 * References are found and resolved by `analyzeSectionRefs`, exactly as the
 * links on the page are, so the list never disagrees with the links.
 */
export function findRequiredReading(
  guide: DocumentInfo,
  tree: Root,
  index: DocIndex,
  analysis: PageAnalysis = analyzePage(tree, guide, index),
): RequiredReading {
  const region = findReadingListRegion(tree)
  if (region) {
    const inList = analysis.runs.filter((run) => region.has(topLevelNode(run)))
    const groups = collectGroups(guide, inList, analysis, index, true)
    const headingLine = findReadingListHeading(tree)?.position?.start.line
    if (groups.length > 0)
      return {
        guide: guide.path,
        source: 'reading-list',
        ...(headingLine === undefined ? {} : { headingLine: headingLine + guide.bodyLineOffset }),
        groups,
      }
  }
  return {
    guide: guide.path,
    source: 'citations',
    groups: collectGroups(guide, analysis.runs, analysis, index, false),
  }
}

/**
 * Every section a guide cites anywhere, ranges expanded as in
 * {@link findRequiredReading}, each once, in order of first citation.
 */
export function findCitedSections(guide: DocumentInfo, tree: Root, index: DocIndex): ReadingItem[] {
  const analysis = analyzePage(tree, guide, index)
  return collectGroups(guide, analysis.runs, analysis, index, false).flatMap((group) => group.items)
}

/**
 * Required reading of every role guide, and for each section the roles that must read it.
 * `analyses` holds guides already analysed (the index store's, which records their citations
 * from the same analysis), so no guide is analysed twice.
 */
export function buildRequiredReadingIndex(
  index: DocIndex,
  trees: ReadonlyMap<string, Root>,
  analyses: ReadonlyMap<string, PageAnalysis> = new Map(),
): RequiredReadingIndex {
  const byGuide = new Map<string, RequiredReading>()
  const readersBySection = new Map<string, string[]>()
  for (const document of index.documents) {
    const tree = trees.get(document.path)
    if (document.kind !== 'role' || !tree) continue
    // A guide without an analysis is analysed by `findRequiredReading` itself.
    const reading = findRequiredReading(document, tree, index, analyses.get(document.path))
    byGuide.set(document.path, reading)
    for (const item of reading.groups.flatMap((group) => group.items)) {
      const key = sectionKey(item.document, item.headingId)
      const readers = readersBySection.get(key) ?? []
      if (!readers.includes(document.path)) readers.push(document.path)
      readersBySection.set(key, readers)
    }
  }
  return { byGuide, readersBySection }
}

/**
 * The top-level nodes that make up the guide's reading list: the body of a
 * section whose heading names one, or else a list right after a paragraph
 * that is only such a label. Undefined when the guide has neither.
 */
export function findReadingListRegion(tree: Root): Set<RootContent> | undefined {
  const children = tree.children
  const heading = findReadingListHeading(tree)
  if (heading) {
    const start = children.indexOf(heading)
    const region = new Set<RootContent>()
    for (const node of children.slice(start + 1)) {
      if (node.type === 'heading' && node.depth <= heading.depth) break
      region.add(node)
    }
    return region
  }
  for (let position = 0; position < children.length - 1; position++) {
    const label = children[position]!
    const next = children[position + 1]!
    if (label.type === 'paragraph' && next.type === 'list' && isReadingListTitle(toString(label))) {
      return new Set([label, next])
    }
  }
  return undefined
}

/** The top-level heading that names the guide's reading list (`## Required Reading`), if any. */
function findReadingListHeading(tree: Root): Heading | undefined {
  return tree.children.find(
    (node): node is Heading => node.type === 'heading' && isReadingListTitle(toString(node)),
  )
}

function topLevelNode(run: TextRun): RootContent {
  return (run.ancestors[1] ?? run.container) as RootContent
}

/**
 * Walks the runs in order and groups what they cite by document. With
 * `wholeDocuments`, a list item whose text begins with a document name opens
 * that document's group even when no section follows, so it can be read whole.
 */
function collectGroups(
  guide: DocumentInfo,
  runs: TextRun[],
  analysis: PageAnalysis,
  index: DocIndex,
  wholeDocuments: boolean,
): ReadingGroup[] {
  const groups = new Map<string, ReadingGroup>()
  const seen = new Set<string>()
  const groupOf = (path: string) => {
    let group = groups.get(path)
    if (!group) {
      group = { document: path, whole: false, items: [] }
      groups.set(path, group)
    }
    return group
  }
  const isDocumentName = createIsDocumentName(index, guide.path)
  const byRun = new Map<TextRun, PageAnalysis['sections']>()
  for (const entry of analysis.sections) {
    byRun.set(entry.run, [...(byRun.get(entry.run) ?? []), entry])
  }

  for (const run of runs) {
    if (wholeDocuments) {
      const named = findLeadDocument(run, isDocumentName, index, guide.path)
      if (named && named !== guide.path) groupOf(named)
    }
    // Ranges whose start was expanded, so that their end is not added again.
    const expanded = new Set<string>()
    for (const { ref, resolution } of byRun.get(run) ?? []) {
      if (resolution.status !== 'resolved') continue
      const { document, heading } = resolution
      if (document.path === guide.path) continue
      const rangeKey = ref.range ? `${ref.range.from}\u0000${ref.range.to}` : undefined
      if (ref.range?.role === 'end' && expanded.has(rangeKey!)) continue
      const line = (pointInRun(run, ref.start)?.line ?? 0) + guide.bodyLineOffset
      let headings: HeadingInfo[] = [heading]
      if (ref.range?.role === 'start') {
        const covered = keepOutermost(
          document.headings,
          expandSectionRange(document.headings, ref.range.from, ref.range.to),
        )
        if (covered.length > 0) {
          headings = covered
          expanded.add(rangeKey!)
        }
      }
      const range =
        ref.range && expanded.has(rangeKey!)
          ? { from: ref.range.from, to: ref.range.to }
          : undefined
      for (const covered of headings) {
        const key = sectionKey(document.path, covered.id)
        if (seen.has(key)) continue
        seen.add(key)
        groupOf(document.path).items.push(toItem(document, covered, line, range))
      }
    }
  }
  return [...groups.values()].map((group) => ({ ...group, whole: group.items.length === 0 }))
}

function toItem(
  document: DocumentInfo,
  heading: HeadingInfo,
  line: number,
  range: ReadingItem['range'],
): ReadingItem {
  return {
    document: document.path,
    headingId: heading.id,
    ...(heading.number === undefined ? {} : { number: heading.number }),
    title: heading.title,
    fingerprint: heading.fingerprint,
    ...(range ? { range } : {}),
    line,
  }
}

/**
 * The document a list item names at its very start (`**Requirements.MD**
 * (Requirements):`, `CONTEXT.md - the overview`), for the lead paragraph of a
 * list item only.
 */
function findLeadDocument(
  run: TextRun,
  isDocumentName: (candidate: string) => boolean,
  index: DocIndex,
  from: string,
): string | undefined {
  const item = run.ancestors.at(-1)
  if (item?.type !== 'listItem' || (item as ListItem).children[0] !== run.container) return
  if ((run.container as Paragraph).type !== 'paragraph') return
  const first = findDocumentMentions(run.text, isDocumentName)[0]
  if (!first || run.text.slice(0, first.start).trim() !== '') return
  const lookup = findDocument(index, first.name, { from })
  return lookup.status === 'found' ? lookup.document.path : undefined
}

/**
 * Of the headings a range covers, those not inside another covered heading:
 * `§3-§12` gives §3, §4, …, §12, and `§3.2-§5` gives §3.2, §3.3, …, §4, §5.
 */
export function keepOutermost(
  headings: readonly HeadingInfo[],
  covered: readonly HeadingInfo[],
): HeadingInfo[] {
  const wanted = new Set(covered)
  const open: Array<{ depth: number; covered: boolean }> = []
  const kept: HeadingInfo[] = []
  for (const heading of headings) {
    while (open.length > 0 && open.at(-1)!.depth >= heading.depth) open.pop()
    const isCovered = wanted.has(heading)
    if (isCovered && !open.some((ancestor) => ancestor.covered)) kept.push(heading)
    open.push({ depth: heading.depth, covered: isCovered })
  }
  return kept
}
