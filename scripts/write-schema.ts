// `npm run schema`: writes handbook.schema.json from the zod schema, for editor completion.
import { writeFileSync } from 'node:fs'
import { buildConfigJsonSchema } from '../core/config/schema.ts'

writeFileSync('handbook.schema.json', `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`)
console.log('Wrote handbook.schema.json')
