import type { Element, Properties } from 'hast'
import { defineHastPlugin, type HastPluginDefinition, type HastVisitorContext } from 'satteri'
import type { VFile } from 'vfile'
import { carriedTags, createCarryOverMatcher, type CarryOver } from './carry-over.ts'

/** What a rehype plugin can do to an element while Sätteri walks the page's HTML tree. */
export interface ElementTools {
  /** Sets one property; the elements this page's later visitors see read it too. */
  setProperty(node: Element, key: string, value: Properties[string]): void
  /** The text of the element's text descendants, as `hast-util-to-string` reads it. */
  textContent(node: Element): string
}

/** A rehype plugin's work on one page under Sätteri. */
export interface PageVisitor {
  /** Called for each element whose tag the plugin named, in document order. */
  element?(node: Element, tools: ElementTools): void
  /** Called once every element was visited; returns elements to append to the root. */
  finish?(): Element[] | void
}

/**
 * A rehype plugin in the form Sätteri runs natively: visitors over the elements it reads
 * or changes, so that only those cross from Rust and only what changes is written back.
 * The decisions stay in functions the unified plugin shares.
 */
export interface NativeRehypePlugin {
  /** Tag names of the elements the plugin visits (none: it only runs `finish`). */
  tags: readonly string[]
  /** The plugin's visitor for one page, or undefined when it has nothing to do there. */
  page(file: VFile): PageVisitor | undefined
}

/** What the mdast pass left for the hast pass of the same page. */
export interface NativePageState {
  file: VFile
  carry?: CarryOver
}

/**
 * Runs the rehype plugins' native forms as two Sätteri hast plugins. The first counts the
 * elements the carry-over matches to markdown nodes (so a kind whose counts differ is left
 * alone, as `applyCarryOver` does); the second walks the union of every plugin's tags once,
 * gives each element what the carry-over holds for it, then hands it to each plugin in list
 * order, and appends what the plugins return to the root. Nothing is copied and the root is
 * not replaced: Sätteri writes back only the properties and elements that were set.
 */
export function createNativeHastPlugins(
  plugins: readonly NativeRehypePlugin[],
  pageState: (ctx: HastVisitorContext) => NativePageState,
): HastPluginDefinition[] {
  if (plugins.length === 0) return []
  // One key per render in Sätteri's per-document data bag.
  const countsKey = 'handbook:carried-counts'
  const visitsKey = 'handbook:native-rehype'
  const tags = [...new Set([...carriedTags, ...plugins.flatMap((plugin) => plugin.tags)])]
  const counter = defineHastPlugin({
    name: 'handbook-carry-over-count',
    element: {
      filter: [...carriedTags],
      visit(node, ctx) {
        const counts = (ctx.data[countsKey] ??= new Map()) as Map<string, number>
        counts.set(node.tagName, (counts.get(node.tagName) ?? 0) + 1)
      },
    },
  })
  interface Visits {
    visitors: Array<{ tags: ReadonlySet<string>; visitor: PageVisitor }>
    carry: ((node: Element) => Properties | undefined) | undefined
  }
  // Made at the page's first visited element, or in `after` on a page without one: a `before`
  // hook would cost Sätteri one more pass over the tree.
  const visitsOf = (ctx: HastVisitorContext): Visits => {
    const made = ctx.data[visitsKey] as Visits | undefined
    if (made) return made
    const state = pageState(ctx)
    const counts = (ctx.data[countsKey] as Map<string, number> | undefined) ?? new Map()
    const visits: Visits = {
      visitors: plugins.flatMap((plugin) => {
        const visitor = plugin.page(state.file)
        return visitor ? [{ tags: new Set(plugin.tags), visitor }] : []
      }),
      carry: state.carry && createCarryOverMatcher(state.carry, counts),
    }
    ctx.data[visitsKey] = visits
    return visits
  }
  const runner = defineHastPlugin({
    name: 'handbook-rehype-plugins',
    element: {
      filter: tags,
      visit(node, ctx) {
        const { visitors, carry } = visitsOf(ctx)
        const element = node as Element
        const tools: ElementTools = {
          setProperty(target, key, value) {
            // Child nodes Sätteri hands out are frozen; the visited element is not.
            if (!Object.isFrozen(target.properties)) target.properties[key] = value
            if (value !== undefined && value !== null) ctx.setProperty(target, key, value)
          },
          textContent: (target) => ctx.textContent(target),
        }
        const extra = carry?.(element)
        if (extra)
          for (const [key, value] of Object.entries(extra)) tools.setProperty(element, key, value)
        for (const { tags, visitor } of visitors) {
          if (tags.has(element.tagName)) visitor.element?.(element, tools)
        }
      },
    },
    after(root, ctx) {
      const { visitors } = visitsOf(ctx)
      const appended = visitors.flatMap(({ visitor }) => visitor.finish?.() ?? [])
      if (appended.length > 0) ctx.appendChild(root, appended)
    },
  })
  return [counter, runner]
}
