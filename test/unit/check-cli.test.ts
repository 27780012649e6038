import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'

const projectRoot = resolve(import.meta.dirname, '../..')

// `npm run check` runs `node scripts/check.ts` on Node's own type stripping, which starts in a
// fraction of the time a transpiler takes but refuses TypeScript that is more than types
// (`erasableSyntaxOnly` in tsconfig.json says so at type-check time). This runs it as npm does.
test('npm run check runs on Node alone and prints the report as JSON', () => {
  const result = spawnSync(
    process.execPath,
    [
      'scripts/check.ts',
      '--format',
      'json',
      '--content',
      join(projectRoot, 'test/fixtures/repositories/numbered-spec'),
    ],
    { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  )
  expect(result.stderr).not.toMatch(/ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX|Error/)
  const report = JSON.parse(result.stdout) as { summary?: unknown }
  expect(report.summary).toBeDefined()
})
