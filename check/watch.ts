import { watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
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

/** Only these files can change the report. */
const relevant = /(\.(md|markdown)|handbook\.config\.json)$/i
const ignoredFolders = /(^|[\\/])(\.git|node_modules|dist)([\\/]|$)/

/**
 * Re-checks on save: watches the content root (`fs.watch`, recursive) and
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
  const watcher: FSWatcher = watch(checker.contentRoot, { recursive: true }, (_event, name) => {
    if (!name || ignoredFolders.test(name) || !relevant.test(name)) return
    if (pending.size === 0) firstEventAt = performance.now()
    pending.add(join(checker.contentRoot, name))
    schedule()
  })
  return {
    close() {
      if (timer) clearTimeout(timer)
      watcher.close()
    },
  }
}
