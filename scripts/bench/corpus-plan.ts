import type { DocumentKind } from '../../core/config/schema.ts'
import { createRandom, deriveSeed, type Random } from './random.ts'
import {
  components,
  designSectionTitles,
  features,
  nfrCategories,
  requirementAreas,
  requirementsSectionTitles,
  roleNames,
  sopSectionTitles,
  standardTopics,
  titleNouns,
  titleQualifiers,
} from './vocabulary.ts'

/** One heading of a planned document. */
export interface PlannedSection {
  /** `5`, `5.2`, `A`, `B.2`; absent for unnumbered headings. */
  number?: string
  title: string
  /** 2 for `##`, 3 for `###`. */
  depth: 2 | 3
}

/** What kind of page a planned document is written as. */
export type DocumentShape =
  | 'sop'
  | 'standard'
  | 'requirements'
  | 'role'
  | 'design'
  | 'context'
  | 'readme'
  | 'report'
  | 'guide'

/** One document of the corpus, before its text is written. */
export interface PlannedDocument {
  /** Path relative to the corpus root. */
  path: string
  /** The name authors cite it by: its file name. */
  name: string
  kind: DocumentKind
  shape: DocumentShape
  title: string
  /** Headings in document order (the page title excluded). */
  sections: PlannedSection[]
  /** The requirement a design document implements. */
  requirement?: string
}

/** A defined requirement. */
export interface PlannedRequirement {
  id: string
  /** Short subject, e.g. `node registry heartbeats`. */
  topic: string
}

/** Everything the document writers need to cite each other consistently. */
export interface CorpusPlan {
  seed: number
  documents: PlannedDocument[]
  sop: PlannedDocument
  requirementsDocument: PlannedDocument
  context: PlannedDocument
  /** Further SOP-like documents (`docs/standards/*.md`). */
  standards: PlannedDocument[]
  /** Functional requirements, in definition order. */
  requirements: PlannedRequirement[]
  /** Non-functional requirement IDs (`NFR-P1`, …). */
  nfrIds: string[]
  /** IDs that look like requirements but are never defined. */
  unknownIds: string[]
}

/** How many documents of each shape a handbook of `pages` documents holds. */
export interface CorpusShape {
  roles: number
  designs: number
  standards: number
  reports: number
  guides: number
  readme: number
  requirements: number
}

/** The smallest corpus: SOP, requirements, CONTEXT.md, one role and one design. */
export const minimumPages = 5

/**
 * Splits `pages` documents into kinds with the proportions of a real
 * handbook: a handful of role guides, a design per requirement for a
 * quarter of the pages, some further standards and reports, guides for the
 * rest. Always sums to `pages`.
 */
export function planShape(pages: number): CorpusShape {
  if (!Number.isInteger(pages) || pages < minimumPages) {
    throw new Error(`A corpus needs at least ${minimumPages} pages (got ${pages}).`)
  }
  const fixed = 3 // SOP, requirements, CONTEXT.md
  const readme = pages >= 6 ? 1 : 0
  let roles = clamp(Math.round(pages * 0.02), 1, roleNames.length)
  const requirements = Math.min(800, 40 + Math.round(pages * 0.5))
  let designs = clamp(Math.round(pages * 0.25), 1, requirements)
  let standards = Math.round(pages * 0.1)
  let reports = Math.round(pages * 0.08)
  let guides = pages - fixed - readme - roles - designs - standards - reports
  // Small corpora: give back pages from the least essential kinds first.
  while (guides < 0) {
    if (reports > 0) reports--
    else if (standards > 0) standards--
    else if (designs > 1) designs--
    else roles--
    guides++
  }
  return { roles, designs, standards, reports, guides, readme, requirements }
}

/** Plans every document of a corpus: paths, titles, outlines and requirement IDs. */
export function planCorpus(pages: number, seed: number): CorpusPlan {
  const shape = planShape(pages)
  const random = createRandom(deriveSeed(seed, 'plan'))
  const { requirements, unknownIds } = planRequirements(random, shape.requirements)
  const nfrIds = nfrCategories.flatMap(([letter]) =>
    Array.from(
      { length: 3 + Math.floor(shape.requirements / 150) },
      (_, i) => `NFR-${letter}${i + 1}`,
    ),
  )
  const sop = planSop(random)
  const requirementsDocument = planRequirementsDocument(requirements.length, nfrIds)
  const context: PlannedDocument = {
    path: 'CONTEXT.md',
    name: 'CONTEXT.md',
    kind: 'guide',
    shape: 'context',
    title: 'Control Plane Context',
    sections: [
      'What This Repository Is',
      'Repository Layout',
      'Build and Test Commands',
      'Key Documents',
      'Conventions That Trip People Up',
      'Where to Ask',
    ].map((title) => ({ title, depth: 2 })),
  }
  const standards = Array.from({ length: shape.standards }, (_, i) => planStandard(random, i))
  const documents: PlannedDocument[] = [
    sop,
    requirementsDocument,
    context,
    ...(shape.readme ? [planReadme()] : []),
    ...Array.from({ length: shape.roles }, (_, i) => planRole(i)),
    ...random
      .sample(requirements, shape.designs)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((requirement) => planDesign(requirement)),
    ...standards,
    ...Array.from({ length: shape.reports }, (_, i) => planReport(random, i)),
    ...Array.from({ length: shape.guides }, (_, i) => planGuide(random, i)),
  ]
  return {
    seed,
    documents,
    sop,
    requirementsDocument,
    context,
    standards,
    requirements,
    nfrIds,
    unknownIds,
  }
}

/**
 * Defines `count` functional requirement IDs with gaps, as real documents
 * have (withdrawn or never-written numbers): the gaps and a few numbers past
 * the end become the "unknown" IDs that documents cite by mistake.
 */
function planRequirements(
  random: Random,
  count: number,
): { requirements: PlannedRequirement[]; unknownIds: string[] } {
  const requirements: PlannedRequirement[] = []
  const unknownIds: string[] = []
  let number = 1
  while (requirements.length < count) {
    if (random.chance(0.12) && number < 999 - (count - requirements.length)) {
      unknownIds.push(toRequirementId(number))
      number++
      continue
    }
    const topic = `${random.pick(components)} ${random.pick(features)}`
    requirements.push({ id: toRequirementId(number), topic })
    number++
  }
  for (let extra = number + 3; extra < 1000 && unknownIds.length < 8; extra += 7) {
    unknownIds.push(toRequirementId(extra))
  }
  return { requirements, unknownIds }
}

function toRequirementId(number: number): string {
  return `CLD-REQ-${String(number).padStart(3, '0')}`
}

/** The big SOP: every top section of the vocabulary, 2–5 subsections each, two appendices. */
function planSop(random: Random): PlannedDocument {
  const titles = createTitleSource(random)
  const sections: PlannedSection[] = []
  sopSectionTitles.forEach((title, index) => {
    const number = String(index + 1)
    sections.push({ number, title, depth: 2 })
    const count = random.int(2, 5)
    for (let sub = 1; sub <= count; sub++) {
      sections.push({ number: `${number}.${sub}`, title: titles(), depth: 3 })
    }
  })
  sections.push({ number: 'A', title: 'Glossary', depth: 2 })
  sections.push({ number: 'A.1', title: 'Terms', depth: 3 })
  sections.push({ number: 'B', title: 'Checklists', depth: 2 })
  sections.push({ number: 'B.1', title: 'Review Checklist', depth: 3 })
  sections.push({ number: 'B.2', title: 'Release Checklist', depth: 3 })
  return {
    path: 'ENGINEERING_SOP.md',
    name: 'ENGINEERING_SOP.md',
    kind: 'sop',
    shape: 'sop',
    title: 'Engineering SOP',
    sections,
  }
}

/** Requirements.MD: fixed top sections; §7 grows with the number of requirements (20 per area). */
function planRequirementsDocument(requirementCount: number, nfrIds: string[]): PlannedDocument {
  const sections: PlannedSection[] = []
  requirementsSectionTitles.forEach((title, index) => {
    const number = String(index + 1)
    sections.push({ number, title, depth: 2 })
    if (title === 'Goals') {
      ;['Product Goals', 'Non-Goals', 'Success Metrics'].forEach((sub, i) =>
        sections.push({ number: `${number}.${i + 1}`, title: sub, depth: 3 }),
      )
    }
    if (title === 'Functional Requirements') {
      const areas = Math.ceil(requirementCount / requirementsPerArea)
      for (let area = 0; area < areas; area++) {
        sections.push({ number: `${number}.${area + 1}`, title: areaTitle(area), depth: 3 })
      }
    }
    if (title === 'Non-Functional Requirements') {
      nfrCategories.forEach(([letter, name], i) => {
        if (nfrIds.some((id) => id.startsWith(`NFR-${letter}`))) {
          sections.push({ number: `${number}.${i + 1}`, title: name, depth: 3 })
        }
      })
    }
  })
  return {
    path: 'Requirements.MD',
    name: 'Requirements.MD',
    kind: 'requirements',
    shape: 'requirements',
    title: 'Control Plane Requirements',
    sections,
  }
}

/** Requirements listed under each `### 7.N` area. */
export const requirementsPerArea = 20

function areaTitle(index: number): string {
  const base = requirementAreas[index % requirementAreas.length]!
  const round = Math.floor(index / requirementAreas.length)
  return round === 0
    ? base
    : `${base} ${['Extensions', 'Operations', 'Limits', 'Migration'][(round - 1) % 4]}${round > 4 ? ` ${round}` : ''}`
}

function planReadme(): PlannedDocument {
  return {
    path: 'README.md',
    name: 'README.md',
    kind: 'guide',
    shape: 'readme',
    title: 'Cloudless Control Plane',
    sections: ['Getting Started', 'Documents', 'Contributing'].map((title) => ({
      title,
      depth: 2,
    })),
  }
}

function planRole(index: number): PlannedDocument {
  const name = roleNames[index]!
  return {
    path: `.agents/${name}.md`,
    name: `${name}.md`,
    kind: 'role',
    shape: 'role',
    title: humanize(name),
    sections: ['Required Reading', 'What You Do', 'How You Work', 'Collaboration']
      .map((title): PlannedSection => ({ title, depth: 2 }))
      .concat([
        { title: 'With Architect Agent', depth: 3 },
        { title: 'Hand-off to Tech Lead', depth: 3 },
        { title: 'Checklist', depth: 2 },
      ]),
  }
}

function planDesign(requirement: PlannedRequirement): PlannedDocument {
  const slug = requirement.topic.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const name = `${requirement.id}-${slug}.md`
  return {
    path: `docs/design/${name}`,
    name,
    kind: 'design',
    shape: 'design',
    title: `${requirement.id}: ${capitalize(requirement.topic)}`,
    requirement: requirement.id,
    sections: designSectionTitles.map((title, i) => ({ number: String(i + 1), title, depth: 2 })),
  }
}

/** A further SOP-like document: 6–10 numbered sections with 1–4 subsections. */
function planStandard(random: Random, index: number): PlannedDocument {
  const topic = standardTopics[index % standardTopics.length]!
  const round = Math.floor(index / standardTopics.length)
  const stem = `${topic.toUpperCase().replace(/-/g, '_')}_STANDARD${round ? `_${round + 1}` : ''}`
  const titles = createTitleSource(random)
  const sections: PlannedSection[] = []
  const count = random.int(6, 10)
  for (let top = 1; top <= count; top++) {
    sections.push({ number: String(top), title: titles(), depth: 2 })
    const subs = random.int(1, 4)
    for (let sub = 1; sub <= subs; sub++) {
      sections.push({ number: `${top}.${sub}`, title: titles(), depth: 3 })
    }
  }
  return {
    path: `docs/standards/${stem}.md`,
    name: `${stem}.md`,
    kind: 'sop',
    shape: 'standard',
    title: `${humanize(topic)} Standard${round ? ` ${round + 1}` : ''}`,
    sections,
  }
}

function planReport(random: Random, index: number): PlannedDocument {
  const year = 2024 + Math.floor(index / 4)
  const quarter = (index % 4) + 1
  const topic = random.pick(['reliability', 'latency', 'capacity', 'security', 'cost'])
  const name = `${year}-Q${quarter}-${topic}-review-${index + 1}.md`
  return {
    path: `docs/reports/${name}`,
    name,
    kind: 'guide',
    shape: 'report',
    title: `${year} Q${quarter} ${capitalize(topic)} Review`,
    sections: ['Summary', 'Incidents', 'Findings', 'Actions'].map((title, i) => ({
      number: String(i + 1),
      title,
      depth: 2,
    })),
  }
}

function planGuide(random: Random, index: number): PlannedDocument {
  const component = random.pick(components)
  const name = `${component.toLowerCase().replace(/\s+/g, '-')}-guide-${index + 1}.md`
  return {
    path: `docs/guides/${name}`,
    name,
    kind: 'guide',
    shape: 'guide',
    title: `${capitalize(component)} Guide ${index + 1}`,
    sections: random
      .sample(
        [
          'What This Component Does',
          'Local Setup',
          'Debugging Tips',
          'Common Failures',
          'Ownership',
          'Runbooks',
          'Frequently Asked Questions',
          'Glossary',
        ],
        random.int(3, 6),
      )
      .map((title) => ({ title, depth: 2 })),
  }
}

/** Subsection titles that never repeat within one document (so every heading id is its own). */
function createTitleSource(random: Random): () => string {
  const used = new Set<string>()
  return () => {
    for (;;) {
      const title = `${random.pick(titleQualifiers)} ${random.pick(titleNouns)}`
      if (!used.has(title)) {
        used.add(title)
        return title
      }
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value))
}

/** `tech-lead` → `Tech Lead`. */
export function humanize(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => capitalize(word.toLowerCase()))
    .join(' ')
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
