import type { NativeRehypePlugin } from '../satteri/native-rehype.ts'
import { reportMessages, type Options } from './index.ts'

/** `rehypeReportMessages` as Sätteri runs it natively: it reads the page's file, not its tree. */
export function satteriReportMessages(options: Options): NativeRehypePlugin {
  return {
    tags: [],
    page: (file) => ({ finish: () => reportMessages(options.collector, file) }),
  }
}
