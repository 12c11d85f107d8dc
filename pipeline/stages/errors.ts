// Bad input is a Rejection (data with a code); anything else thrown is a bug.
import type { VFile } from 'vfile'

export type RejectionCode =
  | 'READ_EMPTY'
  | 'READ_BINARY'
  | 'READ_UNSUPPORTED_ENCODING'
  | 'READ_UNDECODABLE'
  | 'READ_MISSING'

export interface BytePlace {
  line: number
  /** Counted in bytes from the start of the line, 1-based. */
  column: number
  offset: number
}

export class Rejection extends Error {
  override readonly name = 'Rejection'
  constructor(
    readonly code: RejectionCode,
    reason: string,
    /** Where in the file the problem is, when there is one place. */
    readonly place?: BytePlace,
  ) {
    super(reason)
  }
}

export const isRejection = (error: unknown): error is Rejection => error instanceof Rejection

export const SOURCE = 'zhengshu'

/**
 * Records a problem on the document's file as a vfile message. Every problem the
 * pipeline reports means something was not written, so each one is fatal.
 */
export function reportProblem(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }): void {
  const message = file.message(reason, { ...(place ? { place } : {}), ruleId, source: SOURCE })
  message.fatal = true
}

/** The message for an error that ended a document: a rejection names its place, anything else is a bug. */
export function reportEnd(file: VFile, error: unknown): void {
  if (isRejection(error)) {
    const { line, column } = error.place ?? {}
    reportProblem(file, error.message, error.code, line && column ? { line, column } : undefined)
  } else {
    reportProblem(file, `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'INTERNAL_ERROR')
  }
}

/** Line and column (1-based, in UTF-16 units) of an offset into a text. */
function textPlace(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at)
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1
  return { line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1, column: at - lineStart + 1 }
}

/** Records a stage's choice as a message that is not fatal: the document is still written. */
export function reportNotes(file: VFile, notes: readonly Note[], text: string): void {
  for (const note of notes) {
    const message = file.message(note.reason, { ...(note.at !== undefined ? { place: textPlace(text, note.at) } : {}), ruleId: note.ruleId, source: SOURCE })
    message.fatal = false
  }
}

/** A choice a stage made about its input (a guessed encoding, stripped markup): reported, not fatal. */
export interface Note {
  ruleId: string
  reason: string
  /** UTF-16 offset into the text where it applies, when there is one place. */
  at?: number
}
