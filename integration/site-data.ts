import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import type { IndexStore } from '../core/handbook-index.ts'
import { toSiteData } from './site-data-shape.ts'

/** Pages import the index as `import siteData from 'virtual:handbook/site-data'`. */
export const siteDataModuleId = 'virtual:handbook/site-data'

/**
 * A Vite plugin that serves the document index to Astro pages and
 * components. The index lives in the integration's process; pages are
 * bundled separately, so they receive it as data, computed once.
 *
 * The data is written to a JSON file in Vite's cache folder and the module only reads it:
 * inlined as a JavaScript object literal, a large handbook's index (6 MB at 1000 pages) was
 * parsed and bundled by Vite for every build, which cost more than the rest of the bundle.
 * Pages are rendered in Node (prerendered, or by the dev server), where the file is at hand.
 */
export function createSiteDataPlugin(store: IndexStore): Plugin {
  const resolvedId = `\0${siteDataModuleId}`
  // One file per process: a build and a dev server of the same checkout may run at once.
  let dataFile = ''
  return {
    name: 'handbook-site-data',
    configResolved(config) {
      mkdirSync(config.cacheDir, { recursive: true })
      removeFilesOfEndedProcesses(config.cacheDir)
      dataFile = join(config.cacheDir, `${filePrefix}${process.pid}.json`)
    },
    resolveId(id) {
      return id === siteDataModuleId ? resolvedId : undefined
    },
    load(id) {
      if (id !== resolvedId) return undefined
      writeFileSync(dataFile, JSON.stringify(toSiteData(store)))
      return [
        `import { readFileSync } from 'node:fs'`,
        `export default JSON.parse(readFileSync(${JSON.stringify(dataFile)}, 'utf8'))`,
      ].join('\n')
    },
  }
}

const filePrefix = 'handbook-site-data-'

/** Site data files left by builds and dev servers that have ended. */
function removeFilesOfEndedProcesses(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(filePrefix)) continue
    const pid = Number(name.slice(filePrefix.length, -'.json'.length))
    if (pid === process.pid || isRunning(pid)) continue
    rmSync(join(folder, name), { force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
