import { defineCollection } from 'astro:content'
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema'
import { resolveContentRoot } from '../io/load-config.ts'
import { handbookEntrySchema, handbookLoader } from '../integration/content-loader.ts'

// Starlight's docs collection, filled from the handbook's own repository
// layout instead of src/content/docs.
export const collections = {
  docs: defineCollection({
    loader: handbookLoader({ contentRoot: resolveContentRoot() }),
    schema: buildOnce(docsSchema({ extend: handbookEntrySchema })),
  }),
  // Starlight reads its UI-string overrides from an `i18n` collection, and Astro warns when that
  // is missing or empty. One empty entry for the site's language overrides nothing.
  i18n: defineCollection({
    loader: {
      name: 'handbook-ui-strings',
      load: async ({ store }) => void store.set({ id: 'en', data: {} }),
    },
    schema: i18nSchema(),
  }),
}

/**
 * Astro builds a collection's schema again for every entry when the schema is a function, to
 * give each entry an `image()` that resolves images next to its file; building Starlight's
 * schema cost 1.2 s per 1000 entries, in every build and `astro dev` start. Our loader never
 * passes an image field (its data is the title, description, edit link, head and handbook
 * fields it derives), so the first schema built serves every entry.
 */
function buildOnce<Context, Schema>(build: (context: Context) => Schema) {
  let built: Schema | undefined
  return (context: Context): Schema => (built ??= build(context))
}
