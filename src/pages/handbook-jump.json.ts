import type { APIRoute } from 'astro'
import siteData from 'virtual:handbook/site-data'
import { buildJumpIndex } from '../../core/search/jump-index.ts'

// The exact-jump index the search dialog fetches when it first opens: every section number,
// requirement ID, document and role name, with URLs under the site's base path.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildJumpIndex(siteData, import.meta.env.BASE_URL)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
