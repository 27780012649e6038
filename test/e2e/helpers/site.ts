import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

/**
 * The served site's URL, base path included (`http://127.0.0.1:PORT/`), as set by
 * scripts/e2e.ts. Throws with a hint when the tests are run without it.
 */
export function baseUrl(): string {
  const url = process.env.HANDBOOK_E2E_BASE_URL
  if (!url) {
    throw new Error(
      'HANDBOOK_E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.',
    )
  }
  return url.endsWith('/') ? url : `${url}/`
}

/** Absolute URL of a site path given relative to the base (`engineering-sop/`). */
export function siteUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl()).href
}

/** The built site folder the server serves (`HANDBOOK_E2E_DIST`, else `dist/`). */
export function distFolder(): string {
  return resolve(process.env.HANDBOOK_E2E_DIST ?? 'dist')
}

/**
 * Every page in the built site as a path relative to the base: `''` for the start page,
 * `engineering-sop/`, and `404.html`. Read from `dist/` rather than crawled, so a page that no
 * sidebar links to is tested too.
 */
export function listBuiltPages(dist: string = distFolder()): string[] {
  const pages: string[] = []
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) {
        // Assets and the search index hold no pages.
        if (name !== '_astro' && name !== 'pagefind') walk(path)
      } else if (name === 'index.html') {
        const route = relative(dist, folder).split('\\').join('/')
        pages.push(route ? `${route}/` : '')
      } else if (name === '404.html' && folder === dist) {
        pages.push(name)
      }
    }
  }
  if (existsSync(dist)) walk(dist)
  return pages
}

/** A page the accessibility and screenshot tests look at. */
export interface KeyPage {
  /** Short name, used in test names and screenshot file names. */
  name: string
  /** Path relative to the base; `undefined` for the start page, found at run time. */
  path: string | undefined
}

/** The pages a reader meets first: one of each kind, and the generated ones. */
export const keyPages: KeyPage[] = [
  { name: 'start', path: undefined },
  { name: 'engineering-sop', path: 'engineering-sop/' },
  { name: 'role-engineer', path: 'agents/engineer/' },
  { name: 'requirements', path: 'requirements/' },
  { name: 'traceability', path: 'traceability/' },
]
