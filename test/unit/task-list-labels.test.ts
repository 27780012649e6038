import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { expect, test } from 'vitest'
import { rehypeTaskListLabels } from '../../plugins/rehype-task-list-labels/index.ts'

const render = (markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeTaskListLabels)
      .use(rehypeStringify)
      .processSync(markdown),
  )

test.each([
  ['tight list', '- [ ] Errors are wrapped\n- [x] Done', ['Errors are wrapped', 'Done']],
  ['loose list', '- [ ] Errors are *wrapped*\n\n- [ ] Second', ['Errors are wrapped', 'Second']],
])('a task-list checkbox is named by its item (%s)', (_name, markdown, labels) => {
  const html = render(markdown)
  expect([...html.matchAll(/<input [^>]*aria-label="([^"]*)"/g)].map((m) => m[1])).toEqual(labels)
})

test('other lists are untouched', () => {
  expect(render('- plain item')).not.toContain('aria-label')
})
