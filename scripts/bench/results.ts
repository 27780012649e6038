import type { CodeVersion } from './code-version.ts'
import type { CorpusSummary } from './generate-corpus.ts'
import type { MachineInfo } from './machine.ts'
import type { BuildMeasurement, Variant } from './measure-build.ts'
import type { DevMeasurement } from './measure-dev.ts'
import type { RenderTiming, ScanTiming } from './measure-in-process.ts'

/**
 * The variants whose dev server start is timed. `stockOnePage` is stock Starlight with only the
 * corpus's `CONTEXT.md`: what `astro dev` costs before any handbook, the floor under both.
 */
export type DevVariant = 'handbook' | 'stock' | 'stockOnePage'

/** `astro dev` started twice: with an empty cache folder, then again with the cache the first start left. */
export interface DevStarts {
  cold?: DevMeasurement
  warm?: DevMeasurement
}

/** How the corpus was copied into the stock project (scripts/bench/stock-site.ts). */
export interface StockCopy {
  /** Documents written to the stock project's docs collection folder. */
  documents: number
  renamed: number
  titlesAdded: number
  frontmatterQuoted: number
  /** Corpus files left out because two would land on one path. */
  problems: string[]
}

/** Everything measured for one corpus size. */
export interface SizeResult {
  pages: number
  /** ISO date-time of the measurement. */
  date: string
  seed: number
  /** The code measured (taken before the size's first measurement). */
  code?: CodeVersion
  /** The sources changed while this size was measured: its numbers mix two versions. */
  codeChanged?: boolean
  corpus: CorpusSummary
  /** The index scan in the bench process; undefined when it threw (see `failures`). */
  scan?: ScanTiming
  /** Rendering in the bench process; undefined when it threw or was skipped. */
  render?: RenderTiming
  /** Every build run per variant; the report uses the fastest complete one. */
  builds: Partial<Record<Variant, BuildMeasurement[]>>
  /** First page served by `astro dev`, per variant. */
  dev?: Partial<Record<DevVariant, DevStarts>>
  stock?: StockCopy
  /** Measurements that threw, in a few words each (`index scan: …`). */
  failures?: string[]
}

/** The version of the data kept in BENCHMARKS.md; data of another version is not merged. */
export const benchDataFormat = 2

/** What the report section is rendered from; kept in the file so later runs can merge into it. */
export interface BenchData {
  format: typeof benchDataFormat
  machine: MachineInfo
  results: SizeResult[]
}

/**
 * The run of a variant the report uses: the fastest complete one (other work
 * on the machine only ever slows a build down).
 */
export function pickBuild(
  runs: readonly BuildMeasurement[] | undefined,
): BuildMeasurement | undefined {
  return (runs ?? [])
    .filter((run) => run.completed)
    .reduce<BuildMeasurement | undefined>(
      (best, run) => (!best || run.wallMs < best.wallMs ? run : best),
      undefined,
    )
}
