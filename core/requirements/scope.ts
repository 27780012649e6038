import type { DocIndex, RequirementInfo } from '../documents/types.ts'

/** What a requirement ID means where it is written. */
export type RequirementLookup<T extends Scoped = RequirementInfo> =
  | { status: 'found'; requirement: T }
  | { status: 'ambiguous'; candidates: T[] }
  | { status: 'missing' }

/** What scoping needs of a definition: its document and that document's folder. */
export type Scoped = Pick<RequirementInfo, 'document' | 'scope'>

/**
 * The folder of a document path, `.` at the root: `specs/001/spec.md` → `specs/001`.
 * Written without `node:path` because the search dialog runs this in the browser.
 */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '.' : path.slice(0, slash)
}

/** True when `folder` is `ancestor` or lies below it. */
export function isWithinFolder(folder: string, ancestor: string): boolean {
  return ancestor === '.' || folder === ancestor || folder.startsWith(`${ancestor}/`)
}

/**
 * Which definition an ID written in `from` means (docs/authoring.md,
 * "Scope"): a definition belongs to the folder of its document, and a mention
 * resolves to the nearest one — the same document, then the same folder,
 * then the folders below it, then each folder up, and only then a definition
 * in some other folder. Several below, or several elsewhere (sibling
 * folders that each define the ID, none of them the mention's own), are
 * ambiguous. The one function that decides, for links,
 * backlinks, previews, search and the traceability page.
 */
export function resolveRequirement<T extends Scoped>(
  definitions: readonly T[] | undefined,
  from: string | undefined,
): RequirementLookup<T> {
  if (!definitions || definitions.length === 0) return { status: 'missing' }
  if (definitions.length === 1) return { status: 'found', requirement: definitions[0]! }
  if (from === undefined) return { status: 'ambiguous', candidates: [...definitions] }
  const own = definitions.find((definition) => definition.document === from)
  if (own) return { status: 'found', requirement: own }
  const here = folderOf(from)
  const inHere = definitions.find((definition) => definition.scope === here)
  if (inHere) return { status: 'found', requirement: inHere }
  const below = definitions.filter((definition) => isWithinFolder(definition.scope, here))
  if (below.length === 1) return { status: 'found', requirement: below[0]! }
  if (below.length > 1) return { status: 'ambiguous', candidates: below }
  // Up the mention's own folders: a parent's definition is nearer than a sibling folder's.
  for (let folder = here; folder !== '.';) {
    folder = folderOf(folder)
    const up = definitions.find((definition) => definition.scope === folder)
    if (up) return { status: 'found', requirement: up }
  }
  // None of its own folders defines it: the one definition elsewhere, or several equally far.
  return definitions.length === 1
    ? { status: 'found', requirement: definitions[0]! }
    : { status: 'ambiguous', candidates: [...definitions] }
}

/** {@link resolveRequirement} over the index's definitions of `id`. */
export function findRequirement(
  index: Pick<DocIndex, 'requirementsById'>,
  id: string,
  from: string | undefined,
): RequirementLookup {
  return resolveRequirement(index.requirementsById.get(id), from)
}
