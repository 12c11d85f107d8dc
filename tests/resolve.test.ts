// The resolver on its own: the parts of a span as the scanner records them, and what they are worth.
import { describe, expect, it } from 'vitest'
import { resolve } from '../pipeline/rules/resolve.ts'

describe('resolve', () => {
  it('values numerals, signs and halves', () => {
    expect(resolve({ numeral: '两亿三千五百万' })).toEqual({ value: 235000000 })
    expect(resolve({ numeral: '一千二百零三万', negative: true })).toEqual({ value: -12030000 })
    expect(resolve({ numeral: '两', half: true })).toEqual({ value: 2.5 })
  })

  it('values fractions, mixed fractions and doublings', () => {
    expect(resolve({ numeral: '一', fraction: { denominator: '四' } }).value).toBe(0.25)
    expect(resolve({ numeral: '一', fraction: { denominator: '四', whole: '2' } }).value).toBe(2.25)
    expect(resolve({ numeral: '两', doubling: true }).value).toBe(4)
  })

  it('adds the parts of a compound sum in the first unit', () => {
    expect(resolve({ numeral: '一', addends: [{ numeral: '二', share: 0.1 }, { numeral: '五', share: 0.01 }] }).value).toBe(1.25)
  })

  it('gives a range its bounds, the lower end taking the upper multiplier only when it shares it', () => {
    expect(resolve({ numeral: '3', upper: { numeral: '5万' }, sharesMultiplier: true })).toEqual({ value: 30000, valueMax: 50000 })
    expect(resolve({ numeral: '一', upper: { numeral: '十' } })).toEqual({ value: 1, valueMax: 10 })
    expect(resolve({ numeral: '四十亿', upper: { numeral: '五十亿' } })).toEqual({ value: 4e9, valueMax: 5e9 })
  })
})
