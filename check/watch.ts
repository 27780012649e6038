import { watchContentFiles, type WatchContentOptions } from '../io/watch-content.ts'
import type { Checker, CheckResult } from './run-check.ts'

/** Options of `watchCheck`. */
export interface WatchOptions extends WatchContentOptions {
  /** Called with each fresh result and the files whose change caused it. */
  onResult: (result: CheckResult, changed: string[], savedAt: number) => void
  onError: (error: unknown) => void
}

/**
 * Re-checks on save: watches the content root (`watchContentFiles`) and
 * runs `checker.recheck` with the changed files, one run at a time; changes
 * made during a run are checked right after it.
 */
export function watchCheck(checker: Checker, options: WatchOptions): { close(): void } {
  const pending = new Set<string>()
  let firstEventAt = 0
  let running = false

  const run = async () => {
    if (running || pending.size === 0) return
    running = true
    const changed = [...pending]
    const savedAt = firstEventAt
    pending.clear()
    try {
      options.onResult(await checker.recheck(changed), changed, savedAt)
    } catch (error) {
      options.onError(error)
    } finally {
      running = false
      void run()
    }
  }
  return watchContentFiles(
    checker.contentRoot,
    (changes) => {
      if (pending.size === 0) firstEventAt = changes.firstEventAt
      for (const path of changes.paths) pending.add(path)
      void run()
    },
    { debounceMs: options.debounceMs },
  )
}
