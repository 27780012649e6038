import { describe, expect, test } from 'vitest'
import { evaluateGoals, judge, ratioOf } from '../../scripts/bench/goals.ts'
import type { BuildMeasurement } from '../../scripts/bench/measure-build.ts'
import { findFailure, measureSidebar } from '../../scripts/bench/measure-build.ts'
import { mergeResults, renderBenchSection } from '../../scripts/bench/report.ts'
import {
  benchDataFormat,
  pickBuild,
  type BenchData,
  type SizeResult,
} from '../../scripts/bench/results.ts'
import type { MachineInfo } from '../../scripts/bench/machine.ts'

describe('ratioOf', () => {
  test.each([
    [110, 100, 1.1],
    [0, 100, 0],
    [undefined, 100, undefined],
    [100, undefined, undefined],
    [100, 0, undefined],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(ratioOf(a, b)).toBe(expected)
  })
})

describe('judge', () => {
  test.each([
    { value: 1.1, limit: 1.1, comparison: 'at-most', verdict: '✅ met', met: true },
    {
      value: 1.32,
      limit: 1.1,
      comparison: 'at-most',
      verdict: '❌ missed: 20% over the limit',
      met: false,
    },
    { value: 0.99, limit: 1, comparison: 'below', verdict: '✅ met', met: true },
    { value: 1, limit: 1, comparison: 'below', verdict: '❌ missed: not below it', met: false },
    {
      value: 0.021,
      limit: 0.02,
      comparison: 'at-most',
      verdict: '❌ missed: 5.0% over the limit',
      met: false,
    },
    { value: undefined, limit: 1, comparison: 'at-most', verdict: 'not measured', met: undefined },
  ] as const)('$value against $comparison $limit', ({ value, limit, comparison, verdict, met }) => {
    expect(judge(value, limit, comparison)).toEqual({
      verdict,
      ...(met === undefined ? {} : { met }),
    })
  })
})

function build(
  variant: BuildMeasurement['variant'],
  fields: Partial<BuildMeasurement>,
): BuildMeasurement {
  return {
    variant,
    wallMs: 100_000,
    phases: {},
    memorySource: 'time -v',
    distBytes: 1e8,
    htmlFiles: 1000,
    htmlBytes: 1e8,
    exitCode: 0,
    completed: true,
    loadAverage: 0.5,
    ...fields,
  }
}

function size(pages: number, fields: Partial<SizeResult>): SizeResult {
  return {
    pages,
    date: '2026-11-30T00:00:00.000Z',
    seed: 1,
    corpus: {
      documents: pages,
      bytes: 1,
      sectionSigns: 0,
      requirementIds: 0,
      codeBlocks: 0,
      byKind: {},
    },
    builds: {},
    ...fields,
  }
}

const results: SizeResult[] = [
  size(1000, {
    scan: {
      medianMs: 1500,
      samples: [1500],
      cpuMedianMs: 1400,
      documents: 1000,
      headings: 1,
      requirements: 1,
    },
    builds: {
      handbook: [
        build('handbook', {
          wallMs: 105_000,
          cpuMs: 120_000,
          peakRssBytes: 1.2e9,
          medianPageBytes: 60_000,
        }),
        build('handbook', { wallMs: 140_000, completed: false, exitCode: 134 }),
      ],
      stock: [
        build('stock', {
          wallMs: 100_000,
          cpuMs: 100_000,
          peakRssBytes: 1e9,
          medianPageBytes: 200_000,
        }),
      ],
    },
    dev: {
      handbook: {
        cold: { path: '/context/', loadAverage: 1, firstResponseMs: 7000 },
        warm: { path: '/context/', loadAverage: 1, firstResponseMs: 4000 },
      },
      stockOnePage: {
        cold: { path: '/context/', loadAverage: 1, firstResponseMs: 6000 },
        warm: { path: '/context/', loadAverage: 1, firstResponseMs: 3000 },
      },
    },
  }),
  size(3000, {
    scan: {
      medianMs: 9000,
      samples: [9000],
      cpuMedianMs: 9000,
      documents: 3000,
      headings: 1,
      requirements: 1,
    },
    builds: {
      handbook: [build('handbook', { wallMs: 300_000, distBytes: 4e8, medianPageBytes: 61_000 })],
      stock: [build('stock', { wallMs: 290_000, distBytes: 1.6e9, medianPageBytes: 500_000 })],
    },
  }),
]

describe('evaluateGoals', () => {
  test('each goal of issue 15, judged on the fastest complete build', () => {
    expect(
      evaluateGoals(results).map((goal) => [goal.name, goal.limit, goal.measured, goal.met]),
    ).toEqual([
      ['Build time, 1000 pages', '≤ 1.10× stock', '1.05×', true],
      ['Peak memory, 1000 pages', '≤ 1.15× stock', '1.20×', false],
      ['Build time, 3000 pages', '< 1.00× stock', '1.03×', false],
      ['dist/ size, 3000 pages', '≤ 0.50× stock', '0.25×', true],
      ['HTML per page, 3000 vs 1000 pages', "≤ 1000 pages' (60.0 kB)", '61.0 kB', false],
      ['Index scan, share of our build, 1000 pages', '≤ 2.0%', '1.4%', true],
      ['Index scan, share of our build, 3000 pages', '≤ 2.0%', '3.0%', false],
      ['`astro dev`, first page, cold cache, 1000 pages', '≤ 5.0 s', '7.0 s', false],
      ['`astro dev`, first page, warm cache, 1000 pages', '≤ 5.0 s', '4.0 s', true],
    ])
  })

  test("a missed dev start names stock Starlight's one-page start beside it", () => {
    const dev = evaluateGoals(results).filter((goal) => goal.row.startsWith('dev-'))
    expect(dev.map((goal) => goal.verdict)).toEqual([
      '❌ missed: 40% over the limit; stock Starlight with one page: 6.0 s',
      '✅ met',
    ])
  })

  test('sizes left out of the run are not measured', () => {
    const goals = evaluateGoals([size(100, {})])
    expect(goals.filter((goal) => goal.verdict !== 'not measured')).toEqual([])
    expect(goals.map((goal) => goal.pages)).toContain(100)
  })
})

describe('pickBuild', () => {
  test('the fastest complete run; none when every run failed', () => {
    expect(pickBuild(results[0]!.builds.handbook)?.wallMs).toBe(105_000)
    expect(pickBuild([build('stock', { completed: false })])).toBeUndefined()
    expect(pickBuild(undefined)).toBeUndefined()
  })
})

describe('findFailure', () => {
  test.each([
    [
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      'out of memory',
    ],
    [
      '12:00:00 [ERROR] [content] Failed to parse frontmatter\nmore',
      '[content] Failed to parse frontmatter',
    ],
    ['all fine', undefined],
  ])('%j', (output, expected) => {
    expect(findFailure(output)).toBe(expected)
  })
})

describe('measureSidebar', () => {
  test.each([
    ['<body><nav class="sidebar" aria-label="Main"><nav>x</nav></nav><main></main>', 57],
    ['<nav class="other"></nav>', undefined],
  ])('%j', (html, expected) => {
    expect(measureSidebar(html)).toBe(expected)
  })
})

const machine: MachineInfo = {
  cpu: 'AMD EPYC',
  cores: 2,
  memoryBytes: 1e9,
  os: 'Linux',
  node: 'v24',
  astro: '7',
  starlight: '0.42',
}

describe('mergeResults', () => {
  const previous: BenchData = {
    format: benchDataFormat,
    machine,
    results: [size(200, {}), size(1000, {})],
  }
  const next: BenchData = { format: benchDataFormat, machine, results: [size(1000, { seed: 2 })] }
  test('a run replaces the previous one', () => {
    expect(mergeResults(previous, next).results.map((r) => [r.pages, r.seed])).toEqual([[1000, 2]])
  })
  test('with keepOthers, other sizes of the same machine and format stay', () => {
    expect(mergeResults(previous, next, true).results.map((r) => [r.pages, r.seed])).toEqual([
      [200, 1],
      [1000, 2],
    ])
  })
  test('data of an older format is never kept', () => {
    const old = { ...previous, format: 1 } as unknown as BenchData
    expect(mergeResults(old, next, true).results.map((r) => r.pages)).toEqual([1000])
  })
})

describe('renderBenchSection', () => {
  test('one table per size, ours beside stock, goals marked', () => {
    const section = renderBenchSection({ format: benchDataFormat, machine, results })
    expect(section).toContain('### 1000 pages')
    expect(section).toContain('### 3000 pages')
    expect(section).toContain('|  | ours | stock | ours × stock | goal |  |')
    expect(section).toContain('| Wall time | 105.0 s | 100.0 s | 1.05× | ≤ 1.10× stock | ✅ |')
    expect(section).toContain(
      '| Peak memory (largest process) | 1200.0 MB | 1000.0 MB | 1.20× | ≤ 1.15× stock | ❌ |',
    )
    expect(section).toContain(
      '| Builds: wall (load avg at start) | 105.0 s (0.5), failed (0.5) | 100.0 s (0.5) |',
    )
    expect(section).not.toContain('plain')
  })
})
