// @ts-check
// The site's own config with private cache folders. `astro build` keeps its content store in
// `cacheDir` (default node_modules/.astro), so a benchmark build running while someone else
// builds would read their entries ("slug … does not exist"); Vite keeps its dependency cache in
// node_modules/.vite, which `astro dev` fills on its first start (the bench empties a private one
// to time a cold start). Root, plugins and everything else are the same, because the root is the
// working directory, not this file's folder.
import config from '../../astro.config.mjs'

const viteCacheDir = process.env.HANDBOOK_BENCH_VITE_CACHE_DIR

export default {
  ...config,
  cacheDir: process.env.HANDBOOK_BENCH_CACHE_DIR ?? config.cacheDir,
  ...(viteCacheDir ? { vite: { ...config.vite, cacheDir: viteCacheDir } } : {}),
}
