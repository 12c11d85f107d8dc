import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseNumber } from '../pipeline/index.ts'
import { magnitudeValue } from '../pipeline/rules/numerals.ts'

const table = JSON.parse(readFileSync(new URL('spec/numerals.json', import.meta.url), 'utf8')) as [string, number | null][]

describe('parseNumber', () => {
  it.each(table)('%s → %s', (written, value) => {
    expect(parseNumber(written) ?? null).toBe(value)
  })
})

describe('Arabic numbers and magnitudes', () => {
  it('drops thousands separators', () => {
    expect(parseNumber('5,960,281,000')).toBe(5960281000)
    expect(parseNumber('303.5')).toBe(303.5)
  })
  it('multiplies magnitude words', () => {
    expect(magnitudeValue('万亿')).toBe(1e12)
    expect(magnitudeValue('千')).toBe(1000)
    expect(magnitudeValue('')).toBeUndefined()
    expect(magnitudeValue('五')).toBeUndefined()
  })
})
