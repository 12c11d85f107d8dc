import { describe, expect, it } from 'vitest'
import { fold, normalize, OffsetMap } from '../pipeline/stages/normalize.ts'

describe('normalize', () => {
  it('folds full-width digits, letters, signs and the ideographic space', () => {
    expect(fold('　　ＰＭ２．５下降１２％；（三）')).toBe('  PM2.5下降12%;(三)')
  })

  it('keeps one UTF-16 unit per unit, so offsets carry over', () => {
    const raw = '增长５，９６０，２８１，０００元'
    expect(fold(raw)).toHaveLength(raw.length)
  })

  it('reads a letter inside a number as the digit text recognition took it for, and notes where', () => {
    const normalized = normalize('资金25l亿元，2O05年，PM2.5，Iowa 10 l')
    expect(normalized.folded).toBe('资金251亿元，2005年，PM2.5，Iowa 10 l'.replaceAll('，', ','))
    expect(normalized.raw).toContain('25l亿元')
    expect(normalized.notes).toContainEqual(expect.objectContaining({ ruleId: 'TEXT_LETTER_DIGITS', at: 4 }))
  })

  it('maps UTF-16 offsets to code points', () => {
    const offsets = new OffsetMap('a𠮷b𠮷c')
    expect([0, 1, 3, 4, 6, 7].map((offset) => offsets.toCodePoint(offset))).toEqual([0, 1, 2, 3, 4, 5])
    expect(normalize('abc').offsets.toCodePoint(2)).toBe(2)
  })
})
