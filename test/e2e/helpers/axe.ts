import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue, Result } from 'axe-core'
import type { Page } from 'playwright-core'

/** Impacts that fail the focused tests; minor and moderate findings are left to the whole-site test. */
export const blockingImpacts: readonly ImpactValue[] = ['serious', 'critical']

/** Every impact: the whole-site accessibility test accepts no violation at all. */
export const allImpacts: readonly ImpactValue[] = ['minor', 'moderate', 'serious', 'critical']

/** axe-core's browser bundle, from the installed package. */
function readAxeSource(): string {
  return readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
}

/**
 * Waits for Expressive Code's deferred pass (a ResizeObserver, 250 ms debounce, then an idle
 * callback) that makes code blocks too wide for the column focusable with `tabindex="0"`.
 * On a busy machine it can land after `networkidle`; if it never lands, axe reports the
 * blocks as `scrollable-region-focusable`, which is then a real failure.
 */
async function waitForScrollableCodeBlocks(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.expressive-code pre')].every(
          (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
        ),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined)
}

/** Injects axe-core into the page and runs every rule on the whole document. */
export async function runAxe(page: Page): Promise<Result[]> {
  await waitForScrollableCodeBlocks(page)
  await page.addScriptTag({ content: readAxeSource() })
  const results = await page.evaluate(
    () =>
      (window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } }).axe.run({
        resultTypes: ['violations'],
      }) as Promise<AxeResults>,
  )
  return results.violations
}

/** How many offending elements each failure line names before summarising the rest. */
const targetsShown = 5

/**
 * One line per violation of the given impacts (serious and critical by default): rule, impact, what is wrong, the offending
 * elements (axe selectors), axe's first hint on fixing it and its rule page, so a failure can
 * be acted on without rerunning.
 */
export function describeBlockingViolations(
  violations: readonly Result[],
  impacts: readonly ImpactValue[] = blockingImpacts,
): string[] {
  return violations
    .filter((violation) => impacts.includes(violation.impact ?? 'minor'))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' '))
      const shown = targets.slice(0, targetsShown).join(' | ')
      const more = targets.length > targetsShown ? ` (+${targets.length - targetsShown} more)` : ''
      const hint = violation.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''
      return (
        `${violation.id} (${violation.impact}): ${violation.help}. ` +
        `${targets.length} element(s): ${shown}${more}. ${hint} — ${violation.helpUrl}`
      )
    })
}
