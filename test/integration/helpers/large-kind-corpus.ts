import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** How many documents of each kind a large-kind corpus has. */
export interface LargeKindCorpus {
  /** Standards (`standards/standard-NNN.md`). */
  standards: number
  /** Design documents (`design/design-NNN.md`), each with a description. */
  designs: number
  /** Guides (`guides/guide-NNN.md`), without descriptions. */
  guides: number
}

const pad = (index: number) => String(index + 1).padStart(3, '0')

/**
 * Writes a handbook with many short documents of some kinds into `folder`
 * (`handbook.config.json` included), for the tests of the windowed sidebar.
 * Returns the routes of each kind's documents, in the sidebar's order.
 */
export function writeLargeKindCorpus(
  folder: string,
  counts: LargeKindCorpus,
): { standards: string[]; designs: string[]; guides: string[] } {
  const write = (path: string, text: string) => {
    mkdirSync(join(folder, path, '..'), { recursive: true })
    writeFileSync(join(folder, path), text)
  }
  write(
    'handbook.config.json',
    JSON.stringify({
      title: 'Large Kinds',
      documents: [
        { kind: 'sop', include: ['standards/*.md'] },
        { kind: 'design', include: ['design/*.md'] },
        { kind: 'guide', include: ['guides/*.md'] },
      ].filter((group) =>
        group.kind === 'sop'
          ? counts.standards > 0
          : group.kind === 'design'
            ? counts.designs > 0
            : counts.guides > 0,
      ),
    }),
  )
  const routes = { standards: [] as string[], designs: [] as string[], guides: [] as string[] }
  for (let index = 0; index < counts.standards; index++) {
    write(
      `standards/standard-${pad(index)}.md`,
      `# Standard ${pad(index)}\n\n## 1. Scope\n\nWhat this standard covers.\n`,
    )
    routes.standards.push(`standards/standard-${pad(index)}`)
  }
  for (let index = 0; index < counts.designs; index++) {
    write(
      `design/design-${pad(index)}.md`,
      `---\ntitle: Design ${pad(index)}\ndescription: How part ${pad(index)} works.\n---\n\n` +
        `## Context\n\nWhy part ${pad(index)} exists.\n`,
    )
    routes.designs.push(`design/design-${pad(index)}`)
  }
  for (let index = 0; index < counts.guides; index++) {
    write(
      `guides/guide-${pad(index)}.md`,
      `# Guide ${pad(index)}\n\nHow to do task ${index + 1}.\n`,
    )
    routes.guides.push(`guides/guide-${pad(index)}`)
  }
  return routes
}
