import { watch } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { isInside } from './load-config.ts'

/** Only these files can change the handbook. */
const relevantFile = /(\.(md|markdown)|handbook\.config\.json)$/i
/** Folders that hold no documents: not walked, not watched. */
const ignoredFolder = /(^|[\\/])(\.git|node_modules|dist)([\\/]|$)/

/**
 * Calls `onFile` with the absolute path of each document (or `handbook.config.json`) under
 * `contentRoot` that is saved, added, renamed or deleted, and of each folder that is renamed,
 * added or deleted (its documents come and go with it). One recursive `fs.watch` (inotify
 * per folder on Linux) instead of a chokidar watcher per file: chokidar set-up took 1.4 s at
 * 1000 documents on the dev server's first page, this takes about 50 ms. Folders that hold no
 * documents (`.git`, `node_modules`, `dist`) are not walked.
 */
export function watchContentFiles(
  contentRoot: string,
  onFile: (path: string) => void,
): { close(): void } {
  const watcher = watch(
    contentRoot,
    { recursive: true, ignore: (name: string) => ignoredFolder.test(name) },
    (event, name) => {
      if (!name || ignoredFolder.test(name)) return
      // A folder moved or deleted is one event for the folder, none for the documents in it.
      if (relevantFile.test(name) || (event === 'rename' && extname(name) === '')) {
        onFile(join(contentRoot, name))
      }
    },
  )
  return { close: () => watcher.close() }
}

/** Whether `path` is a file `watchContentFiles(contentRoot, …)` reports changes of. */
export function isContentFile(contentRoot: string, path: string): boolean {
  return (
    relevantFile.test(path) &&
    isInside(contentRoot, path) &&
    !ignoredFolder.test(relative(contentRoot, path))
  )
}
