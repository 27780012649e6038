import type { CollaborationGraph } from '../collaboration/graph.ts'
import { layoutCollaborationMap, type MapLayout } from '../collaboration/layout.ts'
import { sectionKey } from '../analysis/citations.ts'
import type { DocIndex } from '../documents/types.ts'
import { toRoleAccent, type RoleAccent } from '../roles/accent.ts'
import { toRoleSummary } from '../roles/summary.ts'
import type { ReadingItem, ReadingSource, RequiredReadingIndex } from './types.ts'

/** A required-reading item as pages use it: with the key progress is stored under. */
export interface SiteReadingItem extends Omit<ReadingItem, 'line'> {
  /** `path#headingId`: the key under which a reader's progress is stored. */
  key: string
  /** Route of the document page. */
  route: string
}

/** The sections of one document a role must read. */
export interface SiteReadingGroup {
  document: string
  title: string
  route: string
  /** The list names the document without sections: read it whole. */
  whole: boolean
  items: SiteReadingItem[]
}

/** A role guide, as the role pages and the start page show it. */
export interface SiteRole {
  path: string
  route: string
  title: string
  name?: string
  description?: string
  /**
   * What the role is, in words for people: the description without instructions to AI tools
   * (`Use when: …`), else the guide's first paragraph.
   */
  summary?: string
  /** The `color` as written in the guide. */
  color?: string
  accent: RoleAccent
  /** Whether the list came from the guide's reading list or from all its citations. */
  readingSource: ReadingSource
  /**
   * Id of the heading of the guide's own reading list (`required-reading`), whose items the
   * role page makes tickable in place; absent when the list has no heading of its own.
   */
  readingListHeadingId?: string
  reading: SiteReadingGroup[]
  /** Number of sections to read (whole documents aside). */
  sections: number
}

/** The collaboration map as pages draw it. */
export interface SiteCollaboration {
  graph: CollaborationGraph
  layout: MapLayout
  /** Role guide path → role title. */
  labels: Record<string, string>
}

/** Every role guide with its required reading, in the index's order. */
export function toSiteRoles(index: DocIndex, requiredReading: RequiredReadingIndex): SiteRole[] {
  return index.documents
    .filter((document) => document.kind === 'role')
    .map((document) => {
      const reading = requiredReading.byGuide.get(document.path)
      const groups = (reading?.groups ?? []).map((group) => {
        const target = index.documentsByPath.get(group.document)
        return {
          document: group.document,
          title: target?.title ?? group.document,
          route: target?.route ?? '',
          whole: group.whole,
          items: group.items.map(({ line: _line, ...item }) => ({
            ...item,
            key: sectionKey(item.document, item.headingId),
            route: target?.route ?? '',
          })),
        }
      })
      // The guide's opening paragraph: the one under its `# Engineer Agent` title heading.
      const opening = document.headings[0]?.depth === 1 ? document.headings[0].summary : undefined
      const summary = toRoleSummary(document.description, opening)
      const listHeading = document.headings.find(
        (heading) => reading?.headingLine !== undefined && heading.line === reading.headingLine,
      )
      return {
        path: document.path,
        route: document.route,
        title: document.title,
        ...(document.name ? { name: document.name } : {}),
        ...(document.description ? { description: document.description } : {}),
        ...(summary ? { summary } : {}),
        ...(document.color ? { color: document.color } : {}),
        accent: toRoleAccent(document.color),
        readingSource: reading?.source ?? 'citations',
        ...(listHeading ? { readingListHeadingId: listHeading.id } : {}),
        reading: groups,
        sections: groups.reduce((total, group) => total + group.items.length, 0),
      }
    })
}

/** The collaboration graph with its layout and labels. */
export function toSiteCollaboration(graph: CollaborationGraph, index: DocIndex): SiteCollaboration {
  const labels = new Map(
    graph.roles.map((role) => [role, index.documentsByPath.get(role)?.title ?? role]),
  )
  return {
    graph,
    layout: layoutCollaborationMap(graph, labels),
    labels: Object.fromEntries(labels),
  }
}
