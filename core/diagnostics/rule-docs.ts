import { messageSource } from './diagnostics.ts'
import { ruleIds, rules, type RuleArea, type RuleDefinition, type RuleId } from './rules.ts'

/** The markers between which `docs/diagnostics.md` holds the generated rule pages. */
export const ruleDocsMarkers = {
  start: '<!-- rules:start (generated from core/diagnostics/rules.ts by `npm run schema`) -->',
  end: '<!-- rules:end -->',
}

const severityWords = { error: 'error', warning: 'warning', info: 'info' } as const

/**
 * The rule pages as markdown: an index table, then one section per rule
 * (meaning, example and what the report says, fix, how to silence it,
 * default severity), grouped by area in registry order.
 */
export function buildRuleDocs(): string {
  const lines: string[] = []
  lines.push('| rule | default | meaning |', '| --- | --- | --- |')
  for (const id of ruleIds) {
    const rule: RuleDefinition = rules[id]
    lines.push(
      `| [\`${id}\`](#${id}) | ${severityWords[rule.severity]} | ${escapeCell(rule.meaning)} |`,
    )
  }
  const areas = [...new Set(ruleIds.map((id) => rules[id].area))] as RuleArea[]
  for (const area of areas) {
    lines.push('', `### ${area}`)
    for (const id of ruleIds.filter((candidate) => rules[candidate].area === area)) {
      lines.push('', ...buildRulePage(id))
    }
  }
  return lines.join('\n')
}

function buildRulePage(id: RuleId): string[] {
  const rule: RuleDefinition = rules[id]
  const fence = rule.example.includes('```') ? '````' : '```'
  const lines = [
    `#### ${id}`,
    '',
    `**Default severity:** ${severityWords[rule.severity]}. ${rule.meaning}`,
    '',
    'Triggered by:',
    '',
    `${fence}${rule.exampleLanguage ?? 'md'}`,
    rule.example,
    fence,
  ]
  if (rule.exampleMessage) {
    lines.push(
      '',
      'Reported as:',
      '',
      '```text',
      `${exampleFile(rule)}  ${severityWords[rule.severity]}  ${rule.exampleMessage}  ${messageSource}:${id}`,
      '```',
    )
  }
  lines.push('', `**Fix:** ${rule.fix}`)
  if (rule.notes) lines.push('', rule.notes)
  lines.push('', `**Silence:** ${describeSilencing(id, rule)}`)
  return lines
}

function exampleFile(rule: RuleDefinition): string {
  if (rule.location === 'config') return 'handbook.config.json'
  if (rule.location === 'file') return 'docs/example.md'
  return 'docs/example.md:12:5'
}

function describeSilencing(id: RuleId, rule: RuleDefinition): string {
  const config = `\`"rules": { "${id}": "off" }\` in \`handbook.config.json\` turns it off everywhere (\`"warn"\` or \`"error"\` changes its severity)`
  if (rule.location === 'line') {
    return `${config}; \`<!-- handbook-ignore-next-line ${id} -->\` on the line above silences one place.`
  }
  if (rule.location === 'file') {
    return `${config}. It names a whole file, not a line, so a comment cannot silence it.`
  }
  return `${config}. It is about the configuration itself, so fixing the configuration is better.`
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

/**
 * `docs/diagnostics.md` with its generated part replaced by `generated`
 * (the text between the markers); throws when the markers are missing.
 */
export function replaceGeneratedPart(document: string, generated: string): string {
  const start = document.indexOf(ruleDocsMarkers.start)
  const end = document.indexOf(ruleDocsMarkers.end)
  if (start === -1 || end < start) {
    throw new Error(
      `docs/diagnostics.md lacks the markers ${ruleDocsMarkers.start} … ${ruleDocsMarkers.end}`,
    )
  }
  return `${document.slice(0, start + ruleDocsMarkers.start.length)}\n\n${generated}\n\n${document.slice(end)}`
}
