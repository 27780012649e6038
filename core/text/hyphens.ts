/**
 * Hyphen look-alikes that word processors paste into IDs and names: hyphen
 * (U+2010), non-breaking hyphen (U+2011), figure dash (U+2012), en dash
 * (U+2013) and minus (U+2212). Each counts as `-` when matching; the em dash
 * does not, since authors use it to separate, not to join. Each is one UTF-16
 * unit, so replacing them keeps every offset. The one table of them.
 */
export const hyphenLookalikes = '\u2010\u2011\u2012\u2013\u2212'

/** Any hyphen: `-` or one of {@link hyphenLookalikes}, for a regular expression's character class. */
export const anyHyphenClass = `[-${hyphenLookalikes}]`

const lookalikePattern = new RegExp(`[${hyphenLookalikes}]`, 'gu')

/** Replaces hyphen look-alikes with `-`, keeping the length. */
export function normalizeHyphens(text: string): string {
  return text.replace(lookalikePattern, '-')
}
