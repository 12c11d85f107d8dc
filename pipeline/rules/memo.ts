// Phrases repeat within a report (the same subjects, verbs and clauses around its figures):
// a pure function of a string remembers its last answers, a bounded number of them.
export function memoized<T>(compute: (text: string) => T, size = 4096): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    const found = known.get(text)
    if (found !== undefined || known.has(text)) return found!
    const value = compute(text)
    if (known.size >= size) known.clear()
    known.set(text, value)
    return value
  }
}
