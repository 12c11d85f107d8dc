// normalize: fold full-width forms (digits, letters, punctuation, ideographic
// space) to ASCII and traditional characters to simplified ones for matching, and the characters that hide in copied text (NUL,
// zero-width and other invisible marks, line and paragraph separators) to their plain
// kin. Folding is one UTF-16 unit for one, so every offset into the folded text is an
// offset into the raw text; OffsetMap turns those into the code-point offsets that
// records carry. HTML is read as its text the same way. Each choice is a note.
import { looksLikeHtml, stripMarkup } from '../markup.ts'
import { tables } from '../resources/tables.ts'
import type { Note } from './errors.ts'

export interface Normalized {
  raw: string
  folded: string
  offsets: OffsetMap
  notes: Note[]
}

const FULL_WIDTH_FIRST = 0xff01
const FULL_WIDTH_LAST = 0xff5e
const FULL_TO_ASCII = 0xfee0
const IDEOGRAPHIC_SPACE = 0x3000
/** The minus sign and the small hyphen-minus of typeset or converted text (−5℃, ﹣5%) read as the hyphen-minus. */
const MINUS_SIGNS = new Set([0x2212, 0xfe63])
/** Invisible format characters read as the zero-width space that the scanner steps over. */
const INVISIBLE = /[\u00ad\u180e\u200c\u200d\u2060-\u2064\ufeff]/g
const SEPARATORS = /[\u2028\u2029\u0085]/g
const NUL = /\0/g
const LONE_CR = /\r(?!\n)/
/** 25l亿元, 2O05年: a letter that text recognition took for a digit, inside a number (before a digit or a magnitude). */
const LETTER_DIGITS = /(?<=\d)[lIO](?=[\d十百千万亿])/g
const asDigit = (letter: string) => (letter === 'O' ? '0' : '1')

/** What each UTF-16 unit folds to, worked out once: a report is millions of units. */
const FOLDED_UNIT = (() => {
  const units = new Uint16Array(0x10000)
  for (let code = 0; code < units.length; code++) {
    const char = String.fromCharCode(code)
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) units[code] = code - FULL_TO_ASCII
    else if (code === IDEOGRAPHIC_SPACE || code === 0xa0) units[code] = 0x20
    else if (MINUS_SIGNS.has(code)) units[code] = 0x2d
    else units[code] = (tables.simplified.get(char) ?? char).charCodeAt(0)
  }
  return units
})()
/** Units turned into a string at a time: String.fromCharCode takes its arguments on the stack. */
const CHUNK = 8192

export function fold(text: string): string {
  const parts: string[] = []
  const units = new Uint16Array(Math.min(text.length, CHUNK))
  for (let start = 0; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK)
    for (let index = start; index < end; index++) units[index - start] = FOLDED_UNIT[text.charCodeAt(index)]!
    parts.push(String.fromCharCode(...units.subarray(0, end - start)))
  }
  return parts.join('')
}

/** UTF-16 offsets to code-point offsets (they differ only after astral characters). */
export class OffsetMap {
  private readonly codePoints: Uint32Array | undefined

  constructor(text: string) {
    if (!/[\uD800-\uDBFF]/.test(text)) return
    this.codePoints = new Uint32Array(text.length + 1)
    let count = 0
    for (let index = 0; index < text.length; index++) {
      this.codePoints[index] = count
      const pair = (text.charCodeAt(index) & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00
      if (pair) this.codePoints[++index] = count
      count++
    }
    this.codePoints[text.length] = count
  }

  toCodePoint(offset: number): number {
    return this.codePoints ? this.codePoints[offset]! : offset
  }
}

/** Replaces every match of `pattern` by `by` (one unit for one), noting how many and where the first was. */
function replaceNoted(text: string, pattern: RegExp, by: string | ((match: string) => string), notes: Note[], ruleId: string, what: string): string {
  let count = 0
  let first = -1
  const replaced = text.replace(pattern, (match: string, at: number) => {
    if (count++ === 0) first = at
    return typeof by === 'string' ? by : by(match)
  })
  if (count > 0) notes.push({ ruleId, reason: `${count} ${what}`, at: first })
  return replaced
}

export interface NormalizeOptions {
  /** Read the text as HTML: true, false, or undefined to decide from its content. */
  html?: boolean
}

export function normalize(raw: string, options: NormalizeOptions = {}): Normalized {
  const notes: Note[] = []
  let text = raw
  if (options.html ?? looksLikeHtml(raw)) {
    const stripped = stripMarkup(raw)
    text = stripped.text
    notes.push({ ruleId: 'TEXT_HTML', reason: `read as HTML: ${stripped.tags} tags read as spaces, ${stripped.entities} entities as their characters; offsets point into the HTML` })
  }
  text = replaceNoted(text, NUL, ' ', notes, 'TEXT_NUL', 'NUL character(s) read as spaces')
  text = replaceNoted(text, INVISIBLE, '\u200b', notes, 'TEXT_INVISIBLE', 'invisible format character(s) (soft hyphen, zero-width joiner, word joiner, BOM) read as zero-width spaces')
  text = replaceNoted(text, SEPARATORS, '\n', notes, 'TEXT_SEPARATORS', 'line or paragraph separator(s) (U+2028, U+2029, U+0085) read as line ends')
  const loneCr = text.search(LONE_CR)
  if (loneCr >= 0) notes.push({ ruleId: 'TEXT_CR_LINE_ENDS', reason: 'lone carriage returns read as line ends', at: loneCr })
  const folded = replaceNoted(fold(text), LETTER_DIGITS, asDigit, notes, 'TEXT_LETTER_DIGITS', 'letter(s) inside a number (25l亿元, 2O05年) read as digits')
  return { raw, folded, offsets: new OffsetMap(raw), notes }
}
