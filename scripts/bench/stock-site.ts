import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { CorpusFile } from './generate-corpus.ts'

/**
 * The baseline of issue 15: a stock Starlight project that knows nothing of
 * ours. Its own three-line config, Starlight's `docsLoader()` and
 * `docsSchema()`, and the corpus copied into its docs collection folder with the
 * least change that lets stock Starlight read every file:
 *
 * - a `title:` line where the frontmatter has none (`docsSchema` requires
 *   one; the title is the first `# heading`, else the file name, as ours
 *   derives it);
 * - `.MD` → `.md` and `.agents/` → `agents/`: Astro's glob loader looks up
 *   extensions case-sensitively and does not descend into dot-folders, so
 *   without the renames stock would build fewer pages than ours;
 * - frontmatter that strict YAML rejects (`description: … Use when: …`, as
 *   role files for coding assistants often have) gets its values quoted, or
 *   stock's build would stop at the first such file.
 *
 * The bodies are unchanged. The project has no package.json: Node resolves
 * `astro` and `@astrojs/starlight` from this repository's node_modules,
 * since `.bench/` is inside it.
 */

/** The stock project's `astro.config.mjs`: Starlight with a title and nothing else. */
export const stockAstroConfig = `// Written by npm run bench (scripts/bench/stock-site.ts): stock Starlight, the baseline.
import { defineConfig } from 'astro/config'
import starlight from '@astrojs/starlight'

export default defineConfig({
  integrations: [starlight({ title: 'Stock' })],
})
`

/** The stock project's `src/content.config.ts`, as Starlight's getting-started guide writes it. */
export const stockContentConfig = `// Written by npm run bench (scripts/bench/stock-site.ts).
import { defineCollection } from 'astro:content'
import { docsLoader } from '@astrojs/starlight/loaders'
import { docsSchema } from '@astrojs/starlight/schema'

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
}
`

/** What changed in one file on its way into the stock project. */
export type StockChange = 'renamed' | 'title-added' | 'frontmatter-quoted'

/** One file of the stock project's docs collection folder. */
export interface StockFile {
  /** Path in the corpus. */
  from: string
  /** Path inside the docs collection folder. */
  path: string
  text: string
  changes: StockChange[]
}

/** The stock project's documents, and corpus files that would land on the same path. */
export interface StockPlan {
  files: StockFile[]
  /** `a.md and A.MD both become a.md`: such files are skipped, and the page counts differ. */
  problems: string[]
}

// Starlight's docsLoader pattern is `**/[^_]*.{markdown,mdown,mkdn,mkd,mdwn,md,mdx}`.
const markdownExtension = /\.(markdown|mdown|mkdn|mkd|mdwn|md|mdx)$/i

/**
 * Where a corpus file goes in the stock project: leading dots and
 * underscores dropped from every path segment (the glob loader skips
 * dot-folders and `_`-files), a Markdown extension in lower case.
 * `.agents/architect.md` → `agents/architect.md`, `Requirements.MD` →
 * `Requirements.md`.
 */
export function toStockPath(path: string): string {
  return path
    .split('/')
    .map((segment) => segment.replace(/^[._]+/, '') || segment)
    .join('/')
    .replace(markdownExtension, (extension) => extension.toLowerCase())
}

/**
 * A document as stock Starlight can read it: the text unchanged except for
 * a `title:` line when the frontmatter has no title, and quoted values when
 * the frontmatter is not valid YAML.
 */
export function toStockDocument(
  text: string,
  path: string,
): { text: string; changes: StockChange[] } {
  const changes: StockChange[] = []
  const frontmatter = splitFrontmatter(text)
  let block = frontmatter?.block
  let data = block === undefined ? {} : parseFrontmatter(block)
  if (block !== undefined && data === undefined) {
    block = quoteFrontmatterValues(block)
    data = parseFrontmatter(block)
    changes.push('frontmatter-quoted')
  }
  const title = (data as Record<string, unknown> | undefined)?.title
  const hasTitle = typeof title === 'string' ? title.trim() !== '' : typeof title === 'number'
  const body = frontmatter ? frontmatter.body : text
  if (!hasTitle) {
    const line = `title: ${JSON.stringify(toStockTitle(body, path))}`
    // An empty `title:` is replaced: YAML rejects a key given twice.
    if (block !== undefined && /^title:/m.test(block)) block = block.replace(/^title:.*$/m, line)
    else block = block === undefined || block.trim() === '' ? line : `${line}\n${block}`
    changes.push('title-added')
  }
  if (block === frontmatter?.block) return { text, changes }
  return { text: `---\n${block}\n---\n${body}`, changes }
}

/**
 * The title stock gets for a file without one: its first level-one ATX
 * heading outside fenced code (links, code and emphasis marks dropped), else
 * its file name without the extension.
 */
export function toStockTitle(body: string, path: string): string {
  let fence: string | undefined
  for (const line of body.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker) {
      if (!fence) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      continue
    }
    if (fence) continue
    const heading = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1]
    const text = heading
      ?.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]+/g, '')
      .trim()
    if (text) return text
  }
  const name = path.split('/').at(-1) ?? path
  return name.replace(markdownExtension, '') || name
}

/** `{block, body}` of a document that opens with a `---` frontmatter fence. */
export function splitFrontmatter(text: string): { block: string; body: string } | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(text)
  if (!match || match.index !== 0) return undefined
  return { block: match[1]!, body: text.slice(match[0].length) }
}

/**
 * Quotes the value of every top-level `key: value` line as a JSON string
 * (which YAML reads as the same text): `description: Use when: x` →
 * `description: "Use when: x"`. Values that open a quote, list, map or
 * block scalar, and every other line, are left alone.
 */
export function quoteFrontmatterValues(block: string): string {
  return block
    .split('\n')
    .map((line) => {
      const match = /^([A-Za-z0-9_-]+):[ \t]+(.*?)[ \t]*$/.exec(line)
      if (!match || /^["'[{|>&*!]/.test(match[2]!) || match[2] === '') return line
      return `${match[1]}: ${JSON.stringify(match[2])}`
    })
    .join('\n')
}

function parseFrontmatter(block: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = parseYaml(block)
    if (value === null || value === undefined) return {}
    return typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** Every corpus document as it goes into the stock project (see the module comment). */
export function planStockSite(files: readonly CorpusFile[]): StockPlan {
  const byPath = new Map<string, StockFile>()
  const problems: string[] = []
  for (const file of files) {
    if (!markdownExtension.test(file.path)) continue
    const path = toStockPath(file.path)
    const claimed = byPath.get(path.toLowerCase())
    if (claimed) {
      problems.push(`\`${file.path}\` and \`${claimed.from}\` would both be \`${path}\``)
      continue
    }
    const document = toStockDocument(file.text, file.path)
    byPath.set(path.toLowerCase(), {
      from: file.path,
      path,
      text: document.text,
      changes: [...(path === file.path ? [] : ['renamed' as const]), ...document.changes],
    })
  }
  return { files: [...byPath.values()], problems }
}

/**
 * Writes the stock project into `siteRoot` (emptied first): config, content
 * config and the planned documents. Returns the plan, for the page count.
 */
export function writeStockSite(siteRoot: string, files: readonly CorpusFile[]): StockPlan {
  const plan = planStockSite(files)
  rmSync(siteRoot, { recursive: true, force: true })
  const docs = join(siteRoot, 'src', 'content', 'docs')
  mkdirSync(docs, { recursive: true })
  writeFileSync(join(siteRoot, 'astro.config.mjs'), stockAstroConfig)
  writeFileSync(join(siteRoot, 'src', 'content.config.ts'), stockContentConfig)
  for (const file of plan.files) {
    const target = join(docs, file.path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, file.text)
  }
  return plan
}
