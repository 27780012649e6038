import { performance } from 'node:perf_hooks'
import { watchContentFiles } from '../io/watch-content.ts'
import type { Checker, CheckResult } from './run-check.ts'

/** Options of `watchCheck`. */
export interface WatchOptions {
  /** Called with each fresh result and the files whose change caused it. */
  onResult: (result: CheckResult, changed: string[], savedAt: number) => void
  onError: (error: unknown) => void
  /**
   * Milliseconds to wait for more events after one: an editor's save is
   * often several (write, rename, attribute change).
   * @default 25
   */
  debounceMs?: number
}

/**
 * Re-checks on save: watches the content root (`watchContentFiles`) and
 * runs `checker.recheck` with the changed files, one run at a time; changes
 * made during a run are checked right after it.
 */
export function watchCheck(checker: Checker, options: WatchOptions): { close(): void } {
  const pending = new Set<string>()
  let firstEventAt = 0
  let timer: NodeJS.Timeout | undefined
  let running = false

  const run = async () => {
    timer = undefined
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
      if (pending.size > 0) schedule()
    }
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, options.debounceMs ?? 25)
  }
  const watcher = watchContentFiles(checker.contentRoot, (path) => {
    if (pending.size === 0) firstEventAt = performance.now()
    pending.add(path)
    schedule()
  })
  return {
    close() {
      if (timer) clearTimeout(timer)
      watcher.close()
    },
  }
}
