import { findSignificantWords } from '../text/words.ts'
import { parseSectionHeading } from './headings.ts'
import type { DocumentInfo, FormerTitle } from './types.ts'

/** A heading as an earlier version of a document had it. */
export interface EarlierHeading {
  depth: number
  /** The heading's text, as written (inline marks removed). */
  text: string
}

/** One earlier version of a document: when, and its headings. */
export interface EarlierVersion {
  /** Abbreviated commit, or `HEAD` for the last commit when the working tree differs. */
  commit: string
  /** `YYYY-MM-DD`. */
  date: string
  headings: EarlierHeading[]
}

/**
 * The headings of a markdown text, read line by line without a full parse:
 * ATX headings (`## 5.2 Title`) outside fenced code, inline marks dropped.
 * Enough to see what a section used to be called.
 */
export function scanHeadings(text: string): EarlierHeading[] {
  const headings: EarlierHeading[] = []
  let fence: string | undefined
  for (const line of text.split(/\r?\n/u)) {
    const opening = /^ {0,3}(`{3,}|~{3,})/u.exec(line)
    if (opening) {
      if (fence === undefined) fence = opening[1]![0]!.repeat(opening[1]!.length)
      else if (opening[1]!.startsWith(fence)) fence = undefined
      continue
    }
    if (fence !== undefined) continue
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u.exec(line)
    if (!heading) continue
    const text = heading[2]!
      .replace(/[*_`]/gu, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .trim()
    if (text) headings.push({ depth: heading[1]!.length, text })
  }
  return headings
}

/**
 * For each numbered section of the current document, the titles its number
 * had in earlier versions when they differ from today's (another wording,
 * not just case or punctuation), newest first, each once. `toId` gives the
 * anchor the earlier heading had (the renderer's own ids), so that old links
 * can be kept working.
 */
export function findFormerTitles(
  document: DocumentInfo,
  versions: readonly EarlierVersion[],
  toId: (headings: EarlierHeading[]) => string[],
): Map<string, FormerTitle[]> {
  const byNumber = new Map<string, FormerTitle[]>()
  for (const version of versions) {
    const ids = toId(version.headings)
    version.headings.forEach((heading, position) => {
      const { number, title } = parseSectionHeading(heading.text)
      if (number === undefined) return
      const key = number.toUpperCase()
      const current = document.headings.find((candidate) => candidate.number?.toUpperCase() === key)
      if (!current || sameWords(current.title, title)) return
      const list = byNumber.get(key) ?? []
      if (list.some((former) => sameWords(former.title, title))) return
      list.push({ title, id: ids[position] ?? '', commit: version.commit, date: version.date })
      byNumber.set(key, list)
    })
  }
  return byNumber
}

function sameWords(a: string, b: string): boolean {
  return findSignificantWords(a).join(' ') === findSignificantWords(b).join(' ')
}
