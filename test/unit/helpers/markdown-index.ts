import type { Root } from 'mdast'
import { analyzePage, type PageAnalysis } from '../../../core/analysis/analyze-page.ts'
import { handbookConfigSchema } from '../../../core/config/schema.ts'
import {
  buildDocIndex,
  parseIndexedDocument,
  type BuiltDocIndex,
} from '../../../core/documents/build-index.ts'
import type { DocumentKind } from '../../../core/documents/types.ts'
import type { SectionResolution } from '../../../core/references/resolve.ts'
import { assignAstroHeadingIds } from '../../../io/heading-ids.ts'

/** One file of a repository written in a test: its text and its kind (`guide` when absent). */
export type MarkdownFile = string | { kind: DocumentKind; text: string }

/** Config fields a test may set; `documents` comes from the files. */
export interface MarkdownIndexConfig {
  aliases?: Record<string, string>
  defaultSectionTarget?: string
  requirementPatterns?: string[]
}

/**
 * Indexes a small repository from markdown, the way the build does
 * (`buildDocIndex` with Astro's own heading ids): real outlines, names,
 * requirement definitions, scopes and duplicate findings.
 */
export function buildMarkdownIndex(
  files: Record<string, MarkdownFile>,
  config: MarkdownIndexConfig = {},
): BuiltDocIndex {
  const entries = Object.entries(files).map(([path, file]) => ({
    path,
    ...(typeof file === 'string' ? { kind: 'guide' as const, text: file } : file),
  }))
  const parsed = handbookConfigSchema.parse({
    documents: entries.map((entry) => ({ kind: entry.kind, include: [entry.path] })),
    ...config,
  })
  return buildDocIndex(
    parsed,
    entries.map((entry) => ({
      path: entry.path,
      absolutePath: `/repo/${entry.path}`,
      kind: entry.kind,
      text: entry.text,
    })),
    { assignHeadingIds: assignAstroHeadingIds },
  )
}

/** The page analysis of one indexed document, as the link plugin and the citation index run it. */
export function analyzeIndexed(built: BuiltDocIndex, path: string): PageAnalysis {
  const document = built.index.documentsByPath.get(path)
  const tree = parseIndexedDocument(built.index, path)
  if (!document || !tree) throw new Error(`${path} is not in the index`)
  return analyzePage(tree, document, built.index)
}

/**
 * What a resolution comes to, in one short string: `path#heading-id (rule)`,
 * `✗ rule-id` or `– skip reason`.
 */
export function describeResolution(resolution: SectionResolution): string {
  if (resolution.status === 'resolved') {
    return `${resolution.document.path}#${resolution.heading.id} (${resolution.resolvedBy})`
  }
  if (resolution.status === 'skipped') return `– ${resolution.reason}`
  return `✗ ${resolution.rule}`
}

/**
 * Every section reference of one indexed document: `link text → what it resolves to`, the
 * link text cut where the resolution ends it (after a name's heading words or a sub-label).
 */
export function describeSectionRefs(built: BuiltDocIndex, path: string): string[] {
  return analyzeIndexed(built, path).sections.map(({ run, ref, resolution }) => {
    const end = resolution.status === 'resolved' ? (resolution.end ?? ref.end) : ref.end
    return `${run.text.slice(ref.start, end)} → ${describeResolution(resolution)}`
  })
}
