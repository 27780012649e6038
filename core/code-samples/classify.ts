/**
 * Classify one code sample as good, bad or mixed, with the regions and lines that carry each
 * verdict. Pure: the input is the fence and the paragraph before it, the output is data and
 * problems (field guide, `references.md` §5).
 */

import { findCommentSyntax, findLineComment, type CommentSyntax } from './comment-syntax.ts'
import { parseVerdictOption } from './meta.ts'
import {
  parseLabelParagraph,
  parseMarkerText,
  type BlockVerdict,
  type Marker,
  type Verdict,
} from './vocabulary.ts'

/** A fence to classify. */
export interface CodeBlockInput {
  /** The fence's language (`go`), if any. */
  lang?: string | null
  /** The rest of the info string (`title="x.go" verdict=bad`), if any. */
  meta?: string | null
  /** The code. */
  value: string
  /** The text of the paragraph right before the fence, if there is one. */
  label?: string
}

/** A run of lines with one verdict. Line numbers are 1-based, as Expressive Code counts them. */
export interface VerdictRegion extends Marker {
  /** Where the verdict came from: a marker line in the code, the label paragraph or `verdict=`. */
  source: 'marker' | 'label' | 'info-string'
  /** The first line, which for a marker region is the marker line itself. */
  startLine: number
  /** The last line, not counting blank lines before the next region. */
  endLine: number
}

/** One code line marked by its own trailing comment (`conn := dial() // ❌ no timeout`). */
export interface LineMark extends Marker {
  line: number
}

/** Something the author should fix; the caller turns it into a message at the fence. */
export interface ClassifyProblem {
  /** The rule broken, printed as `handbook:unknown-verdict`. */
  ruleId: 'unknown-verdict'
  /** The message, with values in backticks. */
  reason: string
}

/** The verdicts of one fence. */
export interface CodeClassification {
  /** `good` or `bad` when every verdict agrees, `mixed` when they differ, else `undefined`. */
  verdict: BlockVerdict | undefined
  /** Marker regions in order, or one region for the whole block from its label or info string. */
  regions: VerdictRegion[]
  /** Lines marked only by a trailing comment. */
  lineMarks: LineMark[]
  /** The info string with our `verdict=` option removed, for Expressive Code. */
  meta: string
  /** What the author should fix, such as an unknown `verdict=` value. */
  problems: ClassifyProblem[]
}

/**
 * Classify a fence from its marker lines, trailing comments, the label paragraph before it and
 * its info string. Prose that is not a pure label never counts.
 */
export function classifyCodeBlock(input: CodeBlockInput): CodeClassification {
  const lines = input.value.split(/\r?\n/)
  const { regionMarkers, lineMarks } = findMarkers(lines, findCommentSyntax(input.lang))
  const option = parseVerdictOption(input.meta)
  const labelVerdict = input.label === undefined ? undefined : parseLabelParagraph(input.label)
  const problems: ClassifyProblem[] = option.invalid
    ? [
        {
          ruleId: 'unknown-verdict',
          reason: `Unexpected \`${option.invalid}\` in the info string, expected \`verdict=good\` or \`verdict=bad\``,
        },
      ]
    : []
  // The info string is the author's explicit word for this block; it outranks the label.
  const blockRegion: VerdictRegion | undefined = option.verdict
    ? { verdict: option.verdict, source: 'info-string', startLine: 1, endLine: lastLine(lines) }
    : labelVerdict
      ? { verdict: labelVerdict, source: 'label', startLine: 1, endLine: lastLine(lines) }
      : undefined
  const regions =
    regionMarkers.length > 0
      ? buildMarkerRegions(regionMarkers, lines)
      : blockRegion
        ? [blockRegion]
        : []
  const verdicts = new Set<Verdict>([
    ...(blockRegion ? [blockRegion.verdict] : []),
    ...regions.map((region) => region.verdict),
    ...lineMarks.map((mark) => mark.verdict),
  ])
  return {
    verdict: verdicts.size > 1 ? 'mixed' : [...verdicts][0],
    regions,
    lineMarks,
    meta: option.rest,
    problems,
  }
}

/**
 * Find marker lines (which start regions) and code lines marked by a trailing comment (which
 * never do).
 */
function findMarkers(
  lines: readonly string[],
  syntax: CommentSyntax,
): { regionMarkers: LineMark[]; lineMarks: LineMark[] } {
  const regionMarkers: LineMark[] = []
  const lineMarks: LineMark[] = []
  lines.forEach((text, index) => {
    const comment = findLineComment(text, syntax)
    if (comment?.leading) {
      const marker = parseMarkerText(comment.text)
      if (marker) regionMarkers.push({ line: index + 1, ...marker })
    } else if (syntax.plainLines) {
      const marker = parseMarkerText(text)
      if (marker) regionMarkers.push({ line: index + 1, ...marker })
    } else if (comment) {
      const marker = parseMarkerText(comment.text)
      if (marker) lineMarks.push({ line: index + 1, ...marker })
    }
  })
  return { regionMarkers, lineMarks }
}

/** Each marker's region runs to the line before the next marker, or the end of the block. */
function buildMarkerRegions(markers: readonly LineMark[], lines: readonly string[]) {
  return markers.map(({ line, ...marker }, index): VerdictRegion => {
    const next = markers[index + 1]?.line ?? lines.length + 1
    return {
      ...marker,
      source: 'marker',
      startLine: line,
      endLine: lastLine(lines.slice(0, next - 1)),
    }
  })
}

/** The last line that is not blank (1-based), or 1 for an empty block. */
function lastLine(lines: readonly string[]): number {
  const index = lines.findLastIndex((line) => line.trim() !== '')
  return Math.max(1, index + 1)
}
