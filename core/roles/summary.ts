/**
 * Sentences of a role's `description` that are instructions to an AI coding tool rather than
 * words for a person: `Use when: …`, `Use proactively when …`, `Use this agent to …`,
 * `Invoke after …`, `Examples: …`, `<example>` blocks.
 */
const toolInstruction =
  /^(?:use|invoke|call|trigger|delegate to|run)\b|^(?:examples?|triggers?)\s*:|proactively|<example>|\bthis (?:agent|subagent)\b/i

/**
 * What a role is, in words for people: its `description` without the sentences addressed to
 * tools (`Reviews designs before build. Use when: a design doc is ready` → `Reviews designs
 * before build.`), else the guide's first paragraph when the description is only such
 * instructions (or absent).
 */
export function toRoleSummary(
  description: string | undefined,
  firstParagraph: string | undefined,
): string | undefined {
  const kept = splitSentences(description ?? '').filter(
    (sentence) => !toolInstruction.test(sentence),
  )
  const text = kept.join(' ').trim()
  if (text) return text
  return firstParagraph?.trim() || undefined
}

/** Sentences, each with its closing punctuation; `e.g.` and `v1.2` do not end one. */
function splitSentences(text: string): string[] {
  const clean = text
    .replace(/\\n/g, ' ')
    .replace(/<example>[\s\S]*?(?:<\/example>|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!clean) return []
  return clean.split(/(?<=[.!?])\s+(?=[A-Z<])/).map((sentence) => sentence.trim())
}
