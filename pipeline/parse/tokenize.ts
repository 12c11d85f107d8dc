// Tokenizing Chinese text into NLCST, one pass per level (as parse-latin does):
// paragraphs by line ends, sentences by their closing marks, words by
// Intl.Segmenter over short runs of Han characters.
import type { Paragraph, Punctuation, Root, Sentence, SentenceContent, Symbol as SymbolNode, WhiteSpace, Word } from 'nlcst'

/** A sentence ends after one of these; closing quotes and brackets stay with it. */
const TERMINATORS = /[。！？；!?;…]/u
const CLOSERS = /[”’」』）)》"'】]/u
const HAN = /[\p{Script=Han}〇]/u
const WORD_CHAR = /[\p{L}\p{Nd}]/u
const DIGIT = /\d/
/** Intl.Segmenter is super-linear on long strings: feed it bounded runs. */
const MAX_SEGMENT_RUN = 256

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

type Offsets = { start: number; end: number }
type Positioned<T> = T & { data: Offsets }

function whiteSpace(value: string, start: number): Positioned<WhiteSpace> {
  return { type: 'WhiteSpaceNode', value, data: { start, end: start + value.length } }
}

function word(value: string, start: number): Positioned<Word> {
  const data = { start, end: start + value.length }
  return { type: 'WordNode', children: [{ type: 'TextNode', value, data: { ...data } }], data }
}

function mark(value: string, start: number): Positioned<Punctuation | SymbolNode> {
  const type = /\p{P}/u.test(value) ? 'PunctuationNode' : 'SymbolNode'
  return { type, value, data: { start, end: start + value.length } }
}

/** Length of the run at `at` whose characters all pass `test`, up to `limit`. */
function runLength(text: string, at: number, test: (char: string, index: number) => boolean, limit = Infinity): number {
  let end = at
  while (end < text.length && end - at < limit && test(text[end]!, end)) end++
  return end - at
}

/** Latin words and numbers, keeping 303.5 and 5,960,281 whole. */
function isWordChar(text: string, index: number): boolean {
  const char = text[index]!
  if (WORD_CHAR.test(char) && !HAN.test(char)) return true
  return (char === '.' || char === ',') && DIGIT.test(text[index - 1] ?? '') && DIGIT.test(text[index + 1] ?? '')
}

function tokenizeSentence(text: string, offset: number): SentenceContent[] {
  const nodes: SentenceContent[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at]!
    if (/\s/u.test(char)) {
      const length = runLength(text, at, (c) => /\s/u.test(c))
      nodes.push(whiteSpace(text.slice(at, at + length), offset + at))
      at += length
    } else if (HAN.test(char)) {
      const length = runLength(text, at, (c) => HAN.test(c), MAX_SEGMENT_RUN)
      for (const { segment, index } of segmenter.segment(text.slice(at, at + length))) nodes.push(word(segment, offset + at + index))
      at += length
    } else if (isWordChar(text, at)) {
      const length = runLength(text, at, (_, index) => isWordChar(text, index))
      nodes.push(word(text.slice(at, at + length), offset + at))
      at += length
    } else {
      const length = char === '—' || char === '…' ? runLength(text, at, (c) => c === char) : [...text.slice(at, at + 2)][0]!.length
      nodes.push(mark(text.slice(at, at + length), offset + at))
      at += length
    }
  }
  return nodes
}

function sentenceEnds(text: string): number[] {
  const ends: number[] = []
  let at = 0
  while (at < text.length) {
    if (TERMINATORS.test(text[at]!)) {
      let end = at + 1
      while (end < text.length && (TERMINATORS.test(text[end]!) || CLOSERS.test(text[end]!))) end++
      ends.push(end)
      at = end
    } else {
      at++
    }
  }
  if (ends.at(-1) !== text.length) ends.push(text.length)
  return ends
}

function tokenizeParagraph(text: string, offset: number): Positioned<Paragraph> {
  const children: Paragraph['children'] = []
  let start = 0
  for (const end of sentenceEnds(text)) {
    const leading = runLength(text, start, (c) => /\s/u.test(c))
    if (leading) children.push(whiteSpace(text.slice(start, start + leading), offset + start))
    if (start + leading < end) {
      const sentence: Positioned<Sentence> = {
        type: 'SentenceNode',
        children: tokenizeSentence(text.slice(start + leading, end), offset + start + leading),
        data: { start: offset + start + leading, end: offset + end },
      }
      children.push(sentence)
    }
    start = end
  }
  return { type: 'ParagraphNode', children, data: { start: offset, end: offset + text.length } }
}

/**
 * Paragraphs are lines, and line ends white space between them; but a line of only
 * zero-width spaces (what web copies leave around a phrase set in bold) joins the
 * lines on either side into one paragraph.
 */
const PARAGRAPHS = /[^\r\n]+(?:\r?\n\u200b+\r?\n[^\r\n]+)*|\r?\n|\r/g

export function tokenize(text: string): Root {
  const children: Root['children'] = []
  for (const match of text.matchAll(PARAGRAPHS)) {
    const value = match[0]
    children.push(/^[\r\n]+$/.test(value) ? whiteSpace(value, match.index) : tokenizeParagraph(value, match.index))
  }
  return { type: 'RootNode', children, data: { start: 0, end: text.length } } as Root
}
