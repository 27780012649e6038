import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import {
  markdownToMdast,
  defineHastPlugin,
  defineMdastPlugin,
  type HastPluginDefinition,
  type HastVisitorContext,
  type MdastPluginDefinition,
  type MdastVisitorContext,
} from 'satteri'
import { VFile } from 'vfile'
import type { PluginList } from '../index.ts'
import { copyTree } from './copy-tree.ts'
import { finishPunctuation, satteriFeatures } from '../../core/markdown/parse.ts'
import { applyCarryOver, prepareMarkdownTree, type CarryOver } from './carry-over.ts'
import { createNativeHastPlugins } from './native-rehype.ts'
import { toNativeRehypePlugins } from './native-plugins.ts'

/** A unified transformer as our plugins return them: mutates the tree, records on the file. */
type Transformer = (tree: never, file: VFile) => unknown

/** What the mdast pass hands the hast pass of the same document, in Sätteri's data bag. */
interface PageState {
  file: VFile
  carry: CarryOver
}

// One key in the per-document data bag: Sätteri creates the bag per compile, so nothing leaks
// from one page to the next.
const stateKey = 'handbook:unified-page'

/**
 * Runs our unified plugin list under Sätteri, unchanged: one mdast plugin runs every remark
 * transformer, in order, over a plain copy of the document's tree, and puts the result in place
 * of the root; one hast plugin does the same with the rehype transformers. Both passes share
 * one `VFile` per page, as unified's do, so the messages the remark plugins record reach the
 * rehype plugin that reports them.
 *
 * The copy is needed: Sätteri hands hooks a frozen, lazily read tree, and encodes a node it
 * handed out as a reference to the original, so a change made in place (a heading's depth, a
 * link's URL) would be lost. Where Sätteri's conversion to HTML differs from
 * `mdast-util-to-hast` (positions, table rows, tight list items; see `carry-over.ts`), the tree
 * is prepared and the difference carried over, so that the HTML is the same on both engines.
 */
export function createSatteriPlugins(plugins: {
  remarkPlugins: PluginList
  rehypePlugins: PluginList
}): {
  mdastPlugins: MdastPluginDefinition[]
  hastPlugins: HastPluginDefinition[]
  features: { -readonly [Key in keyof typeof satteriFeatures]: (typeof satteriFeatures)[Key] }
} {
  // Attached once, as unified attaches a frozen processor's plugins once.
  const remark = attach(plugins.remarkPlugins)
  const rehype = attach(plugins.rehypePlugins)
  const mdastPlugin = defineMdastPlugin({
    name: 'handbook-remark-plugins',
    // Messages point at the author's text: the copy keeps every position.
    options: { position: true },
    before(root, ctx) {
      const file = createFile(ctx)
      // The same parse of the same source, handed over as plain objects: reading Sätteri's lazy
      // tree node by node to copy it cost several times more. Ours are the first mdast plugins
      // (Astro's and Starlight's come after), so nothing has changed the tree yet.
      const copy = markdownToMdast(ctx.source, { features: satteriFeatures }) as MdastRoot
      // Sätteri was asked for quotes only (satteriFeatures): dashes and dots as unified makes them.
      finishPunctuation(copy, ctx.source)
      return runAll(remark, copy, file, (tree) => {
        const state: PageState = { file, carry: prepareMarkdownTree(tree) }
        ctx.data[stateKey] = state
        ctx.replaceNode(root, tree)
      })
    },
  })
  const hastPlugin = defineHastPlugin({
    name: 'handbook-rehype-plugins',
    before(root, ctx) {
      const state = ctx.data[stateKey] as PageState | undefined
      const tree = copyTree<HastRoot>(root)
      if (state) applyCarryOver(tree, state.carry)
      return runAll(rehype, tree, state?.file ?? createFile(ctx), (result) => {
        ctx.replaceNode(root, result)
      })
    },
  })
  // Our rehype plugins' native forms touch only the elements they read or change; a list with
  // a plugin that has none (the tests' probes) runs as unified plugins over a copy, as above.
  const natives = toNativeRehypePlugins(plugins.rehypePlugins)
  const pageState = (ctx: HastVisitorContext) =>
    (ctx.data[stateKey] as PageState | undefined) ?? { file: createFile(ctx) }
  return {
    mdastPlugins: remark.length > 0 ? [mdastPlugin] : [],
    hastPlugins: natives
      ? createNativeHastPlugins(natives, pageState)
      : rehype.length > 0
        ? [hastPlugin]
        : [],
    // The parse the index makes (core/markdown/parse.ts), so heading ids agree. A copy: Starlight
    // sets `directive` on the processor's features object in place.
    features: { ...satteriFeatures },
  }
}

function attach(list: PluginList): Transformer[] {
  return list.map(([attacher, options]) => (attacher as (options: unknown) => Transformer)(options))
}

/** The page's file as Astro's unified renderer makes it: path, body and Astro's data. */
function createFile(ctx: MdastVisitorContext | HastVisitorContext): VFile {
  return new VFile({
    ...(ctx.fileURL ? { path: ctx.fileURL } : {}),
    value: ctx.source,
    data: { astro: ctx.data['astro'] as VFile['data']['astro'] },
  })
}

/**
 * Runs the transformers in order, as unified does: a transformer may return a new tree or a
 * promise. Stays synchronous while every transformer is, so Sätteri's compile does too.
 */
function runAll<T extends object>(
  transformers: readonly Transformer[],
  tree: T,
  file: VFile,
  done: (tree: T) => void,
  from = 0,
): void | Promise<void> {
  let current = tree
  for (let index = from; index < transformers.length; index++) {
    const result = transformers[index]!(current as never, file)
    if (result instanceof Promise) {
      return result.then((value) =>
        runAll(transformers, isTree<T>(value) ? value : current, file, done, index + 1),
      )
    }
    if (isTree<T>(result)) current = result
  }
  done(current)
}

function isTree<T>(value: unknown): value is T {
  return value !== null && typeof value === 'object' && 'type' in value
}
