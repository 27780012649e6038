import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import type { IndexStore } from '../core/handbook-index.ts'
import { toPageSiteData, toSiteData } from './site-data-shape.ts'

/** Pages import the index as `import siteData from 'virtual:handbook/site-data'`. */
export const siteDataModuleId = 'virtual:handbook/site-data'

/**
 * Document pages' components import the index without citations, as
 * `import siteData from 'virtual:handbook/page-site-data'` (`toPageSiteData`).
 */
export const pageSiteDataModuleId = 'virtual:handbook/page-site-data'

/** The modules the plugin serves, each with the data it holds and the name of its file. */
const modules = [
  { id: siteDataModuleId, name: 'site-data', data: toSiteData },
  { id: pageSiteDataModuleId, name: 'page-site-data', data: toPageSiteData },
]

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
  // One file per module and process: a build and a dev server of the same checkout may run at once.
  let cacheDir = ''
  return {
    name: 'handbook-site-data',
    configResolved(config) {
      cacheDir = config.cacheDir
      mkdirSync(cacheDir, { recursive: true })
      removeFilesOfEndedProcesses(cacheDir)
    },
    resolveId(id) {
      return modules.some((module) => module.id === id) ? `\0${id}` : undefined
    },
    load(id) {
      const module = modules.find((candidate) => `\0${candidate.id}` === id)
      if (!module) return undefined
      const dataFile = join(cacheDir, `handbook-${module.name}-${process.pid}.json`)
      writeFileSync(dataFile, JSON.stringify(module.data(store)))
      return [
        `import { readFileSync } from 'node:fs'`,
        `export default JSON.parse(readFileSync(${JSON.stringify(dataFile)}, 'utf8'))`,
      ].join('\n')
    },
  }
}

const filePattern = /^handbook-(?:page-)?site-data-(\d+)\.json$/

/** Site data files left by builds and dev servers that have ended. */
function removeFilesOfEndedProcesses(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = filePattern.exec(name)?.[1]
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue
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
