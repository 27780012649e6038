// The layers, lowest first: core (pure) <- io (files, git) <- plugins (remark/rehype wiring)
// <- integration and check (Astro; the CLI) <- src (pages) and scripts. Imports point down only.
// `npm test` runs this through `npm run lint:layers`; docs/architecture.md explains the layers.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood or tested one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ holds the grammar, index, resolution and classification: no other layer.',
      from: { path: '^core/' },
      to: { path: '^(io|plugins|integration|check|src|scripts|test)/' },
    },
    {
      name: 'core-reads-no-files',
      severity: 'error',
      comment: 'core/ takes data and returns data; reading files and running git is io/.',
      from: { path: '^core/' },
      to: { path: '^(node:)?(fs|child_process|fs/promises)$', dependencyTypes: ['core'] },
    },
    {
      name: 'core-knows-no-astro',
      severity: 'error',
      comment: 'core/ must run without Astro, Starlight or Expressive Code (npm run check, tests).',
      from: { path: '^core/' },
      to: { path: 'node_modules/(astro|@astrojs|expressive-code|rehype-expressive-code)/' },
    },
    {
      name: 'io-above-core-only',
      severity: 'error',
      from: { path: '^io/' },
      to: { path: '^(plugins|integration|check|src|scripts|test)/' },
    },
    {
      name: 'plugins-above-core-only',
      severity: 'error',
      comment: 'Plugins get the index through their options, never by loading it themselves.',
      from: { path: '^plugins/' },
      to: { path: '^(io|integration|check|src|scripts|test)/' },
    },
    {
      name: 'integration-below-pages',
      severity: 'error',
      comment: 'The integration may run the check (the dev server prints its report), not pages.',
      from: { path: '^integration/' },
      to: { path: '^(src|scripts|test)/' },
    },
    {
      name: 'check-without-astro',
      severity: 'error',
      comment: 'npm run check loads the configuration, the index and the analysis only.',
      from: { path: '^check/' },
      to: { path: '^(integration|src|scripts|test)/|node_modules/(astro|@astrojs/starlight)/' },
    },
    {
      name: 'pages-not-scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.astro|test/fixtures/.*\\.md)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro'] },
  },
}
