import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { unified } from '@astrojs/markdown-remark'
import type { MarkdownRenderer } from '@astrojs/markdown-remark'
import { createHandbook } from '../../integration/create-handbook.ts'
import { loadHandbookConfig } from '../../io/load-config.ts'
import { createIndexStore } from '../../io/index-store.ts'
import { toPageData } from '../../core/page-data.ts'
import { createSatteriPlugins } from '../../plugins/satteri/adapter.ts'

/** Timings of the document-index scan, repeated. */
export interface ScanTiming {
  /** Median of `samples`. */
  medianMs: number
  samples: number[]
  /** Median CPU time (user + system) of this process per scan: robust to other work on the machine. */
  cpuMedianMs: number
  documents: number
  headings: number
  requirements: number
}

/**
 * Times what a build does once before any page renders: read the config,
 * find/read/parse every document, read section history from git and record the
 * role guides' citations (`createIndexStore(…).get()`, which `astro.config.mjs`
 * calls for the sidebar) — the "index scan". Every other page's citations are
 * recorded while it renders, so they are part of rendering, not of the scan. Repeated (no new run starts
 * after `budgetMs`); the median is robust to the first run's JIT warm-up and
 * to other work on the machine.
 */
export function timeIndexScan(
  contentRoot: string,
  repetitions: number,
  budgetMs = 120_000,
): ScanTiming {
  const samples: number[] = []
  const cpuSamples: number[] = []
  let shape = { documents: 0, headings: 0, requirements: 0 }
  const began = performance.now()
  // A pathological scan (minutes at 1000 pages) is measured fewer times rather than for an hour.
  for (
    let run = 0;
    run < repetitions && (run === 0 || performance.now() - began < budgetMs);
    run++
  ) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const config = loadHandbookConfig(contentRoot)
    const loaded = createIndexStore(contentRoot, config).get()
    samples.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    cpuSamples.push((used.user + used.system) / 1000)
    shape = {
      documents: loaded.index.documents.length,
      headings: loaded.index.documents.reduce((sum, d) => sum + d.headings.length, 0),
      requirements: loaded.index.requirements.size,
    }
  }
  return { medianMs: median(samples), samples, cpuMedianMs: median(cpuSamples), ...shape }
}

/**
 * Markdown rendering of every corpus document by three pipelines: CPU time
 * of this process (the renderers are single-threaded, so on an idle machine
 * it equals wall time, and other work on the machine barely moves it),
 * median of the repetitions.
 */
export interface RenderTiming {
  /** Astro's default engine (what `HANDBOOK_PLAIN=1` uses); undefined if it could not be loaded. */
  satteriMs?: number
  /** Sätteri with our remark and rehype plugins through `plugins/satteri/` (the site's default). */
  satteriHandbookMs?: number
  /** Astro's unified pipeline with no plugins of ours. */
  unifiedMs: number
  /** Astro's unified pipeline with our remark and rehype plugins, as `astro.config.mjs` wires them. */
  handbookMs: number
  documents: number
}

/**
 * Renders every document of the corpus with Astro's own Markdown renderers,
 * in this process: Sätteri (plain Starlight), Sätteri with the handbook's
 * plugins, unified without plugins, and unified with the handbook's plugins
 * (index built beforehand, as in a build). Syntax highlighting is off in all four: Starlight hands code
 * blocks to Expressive Code, which runs in both build variants. The
 * differences unified + ours − unified and Sätteri + ours − Sätteri are our
 * plugins' cost on each engine.
 */
export async function timeRendering(
  contentRoot: string,
  repetitions: number,
): Promise<RenderTiming> {
  const handbook = createHandbook({ contentRoot })
  const { sources } = handbook.store.get() // the index is built before rendering, as in a build
  const pages = [...sources.values()].map((source) => ({
    // Astro strips the frontmatter block the loader adds and leaves one newline.
    content: `\n${source.body}`,
    options: {
      frontmatter: { handbook: toPageData(source) },
      fileURL: pathToFileURL(`${contentRoot}/${source.path}`),
    },
  }))
  const shared = { syntaxHighlight: false as const }
  const renderers: Record<
    'satteri' | 'satteriHandbook' | 'unified' | 'handbook',
    MarkdownRenderer | undefined
  > = {
    satteri: await createSatteriRenderer(shared),
    satteriHandbook: await createSatteriRenderer(shared, createSatteriPlugins(handbook)),
    unified: await unified().createRenderer(shared),
    handbook: await unified({
      // The plugin tuples are typed loosely in plugins/index.ts, as in astro.config.mjs.
      remarkPlugins: handbook.remarkPlugins as never,
      rehypePlugins: handbook.rehypePlugins as never,
    }).createRenderer(shared),
  }
  const samples: Record<string, number[]> = {}
  for (let run = 0; run < repetitions; run++) {
    // Interleave the pipelines so drift in machine load affects all three alike.
    for (const [name, renderer] of Object.entries(renderers)) {
      if (!renderer) continue
      const cpu = process.cpuUsage()
      for (const page of pages) await renderer.render(page.content, page.options)
      const used = process.cpuUsage(cpu)
      ;(samples[name] ??= []).push((used.user + used.system) / 1000)
    }
  }
  return {
    ...(samples.satteri ? { satteriMs: median(samples.satteri) } : {}),
    ...(samples.satteriHandbook ? { satteriHandbookMs: median(samples.satteriHandbook) } : {}),
    unifiedMs: median(samples.unified!),
    handbookMs: median(samples.handbook!),
    documents: pages.length,
  }
}

/** Sätteri is Astro's own dependency, not ours: load it from Astro's tree and tolerate its absence. */
async function createSatteriRenderer(
  shared: { syntaxHighlight: false },
  plugins?: ReturnType<typeof createSatteriPlugins>,
): Promise<MarkdownRenderer | undefined> {
  try {
    const { satteri } = (await import('@astrojs/markdown-satteri')) as {
      satteri: (options?: object) => {
        createRenderer(shared: object): Promise<MarkdownRenderer> | MarkdownRenderer
      }
    }
    return await satteri(plugins).createRenderer(shared)
  } catch {
    return undefined
  }
}

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
