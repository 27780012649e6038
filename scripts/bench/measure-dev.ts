import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

/** How long `astro dev` took to serve its first page. */
export interface DevMeasurement {
  /** Spawn to the first 200 answer for `path`; undefined when none came in time. */
  firstResponseMs?: number
  /** The page polled (`/context/`). */
  path: string
  /** Why there is no time: the server exited, or the timeout passed. */
  failure?: string
  /** The 1-minute load average when the server was started. */
  loadAverage: number
}

/** Options of `measureDevStart`. */
export interface DevOptions {
  /** Working directory of `npx` (this repository, so its Node 24 and Astro are used). */
  cwd: string
  /** Arguments after `npx astro dev` (`--root …`); the port is added. */
  args: string[]
  /** Extra environment (`HANDBOOK_CONTENT`, `HANDBOOK_CACHE_DIR`). */
  env: Record<string, string>
  /** A document page, from the site's root: `/context/`. */
  path: string
  /** The server's output goes here. */
  logFile: string
  /**
   * The port to listen on. Astro counts the port as part of the config, and a changed config
   * clears the content store: a warm start must use the port of the start before it.
   * @default a free port
   */
  port?: number
  /** @default 300_000 */
  timeoutMs?: number
}

/**
 * Starts `npx astro dev` on a free port and polls `path` until it answers
 * 200: the time from spawn to that answer is what a user waits after
 * `npm run dev` before the first page shows. The server runs in its own
 * process group, which is ended (SIGTERM, then SIGKILL) afterwards.
 */
export async function measureDevStart(options: DevOptions): Promise<DevMeasurement> {
  const { cwd, args, env, path, logFile, timeoutMs = 300_000 } = options
  const port = options.port ?? (await findFreePort())
  const loadAverage = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
  const log = openSync(logFile, 'w')
  const started = performance.now()
  const child = spawn(
    'npx',
    // --ignore-lock: Astro refuses to start while the lock file names a live server, and a
    // server this bench ended can linger as a zombie (the container's init does not reap it),
    // which counts as live; the bench starts and ends every server itself.
    ['astro', 'dev', ...args, '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', log, log],
      detached: true,
    },
  )
  let exited: number | null | undefined
  child.on('exit', (code) => (exited = code))
  const url = `http://127.0.0.1:${port}${path}`
  let result: DevMeasurement = { path, loadAverage, failure: `no answer within ${timeoutMs} ms` }
  while (performance.now() - started < timeoutMs) {
    if (exited !== undefined) {
      result = { path, loadAverage, failure: `the server exited (code ${exited})` }
      break
    }
    const status = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then(
      async (response) => {
        await response.arrayBuffer()
        return response.status
      },
      () => undefined,
    )
    if (status === 200) {
      result = { path, loadAverage, firstResponseMs: performance.now() - started }
      break
    }
    await sleep(status === undefined ? 100 : 250)
  }
  await stopGroup(child.pid!, () => exited !== undefined)
  closeSync(log)
  return result
}

/** A TCP port nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('No free port found.')
  return address.port
}

/** Ends the process group we started (npx, Node, Astro): SIGTERM, then SIGKILL after 5 s. */
async function stopGroup(pid: number, hasExited: () => boolean): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name)
    } catch {
      // the group is gone already
    }
  }
  signal('SIGTERM')
  for (let waited = 0; waited < 5000 && !hasExited(); waited += 100) await sleep(100)
  signal('SIGKILL')
}
