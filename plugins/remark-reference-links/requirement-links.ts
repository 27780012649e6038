import type { AnalyzedMention } from '../../core/analysis/analyze-page.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { joinBase } from '../../core/links.ts'
import { pointInRun, type RunReplacement } from '../../core/markdown/text-runs.ts'
import type { LinkTarget } from './section-links.ts'

/**
 * The link a requirement ID becomes: to the definition the scope rules chose
 * for this page, to the traceability page for a wildcard (`CLD-REQ-*`), or,
 * at a definition that owns its anchor, to that anchor (a permalink). An ID
 * that nothing defines, or that several sibling folders define, is reported
 * and stays text.
 */
export function linkRequirementMention(
  { run, mention, outcome }: AnalyzedMention,
  { file, index, base }: LinkTarget,
): RunReplacement | undefined {
  const at = { start: mention.start, end: mention.end }
  switch (outcome.kind) {
    case 'link': {
      const { requirement } = outcome
      const target = index.documentsByPath.get(requirement.document)!
      return {
        ...at,
        link: {
          type: 'link',
          url: `${joinBase(base, target.route)}#${requirement.anchor}`,
          title: `${requirement.id}: ${requirement.text}`,
          data: {
            hProperties: {
              className: ['hb-ref', 'hb-ref--requirement'],
              dataRequirement: requirement.id,
              dataRequirementKey: requirement.key,
            },
          },
        },
      }
    }
    case 'definition': {
      if (!outcome.requirement || outcome.requirement.anchor === '_top') return undefined
      const page = index.documentsByPath.get(outcome.requirement.document)!
      return {
        ...at,
        link: {
          type: 'link',
          url: `${joinBase(base, page.route)}#${outcome.requirement.anchor}`,
          title: `Link to ${outcome.requirement.id}`,
          data: {
            hProperties: {
              className: ['hb-ref', 'hb-ref--permalink'],
              dataRequirement: outcome.requirement.id,
            },
          },
        },
      }
    }
    case 'wildcard':
      return {
        ...at,
        link: {
          type: 'link',
          url: joinBase(base, 'traceability'),
          title: `All requirements matching ${mention.id}`,
          data: {
            hProperties: {
              className: ['hb-ref', 'hb-ref--requirement-list'],
              dataRequirement: mention.id,
            },
          },
        },
      }
    case 'ambiguous': {
      const places = outcome.candidates.map((candidate) => `\`${candidate.document}\``)
      file.message(
        `Unexpected \`${mention.id}\` here: ${places.join(', ')} each define it and none is nearer to this document; write the ID where it is defined, or link the definition you mean.`,
        {
          place: pointInRun(run, mention.start),
          ruleId: 'ambiguous-requirement',
          source: messageSource,
        },
      )
      return undefined
    }
    case 'unknown':
      if (isPatternWithoutDefinitions(mention.id, index)) {
        // Reported once for the whole pattern (`no-requirement-definitions`), not per mention.
        file.info(`Not linked: \`${mention.id}\` (no definitions of its pattern).`, {
          place: pointInRun(run, mention.start),
          ruleId: 'unknown-requirement',
          source: messageSource,
        })
        return undefined
      }
      file.message(
        `Unexpected requirement \`${mention.id}\`: no requirements document defines it. Define it, or fix the ID.`,
        {
          place: pointInRun(run, mention.start),
          ruleId: 'unknown-requirement',
          source: messageSource,
        },
      )
      return undefined
  }
}

function isPatternWithoutDefinitions(id: string, index: LinkTarget['index']): boolean {
  return (index.patternsWithoutDefinitions ?? []).some((pattern) =>
    new RegExp(`^(?:${pattern})$`).test(id),
  )
}
