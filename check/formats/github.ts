import { relative, resolve, sep } from 'node:path'
import type { AnnotationProperties } from '@actions/core'
import { formatPlace, type Report, type ReportGroup } from '../../core/diagnostics/report.ts'

/** One workflow command, as `@actions/core` writes it. */
export interface Annotation {
  severity: 'error' | 'warning' | 'notice'
  message: string
  properties: AnnotationProperties
}

/**
 * One GitHub Actions annotation per problem (a group of places is one
 * annotation, at its first place, listing the others: GitHub shows only ten
 * warnings per step), located relative to `sourceRoot`, the repository root.
 */
export function toAnnotations(
  report: Report,
  context: { contentRoot: string; sourceRoot: string; limit?: number },
): Annotation[] {
  return report.groups.slice(0, context.limit ?? 50).map((group) => toAnnotation(group, context))
}

function toAnnotation(
  group: ReportGroup,
  context: { contentRoot: string; sourceRoot: string },
): Annotation {
  const [first, ...others] = group.diagnostics
  // Paths from the repository root, as GitHub shows files.
  const fromRoot = (path: string) =>
    relative(context.sourceRoot, resolve(context.contentRoot, path)).split(sep).join('/')
  const file = fromRoot(first!.file)
  const lines = [group.title]
  if (others.length > 0) {
    const places = others.map((other) => formatPlace({ ...other, file: fromRoot(other.file) }))
    lines.push(`Also at: ${places.join(', ')}`)
  }
  if (group.fix) lines.push(`Fix: ${group.fix}`)
  return {
    severity: group.severity === 'info' ? 'notice' : group.severity,
    message: lines.join('\n'),
    properties: {
      title: `handbook:${group.ruleId}`,
      file,
      ...(first!.line ? { startLine: first!.line } : {}),
      ...(first!.line && first!.column ? { startColumn: first!.column } : {}),
      ...(first!.endLine && first!.endLine === first!.line && first!.endColumn
        ? { endColumn: first!.endColumn }
        : {}),
    },
  }
}

/**
 * Writes the annotations as workflow commands
 * (`::warning file=…,line=…,col=…,title=…::message`) with GitHub's own
 * toolkit, which escapes them; loaded only when running on GitHub Actions.
 */
export async function printAnnotations(annotations: Annotation[]): Promise<void> {
  if (annotations.length === 0) return
  const core = await import('@actions/core')
  for (const { severity, message, properties } of annotations) core[severity](message, properties)
}
