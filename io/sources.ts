import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs'
import { basename, dirname, isAbsolute, join, posix, relative, sep } from 'node:path'
import { globSync, type FileSystemAdapter } from 'tinyglobby'
import { configFileName, isInside } from './load-config.ts'
import type { DocumentKind, HandbookConfig } from '../core/config/schema.ts'
import type { FileProblem, SourceFile } from '../core/documents/types.ts'
import type { RuleId } from '../core/diagnostics/rules.ts'

export type { FileProblem, SourceFile } from '../core/documents/types.ts'

/**
 * Expands the config's include patterns. Patterns match dot-folders and any
 * case of the extension (`*.md` matches `Requirements.MD`). A file matched by
 * two groups belongs to the first. Patterns that escape the content root are
 * errors; patterns that match nothing are warnings.
 */
export function findSourceFiles(
  contentRoot: string,
  config: HandbookConfig,
): { files: SourceFile[]; problems: FileProblem[] } {
  const files: SourceFile[] = []
  const problems: FileProblem[] = []
  const seen = new Set<string>()
  const byRealPath = new Map<string, string>()
  const realRoot = realpathSync(contentRoot)
  for (const group of config.documents) {
    for (const pattern of group.include) {
      const normalized = pattern.replace(/\\/g, '/')
      if (isAbsolute(normalized) || posix.normalize(normalized).startsWith('../')) {
        problems.push({
          file: configFileName,
          severity: 'error',
          ruleId: 'include-outside-root' satisfies RuleId,
          message: `Include pattern \`${pattern}\` points outside the content root; patterns are relative to the folder that holds ${configFileName}.`,
        })
        continue
      }
      const matches = globSync(normalized, {
        cwd: contentRoot,
        dot: true,
        caseSensitiveMatch: false,
        onlyFiles: true,
        followSymbolicLinks: true,
        expandDirectories: false,
        fs: listBrokenLinks,
      }).sort()
      const matchSet = new Set(matches)
      let matched = 0
      for (const path of matches) {
        const absolutePath = join(contentRoot, path)
        let real: string
        try {
          // The C library's realpath: the same answer and errors, without an lstat per folder
          // of the path in JavaScript for every document.
          real = realpathSync.native(absolutePath)
        } catch (error) {
          // The same broken link seen again through a folder link is reported once.
          const link = join(realpathSync(dirname(absolutePath)), basename(absolutePath))
          const canonical = relative(realRoot, link).split(sep).join('/')
          if (byRealPath.has(link) || (canonical !== path && matchSet.has(canonical))) continue
          byRealPath.set(link, path)
          const loops = (error as NodeJS.ErrnoException).code === 'ELOOP'
          problems.push({
            file: path,
            severity: 'error',
            ruleId: 'broken-link' satisfies RuleId,
            message: `\`${path}\` is a symbolic link that ${loops ? 'loops back on itself' : 'points at nothing'}; it was not rendered. Fix or remove the link.`,
          })
          continue
        }
        if (!isInside(realRoot, real)) {
          problems.push({
            file: path,
            severity: 'error',
            ruleId: 'include-outside-root' satisfies RuleId,
            message: `\`${path}\` links to a file outside the content root; it was not rendered.`,
          })
          continue
        }
        matched++
        if (seen.has(path) || path === configFileName) continue
        seen.add(path)
        // A folder link that leads back up (`docs/again -> ..`) shows every file twice: the
        // file's own path wins over the way round through the link.
        const canonical = relative(realRoot, real).split(sep).join('/')
        const first =
          byRealPath.get(real) ??
          (canonical !== path && matchSet.has(canonical) ? canonical : undefined)
        if (first !== undefined) {
          problems.push({
            file: path,
            severity: 'warning',
            ruleId: 'duplicate-file' satisfies RuleId,
            message: `\`${path}\` is \`${first}\` again, reached through a symbolic link; it is rendered once, as \`${first}\`.`,
          })
          continue
        }
        byRealPath.set(real, path)
        files.push({ path, absolutePath, kind: group.kind })
      }
      if (matched === 0) {
        problems.push({
          file: configFileName,
          severity: 'warning',
          ruleId: 'empty-include' satisfies RuleId,
          message: `Include pattern \`${pattern}\` (kind \`${group.kind}\`) matches no file.`,
        })
      }
    }
  }
  return { files, problems }
}

/**
 * The file system as the glob sees it, except that a link that loops or
 * points nowhere is listed like a file instead of being skipped in silence
 * (fdir drops links it cannot resolve), so that it can be reported.
 */
const listBrokenLinks: FileSystemAdapter = {
  realpathSync: ((path: string) => {
    try {
      return realpathSync(path)
    } catch {
      return path
    }
  }) as typeof realpathSync,
  statSync: ((path: string) => {
    try {
      return statSync(path)
    } catch {
      return { isDirectory: () => false, isFile: () => true } as Stats
    }
  }) as typeof statSync,
}

/** One decoder for every file: without `stream`, each `decode` is a whole text and leaves no state. */
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a source file as text. Binary files are refused; text that is not
 * UTF-8 is read as Windows-1252 with a warning naming the first bad line.
 */
export function readSourceText(file: SourceFile): { text?: string; problems: FileProblem[] } {
  const bytes = readFileSync(file.absolutePath)
  if (bytes.subarray(0, 8192).includes(0)) {
    return {
      problems: [
        {
          file: file.path,
          severity: 'error',
          ruleId: 'binary-file' satisfies RuleId,
          message: `\`${file.path}\` is not a text file; narrow the include pattern so it matches markdown only.`,
        },
      ],
    }
  }
  try {
    return { text: utf8.decode(bytes), problems: [] }
  } catch {
    // Not UTF-8: read below as Windows-1252.
  }
  const text = new TextDecoder('windows-1252').decode(bytes)
  return {
    text,
    problems: [
      {
        file: file.path,
        severity: 'warning',
        ruleId: 'not-utf8' satisfies RuleId,
        message: 'File is not valid UTF-8; read it as Windows-1252. Save it as UTF-8.',
        line: firstInvalidUtf8Line(bytes),
      },
    ],
  }
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1
  let start = 0
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, index))
      } catch {
        return line
      }
      line++
      start = index + 1
    }
  }
  return 1
}
