import type { Root } from 'mdast'
import type { DocIndex, RequirementInfo } from '../documents/types.ts'
import type { RunContainer, TextRun } from '../markdown/text-runs.ts'
import { findRequirementDefinitions } from '../requirements/definitions.ts'
import type { RequirementMatcher, RequirementMention } from '../requirements/patterns.ts'

/** What one ID-shaped token in the text turns out to be. */
export type MentionOutcome =
  | { kind: 'link'; requirement: RequirementInfo }
  | { kind: 'wildcard' }
  | { kind: 'definition' }
  | { kind: 'unknown' }

export interface AnalyzedMention {
  run: TextRun
  mention: RequirementMention
  outcome: MentionOutcome
}

/**
 * The runs whose first ID is a definition rather than a mention (the first
 * paragraph of a defining list item, a defining heading, the ID cell of a
 * defining row). Only documents of kind `requirements` define.
 */
export function findDefiningContainers(tree: Root, matcher: RequirementMatcher): Set<RunContainer> {
  const containers = new Set<RunContainer>()
  for (const definition of findRequirementDefinitions(tree, matcher)) {
    const node = definition.node
    const first = node.type === 'heading' ? node : node.children[0]
    if (
      first &&
      (first.type === 'paragraph' || first.type === 'heading' || first.type === 'tableCell')
    )
      containers.add(first)
  }
  return containers
}

/**
 * Classifies every requirement ID in the given runs. Pure: the plugin uses
 * the result to write links and messages, the citation index to count.
 */
export function analyzeRequirementMentions(
  runs: TextRun[],
  matcher: RequirementMatcher,
  index: DocIndex,
  definingContainers: ReadonlySet<RunContainer>,
): AnalyzedMention[] {
  const analyzed: AnalyzedMention[] = []
  for (const run of runs) {
    const mentions = matcher.findMentions(run.text)
    mentions.forEach((mention, position) => {
      const insideLink = run.pieces.some(
        (piece) => !piece.linkable && piece.start <= mention.start && mention.end <= piece.end,
      )
      if (insideLink) return
      let outcome: MentionOutcome
      if (position === 0 && definingContainers.has(run.container)) outcome = { kind: 'definition' }
      else if (mention.wildcard) outcome = { kind: 'wildcard' }
      else {
        const requirement = index.requirements.get(mention.id)
        outcome = requirement ? { kind: 'link', requirement } : { kind: 'unknown' }
      }
      analyzed.push({ run, mention, outcome })
    })
  }
  return analyzed
}
