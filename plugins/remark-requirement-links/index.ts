import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { IndexOptions } from '../options.ts'
import { joinBase } from '../../core/links.ts'
import { messageSource } from '../../core/diagnostics/diagnostics.ts'
import { getPageData } from '../../core/page-data.ts'
import {
  applyRunReplacements,
  collectTextRuns,
  pointInRun,
  type RunReplacement,
} from '../../core/markdown/text-runs.ts'
import {
  analyzeRequirementMentions,
  findDefiningContainers,
} from '../../core/analysis/requirement-mentions.ts'
import { markDefinitions } from './mark-definitions.ts'
import { createRequirementMatcher } from '../../core/requirements/patterns.ts'

/** Options of `remarkRequirementLinks`: the index and the base path. */
export type Options = IndexOptions

/**
 * Links every requirement ID to its definition, gives each definition an
 * anchor (`#cld-req-020`) and a list of where it is cited, and reports IDs
 * that are never defined. Wildcards (`CLD-REQ-*`) link to the traceability
 * page, which lists them all.
 */
export function remarkRequirementLinks(options: Options) {
  const base = options.base ?? '/'
  return (tree: Root, file: VFile) => {
    const page = getPageData(file)
    if (!page) return
    const built = options.store.get()
    const { index } = built
    const matcher = createRequirementMatcher(index.requirementPatterns)
    const defining =
      page.kind === 'requirements' ? findDefiningContainers(tree, matcher) : new Set<never>()
    const runs = collectTextRuns(tree)
    const analyzed = analyzeRequirementMentions(runs, matcher, index, defining)
    const byRun = new Map<(typeof runs)[number], RunReplacement[]>()
    for (const { run, mention, outcome } of analyzed) {
      let link: RunReplacement['link'] | undefined
      if (outcome.kind === 'link') {
        const target = index.documentsByPath.get(outcome.requirement.document)!
        link = {
          type: 'link',
          url: `${joinBase(base, target.route)}#${outcome.requirement.anchor}`,
          title: `${outcome.requirement.id}: ${outcome.requirement.text}`,
          data: {
            hProperties: {
              className: ['hb-ref', 'hb-ref--requirement'],
              dataRequirement: outcome.requirement.id,
            },
          },
        }
      } else if (outcome.kind === 'wildcard') {
        link = {
          type: 'link',
          url: joinBase(base, 'traceability'),
          title: `All requirements matching ${mention.id}`,
          data: {
            hProperties: {
              className: ['hb-ref', 'hb-ref--requirement-list'],
              dataRequirement: mention.id,
            },
          },
        }
      } else if (outcome.kind === 'unknown') {
        file.message(
          `Unexpected requirement \`${mention.id}\`: no requirements document defines it. Define it, or fix the ID.`,
          {
            place: pointInRun(run, mention.start),
            ruleId: 'unknown-requirement',
            source: messageSource,
          },
        )
      }
      if (link)
        byRun.set(run, [
          ...(byRun.get(run) ?? []),
          { start: mention.start, end: mention.end, link },
        ])
    }
    for (const [run, replacements] of byRun) {
      // An ID split by formatting (`CLD-REQ-**020**`) cannot become one link: say so.
      for (const rejected of applyRunReplacements(run, replacements)) {
        file.message(
          `Not linked: \`${run.text.slice(rejected.start, rejected.end)}\` spans formatting or a link; write the ID in one piece of text.`,
          {
            place: pointInRun(run, rejected.start),
            ruleId: 'unlinkable-requirement',
            source: messageSource,
          },
        )
      }
    }
    if (page.kind === 'requirements') markDefinitions(tree, matcher, page, built, base)
  }
}
