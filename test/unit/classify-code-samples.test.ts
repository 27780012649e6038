import { describe, expect, test } from 'vitest'
import { classifyCodeBlock, type CodeClassification } from '../../core/code-samples/classify.ts'
import {
  parseLabel,
  parseLabelParagraph,
  parseListItemSymbol,
} from '../../core/code-samples/vocabulary.ts'

interface Case {
  name: string
  lang?: string
  meta?: string
  label?: string
  code: string[]
  verdict: CodeClassification['verdict']
  /** `verdict start-end reason` per region. */
  regions?: string[]
  /** `verdict line reason` per line labelled by a trailing comment. */
  lines?: string[]
}

/** One string per region and line label, so a table row reads like the rendered labels. */
function summarize(result: CodeClassification) {
  return {
    verdict: result.verdict,
    regions: result.regions.map((region) =>
      [region.verdict, `${region.startLine}-${region.endLine}`, region.reason]
        .filter(Boolean)
        .join(' '),
    ),
    lines: result.lineLabels.map((label) =>
      [label.verdict, label.line, label.reason].filter(Boolean).join(' '),
    ),
  }
}

describe('classifyCodeBlock', () => {
  test.each<Case>([
    // Marker lines in Go, as the field guide lists them.
    {
      name: 'go: a bare Good marks the block',
      lang: 'go',
      code: ['// Good', 'ctx, cancel := context.WithTimeout(ctx, d)'],
      verdict: 'good',
      regions: ['good 1-2'],
    },
    {
      name: 'go: the text after the word and separator is the reason',
      lang: 'go',
      code: ['// Good - Context-based cancellation', 'select {', 'case <-ctx.Done():', '}'],
      verdict: 'good',
      regions: ['good 1-4 Context-based cancellation'],
    },
    {
      name: 'go: Bad then Good regions make a mixed block, blank lines between are not marked',
      lang: 'go',
      code: [
        '// Bad - deferred error check',
        'defer f.Close()',
        '',
        '// Good - return an error',
        'if err := f.Close(); err != nil {',
        '\treturn err',
        '}',
        '',
      ],
      verdict: 'mixed',
      regions: ['bad 1-2 deferred error check', 'good 4-7 return an error'],
    },
    {
      name: 'go: lines before the first marker belong to no region',
      lang: 'go',
      code: ['package main', '', '// ❌ Bad - I/O under lock', 'mu.Lock()', 'http.Get(url)'],
      verdict: 'bad',
      regions: ['bad 3-5 I/O under lock'],
    },
    {
      name: 'go: symbol and word together',
      lang: 'go',
      code: ['// ✅ Good - bounded worker pool', 'sem := make(chan struct{}, 8)'],
      verdict: 'good',
      regions: ['good 1-2 bounded worker pool'],
    },
    {
      name: 'go: a soft word before a separator',
      lang: 'go',
      code: ['// Acceptable - initialisation only', 'var once sync.Once'],
      verdict: 'good',
      regions: ['good 1-2 initialisation only'],
    },
    {
      name: 'go: a soft word shouted in capitals',
      lang: 'go',
      code: ['// NEVER hardcode secrets', 'const token = "abc"'],
      verdict: 'bad',
      regions: ['bad 1-2 hardcode secrets'],
    },
    {
      name: 'go: a strong word starts a region even without a separator',
      lang: 'go',
      code: ['// Good use case - node registry', 'var registry sync.Map'],
      verdict: 'good',
      regions: ['good 1-2 use case - node registry'],
    },
    {
      name: 'go: not a marker: a verdict word in the middle of a comment',
      lang: 'go',
      code: ["// Keep critical sections small - DON'T hold locks across I/O", 'mu.Lock()'],
      verdict: undefined,
    },
    {
      name: 'go: not a marker: a soft word after a number',
      lang: 'go',
      code: ['// 0.3 - Prefer same zone', 'weight := 0.3'],
      verdict: undefined,
    },
    {
      name: 'go: not a marker: a soft word opening an explanatory sentence',
      lang: 'go',
      code: ["// Don't fail the heartbeat on probe errors", 'if err != nil { log(err) }'],
      verdict: undefined,
    },
    {
      name: 'go: not a marker: a trailing comment outside the vocabulary',
      lang: 'go',
      code: ['conn := dial()  // NO!', 'defer conn.Close()'],
      verdict: undefined,
    },
    {
      name: 'go: a trailing marker labels its line only, never a region nor the block',
      lang: 'go',
      code: ['conn := dial() // ❌ no timeout', 'defer conn.Close()'],
      verdict: undefined,
      lines: ['bad 1 no timeout'],
    },
    {
      name: 'go: a trailing marker inside a region of the other side leaves the verdict alone',
      lang: 'go',
      code: ['// Good', 'x := load()', 'y := x.Value // Wrong: may be nil'],
      verdict: 'good',
      regions: ['good 1-3'],
      lines: ['bad 3 may be nil'],
    },
    {
      name: 'go: a comment token inside a string is not a comment',
      lang: 'go',
      code: ['fmt.Println("// Bad")', 'url := "http://example.com" // Good'],
      verdict: undefined,
      lines: ['good 2'],
    },
    {
      name: 'go: a block comment marker',
      lang: 'go',
      code: ['/* Bad: shared mutable state */', 'var cache = map[string]int{}'],
      verdict: 'bad',
      regions: ['bad 1-2 shared mutable state'],
    },
    // TypeScript and JavaScript.
    {
      name: 'ts: Wrong with a colon',
      lang: 'ts',
      code: ['// Wrong: mutates the argument', 'items.sort()'],
      verdict: 'bad',
      regions: ['bad 1-2 mutates the argument'],
    },
    {
      name: 'ts: Correct at the end of the comment',
      lang: 'typescript',
      code: ['// Correct', 'const sorted = [...items].sort()'],
      verdict: 'good',
      regions: ['good 1-2'],
    },
    {
      name: 'js: Do and Do not with separators',
      lang: 'js',
      code: ['// Do not - swallow errors', 'try { f() } catch {}', '// Do: rethrow', 'throw e'],
      verdict: 'mixed',
      regions: ['bad 1-2 swallow errors', 'good 3-4 rethrow'],
    },
    {
      name: "tsx: DON'T shouted",
      lang: 'tsx',
      code: ["// DON'T read state during render", 'const x = ref.current'],
      verdict: 'bad',
      regions: ['bad 1-2 read state during render'],
    },
    {
      name: 'ts: Avoid at the end of the comment',
      lang: 'ts',
      code: ['// Avoid', 'let x: any'],
      verdict: 'bad',
      regions: ['bad 1-2'],
    },
    {
      name: 'ts: not a marker: Avoid opening a sentence',
      lang: 'ts',
      code: ['// Avoid using any here, it hides bugs', 'let x: unknown'],
      verdict: undefined,
    },
    {
      name: 'ts: not a marker: TODO, Do-nothing, Goodness',
      lang: 'ts',
      code: ['// TODO: handle errors', '// Do-nothing handler', '// Goodness, what a hack', 'f()'],
      verdict: undefined,
    },
    {
      name: 'js: anti-pattern, Recommended and Prefer',
      lang: 'javascript',
      code: [
        '// anti-pattern: god object',
        'app.all()',
        '// Recommended',
        'a()',
        '// Prefer: b',
        'b()',
      ],
      verdict: 'mixed',
      regions: ['bad 1-2 god object', 'good 3-4', 'good 5-6 b'],
    },
    {
      name: 'ts: a curly apostrophe in Don’t',
      lang: 'ts',
      code: ['// Don’t: block the event loop', 'readFileSync(path)'],
      verdict: 'bad',
      regions: ['bad 1-2 block the event loop'],
    },
    // Python, shell and YAML: `#` comments.
    {
      name: 'python: a symbol alone',
      lang: 'python',
      code: ['# ✅ Good', 'def f(items=None):'],
      verdict: 'good',
      regions: ['good 1-2'],
    },
    {
      name: 'python: a trailing marker after a string holding #',
      lang: 'py',
      code: ['x = "#"  # Bad', 'y = 1'],
      verdict: undefined,
      lines: ['bad 1'],
    },
    {
      name: 'python: a shebang is not a marker',
      lang: 'python',
      code: ['#!/usr/bin/env python', 'print(1)'],
      verdict: undefined,
    },
    {
      name: 'bash: a marker and a trailing comment that only begins with a verdict word',
      lang: 'bash',
      code: ['# ❌ Bad: unquoted variable', 'rm -rf $DIR/*', 'echo "$HOME" # wrong quoting'],
      verdict: 'bad',
      regions: ['bad 1-3 unquoted variable'],
    },
    {
      name: 'sh: $# is not a comment',
      lang: 'sh',
      code: ['echo $# args', 'exit 0'],
      verdict: undefined,
    },
    {
      name: 'yaml: good and bad regions',
      lang: 'yaml',
      code: ['# ✅ Good', 'replicas: 3', '# ❌ Bad', 'replicas: 1'],
      verdict: 'mixed',
      regions: ['good 1-2', 'bad 3-4'],
    },
    // SQL, HTML/XML, protobuf, Rust.
    {
      name: 'sql: a -- comment',
      lang: 'sql',
      code: ['-- Bad: implicit cast', "SELECT * FROM t WHERE id = '1'"],
      verdict: 'bad',
      regions: ['bad 1-2 implicit cast'],
    },
    {
      name: 'sql: a trailing -- comment',
      lang: 'postgresql',
      code: ['SELECT id FROM t -- Correct', 'LIMIT 1'],
      verdict: undefined,
      lines: ['good 1'],
    },
    {
      name: 'html: a markup comment',
      lang: 'html',
      code: ['<!-- Bad -->', '<div onclick="go()">Go</div>'],
      verdict: 'bad',
      regions: ['bad 1-2'],
    },
    {
      name: 'xml: a markup comment with a reason',
      lang: 'xml',
      code: ['<!-- ✅ Good: explicit encoding -->', '<?xml version="1.0" encoding="UTF-8"?>'],
      verdict: 'good',
      regions: ['good 1-2 explicit encoding'],
    },
    {
      name: 'protobuf: a // comment',
      lang: 'proto',
      code: ['// Bad - reusing a field number', 'string name = 2;'],
      verdict: 'bad',
      regions: ['bad 1-2 reusing a field number'],
    },
    {
      name: 'rust: Incorrect, and a doc comment',
      lang: 'rust',
      code: ['// Incorrect - unwrap in library code', 'x.unwrap()', '/// Good', 'x?'],
      verdict: 'mixed',
      regions: ['bad 1-2 unwrap in library code', 'good 3-4'],
    },
    {
      name: 'rust: lifetimes do not hide a trailing comment',
      lang: 'rs',
      code: ["fn first<'a>(s: &'a str) -> &'a str { s } // Good"],
      verdict: undefined,
      lines: ['good 1'],
    },
    // Plain text: the line itself.
    {
      name: 'text: lines beginning with a symbol',
      lang: 'text',
      code: ['✅ PARALLEL: fetch A and B together', '❌ SEQUENTIAL: fetch A, then B'],
      verdict: 'mixed',
      regions: ['good 1-1 PARALLEL: fetch A and B together', 'bad 2-2 SEQUENTIAL: fetch A, then B'],
    },
    {
      name: 'text: an ordinary sentence is not a marker',
      lang: 'txt',
      code: ['Do this first, then that', 'Never mind the order'],
      verdict: undefined,
    },
    {
      name: 'text: a plain line has no trailing comments',
      lang: 'plaintext',
      code: ['see the docs -- Bad idea'],
      verdict: undefined,
    },
    {
      name: 'no language: comments still count',
      code: ['// Good', 'do_it()'],
      verdict: 'good',
      regions: ['good 1-2'],
    },
    {
      name: 'an unknown language: the common comment forms',
      lang: 'elixir-ish',
      code: ['# Bad - blocking call', 'sleep(1)'],
      verdict: 'bad',
      regions: ['bad 1-2 blocking call'],
    },
    // The label paragraph before the fence.
    {
      name: 'label: **Bad:** marks the whole block',
      lang: 'go',
      label: 'Bad:',
      code: ['f, _ := os.Open(name)', ''],
      verdict: 'bad',
      regions: ['bad 1-1'],
    },
    {
      name: "label: ❌ Don't",
      lang: 'go',
      label: "❌ Don't",
      code: ['panic(err)'],
      verdict: 'bad',
      regions: ['bad 1-1'],
    },
    {
      name: 'label: Incorrect example:',
      lang: 'python',
      label: 'Incorrect example:',
      code: ['def f(items=[]):', '    pass'],
      verdict: 'bad',
      regions: ['bad 1-2'],
    },
    {
      name: 'label: ✅ Do',
      lang: 'ts',
      label: '✅ Do',
      code: ['await task'],
      verdict: 'good',
      regions: ['good 1-1'],
    },
    {
      name: 'label: a heading-like sentence is not a label; the markers inside decide',
      lang: 'go',
      label: 'NEVER panic in library code:',
      code: ['// Bad', 'panic(err)', '// Good', 'return err'],
      verdict: 'mixed',
      regions: ['bad 1-2', 'good 3-4'],
    },
    {
      name: 'label: never guess from prose',
      lang: 'go',
      label: 'NEVER panic in library code:',
      code: ['return fmt.Errorf("parse: %w", err)'],
      verdict: undefined,
    },
    {
      name: 'label: the markers keep their regions under a label',
      lang: 'go',
      label: 'Bad:',
      code: ['x := 1', '// Bad - shadowed', 'x := 2'],
      verdict: 'bad',
      regions: ['bad 2-3 shadowed'],
    },
    // The info string.
    {
      name: 'info string: verdict=bad',
      lang: 'go',
      meta: 'verdict=bad',
      code: ['go work()'],
      verdict: 'bad',
      regions: ['bad 1-1'],
    },
    {
      name: 'info string: a quoted verdict beside other options',
      lang: 'go',
      meta: 'title="pool.go" verdict="good"',
      code: ['sem <- struct{}{}', 'go work()'],
      verdict: 'good',
      regions: ['good 1-2'],
    },
    {
      name: 'info string: it outranks the label paragraph',
      lang: 'go',
      meta: 'verdict=good',
      label: 'Bad:',
      code: ['go work()'],
      verdict: 'good',
      regions: ['good 1-1'],
    },
    {
      name: 'info string: verdict=bad inside a quoted title is not an option',
      lang: 'go',
      meta: 'title="verdict=bad.go"',
      code: ['go work()'],
      verdict: undefined,
    },
  ])('$name', ({ lang, meta, label, code, verdict, regions = [], lines = [] }) => {
    const result = classifyCodeBlock({
      lang,
      meta,
      value: code.join('\n'),
      ...(label === undefined ? {} : { label }),
    })
    expect(summarize(result)).toEqual({ verdict, regions, lines })
  })

  test('the verdict option is removed from the meta handed on, other options stay', () => {
    const result = classifyCodeBlock({
      lang: 'go',
      meta: 'title="a.go" verdict=bad {3}',
      value: 'x',
    })
    expect(result.meta).toBe('title="a.go" {3}')
  })

  test('an unknown verdict value is a problem, not a verdict', () => {
    const result = classifyCodeBlock({ lang: 'go', meta: 'verdict=ok', value: 'x' })
    expect(result.verdict).toBeUndefined()
    expect(result.problems).toEqual([
      {
        ruleId: 'unknown-verdict',
        reason:
          'Unexpected `verdict=ok` in the info string, expected `verdict=good` or `verdict=bad`',
      },
    ])
  })

  test('regions keep the verdict word the author wrote', () => {
    const result = classifyCodeBlock({ lang: 'go', value: '// NEVER hardcode secrets\nx' })
    expect(result.regions[0]).toMatchObject({ term: 'NEVER', source: 'marker', verdict: 'bad' })
  })
})

// Field guide §5: a comment at the end of a code line may label that one line, but never starts a
// region, never gives the block a verdict and never a title. Written the way authors write them.
describe('classifyCodeBlock: trailing comments', () => {
  test.each<Case>([
    {
      name: 'go: a shouted word after the symbol, with a reason',
      lang: 'go',
      code: ['conn, err := net.Dial("tcp", addr) // ❌ WRONG: no timeout', 'defer conn.Close()'],
      verdict: undefined,
      lines: ['bad 1 no timeout'],
    },
    {
      name: 'go: a symbol in a struct literal',
      lang: 'go',
      code: ['cfg := Config{', '\tTimeout: 30, // ✅ within the limit', '\tRetries: 5,', '}'],
      verdict: undefined,
      lines: ['good 2 within the limit'],
    },
    {
      name: 'go: not a label: a word outside the vocabulary',
      lang: 'go',
      code: ['conn := dial()  // NO!', 'defer conn.Close()'],
      verdict: undefined,
    },
    {
      name: 'go: not a label: a linter directive, even before a verdict word',
      lang: 'go',
      code: ['_ = f.Close() //nolint:errcheck // Bad', 'x := 1 // nolint'],
      verdict: undefined,
    },
    {
      name: 'go: not a label: a strong word opening an explanation',
      lang: 'go',
      code: ['return nil // good enough for the tests', 'ts := t.UTC() // correct for UTC only'],
      verdict: undefined,
    },
    {
      name: 'go: not a label: // in a URL, in a string or in the comment',
      lang: 'go',
      code: [
        'resp, err := http.Get("http://example.com//bad")',
        'u := url.URL{} //see http://x.io',
      ],
      verdict: undefined,
    },
    {
      name: 'go: several trailing labels, and no verdict for the block',
      lang: 'go',
      code: [
        'ctx, cancel := context.WithTimeout(ctx, 5*time.Second) // ✅ bounded',
        'defer cancel()',
        'resp, err := client.Do(req) // ❌ ignores ctx',
      ],
      verdict: undefined,
      lines: ['good 1 bounded', 'bad 3 ignores ctx'],
    },
    {
      name: 'go: a trailing label inside a region of the same side',
      lang: 'go',
      code: [
        '// Bad - I/O under lock',
        'mu.Lock()',
        'resp, _ := http.Get(u) // ❌ slow',
        'mu.Unlock()',
      ],
      verdict: 'bad',
      regions: ['bad 1-4 I/O under lock'],
      lines: ['bad 3 slow'],
    },
    {
      name: 'ts: a symbol after a number',
      lang: 'ts',
      code: ['const timeoutMs = 30_000 // ✅ within the limit'],
      verdict: undefined,
      lines: ['good 1 within the limit'],
    },
    {
      name: 'ts: a shouted word with a colon',
      lang: 'typescript',
      code: ['await fetch(url) // BAD: no timeout, no abort signal'],
      verdict: undefined,
      lines: ['bad 1 no timeout, no abort signal'],
    },
    {
      name: 'ts: not a label: a URL after the comment token, and an ESLint directive',
      lang: 'ts',
      code: [
        "const api = 'https://api.example.com//v1' // see https://example.com/good",
        'console.log(api) // eslint-disable-line no-console',
      ],
      verdict: undefined,
    },
    {
      name: 'python: a symbol and a shouted word',
      lang: 'python',
      code: ['def append(item, items=[]):  # ❌ WRONG', '    items.append(item)'],
      verdict: undefined,
      lines: ['bad 1'],
    },
    {
      name: 'python: not a label: # inside strings, noqa and type: ignore',
      lang: 'python',
      code: [
        'import os  # noqa: F401',
        'print("# Bad")',
        "tag = f'{a}#{b}'  # type: ignore",
        'retries = 3  # correct for staging only',
      ],
      verdict: undefined,
    },
    {
      name: 'yaml: labels on values',
      lang: 'yaml',
      code: ['replicas: 1 # ❌ single point of failure', 'memory: 256Mi # Good', 'cpu: 500m'],
      verdict: undefined,
      lines: ['bad 1 single point of failure', 'good 2'],
    },
    {
      name: 'yaml: not a label: # in a quoted value and in a URL',
      lang: 'yml',
      code: ['image: "nginx:1.25 # bad"', 'docs: https://example.com/#bad'],
      verdict: undefined,
    },
    {
      name: 'sql: a symbol and a shouted word, and -- inside a string',
      lang: 'sql',
      code: [
        'SELECT * FROM nodes -- ❌ WRONG: reads every column',
        "WHERE note = '-- Bad'",
        'AND zone = $1; -- Good: typed parameter',
      ],
      verdict: undefined,
      lines: ['bad 1 reads every column', 'good 3 typed parameter'],
    },
    {
      name: 'shell: a symbol after a command',
      lang: 'bash',
      code: ['rm -rf $DIR/*  # ❌ WRONG if DIR is empty', 'rm -rf "${DIR:?}"/*  # ✅'],
      verdict: undefined,
      lines: ['bad 1 if DIR is empty', 'good 2'],
    },
    {
      name: 'shell: not a label: # in strings, $# and a URL fragment',
      lang: 'sh',
      code: ['echo "# Bad"', 'echo $# args', 'curl -s https://example.com/#good'],
      verdict: undefined,
    },
    {
      name: 'text: a plain-text line has no trailing comments',
      lang: 'text',
      code: ['Timeout: 30 -- ✅ within the limit', 'retry three times  # Good', 'then // Bad'],
      verdict: undefined,
    },
  ])('$name', ({ lang, code, verdict, regions = [], lines = [] }) => {
    expect(summarize(classifyCodeBlock({ lang, value: code.join('\n') }))).toEqual({
      verdict,
      regions,
      lines,
    })
  })

  test('a trailing label keeps the word and the symbol the author wrote', () => {
    const result = classifyCodeBlock({ lang: 'go', value: 'x := dial() // ❌ WRONG: no timeout' })
    expect(result.lineLabels).toEqual([
      { line: 1, verdict: 'bad', term: 'WRONG', symbol: '❌', reason: 'no timeout' },
    ])
  })
})

describe('parseLabelParagraph', () => {
  test.each([
    ['Bad:', 'bad'],
    ['Good:', 'good'],
    ["❌ Don't", 'bad'],
    ['✅ Do', 'good'],
    ['Incorrect example:', 'bad'],
    ['Correct usage:', 'good'],
    ['Anti-pattern', 'bad'],
    ["Don't do this:", 'bad'],
    ['Recommended approach:', 'good'],
    ['✔️', 'good'],
    ['🚫', 'bad'],
    ['NEVER panic in library code:', undefined],
    ['Bad: the check is deferred', undefined],
    ['Do this first, then call close:', undefined],
    ['Here is the code:', undefined],
    ['Example:', undefined],
    ['', undefined],
  ])('%j', (text, verdict) => {
    expect(parseLabelParagraph(text)).toBe(verdict)
  })
})

describe('parseLabel', () => {
  test.each([
    ['Bad:', { verdict: 'bad', term: 'Bad' }],
    ["❌ Don't", { verdict: 'bad', term: "Don't", symbol: '❌' }],
    ['✔️', { verdict: 'good', symbol: '✔️' }],
    ['Incorrect example:', { verdict: 'bad', term: 'Incorrect' }],
    ['NEVER panic in library code:', undefined],
  ])('%j', (text, label) => {
    expect(parseLabel(text)).toEqual(label)
  })
})

describe('parseListItemSymbol', () => {
  test.each([
    ['✅ Use contexts for cancellation', 'good'],
    ['❌ Hold locks across I/O', 'bad'],
    ['✔️ Close response bodies', 'good'],
    ['🚫 Log secrets', 'bad'],
    ['Do use contexts', undefined],
    ['Never log secrets', undefined],
  ])('%j', (text, verdict) => {
    expect(parseListItemSymbol(text)).toBe(verdict)
  })
})
