import { basename } from 'node:path/posix'
import type { Heading, Root } from 'mdast'
import type { HandbookConfig } from '../config/schema.ts'
import { configFileName } from '../config/schema.ts'
import { parseMarkdown } from '../markdown/parse.ts'
import { findRequirementDefinitions } from '../requirements/definitions.ts'
import { createRequirementMatcher, toRequirementAnchor } from '../requirements/patterns.ts'
import type { DescribedSource } from './describe.ts'
import { describeSources, type DescribedSources, type SourceText } from './describe-all.ts'
import type { FileProblem } from './types.ts'
import {
  buildDocumentNameTable,
  buildSectionTable,
  createIsDocumentName,
  findDocument,
} from './names.ts'
import { applyOutline } from './outline-numbers.ts'
import { enclosingHeading } from './headings.ts'
import { findDocumentMentions } from '../references/parse.ts'
import { folderOf } from '../requirements/scope.ts'
import { buildOutline, type HeadingIdAssigner } from './outline.ts'
import type { DocIndex, DocumentInfo, HeadingInfo, RequirementInfo } from './types.ts'

export type { SourceText } from './describe-all.ts'

/**
 * The index and every problem found. No tree is kept: a pass that needs one parses the body
 * again (`parseIndexedDocument`), which costs less than holding every tree of a large handbook.
 */
export interface BuiltDocIndex {
  index: DocIndex
  sources: Map<string, DescribedSource>
  problems: FileProblem[]
}

/** What `buildDocIndex` needs from the renderer. */
export interface BuildDocIndexOptions {
  /** The renderer's heading ids (Astro's, in the build): see `HeadingIdAssigner`. */
  assignHeadingIds: HeadingIdAssigner
}

/**
 * Builds the document index from source texts: one parse per document, the
 * outline with Astro's heading ids, requirement definitions, aliases and
 * routes. Pure apart from hashing; the caller reads the files.
 */
export function buildDocIndex(
  config: HandbookConfig,
  sourceTexts: SourceText[],
  options: BuildDocIndexOptions,
): BuiltDocIndex {
  return indexDescribedSources(config, describeSources(sourceTexts), options)
}

/**
 * `buildDocIndex` for sources already described (`describeSources`): the sidebar lists them
 * before the index is built, and the index does not read or describe them again.
 */
export function indexDescribedSources(
  config: HandbookConfig,
  describedSources: DescribedSources,
  options: BuildDocIndexOptions,
): BuiltDocIndex {
  const problems: FileProblem[] = []
  const matcher = createRequirementMatcher(config.requirementPatterns)
  const documents: DocumentInfo[] = []
  const sources = new Map<string, DescribedSource>()
  const requirements = new Map<string, RequirementInfo>()
  const requirementsById = new Map<string, RequirementInfo[]>()

  problems.push(...describedSources.problems)
  for (const source of describedSources.described) {
    const tree = parseMarkdown(source.body)
    const definitions =
      source.kind === 'requirements' ? findRequirementDefinitions(tree, matcher) : []
    // A definition belongs to its document's folder; only the first definition of an ID in a
    // folder gets its anchor (markDefinitions gives no other one), and a later one keeps the
    // id Astro slugs for it.
    const scope = folderOf(source.path)
    const presetIds = new Map<Heading, string>()
    const claimed = new Set<string>()
    for (const definition of definitions) {
      const first =
        !claimed.has(definition.id) &&
        !(requirementsById.get(definition.id) ?? []).some((other) => other.scope === scope)
      if (definition.node.type === 'heading' && first) {
        presetIds.set(definition.node, toRequirementAnchor(definition.id))
      }
      claimed.add(definition.id)
    }
    const headings = buildOutline(tree, {
      assignHeadingIds: options.assignHeadingIds,
      body: source.body,
      bodyLineOffset: source.bodyLineOffset,
      titleLine: source.titleLine,
      presetIds,
    })
    for (const definition of definitions) {
      const line = definition.line + source.bodyLineOffset
      const sameId = requirementsById.get(definition.id) ?? []
      const existing = sameId.find((other) => other.scope === scope)
      if (existing) {
        problems.push({
          file: source.path,
          line,
          column: definition.column,
          severity: 'error',
          ruleId: 'duplicate-requirement',
          message: `\`${definition.id}\` is defined twice in ${scope === '.' ? 'the top folder' : `\`${scope}\``}: here and at ${existing.document}:${existing.line}. Give one of them a new ID (definitions in different folders may share an ID).`,
        })
        continue
      }
      // A definition that is the page title (`# CLD-REQ-063: Secrets`) is the page's `<h1>`.
      const isTitle = definition.node.type === 'heading' && definition.line === source.titleLine
      const anchor = isTitle ? '_top' : toRequirementAnchor(definition.id)
      const requirement: RequirementInfo = {
        id: definition.id,
        key: `${source.path}#${anchor}`,
        scope,
        anchor,
        text: definition.text,
        document: source.path,
        line,
        column: definition.column,
      }
      requirements.set(requirement.key, requirement)
      requirementsById.set(definition.id, [...sameId, requirement])
    }
    documents.push({
      path: source.path,
      absolutePath: source.absolutePath,
      route: source.route,
      kind: source.kind,
      title: source.title,
      titleSource: source.titleSource,
      ...(source.description ? { description: source.description } : {}),
      ...(source.name ? { name: source.name } : {}),
      ...(source.color ? { color: source.color } : {}),
      aliases: [...new Set([source.path, basename(source.path)])],
      headings,
      bodyLineOffset: source.bodyLineOffset,
    })
    sources.set(source.path, source)
  }

  const aliases = applyAliases(config, documents, problems)
  const defaultSectionTarget = resolveDefaultTarget(config, documents, aliases, problems)
  const names = buildDocumentNameTable(documents)
  const index: DocIndex = {
    documents,
    documentsByPath: new Map(documents.map((document) => [document.path, document])),
    requirements,
    requirementsById,
    requirementPatterns: config.requirementPatterns,
    aliases,
    ...(defaultSectionTarget ? { defaultSectionTarget } : {}),
    names,
    bodies: new Map([...sources].map(([path, source]) => [path, source.body])),
  }
  // Only now are all names known: a heading may name another document (`## Conformance
  // (ENGINEERING_SOP.md)`), which decides whether a `### §9` under it is a section.
  for (const document of documents) {
    const isDocumentName = createIsDocumentName(index, document.path)
    applyOutline(document.headings, {
      findNamedDocument: (text) => {
        for (const mention of findDocumentMentions(text, isDocumentName).reverse()) {
          const found = findDocument(index, mention.name, { from: document.path })
          if (found.status === 'found' && found.document !== document) return found.document.path
        }
        return undefined
      },
    })
  }
  index.sectionsByNumber = buildSectionTable(documents)
  index.patternsWithoutDefinitions = config.requirementPatterns.filter((pattern) => {
    const whole = new RegExp(`^(?:${pattern})$`)
    return ![...requirementsById.keys()].some((id) => whole.test(id))
  })
  for (const requirement of requirements.values()) {
    const document = index.documentsByPath.get(requirement.document)
    const section = document ? enclosingSection(document.headings, requirement.line) : undefined
    if (section !== undefined) requirement.section = section
  }
  return { index, sources, problems }
}

/** The tree of an indexed document's body, parsed again: the index keeps bodies, not trees. */
export function parseIndexedDocument(index: DocIndex, path: string): Root | undefined {
  const body = index.bodies?.get(path)
  return body === undefined ? undefined : parseMarkdown(body)
}

/** Adds configured aliases to their documents; reports aliases that name no document or clash. */
function applyAliases(
  config: HandbookConfig,
  documents: DocumentInfo[],
  problems: FileProblem[],
): Map<string, string> {
  const aliases = new Map<string, string>()
  const byLowerAlias = new Map<string, string>()
  for (const document of documents) {
    for (const alias of document.aliases) byLowerAlias.set(alias.toLowerCase(), document.path)
  }
  for (const [alias, target] of Object.entries(config.aliases)) {
    const document = findByPathOrName(documents, target)
    if (!document) {
      problems.push({
        file: configFileName,
        severity: 'error',
        ruleId: 'unknown-alias-target',
        message: `Alias \`${alias}\` names \`${target}\`, which is not a configured document. Use a path or file name from \`documents\`.`,
      })
      continue
    }
    const clash = byLowerAlias.get(alias.toLowerCase())
    if (clash !== undefined && clash !== document.path) {
      problems.push({
        file: configFileName,
        severity: 'error',
        ruleId: 'conflicting-alias',
        message: `Alias \`${alias}\` names \`${document.path}\`, but \`${alias}\` already names \`${clash}\`. Choose another alias.`,
      })
      continue
    }
    byLowerAlias.set(alias.toLowerCase(), document.path)
    aliases.set(alias, document.path)
    if (!document.aliases.includes(alias)) document.aliases.push(alias)
  }
  return aliases
}

function resolveDefaultTarget(
  config: HandbookConfig,
  documents: DocumentInfo[],
  aliases: Map<string, string>,
  problems: FileProblem[],
): string | undefined {
  const wanted = config.defaultSectionTarget
  if (!wanted) return documents.find((document) => document.kind === 'sop')?.path
  const path = aliases.get(wanted) ?? findByPathOrName(documents, wanted)?.path
  if (!path) {
    problems.push({
      file: configFileName,
      severity: 'error',
      ruleId: 'unknown-default-target',
      message: `\`defaultSectionTarget\` names \`${wanted}\`, which is not a configured document.`,
    })
  }
  return path
}

function findByPathOrName(documents: DocumentInfo[], name: string): DocumentInfo | undefined {
  const clean = name.replace(/^\.\//, '')
  return (
    documents.find((document) => document.path === clean) ??
    documents.find((document) => basename(document.path) === clean) ??
    documents.find((document) => document.path.toLowerCase() === clean.toLowerCase())
  )
}

/** The number (or title) of the last heading at or before `line`. */
export function enclosingSection(headings: HeadingInfo[], line: number): string | undefined {
  const found = enclosingHeading(headings, line)
  return found ? (found.number ?? found.title) : undefined
}
