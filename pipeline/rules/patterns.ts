// Patterns built from the words of the tables at load time, so that rules hold no words
// of their own. A word may hold characters that mean something in a pattern (. ( |),
// and inside a class - and ] do too; each is escaped where it means something, as the
// u flag allows no other escapes.
const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
const escapeInClass = (char: string) => char.replace(/[\\\]^-]/g, '\\$&')

/** The words as one alternation, longest first, so that 截止到 is tried before 截止; no words match nothing. */
export const alternation = (words: readonly string[]): string =>
  words.length === 0 ? '(?:(?!))' : `(?:${[...words].sort((a, b) => b.length - a.length).map(escape).join('|')})`

/** Single characters as one character class. */
export const charClass = (chars: Iterable<string>): string => `[${[...chars].map(escapeInClass).join('')}]`
