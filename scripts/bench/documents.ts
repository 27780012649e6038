import { slug } from 'github-slugger'
import { posix } from 'node:path'
import type { PlannedDocument, PlannedSection } from './corpus-plan.ts'
import { requirementsPerArea } from './corpus-plan.ts'
import {
  codeSample,
  paragraph,
  pickSection,
  requirementRef,
  ruleList,
  sectionRef,
  sectionTable,
  sentence,
  type WriteContext,
} from './prose.ts'
import { predicates, roleColors, tails } from './vocabulary.ts'

/**
 * The heading line of a planned section, in the numbering styles of
 * docs/authoring.md, "Section numbers" (`## 5. Title`, `### 5.2 Title`,
 * `## §7 Title`, `## 12) Title`, `### 3.1. Title`, `## Appendix A: Title`).
 * The style is a function of the number, so links can compute the heading's id
 * without reading the text.
 */
export function formatHeading(section: PlannedSection): string {
  const hashes = '#'.repeat(section.depth)
  const { number, title } = section
  if (number === undefined) return `${hashes} ${title}`
  if (/^[A-Z]$/.test(number)) return `${hashes} Appendix ${number}: ${title}`
  if (!/^\d/.test(number)) return `${hashes} ${number} ${title}`
  const parts = number.split('.').map(Number)
  if (parts.length === 1) {
    if (parts[0]! % 7 === 0) return `${hashes} §${number} ${title}`
    if (parts[0]! % 11 === 0) return `${hashes} ${number}) ${title}`
    return `${hashes} ${number}. ${title}`
  }
  if (parts[1] === 1 && parts[0]! % 3 === 0) return `${hashes} ${number}. ${title}`
  return `${hashes} ${number} ${title}`
}

/** The id Astro gives a heading in the `5. Title` or `5.2 Title` style (github-slugger over its text). */
function headingId(section: PlannedSection): string | undefined {
  const text = formatHeading(section).replace(/^#+ /, '')
  return /^\d[\d.]* /.test(text) ? slug(text) : undefined
}

/** A markdown link from one document to another, by relative path, as authors write them. */
function linkTo(from: PlannedDocument, to: PlannedDocument, section?: PlannedSection): string {
  const relative = posix.relative(posix.dirname(from.path), to.path)
  const id = section ? headingId(section) : undefined
  const label = section ? `${to.name} §${section.number}` : to.title
  return `[${label}](${relative.startsWith('.') ? relative : `./${relative}`}${id ? `#${id}` : ''})`
}

/** The body of one numbered section: paragraphs, now and then a list, a table or a code sample. */
function sectionBody(context: WriteContext, section: PlannedSection, richness: number): string[] {
  const { random } = context
  const blocks = [paragraph(context)]
  if (section.depth === 3 || random.chance(0.3)) {
    if (random.chance(0.5 * richness)) blocks.push(paragraph(context))
    if (random.chance(0.35 * richness)) blocks.push(codeSample(context))
    if (random.chance(0.3 * richness)) blocks.push(ruleList(context))
    if (random.chance(0.08 * richness)) blocks.push(sectionTable(context))
  }
  return blocks
}

function join(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}

/** ENGINEERING_SOP.md: the long standard every other document cites. */
export function writeSop(context: WriteContext): string {
  const { document } = context
  const blocks = [
    '# Cloudless Engineering SOP',
    'Owner: Platform Engineering. Status: active, revision 3.6. Applies to every Go service, library and command-line tool in the control-plane repositories.',
    paragraph(context),
    `Sections §3-§12 are the coding standards and apply to every change. Appendix §A defines the vocabulary; the release checklist in §B.2 is mandatory.`,
  ]
  for (const section of document.sections) {
    blocks.push(formatHeading(section), ...sectionBody(context, section, 1))
  }
  return join(blocks)
}

/** A further SOP-like standard: smaller, numbered, citing the SOP by name and by bare `§`. */
export function writeStandard(context: WriteContext): string {
  const { document, plan } = context
  const blocks = [
    `# ${document.title}`,
    `This standard extends ${linkTo(document, plan.sop)} for one area; where they disagree, ENGINEERING_SOP.md §${pickSection(context.random, plan.sop).number} wins.`,
  ]
  for (const section of document.sections) {
    blocks.push(formatHeading(section), ...sectionBody(context, section, 0.8))
  }
  return join(blocks)
}

/**
 * Requirements.MD: defines every requirement ID in the forms of docs/authoring.md,
 * "Definitions".
 */
export function writeRequirements(context: WriteContext): string {
  const { document, plan, random } = context
  const blocks = [
    '# Cloudless Control Plane Requirements',
    'Owner: Product. Status: approved for the MVP. Engineering practice is defined separately in ENGINEERING_SOP.md; this document says what the control plane must do and how well.',
  ]
  for (const section of document.sections) {
    blocks.push(formatHeading(section))
    const parent = section.number?.split('.')[0]
    const parentTitle = document.sections.find((s) => s.number === parent)?.title
    if (section.depth === 3 && parentTitle === 'Functional Requirements') {
      const area = Number(section.number!.split('.')[1]) - 1
      const slice = plan.requirements.slice(
        area * requirementsPerArea,
        (area + 1) * requirementsPerArea,
      )
      blocks.push(
        paragraph(context, 0.5),
        ...defineRequirements(
          context,
          slice.map((r) => r.id),
        ),
      )
    } else if (section.depth === 3 && parentTitle === 'Non-Functional Requirements') {
      const letter = section.title[0]
      const ids = plan.nfrIds.filter((id) => id.startsWith(`NFR-${letter}`))
      blocks.push(...defineRequirements(context, ids))
    } else if (section.title === 'Functional Requirements') {
      blocks.push(
        'Functional requirements use the prefix CLD-REQ-* followed by a three-digit number. Numbers are never reused: a withdrawn requirement keeps its number.',
      )
    } else {
      blocks.push(paragraph(context))
      if (random.chance(0.3)) blocks.push(ruleList(context))
    }
  }
  return join(blocks)
}

/** Definitions of `ids`, in runs of list items, table rows and the odd heading. */
function defineRequirements(context: WriteContext, ids: string[]): string[] {
  const { random } = context
  const blocks: string[] = []
  let index = 0
  while (index < ids.length) {
    const form = random.pick(['list', 'list', 'list', 'table', 'heading'] as const)
    const run = ids.slice(index, index + (form === 'heading' ? 1 : random.int(2, 6)))
    index += run.length
    const text = () => requirementText(context)
    if (form === 'list') {
      blocks.push(
        run
          .map((id) => {
            const written = random.chance(0.05) ? id.replace(/-/g, '\u2011') : id
            return random.pick([
              `- ${written}: ${text()}`,
              `- **${written}** - ${text()}`,
              `- ${written} — ${text()}`,
              `- [${written}] ${text()}`,
            ])
          })
          .join('\n'),
      )
    } else if (form === 'table') {
      blocks.push(
        [
          '| ID | Requirement | Priority |',
          '| --- | --- | --- |',
          ...run.map((id) => `| ${id} | ${text()} | P${random.int(0, 2)} |`),
        ].join('\n'),
      )
    } else {
      blocks.push(
        `### ${run[0]}: ${random.pick(['Zone-spread placement', 'Atomic quota', 'Audit export', 'Drain timeout'])}`,
        text(),
      )
    }
  }
  return blocks
}

function requirementText(context: WriteContext): string {
  const { random } = context
  let text = `The control plane shall ${random.pick(predicates)} ${random.pick(tails)}`
  if (random.chance(0.25)) text += ` (${requirementRef(context)})`
  if (random.chance(0.15)) text += `, as ${sectionRef(context)} requires`
  return `${text}.`
}

/** A role guide: lenient frontmatter, required-reading lists, collaboration sections, a checklist. */
export function writeRole(context: WriteContext): string {
  const { document, plan, random } = context
  const name = document.path.replace(/^\.agents\//, '').replace(/\.md$/, '')
  const description = random.chance(0.5)
    ? `Works on the control plane as the ${name}. Use when: a design is approved and the work has a requirement ID.`
    : `Works on the control plane as the ${name}. Use after a design is approved.`
  const sop = plan.sop
  const sopItems = random
    .sample(
      sop.sections.filter((s) => s.depth === 2 && /^\d/.test(s.number ?? '')),
      random.int(4, 7),
    )
    .sort((a, b) => Number(a.number) - Number(b.number))
    .map((s) => `   - **§${s.number}**: ${s.title} - ${random.pick(predicates)}`)
  const reqSections = plan.requirementsDocument.sections.filter((s) =>
    ['Functional Requirements', 'Non-Functional Requirements', 'Goals', 'MVP Scope'].includes(
      s.title,
    ),
  )
  const standard =
    plan.standards.length && random.chance(0.6) ? random.pick(plan.standards) : undefined
  const reading = [
    `1. **ENGINEERING_SOP.md** - the standards you follow:`,
    ...sopItems,
    `2. **Requirements.MD** (Requirements):`,
    ...random
      .sample(reqSections, 2)
      .map((s) => `   - **§${s.number}**: ${s.title} - what you build`),
    `3. **CONTEXT.md** - the repository you work in:`,
    `   - **§Build and Test Commands** - the only supported way to build and test`,
    `   - **§Repository Layout** - where new code goes`,
    ...(standard
      ? [
          `4. **${standard.name}** - the area standard:`,
          ...random
            .sample(
              standard.sections.filter((s) => s.depth === 2),
              2,
            )
            .map((s) => `   - **§${s.number}**: ${s.title}`),
        ]
      : []),
  ]
  const blocks = [
    `---\nname: ${name}\ndescription: ${description}\ncolor: ${random.pick(roleColors)}\n---`,
    `# ${document.title} Agent`,
    `You work on the Cloudless control plane. Your work follows ENGINEERING_SOP.md standards (§3-§12) and implements requirements that already have an approved design. ${paragraph(context)}`,
    '## Required Reading',
    'Read these before your first change, and again whenever they are revised:',
    reading.join('\n'),
    '## What You Do',
    ruleList(context),
    '## How You Work',
    Array.from({ length: random.int(3, 6) }, (_, i) => `${i + 1}. ${sentence(context)}`).join('\n'),
    '## Collaboration',
    paragraph(context),
    '### With Architect Agent',
    paragraph(context),
    '### Hand-off to Tech Lead',
    paragraph(context),
    '## Checklist',
    Array.from({ length: random.int(4, 8) }, () => `- [ ] ${sentence(context)}`).join('\n'),
  ]
  return join(blocks)
}

/** A design document named after the requirement it implements. */
export function writeDesign(context: WriteContext): string {
  const { document, plan, random } = context
  const template = plan.sop.sections.filter((s) => s.number?.startsWith('16.'))
  const blocks = [
    `---\ntitle: ${JSON.stringify(document.title)}\n---`,
    `Status: approved. Reviewers: architect, tech lead, product owner. Implements ${document.requirement} and supports ${requirementRef(context)} and ${requirementRef(context)}.`,
    `This document follows the §${random.pick(template).number} template. See ${linkTo(document, plan.requirementsDocument)} for the requirement text.`,
  ]
  for (const section of document.sections) {
    blocks.push(formatHeading(section), paragraph(context))
    if (section.title === 'Proposed Design')
      blocks.push(codeSample(context), paragraph(context), codeSample(context))
    else if (random.chance(0.3)) blocks.push(ruleList(context))
  }
  return join(blocks)
}

/** CONTEXT.md: unnumbered headings that other documents cite by name. */
export function writeContext(context: WriteContext): string {
  const { document, plan } = context
  const blocks = ['# Cloudless Control Plane Context', paragraph(context)]
  for (const section of document.sections) {
    blocks.push(formatHeading(section), paragraph(context))
    if (section.title === 'Build and Test Commands') {
      blocks.push(
        '```bash\n# Build everything\nmake build\n\n# Unit tests with the race detector\nmake test RACE=1\n```',
      )
    }
    if (section.title === 'Key Documents') {
      blocks.push(
        [
          `- ${linkTo(document, plan.sop)} is how we build: error handling in §4 and concurrency in §5.`,
          `- Requirements.MD is what we build: the functional requirements are in §7.`,
          `- The design for each requirement is in \`docs/design/\`, for example ${requirementRef(context)}.`,
        ].join('\n'),
      )
    }
  }
  return join(blocks)
}

/** README.md: a short entry page. */
export function writeReadme(context: WriteContext): string {
  const { document, plan } = context
  return join([
    '# Cloudless Control Plane',
    paragraph(context),
    '## Getting Started',
    `Read ${linkTo(document, plan.context)} first, then ${linkTo(document, plan.sop)}.`,
    '## Documents',
    ruleList(context),
    '## Contributing',
    paragraph(context),
  ])
}

/** A quarterly report: numbered sections, an incident table with IDs and section references. */
export function writeReport(context: WriteContext): string {
  const { document, random } = context
  const blocks = [`# ${document.title}`, paragraph(context)]
  for (const section of document.sections) {
    blocks.push(formatHeading(section), paragraph(context))
    if (section.title === 'Incidents') {
      blocks.push(
        [
          '| Incident | Requirement | Rule broken |',
          '| --- | --- | --- |',
          ...Array.from(
            { length: random.int(2, 5) },
            (_, i) =>
              `| INC-${random.int(100, 999)}-${i} | ${requirementRef(context)} | ${sectionRef(context)} |`,
          ),
        ].join('\n'),
      )
    }
  }
  return join(blocks)
}

/** A guide: unnumbered headings, prose with references, samples and links. */
export function writeGuide(context: WriteContext): string {
  const { document, plan, random } = context
  const blocks = [`# ${document.title}`, paragraph(context)]
  for (const section of document.sections) {
    blocks.push(formatHeading(section), paragraph(context))
    if (random.chance(0.4)) blocks.push(codeSample(context))
    if (random.chance(0.3)) blocks.push(ruleList(context))
    if (random.chance(0.2)) {
      blocks.push(
        `See ${linkTo(document, plan.sop, pickSection(random, plan.sop))} and ${linkTo(document, plan.context)}.`,
      )
    }
  }
  return join(blocks)
}
