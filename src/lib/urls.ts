/**
 * The URL of a handbook page under the site's base path (`/handbook/` when
 * published under a sub-path), with an optional fragment.
 */
export function pageUrl(route: string, fragment?: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/')
    ? import.meta.env.BASE_URL
    : `${import.meta.env.BASE_URL}/`
  return `${base}${route ? `${route}/` : ''}${fragment ? `#${fragment}` : ''}`
}
