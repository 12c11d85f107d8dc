// Bad input is a Rejection (data with a code); anything else thrown is a bug.
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
