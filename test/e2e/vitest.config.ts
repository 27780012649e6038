import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The browser tests, run by `npm run test:e2e` (scripts/e2e.ts) against a served build.
// Kept apart from vitest.config.ts so that `npm test` never needs Chromium.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.test.ts'],
    // One Chromium at a time: the machines have two cores, and parallel browsers make
    // timing-sensitive checks (scrolling, search results) flaky rather than faster.
    fileParallelism: false,
    // Each file launches its own browser and keeps no module state, so one worker can run
    // them all: about a second saved per file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
