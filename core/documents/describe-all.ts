import type { DocumentKind } from '../config/schema.ts'
import { describeSource, type DescribedSource } from './describe.ts'
import type { FileProblem } from './types.ts'

/** A source file's text, ready to describe and index. */
export interface SourceText {
  path: string
  absolutePath: string
  kind: DocumentKind
  text: string
}

/** A described source with its file location and final route. */
export interface PlacedSource extends DescribedSource {
  absolutePath: string
}

/** Every source described and placed, and the problems found doing it. */
export interface DescribedSources {
  described: PlacedSource[]
  problems: FileProblem[]
}

/** Routes our generated pages use (src/pages/); a document may not take them. */
export const reservedRoutes = new Set(['', 'index', 'traceability', 'a-z', 'how-to-use', '404'])

/**
 * Describes every source and gives each a route of its own. Two files that
 * map to one route (or a file that maps to one of our generated pages) are
 * reported, and the later one gets a numbered route, so no page is lost.
 * Both the content loader and the document index call this, so they agree
 * on every route.
 */
export function describeSources(texts: SourceText[]): DescribedSources {
  const problems: FileProblem[] = []
  const used = new Map<string, string>()
  const described = texts.map((text) => {
    const source = describeSource(text.path, text.kind, text.text)
    for (const problem of source.problems) problems.push({ ...problem, file: text.path })
    return { ...source, absolutePath: text.absolutePath, route: claimRoute(source, used, problems) }
  })
  return { described, problems }
}

function claimRoute(
  described: DescribedSource,
  used: Map<string, string>,
  problems: FileProblem[],
): string {
  let route = described.route || 'document'
  const original = route
  const owner = used.get(route)
  if (owner !== undefined || reservedRoutes.has(route)) {
    let suffix = 2
    while (used.has(`${original}-${suffix}`) || reservedRoutes.has(`${original}-${suffix}`))
      suffix++
    route = `${original}-${suffix}`
    problems.push({
      file: described.path,
      severity: 'error',
      ruleId: 'duplicate-route',
      message: owner
        ? `\`${described.path}\` and \`${owner}\` both map to the route \`/${original}/\`; this one is served at \`/${route}/\`. Rename one of the files.`
        : `\`${described.path}\` maps to \`/${original}/\`, which the handbook uses for its own page; it is served at \`/${route}/\`. Rename the file.`,
    })
  }
  used.set(route, described.path)
  return route
}
