import type { Root } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import { toHtml } from 'hast-util-to-html'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { sectionKey } from '../../core/analysis/citations.ts'
import { parseMarkdown } from '../../core/markdown/parse.ts'
import type { HandbookIndex } from '../../core/handbook-index.ts'
import { remarkRoleBadges } from '../../plugins/remark-role-badges/index.ts'
import { toSiteRoles } from '../../core/reading/site-roles.ts'
import { accentContrast, contrast, parseColor, toRoleAccent } from '../../core/roles/accent.ts'
import { toReadingRuns } from '../../src/components/onboarding/reading.ts'
import { buildSampleDocument, buildSampleIndex } from './helpers/sample-index.ts'

describe('toRoleAccent', () => {
  const backgrounds = {
    light: [
      [255, 255, 255],
      [246, 247, 249],
    ],
    dark: [
      [23, 24, 28],
      [35, 38, 47],
    ],
  } as const

  test.each([
    'blue',
    'yellow',
    'red',
    'green',
    'orange',
    'purple',
    'white',
    'black',
    '#abc',
    '#1E90FF',
  ])('%s meets 4.5:1 in both themes and keeps its hue', (color) => {
    const accent = toRoleAccent(color)
    for (const theme of ['light', 'dark'] as const) {
      const rgb = parseColor(accent[theme])!
      for (const background of backgrounds[theme]) {
        expect(contrast(rgb, background)).toBeGreaterThanOrEqual(accentContrast)
      }
    }
  })

  test('the hue is the author’s, the shade Starlight’s; unknown colours become grey', () => {
    // Blue keeps its hue in both themes, in the saturation of Starlight's hue colours.
    expect(toRoleAccent('blue')).toEqual({ light: '#1919e6', dark: '#8282f3' })
    // Pure yellow would glow on the dark page: it gets Starlight's softer shade there, and is
    // darkened in the light theme until it reads as text.
    const yellow = toRoleAccent('yellow')
    expect(yellow.dark).not.toBe('#ffff00')
    expect(yellow.light).not.toBe('#ffff00')
    const unknown = toRoleAccent('chartreuse-ish')
    const [red, green, blue] = parseColor(unknown.light)!
    expect(red === green && green === blue).toBe(true)
    expect(toRoleAccent(undefined)).toEqual(unknown)
  })
})

const parse = parseMarkdown

describe('remarkRoleBadges', () => {
  const engineer = buildSampleDocument('.agents/engineer.md', [], { kind: 'role' })
  engineer.title = 'Engineer'
  engineer.name = 'engineer'
  engineer.color = 'blue'
  engineer.route = 'agents/engineer'
  const lead = buildSampleDocument('.agents/tech-lead.md', [], { kind: 'role' })
  lead.title = 'Tech Lead'
  lead.route = 'agents/tech-lead'
  const index = buildSampleIndex({ extraDocuments: [engineer, lead] })
  const sop = index.documentsByPath.get('ENGINEERING_SOP.md')!
  const heading = (number: string) => sop.headings.find((h) => h.number === number)!
  const store = {
    get: () =>
      ({
        index,
        requiredReading: {
          byGuide: new Map(),
          readersBySection: new Map([
            [sectionKey(sop.path, heading('4').id), [engineer.path, lead.path]],
          ]),
        },
      }) as unknown as HandbookIndex,
  }

  /** Renders the SOP's headings with the plugin, the way the page gets them. */
  function render(kind: string, base = '/'): string {
    // Put each heading on the line the index has for it.
    const lines: string[] = []
    for (const info of sop.headings) {
      while (lines.length < info.line - 1) lines.push('')
      lines.push(`${'#'.repeat(info.depth)} ${info.text}`)
    }
    const tree = parse(lines.join('\n'))
    const file = new VFile({
      data: {
        astro: { frontmatter: { handbook: { path: sop.path, kind, route: 'sop', lineOffset: 0 } } },
      },
    })
    remarkRoleBadges({ store, base })(tree, file)
    return toHtml(toHast(tree))
  }

  test('adds a line of role badges right after the section’s heading, and nowhere else', () => {
    const html = render('sop')
    expect(html.match(/class="hb-readers"/g)).toHaveLength(1)
    expect(html).toContain(
      `<h2>4. Error Handling Policy</h2>\n<p class="hb-readers" data-readers-for="${heading('4').id}" data-pagefind-ignore="">`,
    )
    expect(html).toMatch(/<span class="hb-readers__label">Required reading for:<\/span>/)
    expect(html).toMatch(
      /<a href="\/agents\/engineer\/"[^>]*class="hb-role-badge" data-role="engineer"[^>]*>Engineer<\/a>/,
    )
    expect(html).toMatch(/<a href="\/agents\/tech-lead\/"[^>]*>Tech Lead<\/a>/)
  })

  test('links honour the base path; role guides get no badges', () => {
    expect(render('sop', '/handbook/')).toContain('href="/handbook/agents/engineer/"')
    expect(render('role')).not.toContain('hb-readers')
  })
})

describe('toSiteRoles and toReadingRuns', () => {
  const guide = buildSampleDocument('.agents/lead.md', [], { kind: 'role' })
  guide.color = 'orange'
  const index = buildSampleIndex({ extraDocuments: [guide] })
  const sop = index.documentsByPath.get('ENGINEERING_SOP.md')!
  const item = (number: string, range?: { from: string; to: string }) => {
    const heading = sop.headings.find((h) => h.number === number)!
    return {
      document: sop.path,
      headingId: heading.id,
      number,
      title: heading.title,
      fingerprint: heading.fingerprint,
      line: 1,
      ...(range ? { range } : {}),
    }
  }
  const range = { from: '3', to: '4' }
  const [role] = toSiteRoles(index, {
    byGuide: new Map([
      [
        guide.path,
        {
          guide: guide.path,
          source: 'reading-list',
          groups: [
            {
              document: sop.path,
              whole: false,
              items: [item('2'), item('3', range), item('4', range), item('12')],
            },
            { document: 'CONTEXT.md', whole: true, items: [] },
          ],
        },
      ],
    ]),
    readersBySection: new Map(),
  })

  test('gives each item the key progress is stored under, and counts sections', () => {
    expect(role).toMatchObject({ path: guide.path, sections: 4, readingSource: 'reading-list' })
    expect(role!.accent).toEqual(toRoleAccent('orange'))
    expect(role!.reading[0]!.items[0]).toMatchObject({
      key: `ENGINEERING_SOP.md#${sop.headings.find((h) => h.number === '2')!.id}`,
      route: sop.route,
    })
    expect(role!.reading[1]).toMatchObject({ document: 'CONTEXT.md', whole: true, items: [] })
  })

  test('groups a range’s items under the range', () => {
    const runs = toReadingRuns(role!.reading[0]!.items)
    expect(runs.map((run) => [run.range ?? null, run.items.map((entry) => entry.number)])).toEqual([
      [null, ['2']],
      [range, ['3', '4']],
      [null, ['12']],
    ])
  })
})
