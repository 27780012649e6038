import { defineRouteMiddleware } from '@astrojs/starlight/route-data'
import type { StarlightRouteData } from '@astrojs/starlight/route-data'
import { documentKinds, kindLabels } from '../../core/config/schema.ts'
import {
  kindIndexLabel,
  kindIndexRoute,
  windowKindLinks,
} from '../../core/navigation/sidebar-window.ts'
import { pageUrl } from '../lib/urls.ts'

type SidebarEntry = StarlightRouteData['sidebar'][number]
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>

/** The kind groups `buildSidebar` makes (integration/create-handbook.ts), by their label. */
const kindsByLabel = new Map(documentKinds.map((kind) => [kindLabels[kind], kind]))

/**
 * Starlight route middleware (the `routeMiddleware` option in astro.config.mjs): on every
 * page, the group of a kind with many documents becomes a link to the kind's index page and
 * a window of the documents around the current page (`windowKindLinks`,
 * core/navigation/sidebar-window.ts), so a page's sidebar stays the same size however large
 * the handbook grows. Small kinds, "Start here" and Reference are left as they are.
 *
 * Starlight marks the current page and computes "previous" and "next" from the whole
 * sidebar before this runs, so both keep working across the window; the index link is
 * ours, so we mark it on the index page.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute
  const here = withoutTrailingSlash(context.url.pathname)
  route.sidebar = route.sidebar.map((entry) => {
    if (entry.type !== 'group') return entry
    const kind = kindsByLabel.get(entry.label)
    if (!kind) return entry
    const links = entry.entries.filter((item): item is SidebarLink => item.type === 'link')
    const shown = windowKindLinks(links)
    if (!shown.windowed) return entry
    const href = pageUrl(kindIndexRoute(kind))
    const index: SidebarLink = {
      type: 'link',
      label: kindIndexLabel(kind, links.length),
      href,
      isCurrent: withoutTrailingSlash(href) === here,
      badge: undefined,
      attrs: { class: 'hb-sidebar-index' },
    }
    return { ...entry, entries: [index, ...shown.links] }
  })
})

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path
}
