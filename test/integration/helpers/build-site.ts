import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'

/** The project root (tests run from it). */
export const projectRoot = resolve(import.meta.dirname, '../../..')

/** Output of one `astro build`. */
export interface BuildResult {
  status: number
  output: string
  outDir: string
}

/**
 * Runs `astro build --force` as `npm run build` does, into its own output
 * folder, with the given environment (e.g. HANDBOOK_CONTENT).
 */
export function buildSite(outDir: string, env: Record<string, string> = {}): BuildResult {
  // Vitest mirrors import.meta.env into process.env (BASE_URL, MODE, …); a
  // child Vite build would take BASE_URL=/ from there and drop the base path.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key),
    ),
  )
  const result = spawnSync('npx', ['astro', 'build', '--force', '--outDir', outDir], {
    cwd: projectRoot,
    env: {
      ...inherited,
      ASTRO_TELEMETRY_DISABLED: '1',
      // Every finding on its own line (the build otherwise prints the summary), so tests read them.
      HANDBOOK_REPORT: 'lines',
      HANDBOOK_CACHE_DIR: join(outDir, '..', `${basename(outDir)}-cache`),
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, outDir }
}

/** Every built page: route (`agents/engineer`) → HTML. */
export function readPages(outDir: string): Map<string, string> {
  const pages = new Map<string, string>()
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(path)
      } else if (name === 'index.html') {
        pages.set(relative(outDir, folder).split('\\').join('/'), readFileSync(path, 'utf8'))
      }
    }
  }
  if (existsSync(outDir)) walk(outDir)
  return pages
}

/** The `handbook:source` of a page, if it has one. */
export function sourceOf(html: string): string | undefined {
  return /<meta name="handbook:source" content="([^"]*)"/.exec(html)?.[1]
}
