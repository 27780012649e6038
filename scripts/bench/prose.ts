import type { CorpusPlan, PlannedDocument, PlannedSection } from './corpus-plan.ts'
import type { Random } from './random.ts'
import { codeNames, predicates, subjects, tails } from './vocabulary.ts'

/** What a writer needs: the random source of one document and the plan to cite from. */
export interface WriteContext {
  random: Random
  plan: CorpusPlan
  document: PlannedDocument
}

/** Picks one of several weighted choices. */
export function pickWeighted<T>(random: Random, choices: ReadonlyArray<readonly [number, T]>): T {
  const total = choices.reduce((sum, [weight]) => sum + weight, 0)
  let roll = random.next() * total
  for (const [weight, value] of choices) {
    roll -= weight
    if (roll < 0) return value
  }
  return choices.at(-1)![1]
}

function numbered(document: PlannedDocument, depth?: 2 | 3): PlannedSection[] {
  return document.sections.filter(
    (section) =>
      section.number !== undefined &&
      /^\d/.test(section.number) &&
      (depth === undefined || section.depth === depth),
  )
}

/** A numbered section of `document` (top-level or subsection). */
export function pickSection(
  random: Random,
  document: PlannedDocument,
  depth?: 2 | 3,
): PlannedSection {
  return random.pick(
    numbered(document, depth).length ? numbered(document, depth) : numbered(document),
  )
}

/**
 * One section reference in one of the forms of docs/authoring.md ("Forms"),
 * with roughly the mix real documents have: mostly single sections, bare or
 * with a document name; some ranges, lists, carried-over names, named sections,
 * appendices; a few that must stay unresolved (placeholders, other documents'
 * sections, numbers that do not exist).
 */
export function sectionRef(context: WriteContext): string {
  const { random, plan } = context
  const sop = plan.sop
  const one = () => pickSection(random, sop).number!
  const top = () => pickSection(random, sop, 2)
  const hint = (section: PlannedSection) => section.title.toLowerCase()
  const form = pickWeighted(random, [
    [20, 'bare'],
    [3, 'spaced'],
    [12, 'hinted'],
    [3, 'bold'],
    [5, 'range'],
    [2, 'dash-range'],
    [1, 'double-sign'],
    [3, 'parent-range'],
    [5, 'list'],
    [3, 'and-list'],
    [12, 'sop-file'],
    [8, 'sop-alias'],
    [4, 'carry-over'],
    [3, 'named'],
    [2, 'appendix'],
    [plan.standards.length ? 6 : 0, 'standard'],
    [1, 'unknown'],
    [1, 'placeholder'],
    [1, 'foreign'],
  ] as const)
  switch (form) {
    case 'bare':
      return `§${one()}`
    case 'spaced':
      return `§ ${one()}`
    case 'hinted': {
      const section = pickSection(random, sop)
      return `${hint(section)} (§${section.number})`
    }
    case 'bold': {
      const section = top()
      return `**§${section.number}**: ${section.title}`
    }
    case 'range':
    case 'dash-range':
    case 'double-sign': {
      const from = Number(top().number)
      const to = Math.min(from + random.int(1, 9), Number(numbered(sop, 2).at(-1)!.number))
      if (form === 'range') return `§${from}-§${to}`
      if (form === 'dash-range') return `§${from}–§${to}`
      return `§§${from}-${to}`
    }
    case 'parent-range': {
      const parent = top().number!
      const subs = sop.sections.filter((section) => section.number?.startsWith(`${parent}.`))
      if (subs.length < 2) return `§${parent}`
      return `§${subs[0]!.number}-${subs.at(-1)!.number}`
    }
    case 'list':
      return `§${one()}, §${one()}`
    case 'and-list':
      return `§${one()} and §${one()}`
    case 'sop-file':
      return `${random.pick(['ENGINEERING_SOP.md', 'ENGINEERING_SOP.md', 'docs/ENGINEERING_SOP.md', '**ENGINEERING_SOP.md**'])} §${one()}`
    case 'sop-alias':
      return `SOP §${one()}`
    case 'carry-over': {
      const sections = random
        .sample(numbered(plan.requirementsDocument, 2), 3)
        .sort((a, b) => Number(a.number) - Number(b.number))
      return `Requirements.MD ${sections.map((s) => `§${s.number} (${s.title})`).join(', ')}`
    }
    case 'named': {
      const section = random.pick(plan.context.sections)
      return random.chance(0.5) ? `CONTEXT.md §${section.title}` : `CONTEXT.md § ${section.title}`
    }
    case 'appendix':
      return random.pick(['§A', 'Appendix §B', '§B.2', 'the release checklist in §B.2'])
    case 'standard': {
      const standard = random.pick(plan.standards)
      return `${standard.name} §${pickSection(random, standard).number}`
    }
    case 'unknown':
      return `§${numbered(sop, 2).length + random.int(3, 9)}.${random.int(1, 9)}`
    case 'placeholder':
      return random.pick(['the relevant SOP sections (§XX)', '§N', 'the relevant section (§XX)'])
    case 'foreign':
      return random.pick([
        'the testing plan in design doc §8',
        "the RFC's §4",
        'the vendor spec §3.2',
      ])
  }
}

/**
 * One requirement mention: mostly defined IDs (plain, bold, in brackets,
 * with pasted non-ASCII hyphens), non-functional IDs, and a few wildcards,
 * ranges, compound test IDs and never-defined IDs.
 */
export function requirementRef(context: WriteContext): string {
  const { random, plan } = context
  const known = () => random.pick(plan.requirements).id
  const form = pickWeighted(random, [
    [50, 'known'],
    [8, 'bracketed'],
    [15, 'nfr'],
    [4, 'hyphens'],
    [3, 'wildcard'],
    [3, 'range'],
    [4, 'unknown'],
    [3, 'compound'],
  ] as const)
  switch (form) {
    case 'known':
      return known()
    case 'bracketed':
      return `(${known()})`
    case 'nfr':
      return random.pick(plan.nfrIds)
    case 'hyphens':
      return known().replace(/-/g, random.pick(['\u2011', '\u2013', '\u2010']))
    case 'wildcard':
      return 'CLD-REQ-*'
    case 'range': {
      const [a, b] = random.sample(plan.requirements, 2).sort((x, y) => x.id.localeCompare(y.id))
      return a && b ? `${a.id} to ${b.id}` : known()
    }
    case 'unknown':
      return random.pick(plan.unknownIds)
    case 'compound':
      return `${known()}-TC-${String(random.int(1, 40)).padStart(3, '0')}`
  }
}

/** One sentence; sometimes carries a section reference or a requirement mention. */
export function sentence(context: WriteContext, density = 1): string {
  const { random } = context
  const modal = random.pick(['must', 'should', 'must', 'may', 'must never', 'is expected to'])
  let text = `${random.pick(subjects)} ${modal} ${random.pick(predicates)}`
  if (random.chance(0.4)) text += ` ${random.pick(tails)}`
  if (random.chance(0.35 * density)) {
    const ref = sectionRef(context)
    text = pickWeighted(random, [
      [3, `${text} (${ref})`],
      [2, `${text}, as ${ref} requires`],
      [2, `${text}; see ${ref}`],
      [1, `Following ${ref}, ${lowerFirst(text)}`],
    ] as const)
  }
  if (random.chance(0.25 * density)) {
    const req = requirementRef(context)
    text = random.chance(0.5) ? `${text} to meet ${req}` : `${text} (${req})`
  }
  return `${text}.`
}

/** A paragraph of 2–5 sentences. */
export function paragraph(context: WriteContext, density = 1): string {
  const count = context.random.int(2, 5)
  return Array.from({ length: count }, () => sentence(context, density)).join(' ')
}

/** A bullet list of short rules, sometimes as a do/don't list marked with ✅ and ❌. */
export function ruleList(context: WriteContext): string {
  const { random } = context
  const items = random.int(3, 6)
  const dos = random.chance(0.3)
  return Array.from({ length: items }, (_, i) => {
    const text = sentence(context)
    if (!dos) return `- ${text}`
    return `- ${i % 2 === 0 ? '✅' : '❌'} ${text}`
  }).join('\n')
}

/**
 * A table whose cells cite sections, introduced by a paragraph naming the
 * document (docs/authoring.md, "Which document a bare `§N` means", rule 3). One
 * row in ten carries a stale title.
 */
export function sectionTable(context: WriteContext): string {
  const { random, plan } = context
  const rows = random.sample(
    plan.sop.sections.filter((s) => s.number && /^\d/.test(s.number)),
    random.int(3, 7),
  )
  const lines = rows.map((section) => {
    const title = random.chance(0.1) ? random.pick(plan.sop.sections).title : section.title
    return `| §${section.number} | ${title} | ${random.chance(0.3) ? requirementRef(context) : random.pick(['must', 'should', 'may'])} |`
  })
  return [
    `Each role enforces these ENGINEERING_SOP.md sections:`,
    '',
    '| Section | Topic | Level |',
    '| --- | --- | --- |',
    ...lines,
  ].join('\n')
}

/**
 * A code sample marked in one of the ways of docs/authoring.md ("Good and bad
 * code samples"): regions in Go, shell, SQL, YAML and plain text; a label
 * paragraph before an unmarked block; a verdict in the info string; or no
 * marker at all.
 */
export function codeSample(context: WriteContext): string {
  const { random } = context
  const name = random.pick(codeNames)
  const fn = `${name[0]!.toUpperCase()}${name.slice(1)}`
  const goodGo = [
    `func (s *Service) Load${fn}(ctx context.Context, id string) (*${fn}, error) {`,
    `\t${name}, err := s.store.Get${fn}(ctx, id)`,
    '\tif err != nil {',
    `\t\treturn nil, fmt.Errorf("load ${name} %s: %w", id, err)`,
    '\t}',
    `\treturn ${name}, nil`,
    '}',
  ]
  const badGo = [
    `func (s *Service) Load${fn}(id string) *${fn} {`,
    `\t${name}, _ := s.store.Get${fn}(context.Background(), id) // NO!`,
    `\treturn ${name}`,
    '}',
  ]
  const reason = random.pick([
    'wrapped error',
    'context-based cancellation',
    'bounded worker pool',
    'deferred error check',
    'I/O under lock',
    'swallowed error',
  ])
  const fence = (lang: string, lines: string[], meta = '') =>
    ['```' + lang + (meta ? ` ${meta}` : ''), ...lines, '```'].join('\n')
  const form = pickWeighted(random, [
    [5, 'mixed-go'],
    [3, 'emoji-go'],
    [2, 'shell'],
    [1, 'sql'],
    [1, 'yaml'],
    [2, 'label'],
    [1, 'plain-text'],
    [1, 'info-string'],
    [1, 'not-markers'],
    [3, 'illustration'],
  ] as const)
  switch (form) {
    case 'mixed-go':
      return fence('go', [`// Bad - ${reason}`, ...badGo, '', `// Good - ${reason}`, ...goodGo])
    case 'emoji-go':
      return fence(
        'go',
        random.chance(0.5)
          ? [`// ✅ Good - ${reason}`, ...goodGo]
          : [`// ❌ Bad - ${reason}`, ...badGo],
      )
    case 'shell':
      return fence('bash', [
        '# ✅ Good - run the pinned tools through the Makefile',
        'make lint',
        '',
        '# ❌ Bad - an unpinned tool from the PATH',
        'golangci-lint run ./...',
      ])
    case 'sql':
      return fence('sql', [
        '-- Bad: implicit cast defeats the index',
        `SELECT * FROM ${name}s WHERE id = 42;`,
        '-- Good: typed parameter',
        `SELECT id, tenant FROM ${name}s WHERE id = $1;`,
      ])
    case 'yaml':
      return fence('yaml', [
        '# ✅ Good',
        `${name}:`,
        '  token_ref: vault://cp/token',
        '# ❌ Bad',
        `${name}:`,
        '  token: s3cr3t',
      ])
    case 'label':
      return `${random.pick(['**Bad:**', "❌ Don't", 'Incorrect example:', '**Good:**'])}\n\n${fence('go', random.chance(0.5) ? badGo : goodGo)}`
    case 'plain-text':
      return fence('text', [
        `✅ PARALLEL: load ${name}s with a bounded pool`,
        `❌ SEQUENTIAL: load ${name}s one at a time`,
      ])
    case 'info-string':
      return fence('go', badGo, 'verdict=bad')
    case 'not-markers':
      return fence('go', [
        "// Keep critical sections small - DON'T hold locks across I/O",
        "// Don't fail the heartbeat on probe errors",
        ...goodGo,
      ])
    case 'illustration':
      return fence('go', goodGo)
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
