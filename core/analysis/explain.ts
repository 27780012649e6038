import { pointInRun } from '../markdown/text-runs.ts'
import type { PageAnalysis } from './analyze-page.ts'

/**
 * Every reference and requirement ID on one line of a page, explained for an
 * author whose link surprised them (`npm run check -- --explain FILE:LINE`):
 * what was parsed, the document named, the candidates weighed, the rule that
 * decided and the target, or why there is none.
 */
export function explainLine(analysis: PageAnalysis, line: number, lineOffset: number): string[] {
  const lines: string[] = []
  const path = analysis.document.path
  const at = (run: PageAnalysis['runs'][number], offset: number) => {
    const point = pointInRun(run, offset)
    return point ? { line: point.line + lineOffset, column: point.column } : undefined
  }
  for (const { run, ref, resolution } of analysis.sections) {
    const place = at(run, ref.start)
    if (place?.line !== line) continue
    lines.push(`${path}:${place.line}:${place.column}  \`${ref.text}\``)
    const parsed = [
      ref.kind === 'name'
        ? `a section named \`${ref.section}\`${ref.quoted ? ' (quoted)' : ''}`
        : `section \`${ref.section}\``,
      ref.range ? `${ref.range.role} of the range ${ref.range.from}–${ref.range.to}` : undefined,
      ref.document
        ? `document \`${ref.document.name}\` ${ref.document.explicit ? 'named right beside it' : 'named earlier in the run'}${ref.document.form ? ` (${ref.document.form})` : ''}`
        : undefined,
      ref.position ? `position word \`${ref.position}\`` : undefined,
      ref.subLabel ? `sub-label \`${ref.subLabel.text}\`` : undefined,
      ref.hint ? `title hint \`${ref.hint.text}\` (${ref.hint.source})` : undefined,
      ref.skip ? `left alone: ${ref.skip.reason} \`${ref.skip.detail}\`` : undefined,
    ].filter((part) => part !== undefined)
    lines.push(`  parsed:     ${parsed.join('; ')}`)
    for (const note of resolution.evidence.notes) lines.push(`  note:       ${note}`)
    if (resolution.evidence.candidates.length > 0) {
      lines.push('  candidates:')
      for (const candidate of resolution.evidence.candidates) {
        const score =
          candidate.score === undefined ? '' : ` — ${candidate.score} word(s) shared with the hint`
        lines.push(`    ${candidate.document} ${candidate.section} ${candidate.title}${score}`)
      }
    }
    if (resolution.status === 'resolved') {
      const { document, heading } = resolution
      const section =
        heading.number === undefined ? `§${heading.title}` : `§${heading.number} ${heading.title}`
      lines.push(`  rule:       ${resolution.resolvedBy}`)
      lines.push(`  target:     ${document.path}#${heading.id} (${section})`)
      if (resolution.stale) lines.push(`  warning:    ${resolution.stale.message}`)
    } else if (resolution.status === 'unresolved') {
      if (resolution.evidence.rule) lines.push(`  rule:       ${resolution.evidence.rule}`)
      lines.push(`  no link:    ${resolution.rule}: ${resolution.message}`)
    } else {
      lines.push(`  no link:    left as text (${resolution.reason})`)
    }
  }
  for (const { run, mention, outcome } of analysis.requirements) {
    const place = at(run, mention.start)
    if (place?.line !== line) continue
    lines.push(
      `${path}:${place.line}:${place.column}  \`${run.text.slice(mention.start, mention.end)}\` (requirement ID ${mention.id})`,
    )
    switch (outcome.kind) {
      case 'link':
        lines.push(
          `  target:     ${outcome.requirement.document}#${outcome.requirement.anchor} (defined in \`${outcome.requirement.scope}\`, the nearest definition)`,
        )
        break
      case 'definition':
        lines.push(
          `  definition: ${outcome.requirement ? `its own anchor #${outcome.requirement.anchor}` : 'a second definition (no anchor)'}`,
        )
        break
      case 'wildcard':
        lines.push('  target:     the traceability page (a wildcard)')
        break
      case 'ambiguous':
        lines.push(
          `  no link:    defined in ${outcome.candidates.map((candidate) => candidate.document).join(', ')}, none nearer than the others`,
        )
        break
      case 'unknown':
        lines.push('  no link:    no definition')
        break
    }
  }
  if (lines.length === 0)
    lines.push(`${path}:${line}  no section reference or requirement ID on this line`)
  return lines
}
