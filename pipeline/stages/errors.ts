// Bad input is a Rejection (data with a code); anything else thrown is a bug.
export type RejectionCode =
  | 'READ_EMPTY'
  | 'READ_BINARY'
  | 'READ_UNSUPPORTED_ENCODING'
  | 'READ_UNDECODABLE'
  | 'READ_MISSING'

export class Rejection extends Error {
  override readonly name = 'Rejection'
  constructor(
    readonly code: RejectionCode,
    reason: string,
    /** Byte offset into the file where the problem is, when there is one. */
    readonly offset?: number,
  ) {
    super(reason)
  }
}

export const isRejection = (error: unknown): error is Rejection => error instanceof Rejection
