import type { Heading, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

/**
 * The body's opening `# heading` when it only restates the page title that Starlight already
 * shows as the page's `<h1>`: a role guide titled "Engineer" (from `name: engineer`) that opens
 * with `# Engineer Agent`. Only a heading before any other content counts; it restates the
 * title when the words of one contain the words of the other (case and punctuation ignored).
 */
export function findRestatedTitle(tree: Root, title: string | undefined): Heading | undefined {
  if (!title) return undefined
  const first = tree.children.find((node) => !isInvisible(node))
  if (first?.type !== 'heading' || first.depth !== 1) return undefined
  const heading = words(toString(first))
  const wanted = words(title)
  if (heading.length === 0 || wanted.length === 0) return undefined
  const contains = (outer: string[], inner: string[]) => inner.every((word) => outer.includes(word))
  return contains(heading, wanted) || contains(wanted, heading) ? first : undefined
}

/** Comments and link definitions show nothing, so a heading after them still opens the page. */
function isInvisible(node: RootContent): boolean {
  return (
    node.type === 'definition' ||
    (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value))
  )
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}
