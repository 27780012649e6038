// @ts-check
// The site's own config with one change: a private cache folder. `astro build`
// keeps its content store in `cacheDir` (default node_modules/.astro), so a
// benchmark build running while someone else builds would read their entries
// ("slug … does not exist"). Root, plugins and everything else are the same,
// because the root is the working directory, not this file's folder.
import config from '../../astro.config.mjs'

export default {
  ...config,
  cacheDir: process.env.HANDBOOK_BENCH_CACHE_DIR ?? config.cacheDir,
}
