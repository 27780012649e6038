/** A word of a text and where it ends, for comparing texts word by word. */
interface Word {
  word: string
  end: number
}

function findWords(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({
    word: match[0].toLowerCase(),
    end: match.index + match[0].length,
  }))
}

/**
 * How many characters at the start of a search excerpt only repeat the result's title, so the
 * title is not read twice: `5.2 Channel Discipline. Channels are…` under the title
 * `§5.2 Channel Discipline` drops `5.2 Channel Discipline. `. Words are compared without case
 * or punctuation (`§`, `:`, `.`); a title cut short with `…` repeats as far as it goes. 0 when
 * the excerpt does not begin with the title.
 */
export function findRepeatedTitle(title: string, excerpt: string): number {
  const titleWords = findWords(title.replace(/…\s*$/, ''))
  const excerptWords = findWords(excerpt)
  if (titleWords.length === 0) return 0
  let matched = 0
  while (
    matched < titleWords.length &&
    matched < excerptWords.length &&
    titleWords[matched]!.word === excerptWords[matched]!.word
  )
    matched++
  const truncated = /…\s*$/.test(title)
  const whole = matched === titleWords.length || (truncated && matched >= 3)
  if (matched === 0 || !whole) return 0
  // Past the last repeated word and the punctuation and spaces after it.
  const end = excerptWords[matched - 1]!.end
  const rest = /^[\s.:;,—–-]*/.exec(excerpt.slice(end))![0]
  return end + rest.length
}

/**
 * Whether two excerpts say much the same: they share an unbroken run of words at least half
 * as long as the shorter one (words compared without case or punctuation). Pagefind cuts a
 * page's excerpt and its section's excerpt around the same hit at slightly different places.
 */
export function isSameExcerpt(a: string, b: string): boolean {
  const left = findWords(a).map((word) => word.word)
  const right = findWords(b).map((word) => word.word)
  const shorter = Math.min(left.length, right.length)
  if (shorter === 0) return false
  // Longest common run of words; excerpts are a few dozen words, so the table stays small.
  let longest = 0
  let previous = new Array<number>(right.length + 1).fill(0)
  for (let i = 1; i <= left.length; i++) {
    const current = new Array<number>(right.length + 1).fill(0)
    for (let j = 1; j <= right.length; j++) {
      if (left[i - 1] === right[j - 1]) {
        current[j] = previous[j - 1]! + 1
        longest = Math.max(longest, current[j]!)
      }
    }
    previous = current
  }
  return longest * 2 >= shorter
}
