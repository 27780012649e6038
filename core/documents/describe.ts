import { basename } from 'node:path/posix'
import type { DocumentKind } from '../config/schema.ts'
import { splitFrontmatter, type SourceProblem } from './frontmatter.ts'
import type { TitleSource } from './types.ts'

/** What one source file says about itself, before any cross-document work. */
export interface DescribedSource {
  path: string
  kind: DocumentKind
  route: string
  title: string
  titleSource: TitleSource
  /** Body-relative 1-based line of the `# heading` used as title, so it is not rendered twice. */
  titleLine?: number
  description?: string
  name?: string
  color?: string
  body: string
  bodyLineOffset: number
  problems: SourceProblem[]
}

/**
 * Derives a document's page data from its text alone: title from `title`,
 * else `name` (humanised), else the first `# heading`, else the file name.
 */
export function describeSource(path: string, kind: DocumentKind, text: string): DescribedSource {
  const { data, body, bodyLineOffset, problems } = splitFrontmatter(text)
  const title = stringField(data.title)
  const name = stringField(data.name)
  // A name or file name of punctuation only (`---`) humanises to nothing; a page needs a title.
  const humanName = name ? humanize(name) : ''
  const heading = title || humanName ? undefined : findTitleHeading(body)
  const base = {
    path,
    kind,
    route: toRoute(path),
    description: stringField(data.description),
    name,
    color: stringField(data.color),
    body,
    bodyLineOffset,
    problems,
  }
  if (title) return { ...base, title, titleSource: 'title' }
  if (humanName) return { ...base, title: humanName, titleSource: 'name' }
  if (heading)
    return { ...base, title: heading.text, titleSource: 'heading', titleLine: heading.line }
  const stem = humanize(basename(path).replace(/\.[^.]+$/, ''))
  return { ...base, title: stem || basename(path), titleSource: 'file' }
}

/** `tech-lead` → `Tech Lead`, `ENGINEERING_SOP` → `Engineering Sop`. */
export function humanize(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join(' ')
}

/**
 * The route of a document, from its path: lowercase, extension dropped,
 * leading dots of folders dropped, anything but letters and digits folded to
 * `-`. `ENGINEERING_SOP.md` → `engineering-sop`, `.agents/tech-lead.md` →
 * `agents/tech-lead`.
 */
export function toRoute(path: string): string {
  return path
    .replace(/\.(md|markdown)$/i, '')
    .split('/')
    .map((segment) =>
      segment
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('/')
}

/**
 * The first level-one heading of a markdown body (ATX `# Title` or setext
 * `Title\n===`), outside fenced code. Inline markup is dropped from its text.
 */
export function findTitleHeading(body: string): { text: string; line: number } | undefined {
  const lines = body.split(/\r?\n/)
  let fence: string | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fenceMatch) {
      const marker = fenceMatch[1]!
      if (!fence) fence = marker
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined
      continue
    }
    if (fence) continue
    const atx = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)
    const atxText = atx ? stripInlineMarkup(atx[1]!) : ''
    if (atxText) return { text: atxText, line: index + 1 }
    const next = lines[index + 1]
    if (next !== undefined && /^ {0,3}=+[ \t]*$/.test(next) && /^ {0,3}\S/.test(line)) {
      const previous = lines[index - 1]
      const setextText = stripInlineMarkup(line.trim())
      if ((previous === undefined || previous.trim() === '') && setextText)
        return { text: setextText, line: index + 1 }
    }
  }
  return undefined
}

function stripInlineMarkup(text: string): string {
  return (
    text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]+/g, '')
      // Underscores mark emphasis only at word edges; `ENGINEERING_SOP` keeps its own.
      .replace(/(^|\s)_+|_+(?=\s|$)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .trim()
  )
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim()
  if (typeof value === 'number') return String(value)
  return undefined
}
