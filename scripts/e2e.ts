/**
 * `npm run test:e2e`: build the sample handbook, serve `dist/` on 127.0.0.1, run the browser
 * tests in test/e2e/ against it with Chromium, stop the server, exit with the tests' code.
 * Screenshots land in test-results/screenshots/ (gitignored).
 *
 * Environment:
 * - `HANDBOOK_CHROMIUM`: point the browser tests at another Chromium (default `/usr/bin/chromium`).
 * - `HANDBOOK_E2E_SKIP_BUILD=1`: test the `dist/` that is already there instead of building.
 *
 * Extra arguments go to Vitest: `npm run test:e2e -- search` runs test/e2e/search.test.ts only.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { startStaticServer } from './serve-dist.ts'

/** Where Debian's `apt-get install chromium` puts it. */
export const defaultChromium = '/usr/bin/chromium'

/** The Chromium to test with: `HANDBOOK_CHROMIUM` when set, else Debian's. */
export function resolveChromium(env: Record<string, string | undefined> = process.env): string {
  return env.HANDBOOK_CHROMIUM?.trim() || defaultChromium
}

/** Runs a command with inherited output and resolves with its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<number>((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    // Ctrl+C reaches the child through the terminal; a `kill` of this script should too.
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.once('SIGTERM', forward)
    child.once('error', fail)
    child.once('exit', (code, signal) => {
      process.off('SIGTERM', forward)
      done(code ?? (signal ? 1 : 0))
    })
  })
}

async function main(): Promise<number> {
  const chromium = resolveChromium()
  if (!existsSync(chromium)) {
    console.error(
      `Chromium not found at ${chromium}. The browser tests need it:\n` +
        '  apt-get install chromium\n' +
        "(Playwright's own browser download does not work here.) Or set HANDBOOK_CHROMIUM to " +
        'point the browser tests at another Chromium.',
    )
    return 1
  }

  if (process.env.HANDBOOK_E2E_SKIP_BUILD !== '1') {
    const code = await run('npm', ['run', 'build'], {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
    })
    if (code !== 0) {
      console.error(`The build failed (exit code ${code}); no browser tests were run.`)
      return code
    }
  }
  const dist = resolve('dist')
  if (!existsSync(dist)) {
    console.error(`${dist} does not exist: run \`npm run build\` or unset HANDBOOK_E2E_SKIP_BUILD.`)
    return 1
  }
  // Test a copy: another build writing dist/ mid-run would swap hashed assets under the browser.
  const site = mkdtempSync(join(tmpdir(), 'handbook-e2e-'))
  cpSync(dist, site, { recursive: true })

  const server = await startStaticServer({ root: site, host: '127.0.0.1', port: 0 })
  console.log(`Serving a copy of ${dist} at ${server.url}`)
  try {
    // The same Node that runs this script (Node 24 under npm), not whatever `vitest` finds on PATH.
    const vitest = join(
      dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
      'vitest.mjs',
    )
    const args = ['run', '--config', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)]
    return await run(process.execPath, [vitest, ...args], {
      ...process.env,
      HANDBOOK_CHROMIUM: chromium,
      HANDBOOK_E2E_BASE_URL: server.url,
      HANDBOOK_E2E_DIST: site,
    })
  } finally {
    await server.close()
    rmSync(site, { recursive: true, force: true })
  }
}

process.exitCode = await main()
