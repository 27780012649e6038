import { watch } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { isInside } from './load-config.ts'

/** Only these files can change the handbook. */
const relevantFile = /(\.(md|markdown)|handbook\.config\.json)$/i
/** Folders that hold no documents: not walked, not watched. */
const ignoredFolder = /(^|[\\/])(\.git|node_modules|dist)([\\/]|$)/

/** One burst of changes: what an editor's save (or a `git checkout`) did. */
export interface ContentChanges {
  /** Absolute paths of the documents, config files and folders that changed. */
  paths: string[]
  /** `performance.now()` of the burst's first event. */
  firstEventAt: number
}

/** Options of {@link watchContentFiles}. */
export interface WatchContentOptions {
  /**
   * Milliseconds to wait for more events after one: one save is often several events (Node
   * reports a write twice; editors write, rename and touch).
   * @default 25
   */
  debounceMs?: number
}

/**
 * Calls `onChanges` once per burst of changes under `contentRoot`: the documents (and
 * `handbook.config.json`) saved, added, renamed or deleted, and the folders renamed, added or
 * deleted (their documents come and go with them). One recursive `fs.watch` (inotify per
 * folder on Linux) instead of a chokidar watcher per file: chokidar set-up took 1.4 s at 1000
 * documents on the dev server's first page, this takes about 50 ms. Folders that hold no
 * documents (`.git`, `node_modules`, `dist`) are not walked.
 */
export function watchContentFiles(
  contentRoot: string,
  onChanges: (changes: ContentChanges) => void,
  options: WatchContentOptions = {},
): { close(): void } {
  const pending = new Set<string>()
  let firstEventAt = 0
  let timer: NodeJS.Timeout | undefined
  const flush = () => {
    timer = undefined
    const paths = [...pending]
    pending.clear()
    onChanges({ paths, firstEventAt })
  }
  const watcher = watch(contentRoot, { recursive: true, ignore: ignoredFolder }, (event, name) => {
    if (!name) return
    const path = join(contentRoot, name)
    // A folder moved or deleted is one event for the folder, none for the documents in it.
    if (!isContentFile(contentRoot, path) && !(event === 'rename' && extname(name) === '')) return
    if (pending.size === 0) firstEventAt = performance.now()
    pending.add(path)
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, options.debounceMs ?? 25)
  })
  return {
    close() {
      if (timer) clearTimeout(timer)
      watcher.close()
    },
  }
}

/** Whether `path` is a file `watchContentFiles(contentRoot, …)` reports changes of. */
export function isContentFile(contentRoot: string, path: string): boolean {
  return (
    relevantFile.test(path) &&
    isInside(contentRoot, path) &&
    !ignoredFolder.test(relative(contentRoot, path))
  )
}
