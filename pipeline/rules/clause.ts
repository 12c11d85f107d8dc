// Where the clause before a number begins, read in a bounded window: the rules
// read only a clause's last words, and a mark not found must not cost the whole
// sentence (a run-on sentence would make every number a scan of all before it).
const CLAUSE_MARKS = [',', ';', ':', '。']
const CLAUSE_LOOKBACK = 64

/** Where the clause holding `at` begins, or CLAUSE_LOOKBACK before `at` in a clause longer than that. */
export function clauseStart(text: string, at: number): number {
  const from = Math.max(0, at - CLAUSE_LOOKBACK)
  const window = text.slice(from, at)
  return from + Math.max(...CLAUSE_MARKS.map((mark) => window.lastIndexOf(mark))) + 1
}

/** Where the clause holding `at` ends, looking at most CLAUSE_LOOKBACK ahead. */
export function clauseEnd(text: string, at: number): number {
  const window = text.slice(at, at + CLAUSE_LOOKBACK)
  const ends = CLAUSE_MARKS.map((mark) => window.indexOf(mark)).filter((index) => index >= 0)
  return at + (ends.length > 0 ? Math.min(...ends) : window.length)
}
