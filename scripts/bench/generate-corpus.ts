import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { planCorpus, type CorpusPlan, type DocumentShape } from './corpus-plan.ts'
import {
  writeContext,
  writeDesign,
  writeGuide,
  writeReadme,
  writeReport,
  writeRequirements,
  writeRole,
  writeSop,
  writeStandard,
} from './documents.ts'
import type { WriteContext } from './prose.ts'
import { createRandom, deriveSeed } from './random.ts'

/** The seed used when none is given: fixed, so every run benchmarks the same text. */
export const defaultSeed = 20260801

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** Number of documents (pages) to generate; at least 5. */
  pages: number
  /**
   * Seed of the PRNG; the same seed and page count give byte-identical files.
   * @default defaultSeed
   */
  seed?: number
}

/** One generated file, relative to the corpus root. */
export interface CorpusFile {
  path: string
  text: string
}

/** A generated handbook: its documents, its config and the plan they were written from. */
export interface Corpus {
  /** Markdown documents, in plan order (the config file is not among them). */
  files: CorpusFile[]
  /** The corpus's `handbook.config.json`, as an object. */
  config: Record<string, unknown>
  plan: CorpusPlan
}

const writers: Record<DocumentShape, (context: WriteContext) => string> = {
  sop: writeSop,
  standard: writeStandard,
  requirements: writeRequirements,
  role: writeRole,
  design: writeDesign,
  context: writeContext,
  readme: writeReadme,
  report: writeReport,
  guide: writeGuide,
}

/**
 * Generates a synthetic handbook of `pages` documents shaped like a real one
 * (one big numbered SOP, a requirements document, role guides, design
 * documents named after requirements, further standards, reports and guides),
 * dense with section references, requirement IDs and marked code samples in
 * every form docs/authoring.md describes. Pure: deterministic from the seed.
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const seed = options.seed ?? defaultSeed
  const plan = planCorpus(options.pages, seed)
  const files = plan.documents.map((document) => {
    // Each document draws from its own stream, so its text depends only on
    // the seed, its path and the plan.
    const random = createRandom(deriveSeed(seed, document.path))
    return { path: document.path, text: writers[document.shape]({ random, plan, document }) }
  })
  return { files, config: buildCorpusConfig(plan), plan }
}

/** The `handbook.config.json` of a planned corpus: one include group per kind that has documents. */
export function buildCorpusConfig(plan: CorpusPlan): Record<string, unknown> {
  const has = (prefix: string) =>
    plan.documents.some((document) => document.path.startsWith(prefix))
  const when = (condition: boolean, pattern: string) => (condition ? [pattern] : [])
  const groups = [
    {
      kind: 'sop',
      include: ['ENGINEERING_SOP.md', ...when(has('docs/standards/'), 'docs/standards/*.md')],
    },
    { kind: 'requirements', include: ['Requirements.MD'] },
    { kind: 'role', include: when(has('.agents/'), '.agents/*.md') },
    { kind: 'design', include: when(has('docs/design/'), 'docs/design/*.md') },
    {
      kind: 'guide',
      include: [
        'CONTEXT.md',
        ...when(has('README.md'), 'README.md'),
        ...when(has('docs/reports/'), 'docs/reports/*.md'),
        ...when(has('docs/guides/'), 'docs/guides/*.md'),
      ],
    },
  ]
  return {
    title: `Synthetic Handbook (${plan.documents.length} pages, seed ${plan.seed})`,
    documents: groups.filter((group) => group.include.length > 0),
    aliases: { SOP: 'ENGINEERING_SOP.md', Requirements: 'Requirements.MD' },
    defaultSectionTarget: 'ENGINEERING_SOP.md',
    requirementPatterns: ['CLD-REQ-\\d{3}', 'NFR-[A-Z]\\d+'],
  }
}

/** Counts that show a corpus is as dense as a real handbook. */
export interface CorpusSummary {
  documents: number
  bytes: number
  /** Section signs (`§`), a rough count of section references. */
  sectionSigns: number
  /** Requirement-ID-shaped strings, defined or cited. */
  requirementIds: number
  codeBlocks: number
  /** Documents per kind. */
  byKind: Record<string, number>
}

/** Summarises a generated corpus for the benchmark report. */
export function summarizeCorpus(corpus: Corpus): CorpusSummary {
  const text = corpus.files.map((file) => file.text).join('\n')
  const byKind: Record<string, number> = {}
  for (const document of corpus.plan.documents)
    byKind[document.kind] = (byKind[document.kind] ?? 0) + 1
  return {
    documents: corpus.files.length,
    bytes: Buffer.byteLength(text),
    sectionSigns: text.match(/§/g)?.length ?? 0,
    requirementIds:
      text.match(/(?:CLD[-\u2010-\u2013]REQ[-\u2010-\u2013](?:\d{3}|\*))|NFR-[A-Z]\d+/g)?.length ??
      0,
    codeBlocks: Math.floor((text.match(/^```/gm)?.length ?? 0) / 2),
    byKind,
  }
}

/** Writes a corpus into `dir`, replacing whatever was there. */
export function writeCorpus(dir: string, corpus: Corpus): void {
  rmSync(dir, { recursive: true, force: true })
  for (const file of corpus.files) {
    const target = join(dir, file.path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, file.text)
  }
  writeFileSync(join(dir, 'handbook.config.json'), `${JSON.stringify(corpus.config, null, 2)}\n`)
}
