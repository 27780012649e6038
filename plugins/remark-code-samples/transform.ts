/**
 * Rewrite the mdast around classified code samples: a wrapper per sample, text labels, line
 * markers in the fence meta for Expressive Code (regions, and single lines labelled by a
 * trailing comment), pairs of bad/good samples, and do/don't lists. Expressive Code draws the
 * code itself later; nothing here touches its HTML.
 */

import type { ElementContent, Properties } from 'hast'
import { h } from 'hastscript'
import type { Code, List, Paragraph, RootContent } from 'mdast'
import type {} from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import {
  classifyCodeBlock,
  type ClassifyProblem,
  type CodeClassification,
} from '../../core/code-samples/classify.ts'
import { buildSampleMeta, type LabelledLine } from '../../core/code-samples/meta.ts'
import {
  parseLabel,
  parseLabelParagraph,
  parseListItemSymbol,
  type BlockVerdict,
  type Marker,
  type Verdict,
} from '../../core/code-samples/vocabulary.ts'

/**
 * An element that exists only to wrap its children (a sample, a pair) or to carry hast children
 * we build (the labels). `mdast-util-to-hast` turns an unknown node into an element named by
 * `data.hName`.
 */
export interface CodeSampleContainer {
  type: 'codeSampleContainer'
  children: RootContent[]
  data: { hName: string; hProperties: Properties; hChildren?: ElementContent[] }
}

declare module 'mdast' {
  interface RootContentMap {
    codeSampleContainer: CodeSampleContainer
  }
  interface BlockContentMap {
    codeSampleContainer: CodeSampleContainer
  }
}

/** Reader-facing texts, plain text (never HTML), to translate them. */
export interface SampleText {
  /**
   * A good label without a verdict word of the author's (`✓ Good`), and the word a pair's badge
   * says.
   * @default 'Good'
   */
  good: string
  /**
   * A bad label without a verdict word of the author's (`✗ Bad`), and the word a pair's badge
   * says.
   * @default 'Bad'
   */
  bad: string
  /**
   * The frame title of a bad sample that has none of its own and is not half of a pair.
   * @default '✗ Bad example — do not copy'
   */
  badTitle: string
  /**
   * Where a one-line label applies, when a sample has several labels.
   * @default 'line {start}'
   */
  line: string
  /**
   * Where a region's label applies, when a sample has several labels.
   * @default 'lines {start}–{end}'
   */
  lines: string
  /**
   * The question asked before copying a bad sample (`src/scripts/bad-code-copy.ts`); empty to
   * copy without asking.
   * @default 'This is a bad example: it shows what not to do. Copy it anyway?'
   */
  copyWarningBad: string
  /**
   * The question asked before copying a sample that mixes bad and good code; empty to copy
   * without asking.
   * @default 'This sample contains bad code as well as good. Copy all of it anyway?'
   */
  copyWarningMixed: string
}

/** The English texts. */
export const defaultSampleText: SampleText = {
  good: 'Good',
  bad: 'Bad',
  badTitle: '✗ Bad example — do not copy',
  line: 'line {start}',
  lines: 'lines {start}–{end}',
  copyWarningBad: 'This is a bad example: it shows what not to do. Copy it anyway?',
  copyWarningMixed: 'This sample contains bad code as well as good. Copy all of it anyway?',
}

/** Settings of {@link rewriteSamples}, with every default filled in. */
export interface RewriteSettings {
  markLines: boolean
  pairSamples: boolean
  text: SampleText
}

/** A problem found in one fence, with the fence for its position. */
export interface SampleProblem extends ClassifyProblem {
  node: Code
}

// Drawn next to the words, so that the verdict never rests on colour alone.
const SYMBOL: Readonly<Record<Verdict, string>> = { good: '✓', bad: '✗' }

/** A classified fence waiting to be laid out, alone or as half of a pair. */
interface PendingSample {
  kind: 'pending-sample'
  code: Code
  label: Paragraph | undefined
  classification: CodeClassification & { verdict: BlockVerdict }
}

/**
 * Rewrite one parent's children: each classified fence (with its label paragraph) becomes a
 * sample wrapper, and adjacent bad/good samples become a pair. Fences without a verdict stay as
 * they are, except that lines labelled by a trailing comment are marked. Returns the new children
 * and the problems found.
 */
export function rewriteSamples(
  children: readonly RootContent[],
  settings: RewriteSettings,
): { children: RootContent[]; problems: SampleProblem[] } {
  const rewritten: Array<RootContent | PendingSample> = []
  const problems: SampleProblem[] = []
  for (const node of children) {
    if (node.type !== 'code') {
      rewritten.push(node)
      continue
    }
    const previous = rewritten.at(-1)
    const label =
      previous && !isPending(previous) && previous.type === 'paragraph'
        ? labelParagraph(previous)
        : undefined
    const classification = classifyCodeBlock({
      lang: node.lang,
      meta: node.meta,
      value: node.value,
      ...(label && { label: toString(label) }),
    })
    problems.push(...classification.problems.map((problem) => ({ ...problem, node })))
    const { verdict } = classification
    if (!verdict) {
      rewritten.push(markLabelledLines(node, classification, settings))
      continue
    }
    if (label) rewritten.pop()
    rewritten.push({
      kind: 'pending-sample',
      code: node,
      label,
      classification: { ...classification, verdict },
    })
  }
  return { children: layOutSamples(rewritten, settings), problems }
}

function isPending(node: RootContent | PendingSample | undefined): node is PendingSample {
  return node !== undefined && 'kind' in node && node.kind === 'pending-sample'
}

function labelParagraph(paragraph: Paragraph): Paragraph | undefined {
  return parseLabelParagraph(toString(paragraph)) ? paragraph : undefined
}

/**
 * Build each sample, pairing a bad sample directly followed by a good one (or the reverse) in a
 * `.hb-sample-pair`.
 */
function layOutSamples(
  nodes: ReadonlyArray<RootContent | PendingSample>,
  settings: RewriteSettings,
): RootContent[] {
  const result: RootContent[] = []
  for (let index = 0; index < nodes.length; index++) {
    const first = nodes[index]
    const second = nodes[index + 1]
    if (!isPending(first)) {
      if (first) result.push(first)
      continue
    }
    const pair = [first.classification.verdict, isPending(second) && second.classification.verdict]
    const paired =
      settings.pairSamples &&
      isPending(second) &&
      (pair.join('-') === 'bad-good' || pair.join('-') === 'good-bad')
    if (paired) {
      result.push(
        buildContainer('div', { className: ['hb-sample-pair'], dataPair: pair.join('-') }, [
          buildSample(first, settings, true),
          buildSample(second, settings, true),
        ]),
      )
      index++
    } else {
      result.push(buildSample(first, settings, false))
    }
  }
  return result
}

/**
 * One sample: its wrapper, labels and fence meta. Half of a pair gets a header of the same shape
 * as the other half's, no frame title and wrapped lines, so that both halves line up and every
 * line stays readable at half width.
 */
function buildSample(
  { code, label, classification }: PendingSample,
  settings: RewriteSettings,
  paired: boolean,
): CodeSampleContainer {
  const { verdict } = classification
  const { text } = settings
  const lineVerdicts = settings.markLines
    ? buildRegionLines(classification)
    : new Map<number, Verdict>()
  const meta = buildSampleMeta(classification.meta, {
    ins: [...lineVerdicts].filter(([, value]) => value === 'good').map(([line]) => line),
    del: [...lineVerdicts].filter(([, value]) => value === 'bad').map(([line]) => line),
    labelled: settings.markLines ? buildLabelledLines(classification) : [],
    // In a pair, the header already says "bad"; a tab would say it again and push the code down.
    ...(verdict === 'bad' && !paired && { title: text.badTitle }),
    wrap: paired,
  })
  const copyWarning = { bad: text.copyWarningBad, mixed: text.copyWarningMixed, good: undefined }
  const header = paired
    ? [buildPairHeader(label, classification, text)]
    : buildSampleHeader(label, classification, text)
  return buildContainer(
    'div',
    {
      className: ['hb-sample', `hb-sample--${verdict}`],
      dataVerdict: verdict,
      dataCopyWarning: copyWarning[verdict] || undefined,
    },
    [...header, { ...code, meta: meta || null }],
  )
}

/** The author's label paragraph, then our labels, each only when there is one. */
function buildSampleHeader(
  label: Paragraph | undefined,
  classification: CodeClassification,
  text: SampleText,
): RootContent[] {
  const labels = buildLabels(classification, text)
  return [
    ...(label ? [withClass(label, 'hb-sample__caption')] : []),
    ...(labels.length > 0 ? [buildLabelList(labels)] : []),
  ]
}

/**
 * A fence without a verdict keeps everything but the marks on lines its trailing comments label.
 */
function markLabelledLines(
  code: Code,
  classification: CodeClassification,
  settings: RewriteSettings,
): Code {
  const labelled = settings.markLines ? buildLabelledLines(classification) : []
  if (labelled.length === 0) return code
  return { ...code, meta: buildSampleMeta(classification.meta, { ins: [], del: [], labelled }) }
}

/** The verdict of each line in a region, leaving out the lines a trailing comment labels. */
function buildRegionLines(classification: CodeClassification): Map<number, Verdict> {
  const lines = new Map<number, Verdict>()
  for (const region of classification.regions) {
    for (let line = region.startLine; line <= region.endLine; line++) {
      lines.set(line, region.verdict)
    }
  }
  for (const label of classification.lineLabels) lines.delete(label.line)
  return lines
}

/**
 * A trailing comment labels its own line and nothing else (docs/authoring.md, "Good and bad code
 * samples"), so it is shown on that line only: Expressive Code marks the single line as inserted
 * (good) or deleted (bad), and the marker carries a label, ✓ or ✗, which Expressive Code draws in
 * the line's gutter in place of `+`/`-`. The cue is never colour alone: the symbol is drawn as text
 * (CSS generated content, which browsers expose to assistive technology), and the author's own
 * words stay on the line as real text, because a trailing comment only labels a line when it begins
 * with a verdict word or symbol. Nothing is added above the block: a label there would read as the
 * block's verdict. Such a line inside a region of the other side keeps its own mark.
 */
function buildLabelledLines(classification: CodeClassification): LabelledLine[] {
  return classification.lineLabels.map(({ line, verdict }) => ({
    line,
    marker: verdict === 'good' ? 'ins' : 'del',
    label: SYMBOL[verdict],
  }))
}

/**
 * One text label per region, in code order: `✗ Bad — deferred error check`, with `(lines 3–6)`
 * when there are several. A region that only repeats the author's label paragraph needs none.
 */
function buildLabels(classification: CodeClassification, text: SampleText): ElementContent[] {
  const items = classification.regions.filter((region) => region.source !== 'label')
  return items.map((item) => {
    const template = item.startLine === item.endLine ? text.line : text.lines
    const where = template
      .replace('{start}', `${item.startLine}`)
      .replace('{end}', `${item.endLine}`)
    return h(
      'li',
      { className: ['hb-sample__label', `hb-sample__label--${item.verdict}`] },
      buildLabelText(item, items.length > 1 ? where : '', text),
    )
  })
}

/** `✗ Bad — deferred error check (lines 3–6)`, with the author's own verdict word if any. */
function buildLabelText(marker: Marker, where: string, text: SampleText): string {
  const name = marker.term ? normalizeTerm(marker.term) : text[marker.verdict]
  const reason = marker.reason ? ` — ${marker.reason}` : ''
  return `${SYMBOL[marker.verdict]} ${name}${reason}${where ? ` (${where})` : ''}`
}

// Keep the author's word but not their shouting: `NEVER` reads as `Never`.
function normalizeTerm(term: string): string {
  const word = term === term.toUpperCase() ? term.toLowerCase() : term
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * The header of one half of a pair: a badge, then the author's label paragraph if there is one.
 * Together with the code they say the verdict once in words and once in a symbol. The badge
 * shows our symbol unless the label paragraph starts with one of its own (`❌ Don't`); it shows
 * the word only when neither the label paragraph nor a marker comment in the code says one
 * (`verdict=bad`), and otherwise keeps it for screen readers only, since the symbol is hidden from
 * them. The reasons are left to the marker comments, which the code shows right below.
 */
function buildPairHeader(
  label: Paragraph | undefined,
  classification: CodeClassification & { verdict: BlockVerdict },
  text: SampleText,
): CodeSampleContainer {
  const verdict = classification.verdict === 'good' ? 'good' : 'bad'
  const caption = label ? parseLabel(toString(label)) : undefined
  const showsSymbol = caption?.symbol !== undefined
  const saysWord =
    caption?.term !== undefined ||
    classification.regions.some((region) => region.source === 'marker' && region.term)
  const badge =
    showsSymbol && saysWord
      ? undefined
      : h('li', { className: ['hb-sample__label', `hb-sample__label--${verdict}`] }, [
          ...(showsSymbol ? [] : [h('span', { ariaHidden: 'true' }, SYMBOL[verdict]), ' ']),
          saysWord ? h('span', { className: ['hb-sample__hidden'] }, text[verdict]) : text[verdict],
        ])
  return buildContainer('div', { className: ['hb-sample__header'] }, [
    ...(badge ? [buildLabelList([badge])] : []),
    ...(label ? [withClass(label, 'hb-sample__caption')] : []),
  ])
}

function buildLabelList(labels: ElementContent[]): CodeSampleContainer {
  // Search excerpts should show the author's prose, not our labels.
  return {
    type: 'codeSampleContainer',
    children: [],
    data: {
      hName: 'ul',
      hProperties: { className: ['hb-sample__labels'], dataPagefindIgnore: true },
      hChildren: labels,
    },
  }
}

/**
 * Give a do/don't list (every item starts with ✅ or ❌) its classes; the symbols stay in the
 * text. Returns whether the list is one.
 */
export function rewriteDosList(list: List): boolean {
  const verdicts = list.children.map((item) => parseListItemSymbol(toString(item.children[0])))
  if (verdicts.length === 0 || verdicts.includes(undefined)) return false
  withClass(list, 'hb-dos-list')
  list.children.forEach((item, index) => {
    withClass(item, verdicts[index] === 'good' ? 'hb-do' : 'hb-dont')
  })
  return true
}

function buildContainer(
  hName: string,
  hProperties: Properties,
  children: RootContent[],
): CodeSampleContainer {
  return { type: 'codeSampleContainer', children, data: { hName, hProperties } }
}

function withClass<T extends { data?: RootContent['data'] }>(node: T, className: string): T {
  const data = (node.data ??= {})
  const properties = (data.hProperties ??= {})
  const existing = properties['className']
  properties['className'] = [...(Array.isArray(existing) ? existing : []), className]
  return node
}
