import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'

/** A running `astro dev`. */
export interface DevServer {
  /** `http://127.0.0.1:PORT/` */
  url: string
  /** Everything the server printed so far. */
  output(): string
  /** Stops the server and every process it started. */
  stop(): Promise<void>
}

/** A TCP port nobody listens on right now. */
function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

/**
 * Starts `astro dev` on a free port for the repository at `content` and resolves once it
 * answers, or rejects after `timeout` ms with what it printed. It gets its own content and Vite
 * cache (kept between runs, so Vite does not bundle its dependencies again each time) and runs
 * in its own process group, which `stop()` ends.
 */
export async function startDevServer(content: string, timeout = 90_000): Promise<DevServer> {
  const port = await findFreePort()
  const cacheDir = resolve('node_modules/.cache/handbook-e2e-dev')
  mkdirSync(cacheDir, { recursive: true })
  // Not what Vitest puts in the environment (`VITEST`, `NODE_ENV=test`, and its mirror of
  // import.meta.env: BASE_URL, MODE, DEV…): Astro reads some of them and would not run as a
  // reader's `npm run dev` does.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) &&
        !key.startsWith('VITEST'),
    ),
  )
  const child: ChildProcess = spawn(
    'npx',
    // --ignore-lock: the last test's server, ended a moment ago, can linger as a zombie, which
    // Astro's lock counts as a running server of this project.
    [
      'astro',
      'dev',
      '--ignore-lock',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      env: {
        ...inherited,
        ASTRO_TELEMETRY_DISABLED: '1',
        HANDBOOK_CONTENT: resolve(content),
        HANDBOOK_CACHE_DIR: join(cacheDir, 'astro'),
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let printed = ''
  child.stdout?.on('data', (chunk) => (printed += String(chunk)))
  child.stderr?.on('data', (chunk) => (printed += String(chunk)))
  const url = `http://127.0.0.1:${port}/`
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return
    const exited = new Promise((done) => child.once('exit', done))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }, 5_000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(url)
      if (response.ok || response.status === 404) return { url, output: () => printed, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 500))
  }
  await stop()
  throw new Error(`astro dev did not answer at ${url} within ${timeout} ms:\n${printed}`)
}
