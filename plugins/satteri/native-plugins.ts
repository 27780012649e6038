import { rehypePreviews } from '../rehype-previews/index.ts'
import { satteriPreviews } from '../rehype-previews/satteri.ts'
import { rehypeReportMessages } from '../rehype-report-messages/index.ts'
import { satteriReportMessages } from '../rehype-report-messages/satteri.ts'
import { rehypeSearchIndex } from '../rehype-search-index/index.ts'
import { satteriSearchIndex } from '../rehype-search-index/satteri.ts'
import { rehypeTaskListLabels } from '../rehype-task-list-labels/index.ts'
import { satteriTaskListLabels } from '../rehype-task-list-labels/satteri.ts'
import type { PluginList } from '../index.ts'
import type { NativeRehypePlugin } from './native-rehype.ts'

// Each rehype plugin of plugins/index.ts and its native Sätteri form, made from the same options.
const nativeForms = new Map<unknown, (options: never) => NativeRehypePlugin>([
  [rehypeSearchIndex, satteriSearchIndex],
  [rehypePreviews, satteriPreviews],
  [rehypeTaskListLabels, satteriTaskListLabels],
  [rehypeReportMessages, satteriReportMessages],
])

/**
 * The native Sätteri forms of a rehype plugin list, in order, or undefined when a plugin in it
 * has none (the adapter then runs the list as unified plugins over a copy of the tree).
 */
export function toNativeRehypePlugins(list: PluginList): NativeRehypePlugin[] | undefined {
  const natives: NativeRehypePlugin[] = []
  for (const [attacher, options] of list) {
    const form = nativeForms.get(attacher)
    if (!form) return undefined
    natives.push(form(options as never))
  }
  return natives
}
