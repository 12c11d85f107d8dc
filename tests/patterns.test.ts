import { describe, expect, it } from 'vitest'
import { possibleIn } from '../pipeline/rules/patterns.ts'
import { timeWords } from '../pipeline/resources/vocabulary.ts'

const word = (entry: string) => entry

describe('possibleIn', () => {
  it('keeps, in list order, the words whose first character the text holds', () => {
    expect(possibleIn('今年比去年增长', ['去年', '明年', '今年', '年均', '近年'], word)).toEqual(['去年', '今年', '年均'])
  })

  it('forgets the characters of the texts before', () => {
    expect(possibleIn('明年', ['明年'], word)).toEqual(['明年'])
    expect(possibleIn('去年', ['明年'], word)).toEqual([])
  })

  it('never drops a word the text holds', () => {
    const words = timeWords.map((entry) => entry.word)
    for (const text of words.map((held) => `国内生产总值${held}增长5%`)) {
      const possible = possibleIn(text, words, word)
      expect(words.filter((held) => text.includes(held)).every((held) => possible.includes(held)), text).toBe(true)
    }
  })
})
