import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import type { DocIndex } from '../core/documents/types.ts'
import type { Diagnostic } from '../core/diagnostics/diagnostics.ts'
import type { RuleId } from '../core/diagnostics/rules.ts'

/**
 * Checks that every configured document became a page with all of its text:
 * the page exists, names its source, and has every heading the source has.
 * Astro ships an empty page when rendering a glob-loaded entry fails, so a
 * page that exists proves nothing on its own.
 */
export function checkBuiltPages(
  index: DocIndex,
  outDir: URL,
  options: { headings?: boolean } = {},
): Diagnostic[] {
  const root = fileURLToPath(outDir)
  const problems: Diagnostic[] = []
  for (const document of index.documents) {
    const file = join(root, document.route, 'index.html')
    const lost = (message: string): Diagnostic => ({
      file: document.path,
      severity: 'error',
      ruleId: 'lost-page' satisfies RuleId,
      message,
    })
    if (!existsSync(file)) {
      problems.push(
        lost(`No page was built for \`${document.path}\` (expected /${document.route}/).`),
      )
      continue
    }
    const html = readFileSync(file, 'utf8')
    if (!html.includes(`name="handbook:source"`)) {
      problems.push(lost(`The page of \`${document.path}\` does not name its source.`))
    }
    if (options.headings === false) continue
    // Every id on the page, read in one pass: looking each heading up in the whole page cost
    // seconds at a thousand pages.
    const ids = new Set(Array.from(html.matchAll(/\sid="([^"]*)"/g), (match) => match[1]))
    const missing = document.headings.filter((heading) => !ids.has(heading.id))
    if (missing.length > 0) {
      problems.push(
        lost(
          `The page of \`${document.path}\` is missing ${missing.length} of its ${document.headings.length} headings (first: \`${missing[0]!.text}\`); its body was not fully rendered.`,
        ),
      )
    }
  }
  return problems
}
