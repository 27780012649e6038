/**
 * The Expressive Code options the handbook renders code with, shared by the site
 * (`starlight({ expressiveCode })` in `astro.config.mjs`) and the fixture tests, so that both
 * draw the same frames.
 *
 * Every line of a code block stays in the block, and a frame title comes only from the author's
 * `title="…"` or from our verdict (`remarkCodeSamples`): never from the code, and never empty.
 */

import { LanguageGroups, type RehypeExpressiveCodeOptions } from 'rehype-expressive-code'

/** The options; plain data, because Astro serialises them for Starlight's `<Code>` component. */
export const expressiveCodeOptions = {
  frames: {
    // Expressive Code moves a first-line comment that looks like a file name into the frame
    // title and deletes it from the code: `// Bad - stutters at every call site:
    // registry.RegistryNode` became a tab "registry.RegistryNode" and lost its marker line.
    extractFileNameFromCode: false,
  },
  defaultProps: {
    overridesByLang: {
      // A terminal frame always draws a title bar, empty when the block has no title (every
      // untitled `bash`/`sh` block). Shell code gets the editor frame instead, which shows a bar
      // only for a title; `frame="terminal"` in the meta still asks for the terminal look.
      [LanguageGroups.terminal.join(',')]: { frame: 'code' },
    },
  },
  styleOverrides: {
    textMarkers: {
      // The ✓/✗ a trailing comment's line carries in its gutter (`del={"✗":3}`) sits on the
      // marker's mid-tone accent colour: Expressive Code's white gives it about 3.8:1 in the
      // light theme; black there (and white in the dark theme) gives it more than 4.5:1.
      // Values are [dark theme, light theme].
      lineMarkerLabelColor: ['white', 'black'],
    },
  },
} satisfies Pick<RehypeExpressiveCodeOptions, 'frames' | 'defaultProps' | 'styleOverrides'>
