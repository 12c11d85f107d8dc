// A sentence's scan and its name mask, worked out once per sentence: the parser
// asks whether a sentence holds a quantity (only those are split into words),
// and extract then reads the same findings.
import { exclusionOf, nameMask } from './exclusions.ts'
import { scan, type Candidate, type Skipped } from './scan.ts'

export interface SentenceCandidates {
  candidates: Candidate[]
  skipped: Skipped[]
  /** 1 where a character is inside a quoted or listed name (empty when there is no candidate). */
  names: Uint8Array
}

/** Characters of the sentences remembered: a whole large document fits, and memory stays bounded. */
const MEMO_CHARACTERS = 16 * 2 ** 20
const memo = new Map<string, SentenceCandidates>()
let memoCharacters = 0

/** Forgets the sentences of earlier documents: they are not seen again, and their findings hold their text. */
export function startDocument(): void {
  memo.clear()
  memoCharacters = 0
}

export function candidatesOf(text: string): SentenceCandidates {
  const known = memo.get(text)
  if (known) return known
  const { candidates, skipped } = scan(text)
  const found = { candidates, skipped, names: candidates.length === 0 ? new Uint8Array(0) : nameMask(text) }
  if (memoCharacters + text.length > MEMO_CHARACTERS) startDocument()
  memo.set(text, found)
  memoCharacters += text.length
  return found
}

/** True when a candidate of the sentence is not set aside as a date, name, ordinal or the like. */
export function holdsQuantity(text: string): boolean {
  const { candidates, names } = candidatesOf(text)
  return candidates.some((candidate) => exclusionOf(candidate, text, names) === undefined)
}
