import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue, Result } from 'axe-core'
import type { Page } from 'playwright-core'

/** Impacts that fail the tests; minor and moderate ones are printed by nobody. */
export const blockingImpacts: readonly ImpactValue[] = ['serious', 'critical']

let axeSource: string | undefined

/** axe-core's browser bundle, read once from the installed package. */
function readAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

/** Injects axe-core into the page and runs every rule on the whole document. */
export async function runAxe(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: readAxeSource() })
  const results = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } }).axe.run({
        resultTypes: ['violations'],
      }) as Promise<AxeResults>,
  )
  return results.violations
}

/** A violation that comes from a dependency's markup, not ours, with where to fix it. */
export interface KnownViolation {
  rule: string
  /** axe's selector for the element, as printed in failures. */
  target: string
  reason: string
}

/**
 * Violations the tests tolerate because they are in markup we do not write. Each names its
 * upstream source; remove it once fixed there (or once we override the component).
 */
export const knownViolations: readonly KnownViolation[] = [
  {
    rule: 'label-content-name-mismatch',
    target: 'button[data-open-modal=""]',
    reason:
      'Starlight 0.42 Search.astro: the search button is named by aria-label="Search", which ' +
      'leaves out its visible "Ctrl K" hint (the shortcut is announced via aria-keyshortcuts).',
  },
]

function isKnown(rule: string, target: string): boolean {
  return knownViolations.some((known) => known.rule === rule && known.target === target)
}

/**
 * One line per offending element of each serious or critical violation: rule, impact, target
 * and axe's summary of how to fix it, so a failure can be acted on without rerunning.
 */
export function describeBlockingViolations(violations: readonly Result[]): string[] {
  return violations
    .filter((violation) => blockingImpacts.includes(violation.impact ?? 'minor'))
    .flatMap((violation) =>
      violation.nodes
        .filter((node) => !isKnown(violation.id, node.target.join(' ')))
        .map(
          (node) =>
            `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ` +
            `${(node.failureSummary ?? '').replace(/\s+/g, ' ')} — ${violation.helpUrl}`,
        ),
    )
}
