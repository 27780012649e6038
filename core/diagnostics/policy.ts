import type { Diagnostic } from './diagnostics.ts'
import { isRuleId, type RuleId, type RuleLevel } from './rules.ts'
import { lastAtOrBelow } from '../text/sorted.ts'

/** `"rules"` of handbook.config.json: a level per rule id; rules not named keep their default. */
export type RuleLevels = Partial<Record<RuleId, RuleLevel>>

/** The lines of one document whose findings are silenced: line → rule ids, or every rule. */
export type Suppressions = Map<number, ReadonlySet<string> | 'all'>

/** What `findSuppressions` needs of a document. */
export interface SuppressionSource {
  /** Path relative to the content root, as diagnostics name it. */
  path: string
  /** The markdown after the frontmatter. */
  body: string
  /** Lines before the body: body line 1 is the author's line `bodyLineOffset + 1`. */
  bodyLineOffset: number
}

/** The comment authors write to silence the next line, as linters' `disable-next-line`. */
export const suppressionDirective = 'handbook-ignore-next-line'

const directivePattern = /<!--\s*handbook-ignore-next-line\b([\s\S]*?)-->/g
const fencePattern = /^ {0,3}(`{3,}|~{3,})/
const inlineCodePattern = /(`+)[^`]*?\1/g

/**
 * Finds `<!-- handbook-ignore-next-line [rule-id …] -->` comments in a
 * document, outside fenced and inline code, and the line each one silences:
 * the line after the one the comment ends on (author's lines, frontmatter
 * included). Without rule ids it silences every rule; ids are separated by
 * spaces or commas. An id that is not a rule is reported as
 * `invalid-suppression` (the valid ids in the same comment still apply).
 */
export function findSuppressions(source: SuppressionSource): {
  suppressions: Suppressions
  problems: Diagnostic[]
} {
  const suppressions: Suppressions = new Map()
  const problems: Diagnostic[] = []
  if (!source.body.includes(suppressionDirective)) return { suppressions, problems }
  const lines = source.body.split(/\r\n|\r|\n/)
  let fence: string | undefined
  // Lines outside code, with inline code blanked out, so a comment shown as code does nothing.
  const prose = lines.map((line) => {
    const marker = fencePattern.exec(line)?.[1]
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      return ''
    }
    if (marker) {
      fence = marker
      return ''
    }
    return line.replace(inlineCodePattern, (code) => ' '.repeat(code.length))
  })
  const text = prose.join('\n')
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n') lineStarts.push(index + 1)
  }
  const lineAt = (offset: number) => lastAtOrBelow(lineStarts, offset)
  for (const match of text.matchAll(directivePattern)) {
    const startLine = lineAt(match.index)
    const endLine = lineAt(match.index + match[0].length - 1)
    const column = match.index - lineStarts[startLine]! + 1
    const ids = (match[1] ?? '').split(/[\s,]+/).filter((id) => id.length > 0)
    const known = ids.filter((id) => isRuleId(id))
    for (const id of ids.filter((id) => !isRuleId(id))) {
      problems.push({
        file: source.path,
        line: startLine + 1 + source.bodyLineOffset,
        column,
        severity: 'warning',
        ruleId: 'invalid-suppression',
        message: `Unexpected rule \`${id}\` in \`${suppressionDirective}\`, expected a rule id such as \`stale-section-title\`; see docs/diagnostics.md.`,
        key: id,
      })
    }
    // Only unknown ids: silence nothing rather than everything.
    if (ids.length > 0 && known.length === 0) continue
    const target = endLine + 2 + source.bodyLineOffset
    const existing = suppressions.get(target)
    if (ids.length === 0 || existing === 'all') suppressions.set(target, 'all')
    else suppressions.set(target, new Set([...(existing ?? []), ...known]))
  }
  return { suppressions, problems }
}

/** What `applyRulePolicy` did. */
export interface PolicyResult {
  /** The findings to report, with the configured severities. */
  diagnostics: Diagnostic[]
  /** Findings silenced by a suppression comment. */
  suppressed: Diagnostic[]
  /** Findings of rules turned `"off"`. */
  off: number
}

/**
 * Applies the project's policy to every finding, in one place for the build
 * and `npm run check` alike: a rule's level from `"rules"` (`off` drops it,
 * `warn` and `error` set its severity) and the suppression comments of each
 * file (`suppressionsByFile`, keyed by path).
 */
export function applyRulePolicy(
  diagnostics: readonly Diagnostic[],
  options: { levels?: RuleLevels; suppressionsByFile?: ReadonlyMap<string, Suppressions> },
): PolicyResult {
  const levels = options.levels ?? {}
  const kept: Diagnostic[] = []
  const suppressed: Diagnostic[] = []
  let off = 0
  for (const diagnostic of diagnostics) {
    const level = isRuleId(diagnostic.ruleId) ? levels[diagnostic.ruleId] : undefined
    if (level === 'off') {
      off++
      continue
    }
    const silenced =
      diagnostic.line === undefined
        ? undefined
        : options.suppressionsByFile?.get(diagnostic.file)?.get(diagnostic.line)
    if (silenced === 'all' || silenced?.has(diagnostic.ruleId)) {
      suppressed.push(diagnostic)
      continue
    }
    const severity = level === 'warn' ? 'warning' : level === 'error' ? 'error' : undefined
    kept.push(severity ? { ...diagnostic, severity } : diagnostic)
  }
  return { diagnostics: kept, suppressed, off }
}

/**
 * The suppression comments of every document, and the `invalid-suppression`
 * findings among them.
 */
export function findAllSuppressions(sources: Iterable<SuppressionSource>): {
  suppressionsByFile: Map<string, Suppressions>
  problems: Diagnostic[]
} {
  const suppressionsByFile = new Map<string, Suppressions>()
  const problems: Diagnostic[] = []
  for (const source of sources) {
    const found = findSuppressions(source)
    if (found.suppressions.size > 0) suppressionsByFile.set(source.path, found.suppressions)
    problems.push(...found.problems)
  }
  return { suppressionsByFile, problems }
}

/**
 * The whole policy over a handbook's findings: the suppression comments of
 * its documents (whose own `invalid-suppression` findings join the rest),
 * then rule levels and suppressions. The build and `npm run check` both
 * call this, so they report alike.
 */
export function applyHandbookPolicy(
  diagnostics: readonly Diagnostic[],
  sources: Iterable<SuppressionSource>,
  levels: RuleLevels | undefined,
): PolicyResult {
  const { suppressionsByFile, problems } = findAllSuppressions(sources)
  return applyRulePolicy([...diagnostics, ...problems], {
    ...(levels ? { levels } : {}),
    suppressionsByFile,
  })
}
