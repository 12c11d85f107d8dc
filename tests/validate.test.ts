import { describe, expect, it } from 'vitest'
import { extract } from '../pipeline/stages/extract.ts'
import { normalize } from '../pipeline/stages/normalize.ts'
import { parse } from '../pipeline/stages/parse.ts'
import { validate } from '../pipeline/stages/validate.ts'
import type { Extraction, Mention } from '../pipeline/types.ts'

function extractionOf(text: string): Extraction {
  const normalized = normalize(text)
  const { notes, year, ...extraction } = extract(parse(normalized.folded), normalized, { docId: 'doc', year: 2024, national: true })
  return extraction
}

describe('validate', () => {
  const whole = extractionOf('全年完成投资135亿元。')
  const good = whole.mentions[0]!
  const withMentions = (mentions: Mention[]): Extraction => ({ ...whole, mentions })

  it('keeps records that pass their schema', () => {
    expect(validate(whole)).toEqual({ extraction: whole, invalid: [] })
  })

  it('sets aside a failing record with its reason, keeping the rest', () => {
    const badKind = { ...good, start: 3, kind: 'weight' } as unknown as Mention
    const emptySpan = { ...good, start: 9, end: 9 }
    const result = validate(withMentions([good, badKind, emptySpan]))
    expect(result.extraction.mentions).toEqual([good])
    expect(result.invalid).toEqual([
      { table: 'mentions', start: 3, reason: expect.stringContaining('/kind') },
      { table: 'mentions', start: 9, reason: 'the span is empty' },
    ])
  })

  it('rejects values that are not finite', () => {
    const result = validate(withMentions([{ ...good, value: Number.POSITIVE_INFINITY }]))
    expect(result.extraction.mentions).toEqual([])
    expect(result.invalid).toHaveLength(1)
  })

  it('sets aside the mentions of a sentence it sets aside, so no key points at nothing', () => {
    const badSentence = { ...whole.sentences[0]!, paragraph: 0 }
    const result = validate({ ...whole, sentences: [badSentence] })
    expect(result.extraction.sentences).toEqual([])
    expect(result.extraction.mentions).toEqual([])
    expect(result.invalid.map((problem) => problem.table)).toEqual(['sentences', 'mentions'])
  })
})
