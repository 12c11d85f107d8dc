import { describe, expect, it } from 'vitest'
import { validate } from '../pipeline/stages/validate.ts'
import { extractText } from '../pipeline/extract-text.ts'
import type { Extraction, Mention } from '../pipeline/types.ts'

function extraction(mentions: Mention[]): Extraction {
  return { mentions, sentences: [], sections: [], terms: [] }
}

describe('validate', () => {
  const [good] = extractText('全年完成投资135亿元。', 'doc')

  it('keeps records that pass their schema', () => {
    expect(validate(extraction([good!]))).toEqual({ extraction: extraction([good!]), invalid: [] })
  })

  it('sets aside a failing record with its reason, keeping the rest', () => {
    const badKind = { ...good!, start: 3, kind: 'weight' } as unknown as Mention
    const emptySpan = { ...good!, start: 9, end: 9 }
    const result = validate(extraction([good!, badKind, emptySpan]))
    expect(result.extraction.mentions).toEqual([good])
    expect(result.invalid).toEqual([
      { table: 'mentions', start: 3, reason: expect.stringContaining('/kind') },
      { table: 'mentions', start: 9, reason: 'the span is empty' },
    ])
  })

  it('rejects values that are not finite', () => {
    const result = validate(extraction([{ ...good!, value: Number.POSITIVE_INFINITY }]))
    expect(result.invalid).toHaveLength(1)
  })
})
