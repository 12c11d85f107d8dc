// The numeral API as a user calls it: one module, no pipeline set-up.
import { describe, expect, it } from 'vitest'
import { findQuantities, parseNumber } from '../pipeline/index.ts'

describe('parseNumber', () => {
  it.each([
    ['两亿三千五百万', 235000000],
    ['負一千二百零三萬', -12030000],
    ['6 万 3 千', 63000],
    ['三分之一', 1 / 3],
    ['2又三分之一', 7 / 3],
    ['2,040,000', 2040000],
    ['五点零六', 5.06],
  ])('%s is %s', (text, value) => {
    expect(parseNumber(text)).toBeCloseTo(value, 9)
  })

  it.each(['十四五', '一切', '5元', ''])('%s is no number', (text) => {
    expect(parseNumber(text)).toBeUndefined()
  })
})

describe('findQuantities', () => {
  it('gives each quantity with its unit, kind and approximation, offsets into the text', () => {
    const text = '粮食产量六亿零八百多万吨，比上年增长2个多百分点。'
    const found = findQuantities(text)
    expect(found.map(({ text: written, value, unit, kind, approx }) => ({ written, value, unit, kind, approx }))).toEqual([
      { written: '六亿零八百多万吨', value: 608000000, unit: '吨', kind: 'mass', approx: 'over' },
      { written: '2个多百分点', value: 2, unit: '百分点', kind: 'percentage_point', approx: 'over' },
    ])
    for (const quantity of found) expect([...text].slice(quantity.start, quantity.end).join('')).toBe(quantity.text)
  })
})
