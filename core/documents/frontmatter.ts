import { parseDocument } from 'yaml'

/** A problem found while reading a source file; lines are the author's. */
export interface SourceProblem {
  severity: 'error' | 'warning'
  ruleId: string
  message: string
  line?: number
}

/** Frontmatter split from the body of a markdown file. */
export interface SplitSource {
  data: Record<string, unknown>
  body: string
  /** Lines before the body (the frontmatter block with its fences); 0 without frontmatter. */
  bodyLineOffset: number
  problems: SourceProblem[]
}

// A frontmatter block is `---` on the first line (a BOM is allowed) up to the
// next line that is exactly `---` or `...`.
const frontmatterPattern = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m

/**
 * Splits YAML frontmatter from the body and parses it. Frontmatter that is not
 * valid YAML but is plainly flat `key: value` lines (common in role files
 * written for AI coding tools: `description: Use when: …`) is read the way
 * those tools read it, splitting each line at its first colon, with a warning.
 */
export function splitFrontmatter(source: string): SplitSource {
  const match = frontmatterPattern.exec(source)
  if (!match || match.index !== 0) {
    return { data: {}, body: source.replace(/^\uFEFF/, ''), bodyLineOffset: 0, problems: [] }
  }
  const block = match[1] ?? ''
  // A BOM right after the block (files pasted together) must go too: the parser drops one at
  // the start of a text, and the index and the page must read the body alike.
  const body = source.slice(match[0].length).replace(/^\uFEFF/, '')
  const bodyLineOffset = countLines(match[0])
  const parsed = parseYamlMapping(block)
  if (parsed.ok) return { data: parsed.data, body, bodyLineOffset, problems: [] }

  const flat = parseFlatKeyValues(block)
  if (flat) {
    return {
      data: flat,
      body,
      bodyLineOffset,
      problems: [
        {
          severity: 'warning',
          ruleId: 'lenient-frontmatter',
          message: `Frontmatter is not valid YAML (${parsed.reason}); read it as flat \`key: value\` lines. Quote values that contain \`: \` to silence this.`,
          line: parsed.line === undefined ? 2 : parsed.line + 1,
        },
      ],
    }
  }
  return {
    data: {},
    body,
    bodyLineOffset,
    problems: [
      {
        severity: 'error',
        ruleId: 'invalid-frontmatter',
        message: `Frontmatter cannot be read: ${parsed.reason}. Fix the YAML between the \`---\` lines (the page is rendered without it).`,
        line: parsed.line === undefined ? 1 : parsed.line + 1,
      },
    ],
  }
}

type YamlResult =
  { ok: true; data: Record<string, unknown> } | { ok: false; reason: string; line?: number }

function parseYamlMapping(block: string): YamlResult {
  if (block.trim() === '') return { ok: true, data: {} }
  const document = parseDocument(block, { uniqueKeys: false })
  const error = document.errors[0]
  if (error) {
    const line = error.linePos?.[0].line
    const reason = (error.message.split('\n')[0] ?? 'invalid YAML').replace(
      / at line \d+, column \d+:?$/,
      '',
    )
    return { ok: false, reason, line }
  }
  let value: unknown
  try {
    value = document.toJS()
  } catch (error) {
    // An alias the document never anchors (`title: **bold**` starts one) or too many aliases.
    return { ok: false, reason: (error as Error).message, line: 1 }
  }
  if (value === null || value === undefined) return { ok: true, data: {} }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'it is not a mapping of keys to values', line: 1 }
  }
  return { ok: true, data: value as Record<string, unknown> }
}

const flatLinePattern = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/

/** Reads `key: value` lines, splitting at the first colon; undefined if any line is not of that shape. */
export function parseFlatKeyValues(block: string): Record<string, string> | undefined {
  const data: Record<string, string> = {}
  let sawKey = false
  for (const line of block.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const match = flatLinePattern.exec(line)
    if (!match) return undefined
    data[match[1]!] = unquote((match[2] ?? '').trim())
    sawKey = true
  }
  return sawKey ? data : undefined
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value)
  return quoted ? quoted[2]! : value
}

/** Line breaks as the markdown parser and YAML count them: `\r\n`, `\n` and a lone `\r`. */
function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length - 1
}
