import { defineCollection } from 'astro:content'
import { docsSchema } from '@astrojs/starlight/schema'
import { resolveContentRoot } from '../io/load-config.ts'
import { handbookEntrySchema, handbookLoader } from '../integration/content-loader.ts'

// Starlight's docs collection, filled from the handbook's own repository
// layout instead of src/content/docs.
export const collections = {
  docs: defineCollection({
    loader: handbookLoader({ contentRoot: resolveContentRoot() }),
    schema: docsSchema({ extend: handbookEntrySchema }),
  }),
}
