import { z } from 'zod'
import { ruleIds, ruleLevels, rules, type RuleId } from '../diagnostics/rules.ts'

/** The kinds of document a handbook holds, in the order the sidebar shows them. */
export const documentKinds = ['sop', 'requirements', 'role', 'design', 'guide'] as const

export type DocumentKind = (typeof documentKinds)[number]

/** Sidebar group label for each kind. */
export const kindLabels: Record<DocumentKind, string> = {
  sop: 'Standards',
  requirements: 'Requirements',
  role: 'Roles',
  design: 'Design',
  guide: 'Guides',
}

const documentGroupSchema = z
  .strictObject({
    kind: z.enum(documentKinds).describe('What the matched documents are.'),
    include: z
      .array(z.string().min(1))
      .min(1)
      .describe(
        'Glob patterns relative to the content root. `*.md` also matches `X.MD`; dot-folders are matched.',
      ),
  })
  .describe('A group of documents of one kind.')

const ruleLevelSchema = z.enum(ruleLevels)

/**
 * `"rules"`: one optional key per registered rule, each described with the
 * rule's meaning and default, so editors complete and explain them.
 */
const ruleLevelsSchema = z
  .strictObject(
    Object.fromEntries(
      ruleIds.map((id) => [
        id,
        ruleLevelSchema
          .optional()
          .describe(
            `${rules[id].meaning} Default: ${rules[id].severity}. See docs/diagnostics.md#${id}.`,
          ),
      ]),
    ) as Record<RuleId, z.ZodOptional<typeof ruleLevelSchema>>,
  )
  .default({})
  .describe(
    'Severity per rule: "off", "warn" or "error", e.g. { "stale-section-title": "off" }. Rules not named keep their default.',
  )

/**
 * The shape of `handbook.config.json`. Kept strict so that a misspelt key is
 * reported instead of silently ignored.
 */
export const handbookConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    title: z.string().min(1).default('Handbook').describe('Site title.'),
    description: z.string().optional().describe('One sentence about the handbook.'),
    documents: z.array(documentGroupSchema).min(1).describe('Which files become pages.'),
    aliases: z
      .record(z.string().min(1), z.string().min(1))
      .default({})
      .describe('Short names authors use for documents, e.g. { "SOP": "ENGINEERING_SOP.md" }.'),
    defaultSectionTarget: z
      .string()
      .optional()
      .describe('The document a bare `§N` means when nothing else names one.'),
    requirementPatterns: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Regular expressions (without flags) matching requirement IDs, e.g. "CLD-REQ-\\\\d{3}".',
      ),
    editUrl: z
      .string()
      .optional()
      .describe(
        'Prefix of edit links; the document path relative to the content root is appended.',
      ),
    base: z.string().optional().describe('Sub-path the site is served under, e.g. "/handbook/".'),
    site: z
      .url()
      .optional()
      .describe('Full URL the handbook is published at; enables the sitemap and canonical links.'),
    strict: z
      .boolean()
      .default(false)
      .describe('Fail `npm run check` and the build on warnings too.'),
    rules: ruleLevelsSchema,
  })
  .describe('Cloudless Handbook configuration')

/** Parsed and defaulted configuration. */
export type HandbookConfig = z.output<typeof handbookConfigSchema>

/** The JSON Schema published as `handbook.schema.json` for editor completion. */
export function buildConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(handbookConfigSchema, { io: 'input', target: 'draft-7' }) as Record<
    string,
    unknown
  >
}

/** The configuration file's name, at the content root. */
export const configFileName = 'handbook.config.json'
