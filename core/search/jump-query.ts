// Runs in the browser too (the search dialog imports it): no Node modules, no imports with
// side effects, only types from the index builder.
import { folderOf, resolveRequirement } from '../requirements/scope.ts'
import { hyphenLookalikes } from '../text/hyphens.ts'
import type { JumpDocument, JumpIndex, JumpRequirement, JumpSection } from './jump-types.ts'

/** Hyphen look-alikes count as `-` in what readers type. */
const hyphenPattern = new RegExp(`[${hyphenLookalikes}]`, 'gu')

/** `5`, `5.2`, `3.1.`, `A`, `B.2`: a section number as authors write it after `§`. */
const sectionNumberPattern = /^(?:\d+|[a-z])(?:\.\d+)*\.?$/iu

/** Marks around a name that are not part of it: backticks, bold, quotes. */
const wrappingMarks = /^[`*"'“”‘’]+|[`*"'“”‘’]+$/gu

/** What a search query could mean, read without looking anything up. */
export interface JumpQuery {
  /** The query as a requirement ID key (`CLD-REQ-063`, `cld req 063` → `CLDREQ063`), when it has that shape. */
  requirementKey?: string
  /** A section reference: `§5.2`, `SOP 5.2`, `SOP §5.2`, `Requirements.MD §7`, `§Build and Test Commands`. */
  section?: {
    /** The document name before the number, normalised; absent for a bare `§5.2`. */
    document?: string
    /** `5.2`, `A`, `B.1` (letters in capitals, no trailing dot). */
    number?: string
    /** A heading cited by its words instead of a number, normalised with `normalizeTitle`. */
    title?: string
  }
  /** The whole query as a document or role name, normalised with `normalizeJumpName`. */
  name?: string
}

/** One exact target, ready to show above the full-text results. */
export interface JumpTarget {
  kind: 'requirement' | 'section' | 'document' | 'role'
  /** How authors cite it: `CLD-REQ-063`, `§5.2`, or the document's title. */
  label: string
  /** The section title or requirement text; empty for a document. */
  title: string
  /** The document it is in, by path: `ENGINEERING_SOP.md`. */
  detail: string
  url: string
}

/**
 * A document or role name as a reader may type it, reduced to one form:
 * lower case, no wrapping backticks or quotes, no `./` or trailing `'s`,
 * and hyphens, underscores and spaces folded to one space
 * (`./ENGINEERING_SOP.md` and `engineering-sop.md` → `engineering sop.md`).
 */
export function normalizeJumpName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(hyphenPattern, '-')
    .trim()
    .replace(wrappingMarks, '')
    .replace(/['’]s$/u, '')
    .replace(/^\.\//u, '')
    .replace(/[\s_-]+/gu, ' ')
    .trim()
}

/** Heading words for comparison: lower case, punctuation as spaces (`Build & Test` → `build test`). */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** A requirement ID's letters and digits in capitals: `cld‐req 063` → `CLDREQ063`. */
export function toRequirementKey(id: string): string {
  return id
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toUpperCase()
}

/**
 * Reads a search query as the exact things it could name: a requirement ID
 * (case and hyphen variants), a section (`§5.2`, `§ 5.2`, `SOP 5.2`,
 * `SOP §5.2`, `Requirements.MD §7`, `Appendix C`, `CONTEXT.md §Build and
 * Test Commands`) and a document or role name. Pure: whether any of them
 * exists is `findJumpTargets`'s business.
 */
export function parseJumpQuery(query: string): JumpQuery {
  const text = query
    .normalize('NFKC')
    .replace(hyphenPattern, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(wrappingMarks, '')
  if (text === '') return {}
  const parsed: JumpQuery = {}
  // Letters and digits in runs joined by single separators, with at least one of each:
  // `CLD-REQ-063`, `nfr p1`. Never a prefix: the key must equal an ID's key.
  if (/^[\p{L}\p{N}]+(?:[-_ ][\p{L}\p{N}]+)*$/u.test(text) && /\p{N}/u.test(text)) {
    if (/\p{L}/u.test(text)) parsed.requirementKey = toRequirementKey(text)
  }

  const signed = /^(.*?)\s*§+\s*(.*)$/u.exec(text)
  if (signed) {
    const target = signed[2]!.trim()
    if (target !== '') {
      const document = toDocumentPart(signed[1]!)
      parsed.section = { ...(document ? { document } : {}), ...toSectionTarget(target) }
    }
    return parsed
  }

  const appendix = /^(?:appendix|annex) ([a-z](?:\.\d+)*)$/iu.exec(text)
  if (appendix) {
    parsed.section = { number: appendix[1]!.toUpperCase() }
  } else {
    // `SOP 5.2`, `Requirements.MD 7`: a document name, a space, a number.
    const named = /^(.+) ((?:\d+|[a-z])(?:\.\d+)*\.?)$/iu.exec(text)
    const document = named ? toDocumentPart(named[1]!) : undefined
    if (named && document) parsed.section = { document, ...toSectionTarget(named[2]!) }
  }
  parsed.name = normalizeJumpName(text)
  return parsed
}

/**
 * The exact targets of a query, best first: requirements, then sections (the
 * default document's first when a number is in several documents), then
 * documents and roles. Never a partial match: `CLD-REQ-06` finds nothing,
 * and `§5` is not `§5.2`.
 */
export function findJumpTargets(
  index: JumpIndex,
  query: string,
  options: { from?: string } = {},
): JumpTarget[] {
  const parsed = parseJumpQuery(query)
  const targets: JumpTarget[] = []
  if (parsed.requirementKey !== undefined) {
    const matching = index.requirements.filter(
      (requirement) => toRequirementKey(requirement.id) === parsed.requirementKey,
    )
    // Where IDs restart per folder, the definition the page's own mentions mean comes first.
    const pathOf = (requirement: JumpRequirement) =>
      index.documents[requirement.document]?.path ?? ''
    const lookup = resolveRequirement(
      matching.map((requirement) => ({
        requirement,
        document: pathOf(requirement),
        scope: folderOf(pathOf(requirement)),
      })),
      options.from,
    )
    const nearest = lookup.status === 'found' ? lookup.requirement.requirement : undefined
    const ordered = nearest ? [nearest, ...matching.filter((other) => other !== nearest)] : matching
    for (const requirement of ordered) targets.push(toRequirementTarget(index, requirement))
  }
  if (parsed.section) targets.push(...findSections(index, parsed.section))
  if (parsed.name !== undefined) {
    for (const document of findDocuments(index, parsed.name))
      targets.push(toDocumentTarget(document))
  }
  // A requirement heading can be both a requirement and a section: list each place once.
  const urls = new Set<string>()
  return targets.filter((target) => {
    if (urls.has(target.url)) return false
    urls.add(target.url)
    return true
  })
}

/** Documents with exactly this name; a name with a folder the index does not know falls back to its file name. */
function findDocuments(index: JumpIndex, name: string): JumpDocument[] {
  const wanted = normalizeJumpName(name)
  if (wanted === '') return []
  const found = index.documents.filter((document) => document.names.includes(wanted))
  if (found.length > 0 || !wanted.includes('/')) return found
  return findDocuments(index, wanted.slice(wanted.lastIndexOf('/') + 1))
}

function findSections(index: JumpIndex, section: NonNullable<JumpQuery['section']>): JumpTarget[] {
  const documents = section.document
    ? new Set(findDocuments(index, section.document))
    : new Set(index.documents)
  const matches = index.sections.filter((candidate) => {
    const document = index.documents[candidate.document]
    if (!document || !documents.has(document)) return false
    if (section.number !== undefined) return candidate.number?.toUpperCase() === section.number
    const title = section.title ?? ''
    return (
      normalizeTitle(candidate.title) === title ||
      (candidate.number !== undefined &&
        normalizeTitle(`${candidate.number} ${candidate.title}`) === title)
    )
  })
  // The default document first, then the others in the order the handbook lists them.
  const rank = (candidate: JumpSection) => (index.documents[candidate.document]?.isDefault ? 0 : 1)
  return matches
    .map((candidate, order) => ({ candidate, order }))
    .sort((a, b) => rank(a.candidate) - rank(b.candidate) || a.order - b.order)
    .map(({ candidate }) => ({
      kind: 'section',
      label: candidate.number === undefined ? '§' : `§${candidate.number}`,
      title: candidate.title,
      detail: index.documents[candidate.document]?.path ?? '',
      url: candidate.url,
    }))
}

function toRequirementTarget(index: JumpIndex, requirement: JumpRequirement): JumpTarget {
  return {
    kind: 'requirement',
    label: requirement.id,
    title: requirement.text,
    detail: index.documents[requirement.document]?.path ?? '',
    url: requirement.url,
  }
}

function toDocumentTarget(document: JumpDocument): JumpTarget {
  return {
    kind: document.kind === 'role' ? 'role' : 'document',
    label: document.title,
    title: '',
    detail: document.path,
    url: document.url,
  }
}

/** The document part before a section number, or undefined when there is none. */
function toDocumentPart(part: string): string | undefined {
  const name = normalizeJumpName(part.replace(/\s*\b(?:appendix|annex)$/iu, ''))
  return name === '' ? undefined : name
}

function toSectionTarget(target: string): { number: string } | { title: string } {
  if (sectionNumberPattern.test(target)) return { number: target.replace(/\.$/u, '').toUpperCase() }
  return { title: normalizeTitle(target) }
}
