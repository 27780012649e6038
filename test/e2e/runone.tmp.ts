import { spawn } from 'node:child_process'
import { startStaticServer } from '/work/main/scripts/serve-dist.ts'
const server = await startStaticServer({ root: 'dist' })
const child = spawn(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'test/e2e/vitest.config.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, HANDBOOK_E2E_BASE_URL: server.url } },
)
await new Promise((r) => child.on('exit', r))
await server.close()
