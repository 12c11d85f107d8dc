// Tokenizing Chinese text into NLCST, one pass per level (as parse-latin does):
// paragraphs by line ends, sentences by their closing marks, words by
// Intl.Segmenter over short runs of Han characters. Nodes get their unist
// positions as they are made, and characters are classed by a table, not a
// regex per character: the tree of a long report has millions of nodes.
import type { Paragraph, Punctuation, Root, Sentence, SentenceContent, Source, Symbol as SymbolNode, WhiteSpace, Word } from 'nlcst'
import type { Point, Position } from 'unist'
import { lastAtOrBefore } from '../text.ts'
import { segmentWords } from './segment.ts'

/** Which sentences to split into words; the others stay one SourceNode (lossless, positioned, not segmented). */
export type SegmentWhen = (sentence: string) => boolean

const SPACE = 1
const HAN = 2
/** Letters and digits other than Han: Latin words and numbers. */
const WORD = 4
const DIGIT = 8
const PUNCTUATION = 16
/** A sentence ends after one of these; closing quotes and brackets stay with it. */
const TERMINATOR = 32
const CLOSER = 64

/** The class bits of every UTF-16 unit; a lone surrogate has none, as it matches no /u class. */
const CLASSES = (() => {
  const classes = new Uint8Array(0x10000)
  const tests: [RegExp, number][] = [
    [/\s/u, SPACE],
    // the Han script holds the zero 〇 too
    [/\p{Script=Han}/u, HAN],
    [/[\p{L}\p{Nd}]/u, WORD],
    [/\d/, DIGIT],
    [/\p{P}/u, PUNCTUATION],
    [/[。！？；!?;…]/u, TERMINATOR],
    [/[”’」』）)》"'】]/u, CLOSER],
  ]
  for (let code = 0; code < classes.length; code++) {
    const char = String.fromCharCode(code)
    for (const [test, bit] of tests) if (test.test(char)) classes[code]! |= bit
  }
  for (let code = 0; code < classes.length; code++) if (classes[code]! & HAN) classes[code]! &= ~WORD
  return classes
})()

const has = (text: string, index: number, bit: number) => index >= 0 && index < text.length && (CLASSES[text.charCodeAt(index)]! & bit) !== 0
/** Intl.Segmenter is super-linear on long strings: feed it bounded runs. */
const MAX_SEGMENT_RUN = 256

/** Offsets to unist points: line starts found once, then a cursor that mostly moves forward. */
class Points {
  private readonly starts = [0]
  private line = 0

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1)
  }

  at(offset: number): Point {
    const { starts } = this
    if (offset < starts[this.line]!) this.line = lastAtOrBefore(starts, offset)
    while (this.line + 1 < starts.length && starts[this.line + 1]! <= offset) this.line++
    return { line: this.line + 1, column: offset - starts[this.line]! + 1, offset }
  }

  span(start: number, end: number): Position {
    return { start: this.at(start), end: this.at(end) }
  }
}

interface Context {
  points: Points
  segmentWhen: SegmentWhen
}

function whiteSpace(value: string, start: number, context: Context): WhiteSpace {
  return { type: 'WhiteSpaceNode', value, position: context.points.span(start, start + value.length) }
}

function word(value: string, start: number, context: Context): Word {
  const position = context.points.span(start, start + value.length)
  return { type: 'WordNode', children: [{ type: 'TextNode', value, position }], position } // the text spans its word exactly
}

function mark(value: string, start: number, context: Context): Punctuation | SymbolNode {
  const punctuation = value.length === 1 ? has(value, 0, PUNCTUATION) : /\p{P}/u.test(value)
  return { type: punctuation ? 'PunctuationNode' : 'SymbolNode', value, position: context.points.span(start, start + value.length) }
}

/** End of the run from `at` whose units all have `bit`, at most `limit` long. */
function runEnd(text: string, at: number, bit: number, limit = Infinity): number {
  let end = at
  while (end < text.length && end - at < limit && has(text, end, bit)) end++
  return end
}

/** Latin words and numbers, keeping 303.5 and 5,960,281 whole. */
function isWordChar(text: string, index: number): boolean {
  if (has(text, index, WORD)) return true
  const char = text[index]
  return (char === '.' || char === ',') && has(text, index - 1, DIGIT) && has(text, index + 1, DIGIT)
}

function markLength(text: string, at: number): number {
  const char = text[at]!
  if (char === '—' || char === '…') {
    let end = at
    while (text[end] === char) end++
    return end - at
  }
  return text.codePointAt(at)! > 0xffff ? 2 : 1
}

function tokenizeSentence(text: string, offset: number, context: Context): SentenceContent[] {
  const nodes: SentenceContent[] = []
  let at = 0
  while (at < text.length) {
    let end: number
    if (has(text, at, SPACE)) {
      end = runEnd(text, at, SPACE)
      nodes.push(whiteSpace(text.slice(at, end), offset + at, context))
    } else if (has(text, at, HAN)) {
      end = runEnd(text, at, HAN, MAX_SEGMENT_RUN)
      for (const { segment, index } of segmentWords(text.slice(at, end))) nodes.push(word(segment, offset + at + index, context))
    } else if (isWordChar(text, at)) {
      end = at + 1
      while (end < text.length && isWordChar(text, end)) end++
      nodes.push(word(text.slice(at, end), offset + at, context))
    } else {
      end = at + markLength(text, at)
      nodes.push(mark(text.slice(at, end), offset + at, context))
    }
    at = end
  }
  return nodes
}

function sentenceEnds(text: string): number[] {
  const ends: number[] = []
  let at = 0
  while (at < text.length) {
    if (has(text, at, TERMINATOR)) {
      const end = runEnd(text, at + 1, TERMINATOR | CLOSER)
      ends.push(end)
      at = end
    } else {
      at++
    }
  }
  if (ends.at(-1) !== text.length) ends.push(text.length)
  return ends
}

function sentence(text: string, offset: number, context: Context): Sentence {
  const position = context.points.span(offset, offset + text.length)
  if (context.segmentWhen(text)) return { type: 'SentenceNode', children: tokenizeSentence(text, offset, context), position }
  const source: Source = { type: 'SourceNode', value: text, position: context.points.span(offset, offset + text.length) }
  return { type: 'SentenceNode', children: [source], position }
}

function tokenizeParagraph(text: string, offset: number, context: Context): Paragraph {
  const position = context.points.span(offset, offset + text.length)
  const children: Paragraph['children'] = []
  let start = 0
  for (const end of sentenceEnds(text)) {
    const content = Math.min(runEnd(text, start, SPACE), end)
    if (content > start) children.push(whiteSpace(text.slice(start, content), offset + start, context))
    if (content < end) children.push(sentence(text.slice(content, end), offset + content, context))
    start = end
  }
  return { type: 'ParagraphNode', children, position }
}

/**
 * Paragraphs are lines, and line ends white space between them; but a line of only
 * zero-width spaces (what web copies leave around a phrase set in bold) joins the
 * lines on either side into one paragraph.
 */
const PARAGRAPHS = /[^\r\n]+(?:\r?\n\u200b+\r?\n[^\r\n]+)*|\r?\n|\r/g

export function tokenize(text: string, segmentWhen: SegmentWhen = () => true): Root {
  const context: Context = { points: new Points(text), segmentWhen }
  const position = context.points.span(0, text.length)
  const children: Root['children'] = []
  for (const match of text.matchAll(PARAGRAPHS)) {
    const value = match[0]
    children.push(/^[\r\n]+$/.test(value) ? whiteSpace(value, match.index, context) : tokenizeParagraph(value, match.index, context))
  }
  return { type: 'RootNode', children, position }
}
