/**
 * Classify one code sample as good, bad or mixed, with the regions that carry each verdict and,
 * apart from them, the single lines labelled by a trailing comment. Pure: the input is the fence
 * and the paragraph before it, the output is data and problems (docs/authoring.md, "Good and bad
 * code samples").
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

/**
 * One code line labelled by its own trailing comment (`conn := dial() // ❌ no timeout`). The
 * label is about that line alone: it never starts a region, never gives the block a verdict and
 * never a title (docs/authoring.md, "Good and bad code samples").
 */
export interface LineLabel extends Marker {
  /** The labelled line, 1-based. */
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
  /**
   * `good` or `bad` when every region agrees, `mixed` when they differ, else `undefined`. Only
   * regions, the label paragraph and the info string count: a block whose only markers are
   * trailing comments has no verdict.
   */
  verdict: BlockVerdict | undefined
  /** Marker regions in order, or one region for the whole block from its label or info string. */
  regions: VerdictRegion[]
  /** Lines labelled by a trailing comment, in order; separate from the regions. */
  lineLabels: LineLabel[]
  /** The info string with our `verdict=` option removed, for Expressive Code. */
  meta: string
  /** What the author should fix, such as an unknown `verdict=` value. */
  problems: ClassifyProblem[]
}

/**
 * Classify a fence from its marker lines, the label paragraph before it and its info string, and
 * find the lines its trailing comments label. Prose that is not a pure label never counts.
 */
export function classifyCodeBlock(input: CodeBlockInput): CodeClassification {
  const lines = input.value.split(/\r?\n/)
  const { regionMarkers, lineLabels } = findMarkers(lines, findCommentSyntax(input.lang))
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
  // Trailing comments stay out of this: they label one line, never the block.
  const verdicts = new Set<Verdict>([
    ...(blockRegion ? [blockRegion.verdict] : []),
    ...regions.map((region) => region.verdict),
  ])
  return {
    verdict: verdicts.size > 1 ? 'mixed' : [...verdicts][0],
    regions,
    lineLabels,
    meta: option.rest,
    problems,
  }
}

/**
 * Find marker lines (which start regions) and code lines labelled by a trailing comment (which
 * never do). A trailing comment is read strictly: see `MarkerTextOptions.trailing`.
 */
function findMarkers(
  lines: readonly string[],
  syntax: CommentSyntax,
): { regionMarkers: LineLabel[]; lineLabels: LineLabel[] } {
  const regionMarkers: LineLabel[] = []
  const lineLabels: LineLabel[] = []
  lines.forEach((text, index) => {
    const comment = findLineComment(text, syntax)
    if (comment?.leading) {
      const marker = parseMarkerText(comment.text)
      if (marker) regionMarkers.push({ line: index + 1, ...marker })
    } else if (syntax.plainLines) {
      const marker = parseMarkerText(text)
      if (marker) regionMarkers.push({ line: index + 1, ...marker })
    } else if (comment) {
      const marker = parseMarkerText(comment.text, { trailing: true })
      if (marker) lineLabels.push({ line: index + 1, ...marker })
    }
  })
  return { regionMarkers, lineLabels }
}

/** Each marker's region runs to the line before the next marker, or the end of the block. */
function buildMarkerRegions(markers: readonly LineLabel[], lines: readonly string[]) {
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
