import type { Link, Paragraph, PhrasingContent } from 'mdast'
import type { DocumentInfo } from '../../core/documents/types.ts'
import { joinBase } from '../../core/links.ts'
import { toRoleAccent } from '../../core/roles/accent.ts'

/**
 * The line under a section heading that names the roles that must read it:
 * `Required reading for: [Engineer] [Tech Lead]`, each a link to the role's
 * page. The role's name is the cue; its colour only marks the badge's edge.
 * Search skips the line.
 */
export function buildReadersLine(
  headingId: string,
  roles: readonly DocumentInfo[],
  base: string,
): Paragraph {
  const children: PhrasingContent[] = [
    {
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['hb-readers__label'] } },
      children: [{ type: 'text', value: 'Required reading for:' }],
    },
  ]
  for (const role of roles) {
    children.push({ type: 'text', value: ' ' }, buildRoleBadge(role, base))
  }
  return {
    type: 'paragraph',
    data: {
      hName: 'p',
      hProperties: {
        className: ['hb-readers'],
        dataReadersFor: headingId,
        dataPagefindIgnore: '',
      },
    },
    children,
  }
}

/** A link to a role's page, labelled with its name and edged in its colour. */
export function buildRoleBadge(role: DocumentInfo, base: string): Link {
  const accent = toRoleAccent(role.color)
  return {
    type: 'link',
    url: joinBase(base, role.route),
    title: `${role.title}: this section is in the role's required reading`,
    data: {
      hProperties: {
        className: ['hb-role-badge'],
        dataRole: role.name ?? role.route,
        style: `--hb-role-accent-light: ${accent.light}; --hb-role-accent-dark: ${accent.dark}`,
      },
    },
    children: [{ type: 'text', value: role.title }],
  }
}
