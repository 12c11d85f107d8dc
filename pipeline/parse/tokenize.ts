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
/** Opening quotes and brackets: a line that ends in one breaks inside a name (制定了《). */
const OPENER = 128

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
    [/[“‘「『（(《【]/u, OPENER],
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

/**
 * Offsets to unist points: line starts found once, then a cursor that mostly moves forward.
 * A node's end is where the next one starts, so the two share one point: a long report's tree
 * holds millions of them, and they are never changed.
 */
class Points {
  private readonly starts = [0]
  private line = 0
  private last: Point = { line: 1, column: 1, offset: 0 }

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1)
  }

  at(offset: number): Point {
    if (offset === this.last.offset) return this.last
    const { starts } = this
    if (offset < starts[this.line]!) this.line = lastAtOrBefore(starts, offset)
    while (this.line + 1 < starts.length && starts[this.line + 1]! <= offset) this.line++
    this.last = { line: this.line + 1, column: offset - starts[this.line]! + 1, offset }
    return this.last
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

/** pqdweb?RQT=305: a ? or ! between Latin letters or digits is part of a web address or a code, not a sentence's end. */
const INSIDE_LATIN = /^[A-Za-z0-9/][?!][A-Za-z0-9]$/

function sentenceEnds(text: string): number[] {
  const ends: number[] = []
  let at = 0
  while (at < text.length) {
    if (has(text, at, TERMINATOR) && !INSIDE_LATIN.test(text.slice(at - 1, at + 2))) {
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

/** Which lines open a paragraph whatever stands before them (a section heading); none by default. */
export type OpensParagraph = (line: string) => boolean

const ZERO_WIDTH_LINE = /^\u200b+$/
const LINE_BREAK = /^(?:\r?\n|\r)$/
/** A colon ends a lead-in line (以下七方面工作：) as a full stop does. */
const COLONS = ':：'

/**
 * Whether a paragraph stops in mid-sentence: it holds a full sentence (`holdsEnd`), so it is no heading,
 * yet its last mark closes none (广义货币M); 'in-name' where it stops after an opening mark (制定了《).
 */
function stopsMidSentence(text: string, start: number, end: number, holdsEnd: boolean): 'in-name' | boolean {
  let last = end - 1
  while (last >= start && (has(text, last, SPACE) || text[last] === '\u200b')) last--
  if (last < start || has(text, last, TERMINATOR | CLOSER) || COLONS.includes(text[last]!)) return false
  if (!holdsEnd) return false
  return has(text, last, OPENER) ? 'in-name' : true
}

/** How many lines a sentence broken by a web copy runs on for before it ends (广义货币M / 2 / 增长13.6%。). */
const BROKEN_SENTENCE_LINES = 5

function holdsTerminator(line: string): boolean {
  for (let at = 0; at < line.length; at++) if (has(line, at, TERMINATOR)) return true
  return false
}

/**
 * Paragraphs are lines, and line ends white space between them. Web copies break lines around a
 * phrase set in bold (广义货币M / 2 / 增长13.6%, 制定了《 / 建议 / 》), and may leave a line of only
 * zero-width spaces there: such a line, and a line end in mid-sentence before lines that end the
 * sentence within a few lines (a list of one item a line ends none) and open no section, join the
 * lines on either side into one paragraph. The [start, end) of each paragraph.
 */
function paragraphSpans(text: string, opensParagraph: OpensParagraph): [number, number][] {
  const spans: [number, number][] = []
  const lines = [...text.matchAll(/[^\r\n]+/g)]
  const ends = lines.map((line) => holdsTerminator(line[0]))
  const lineEnd = (index: number) => lines[index]!.index + lines[index]![0].length
  // a blank line or a heading ends the search: what stands after it finishes no sentence before it
  const continuesAt = (index: number) => LINE_BREAK.test(text.slice(lineEnd(index - 1), lines[index]!.index)) && !opensParagraph(lines[index]![0])
  const endsWithin = (index: number) => {
    for (let next = index; next < Math.min(lines.length, index + BROKEN_SENTENCE_LINES); next++) {
      if (next > index && !continuesAt(next)) return false
      if (ends[next]) return true
    }
    return false
  }
  let open: { start: number; end: number; afterZeroWidth: boolean; holdsEnd: boolean } | undefined
  for (const [index, line] of lines.entries()) {
    const start = line.index
    const end = start + line[0].length
    const zeroWidth = ZERO_WIDTH_LINE.test(line[0])
    const single = open !== undefined && LINE_BREAK.test(text.slice(open.end, start))
    const stops = single ? stopsMidSentence(text, open!.start, open!.end, open!.holdsEnd) : false
    // a heading never opens inside a name: 根据《 / 建议 / 》 is one sentence though 建议 could head a part
    const continues = stops === true && !opensParagraph(line[0]) && endsWithin(index)
    const joins = single && (open!.afterZeroWidth || zeroWidth || stops === 'in-name' || continues)
    if (joins) {
      open = { start: open!.start, end, afterZeroWidth: zeroWidth, holdsEnd: open!.holdsEnd || ends[index]! }
      continue
    }
    if (open) spans.push([open.start, open.end])
    open = { start, end, afterZeroWidth: false, holdsEnd: ends[index]! }
  }
  if (open) spans.push([open.start, open.end])
  return spans
}

/** The white space between paragraphs, one node per line end. */
function lineEnds(value: string, offset: number, context: Context): WhiteSpace[] {
  return [...value.matchAll(/\r?\n|\r/g)].map((match) => whiteSpace(match[0], offset + match.index, context))
}

export function tokenize(text: string, segmentWhen: SegmentWhen = () => true, opensParagraph: OpensParagraph = () => false): Root {
  const context: Context = { points: new Points(text), segmentWhen }
  const position = context.points.span(0, text.length)
  const children: Root['children'] = []
  let at = 0
  for (const [start, end] of paragraphSpans(text, opensParagraph)) {
    children.push(...lineEnds(text.slice(at, start), at, context), tokenizeParagraph(text.slice(start, end), start, context))
    at = end
  }
  children.push(...lineEnds(text.slice(at), at, context))
  return { type: 'RootNode', children, position }
}
