/**
 * Rewrite the mdast around classified code samples: a wrapper per sample, text labels, line
 * markers in the fence meta for Expressive Code, pairs of bad/good samples, and do/don't lists.
 * Expressive Code draws the code itself later; nothing here touches its HTML.
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
import { buildSampleMeta } from '../../core/code-samples/meta.ts'
import {
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
   * A good label without a verdict word of the author's (`✓ Good`).
   * @default 'Good'
   */
  good: string
  /**
   * A bad label without a verdict word of the author's (`✗ Bad`).
   * @default 'Bad'
   */
  bad: string
  /**
   * The frame title of a bad sample that has none of its own.
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

/**
 * Rewrite one parent's children: each classified fence (with its label paragraph) becomes a
 * sample wrapper, and adjacent bad/good samples become a pair. Returns the new children and the
 * problems found; unclassified fences stay as they are.
 */
export function rewriteSamples(
  children: readonly RootContent[],
  settings: RewriteSettings,
): { children: RootContent[]; problems: SampleProblem[] } {
  const rewritten: RootContent[] = []
  const problems: SampleProblem[] = []
  for (const node of children) {
    if (node.type !== 'code') {
      rewritten.push(node)
      continue
    }
    const previous = rewritten.at(-1)
    const label = previous?.type === 'paragraph' ? labelParagraph(previous) : undefined
    const classification = classifyCodeBlock({
      lang: node.lang,
      meta: node.meta,
      value: node.value,
      ...(label && { label: toString(label) }),
    })
    problems.push(...classification.problems.map((problem) => ({ ...problem, node })))
    const { verdict } = classification
    if (!verdict) {
      rewritten.push(node)
      continue
    }
    if (label) rewritten.pop()
    rewritten.push(buildSample(node, label, { ...classification, verdict }, settings))
  }
  return { children: settings.pairSamples ? buildPairs(rewritten) : rewritten, problems }
}

function labelParagraph(paragraph: Paragraph): Paragraph | undefined {
  return parseLabelParagraph(toString(paragraph)) ? paragraph : undefined
}

function buildSample(
  code: Code,
  label: Paragraph | undefined,
  classification: CodeClassification & { verdict: BlockVerdict },
  settings: RewriteSettings,
): CodeSampleContainer {
  const { verdict } = classification
  const { text } = settings
  const lineVerdicts = settings.markLines
    ? buildLineVerdicts(classification)
    : new Map<number, Verdict>()
  const meta = buildSampleMeta(classification.meta, {
    ins: [...lineVerdicts].filter(([, value]) => value === 'good').map(([line]) => line),
    del: [...lineVerdicts].filter(([, value]) => value === 'bad').map(([line]) => line),
    ...(verdict === 'bad' && { title: text.badTitle }),
  })
  const labels = buildLabels(classification, text)
  const copyWarning = { bad: text.copyWarningBad, mixed: text.copyWarningMixed, good: undefined }
  return buildContainer(
    'div',
    {
      className: ['hb-sample', `hb-sample--${verdict}`],
      dataVerdict: verdict,
      dataCopyWarning: copyWarning[verdict] || undefined,
    },
    [
      ...(label ? [withClass(label, 'hb-sample__caption')] : []),
      ...(labels.length > 0 ? [buildLabelList(labels)] : []),
      { ...code, meta: meta || null },
    ],
  )
}

/** The verdict of each marked line; a trailing comment outranks the region around it. */
function buildLineVerdicts(classification: CodeClassification): Map<number, Verdict> {
  const lines = new Map<number, Verdict>()
  for (const region of classification.regions) {
    for (let line = region.startLine; line <= region.endLine; line++) {
      lines.set(line, region.verdict)
    }
  }
  for (const mark of classification.lineMarks) lines.set(mark.line, mark.verdict)
  return lines
}

/**
 * One text label per region and marked line, in code order: `✗ Bad — deferred error check`, with
 * `(lines 3–6)` when there are several. A region that only repeats the author's label paragraph
 * needs none.
 */
function buildLabels(classification: CodeClassification, text: SampleText): ElementContent[] {
  const items = [
    ...classification.regions.filter((region) => region.source !== 'label'),
    ...classification.lineMarks.map((mark) => ({
      ...mark,
      startLine: mark.line,
      endLine: mark.line,
    })),
  ].sort((a, b) => a.startLine - b.startLine)
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

/** Wrap each bad sample directly followed by a good one (or the reverse) in a pair. */
function buildPairs(children: readonly RootContent[]): RootContent[] {
  const result: RootContent[] = []
  for (let index = 0; index < children.length; index++) {
    const first = children[index]
    const second = children[index + 1]
    const pair = [verdictOf(first), verdictOf(second)].join('-')
    if (first && second && (pair === 'bad-good' || pair === 'good-bad')) {
      result.push(
        buildContainer('div', { className: ['hb-sample-pair'], dataPair: pair }, [first, second]),
      )
      index++
    } else if (first) {
      result.push(first)
    }
  }
  return result
}

function verdictOf(node: RootContent | undefined): unknown {
  return node?.type === 'codeSampleContainer' ? node.data.hProperties['dataVerdict'] : undefined
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
