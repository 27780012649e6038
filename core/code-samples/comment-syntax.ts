/**
 * How comments are written in the languages of a handbook's code samples, and how to find the
 * comment on one line of code.
 */

/** The comment forms of one language family. */
export interface CommentSyntax {
  /** Tokens that open a comment running to the end of the line (`//`, `#`, `--`). */
  line: readonly string[]
  /** Opening and closing tokens of block comments (`/*` and `*\/`, `<!--` and `-->`). */
  block: ReadonlyArray<readonly [open: string, close: string]>
  /**
   * Whether a line that is not a comment can still carry a marker, as in plain-text blocks
   * (`✅ PARALLEL: …`). Such blocks have no code, so they also have no trailing comments.
   */
  plainLines: boolean
}

const C_BLOCK = ['/*', '*/'] as const
const MARKUP_BLOCK = ['<!--', '-->'] as const

const SLASH: CommentSyntax = { line: ['//'], block: [C_BLOCK], plainLines: false }
const HASH: CommentSyntax = { line: ['#'], block: [], plainLines: false }
const DASH: CommentSyntax = { line: ['--'], block: [C_BLOCK], plainLines: false }
const SEMICOLON: CommentSyntax = { line: [';'], block: [], plainLines: false }
const PERCENT: CommentSyntax = { line: ['%'], block: [], plainLines: false }
const MARKUP: CommentSyntax = { line: [], block: [MARKUP_BLOCK], plainLines: false }
// Pages embed scripts and styles, and single-file components are mostly script.
const MARKUP_WITH_SCRIPT: CommentSyntax = {
  line: ['//'],
  block: [MARKUP_BLOCK, C_BLOCK],
  plainLines: false,
}
const HASH_AND_SLASH: CommentSyntax = { line: ['#', '//'], block: [C_BLOCK], plainLines: false }

/** Unknown languages: the common comment forms, never a bare line. */
const GENERIC: CommentSyntax = {
  line: ['//', '#', '--'],
  block: [C_BLOCK, MARKUP_BLOCK],
  plainLines: false,
}

/** Plain text and blocks without a language: any line, or any common comment form. */
const PLAIN: CommentSyntax = { ...GENERIC, plainLines: true }

const FAMILIES: ReadonlyArray<readonly [CommentSyntax, string]> = [
  [
    SLASH,
    'go golang js javascript mjs cjs jsx ts typescript mts cts tsx rust rs proto protobuf proto3 ' +
      'java kotlin kt kts scala swift dart groovy gradle c h cpp c++ cc cxx hpp cs csharp objc ' +
      'objective-c zig solidity sol json jsonc json5 css scss less v d',
  ],
  [
    HASH,
    'python py python3 sh bash zsh fish ksh shell shellscript console shell-session shellsession ' +
      'yaml yml toml ruby rb perl pl r dockerfile docker containerfile makefile make cmake conf ' +
      'properties ps1 powershell pwsh elixir ex exs nix graphql gql nginx tcl awk starlark bzl ' +
      'bazel just justfile gitignore ignore env dotenv editorconfig coffee julia jl crystal cr ' +
      'nim ini',
  ],
  [
    DASH,
    'sql mysql postgres postgresql psql pgsql plsql plpgsql sqlite tsql mssql lua haskell hs elm ada vhdl cql',
  ],
  [SEMICOLON, 'lisp clojure clj cljs edn scheme racket elisp emacs-lisp asm nasm'],
  [PERCENT, 'tex latex erlang erl matlab prolog'],
  [MARKUP, 'xml xsl xslt xhtml svg plist markdown md mdx'],
  [MARKUP_WITH_SCRIPT, 'html htm vue svelte astro'],
  [HASH_AND_SLASH, 'php hcl terraform tf'],
  [PLAIN, 'text txt plain plaintext output log'],
]

const BY_LANGUAGE: ReadonlyMap<string, CommentSyntax> = new Map(
  FAMILIES.flatMap(([syntax, names]) =>
    names.split(' ').map((name): [string, CommentSyntax] => [name, syntax]),
  ),
)

/**
 * Find the comment syntax for a fence's language (`go`, `TypeScript`, `yml`). Blocks without a
 * language are treated as plain text; unknown languages get the common comment forms.
 */
export function findCommentSyntax(lang: string | null | undefined): CommentSyntax {
  if (!lang) return PLAIN
  return BY_LANGUAGE.get(lang.toLowerCase()) ?? GENERIC
}

/** The comment found on a line of code. */
export interface LineComment {
  /** The comment's text without its tokens and decorations (`Bad - deferred error check`). */
  text: string
  /** Whether the comment is all there is on the line (a comment line) rather than trailing code. */
  leading: boolean
}

/**
 * Find the first comment on `line`, skipping tokens inside string literals. A token counts only at
 * the start of the line or after whitespace, so `http://host` and `$#` are not comments.
 */
export function findLineComment(line: string, syntax: CommentSyntax): LineComment | undefined {
  const tokens: ReadonlyArray<readonly [string, string | undefined]> = [
    ...syntax.block,
    ...syntax.line.map((token) => [token, undefined] as const),
  ]
  let quote: string | undefined
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index)
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      continue
    }
    // A lone `'` is an apostrophe or a Rust lifetime, not the start of a string.
    if (char === '"' || char === '`' || (char === "'" && line.includes("'", index + 1))) {
      quote = char
      continue
    }
    if (index > 0 && !/\s/.test(line.charAt(index - 1))) continue
    const token = tokens.find(([open]) => line.startsWith(open, index))
    if (!token) continue
    const [open, close] = token
    return {
      text: stripCommentTokens(line.slice(index + open.length), open, close),
      leading: line.slice(0, index).trim() === '',
    }
  }
  return undefined
}

/** Drop a closing token and the decorations that repeat the opening one (`///`, `/**`, `##`). */
function stripCommentTokens(body: string, open: string, close: string | undefined): string {
  const end = close ? body.indexOf(close) : -1
  const text = end === -1 ? body : body.slice(0, end)
  const repeated = open.slice(-1)
  let start = 0
  while (start < text.length && (text.charAt(start) === repeated || text.charAt(start) === '!')) {
    start++
  }
  return text.slice(start).trim()
}
