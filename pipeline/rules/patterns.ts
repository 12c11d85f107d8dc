// Patterns built from the words of the tables at load time, so that rules hold no words
// of their own. A word may hold characters that mean something in a pattern (. ( |),
// and inside a class - and ] do too; each is escaped where it means something, as the
// u flag allows no other escapes.
const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
const escapeInClass = (char: string) => char.replace(/[\\\]^-]/g, '\\$&')

/** The words as one alternation, longest first, so that 截止到 is tried before 截止; no words match nothing. */
export const alternation = (words: readonly string[]): string =>
  words.length === 0 ? '(?:(?!))' : `(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})`

/** Whether the text ends, or starts, with one of the words. */
export const endsWithAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.endsWith(word))
export const startsWithAny = (text: string, words: readonly string[]): boolean => words.some((word) => text.startsWith(word))

/** Single characters as one character class. */
export const charClass = (chars: Iterable<string>): string => `[${[...chars].map(escapeInClass).join('')}]`

/** Per UTF-16 unit, the call that last saw it in a text; stamps spare clearing a table per call. */
const seenIn = new Uint32Array(0x10000)
let call = 0

/**
 * The entries whose word occurs in `text` could only be those whose first unit it holds: one pass
 * over the text keeps the list order and spares most searches (a sentence holds few of a table's words).
 */
export function possibleIn<T>(text: string, entries: readonly T[], wordOf: (entry: T) => string): T[] {
  call = (call + 1) >>> 0 || 1
  for (let index = 0; index < text.length; index++) seenIn[text.charCodeAt(index)] = call
  return entries.filter((entry) => seenIn[wordOf(entry).charCodeAt(0)] === call)
}
