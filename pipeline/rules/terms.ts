// Quoted policy terms (“两群三链”, “飞地经济”) and the footnote marker that
// may follow them, so a glossary can be joined later.
import { quotedSpans } from './exclusions.ts'

const CIRCLED_ONE = 0x2460
const CIRCLED_TWENTY = 0x2473

export interface TermSpan {
  term: string
  /** Offsets of the term without its quotes. */
  start: number
  end: number
  footnote?: number
}

export function findTerms(text: string): TermSpan[] {
  return quotedSpans(text)
    .filter(([open]) => text[open] === '“')
    .map(([open, close]) => {
      const marker = text.charCodeAt(close + 1)
      const footnote = marker >= CIRCLED_ONE && marker <= CIRCLED_TWENTY ? marker - CIRCLED_ONE + 1 : undefined
      return { term: text.slice(open + 1, close), start: open + 1, end: close, ...(footnote ? { footnote } : {}) }
    })
    .filter((span) => span.term.trim() !== '')
}
