// `npm run check`: the handbook report without the build (check/cli.ts has the options).
//
// Node keeps the modules it compiled, type stripping included, in a cache between runs: about
// 0.2 s of each run, a seventh of the whole check on the sample handbook (BENCHMARKS.md). The
// cache is an optimisation only: Node checks each entry against the source and recompiles
// what changed.
import { enableCompileCache } from 'node:module'
import { fileURLToPath } from 'node:url'

enableCompileCache(
  fileURLToPath(new URL('../node_modules/.cache/handbook-check/', import.meta.url)),
)
await import('../check/cli.ts')
