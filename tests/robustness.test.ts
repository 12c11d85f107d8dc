// Every real report must run cleanly, and no input may make extraction throw
// or emit a span that is not the raw text at its offsets.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractText } from '../pipeline/extract-text.ts'
import { corpusFiles, readCorpusFile } from './corpus.ts'


const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function checkSpans(text: string) {
  const points = [...text]
  for (const mention of extractText(text)) {
    if (points.slice(mention.start, mention.end).join('') !== mention.text) return false
    if (!Number.isFinite(mention.value) || (mention.value_max !== undefined && !Number.isFinite(mention.value_max))) return false
    if (LONE_SURROGATE.test(mention.indicator) || LONE_SURROGATE.test(mention.sentence)) return false
  }
  return true
}

describe('robustness', () => {
  it.each(corpusFiles())('report %s extracts with exact spans', (name) => {
    const text = readCorpusFile(name)
    expect(checkSpans(text)).toBe(true)
    expect(extractText(text).length).toBeGreaterThan(10)
  })

  it('holds for random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkSpans), { numRuns: 300 })
  })

  it('holds for report-like text: digits, numerals, multipliers, units and marks', () => {
    const pieces = fc.constantFrom('1', '0', '5', '.', ',', '，', '、', '３', '．', '一', '二', '两', '十', '百', '千', '万', '亿', '点', '零', '〇', '余', '多', '个', '元', '亿元', '%', '％', '百分点', '年', '月', '第', '超', '近', '约', '左右', '以上', '—', '至', '/', '吨', '千瓦', '“', '”', '《', '》', '。', '；', '\n', '𠮷', 'PM', 'G', '增长', '下降', '分之', '翻', '番', '百分之')
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), checkSpans), { numRuns: 1000 })
  })

  it('never cuts a surrogate pair in an indicator', () => {
    expect(checkSpans(`完成30条${'𠮷'.repeat(40)}建设。`)).toBe(true)
    expect(checkSpans(`${'a𠮷'.repeat(20)}增长5%。`)).toBe(true)
  })

  it('holds for very long digit runs and numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.constantFrom('9', '万', '亿', '一', '9.'), fc.constantFrom('', '元', '%', '万元'), (length, unit, suffix) =>
        checkSpans(`增长${unit.repeat(length)}${suffix}。`),
      ),
    )
  })
})
