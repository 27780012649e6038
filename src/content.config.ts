import { defineCollection } from 'astro:content'
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema'
import { resolveContentRoot } from '../io/load-config.ts'
import { handbookEntrySchema, handbookLoader } from '../integration/content-loader.ts'

// Starlight's docs collection, filled from the handbook's own repository
// layout instead of src/content/docs.
export const collections = {
  docs: defineCollection({
    loader: handbookLoader({ contentRoot: resolveContentRoot() }),
    schema: docsSchema({ extend: handbookEntrySchema }),
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
