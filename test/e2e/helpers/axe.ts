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

/**
 * One line per offending element of each serious or critical violation: rule, impact, target
 * and axe's summary of how to fix it, so a failure can be acted on without rerunning.
 */
export function describeBlockingViolations(violations: readonly Result[]): string[] {
  return violations
    .filter((violation) => blockingImpacts.includes(violation.impact ?? 'minor'))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ` +
          `${(node.failureSummary ?? '').replace(/\s+/g, ' ')} — ${violation.helpUrl}`,
      ),
    )
}
