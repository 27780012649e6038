import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser'
import { HandbookError } from '../core/errors.ts'
import { handbookConfigSchema, type HandbookConfig } from '../core/config/schema.ts'

import { configFileName } from '../core/config/schema.ts'

export { configFileName }

/**
 * The content root: `HANDBOOK_CONTENT` when set (absolute, or relative to
 * `cwd`), else `content/` under `cwd`.
 */
export function resolveContentRoot(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): string {
  const configured = env.HANDBOOK_CONTENT?.trim()
  return configured ? resolve(cwd, configured) : join(cwd, 'content')
}

/** Reads and validates `handbook.config.json` from the content root. Throws a `HandbookError`. */
export function loadHandbookConfig(contentRoot: string): HandbookConfig {
  if (!existsSync(contentRoot) || !statSync(contentRoot).isDirectory()) {
    throw new HandbookError(
      `Content folder not found. Set HANDBOOK_CONTENT to the folder that holds ${configFileName}, or create content/.`,
      contentRoot,
    )
  }
  const file = join(contentRoot, configFileName)
  if (!existsSync(file)) {
    throw new HandbookError(
      `Missing ${configFileName}. Create it with at least { "documents": [{ "kind": "sop", "include": ["*.md"] }] }.`,
      file,
    )
  }
  return parseHandbookConfig(readFileSync(file, 'utf8'), file)
}

/** Parses config text; `file` only names the source in errors. */
export function parseHandbookConfig(text: string, file: string): HandbookConfig {
  // jsonc-parser reports where the JSON breaks; JSON.parse in Node 24 often does not.
  const errors: ParseError[] = []
  const raw: unknown = parseJson(text.replace(/^\uFEFF/, ''), errors, {
    allowTrailingComma: false,
    disallowComments: true,
  })
  const syntaxError = errors[0]
  if (syntaxError) {
    throw new HandbookError(
      `Not valid JSON: ${printParseErrorCode(syntaxError.error)} at column ${columnOfOffset(text, syntaxError.offset)}.`,
      file,
      lineOfOffset(text, syntaxError.offset),
    )
  }
  const result = handbookConfigSchema.safeParse(raw)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)'
      return `  - \`${key}\`: ${issue.message}`
    })
    throw new HandbookError(
      `Invalid configuration:\n${problems.join('\n')}\nSee handbook.schema.json for every key and its type.`,
      file,
    )
  }
  const config = result.data
  config.requirementPatterns.forEach((pattern, index) => {
    try {
      new RegExp(pattern)
    } catch (error) {
      throw new HandbookError(
        `\`requirementPatterns.${index}\`: ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message}).`,
        file,
      )
    }
  })
  return config
}

/** True when `target` is inside `root` (or is `root`). */
export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}

function columnOfOffset(text: string, offset: number): number {
  return offset - text.lastIndexOf('\n', offset - 1)
}
