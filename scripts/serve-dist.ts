/**
 * A tiny static server for the built site, for the browser tests.
 *
 * `astro preview` would do, but it starts Vite and prints its own banner; this serves `dist/`
 * the way a plain static host does: `index.html` for directory paths, a redirect to add the
 * trailing slash (the site uses `trailingSlash: 'always'`), `404.html` with status 404 for
 * anything else, and MIME types that Pagefind's WebAssembly and index files need.
 *
 * Run alone: `npx tsx scripts/serve-dist.ts [dist] [port]`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Options of `startStaticServer`. */
export interface Options {
  /** Folder to serve. */
  root: string
  /**
   * URL path the site lives under, with leading and trailing slash.
   * @default findBase(root)
   */
  base?: string
  /**
   * Interface to listen on.
   * @default '127.0.0.1'
   */
  host?: string
  /**
   * Port; 0 picks a free one.
   * @default 0
   */
  port?: number
}

/** A running server: the site's URL (base included) and a way to stop it. */
export interface StaticServer {
  url: string
  close: () => Promise<void>
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  // Pagefind compiles its WebAssembly with instantiateStreaming, which insists on this type.
  '.wasm': 'application/wasm',
  // Pagefind's own binary formats: the wasm module per language, index chunks, fragments.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
}

/** The MIME type a static host would send for `file`. */
export function toMimeType(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The base path the site in `root` was built for, read from its own asset links
 * (`<base>_astro/…`), so that a `dist/` built with `HANDBOOK_BASE` is served where its pages
 * expect to be.
 */
export function findBase(root: string): string {
  const page = join(root, '404.html')
  if (!existsSync(page)) return '/'
  const match = /(?:href|src)="([^"]*?\/)_astro\//.exec(readFileSync(page, 'utf8'))
  return match?.[1] ?? '/'
}

/** Starts serving `root` and resolves once it listens. */
export async function startStaticServer(options: Options): Promise<StaticServer> {
  const root = resolve(options.root)
  const base = options.base ?? findBase(root)
  const server = createServer((request, response) => {
    handleRequest(root, base, request, response)
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done)
  })
  const { address, port } = server.address() as AddressInfo
  return {
    url: `http://${address}:${port}${base}`,
    close: () =>
      new Promise((done) => {
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

function handleRequest(
  root: string,
  base: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  const url = new URL(request.url ?? '/', 'http://localhost')
  const target = resolveTarget(root, base, url.pathname)
  if (target.kind === 'redirect') {
    response.writeHead(301, { location: target.location + url.search }).end()
  } else if (target.kind === 'file') {
    sendFile(response, request.method === 'HEAD', 200, target.file)
  } else {
    const notFound = join(root, '404.html')
    if (existsSync(notFound)) sendFile(response, request.method === 'HEAD', 404, notFound)
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  }
}

type Target =
  { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' }

/** Maps a URL path to a file under `root`, refusing anything outside it. */
function resolveTarget(root: string, base: string, pathname: string): Target {
  if (!pathname.startsWith(base)) {
    // `/base` without its slash is the site's start page.
    return `${pathname}/` === base ? { kind: 'redirect', location: base } : { kind: 'missing' }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname.slice(base.length))
  } catch {
    return { kind: 'missing' }
  }
  const file = resolve(root, decoded)
  const inside = relative(root, file)
  if (inside.startsWith('..') || inside.startsWith(sep) || decoded.includes('\0')) {
    return { kind: 'missing' }
  }
  if (!existsSync(file)) return { kind: 'missing' }
  if (!statSync(file).isDirectory()) return { kind: 'file', file }
  if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` }
  const index = join(file, 'index.html')
  return existsSync(index) ? { kind: 'file', file: index } : { kind: 'missing' }
}

function sendFile(response: ServerResponse, headOnly: boolean, status: number, file: string) {
  response.writeHead(status, {
    'content-type': toMimeType(file),
    'content-length': statSync(file).size,
    // Every run tests the build it just made.
    'cache-control': 'no-store',
  })
  if (headOnly) response.end()
  else createReadStream(file).pipe(response)
}

async function main(): Promise<void> {
  const [root = 'dist', port = '4321'] = process.argv.slice(2)
  const server = await startStaticServer({ root, port: Number(port) })
  console.log(`Serving ${root} at ${server.url}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main()
}
