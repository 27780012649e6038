/**
 * An error the author can fix: it names the file (and line where there is
 * one) and says what to do. The build and `npm run check` print its message
 * as it is, without a stack trace.
 */
export class HandbookError extends Error {
  override name = 'HandbookError'
  /** The file the problem is in, as the author would open it. */
  readonly file?: string
  /** 1-based line in that file, when known. */
  readonly line?: number
  constructor(message: string, file?: string, line?: number) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message)
    if (file !== undefined) this.file = file
    if (line !== undefined) this.line = line
  }
}
