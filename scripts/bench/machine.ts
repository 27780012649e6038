import { existsSync, readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

/** The machine and toolchain a benchmark ran on. */
export interface MachineInfo {
  cpu: string
  cores: number
  memoryBytes: number
  os: string
  node: string
  astro: string
  starlight: string
}

/** Describes this machine: CPU model from /proc/cpuinfo, cores, memory, OS, Node, Astro and Starlight. */
export function describeMachine(repoRoot: string): MachineInfo {
  const cpuinfo = readIfExists('/proc/cpuinfo')
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim()
  const osRelease = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readIfExists('/etc/os-release'))?.[1]
  return {
    cpu: model ?? cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: osRelease ?? process.platform,
    node: process.version,
    astro: packageVersion(repoRoot, 'astro'),
    starlight: packageVersion(repoRoot, '@astrojs/starlight'),
  }
}

/** True when two descriptions are of the same machine and toolchain (results are comparable). */
export function isSameMachine(a: MachineInfo, b: MachineInfo): boolean {
  return (
    a.cpu === b.cpu &&
    a.cores === b.cores &&
    a.node === b.node &&
    a.astro === b.astro &&
    a.starlight === b.starlight
  )
}

function packageVersion(repoRoot: string, name: string): string {
  const file = join(repoRoot, 'node_modules', name, 'package.json')
  const version = (JSON.parse(readIfExists(file) || '{}') as { version?: string }).version
  return version ?? 'unknown'
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}
