// Every real report must run cleanly, and no input may make extraction throw
// or emit a span that is not the raw text at its offsets.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { extractRecords, extractText } from '../pipeline/extract-text.ts'
import { validate } from '../pipeline/stages/validate.ts'
import { corpusFiles, readCorpusFile } from './corpus.ts'


const catalog = parse(readFileSync(new URL('../raw/catalog.csv', import.meta.url)), { columns: true }) as { doc_id: string; file: string; year: string; level: string }[]
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

/** Figures with the value they must read as: digits, decimals, groups, numerals, multipliers. */
const NUMBERS = fc.oneof(
  fc.integer({ min: 2, max: 99999 }).map((value) => [String(value), value] as const),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 99 })).map(([whole, cents]) => [`${whole}.${String(cents).padStart(2, '0')}`, whole + cents / 100] as const),
  fc.integer({ min: 1000, max: 999999999 }).map((value) => [value.toLocaleString('en-US'), value] as const),
  fc.constantFrom(['三', 3], ['十二', 12], ['三百零七', 307], ['两千五百', 2500], ['四十六', 46], ['九百', 900]),
)
const MULTIPLIERS = fc.constantFrom(['', 1], ['万', 1e4], ['亿', 1e8], ['万亿', 1e12])
const UNITS = fc.constantFrom('元', '人', '吨', '个', '公里', '亩', '千瓦', '%')
/** Real sentences of the reports, each with the clause boundaries a figure can be spliced into; not inside quotes, where a figure is part of a name. */
const SENTENCES = corpusFiles()
  .flatMap((name) => readCorpusFile(name).split(/(?<=。)/))
  .filter((sentence) => sentence.includes('，') && sentence.length < 200 && !/[“”‘’《》"「」]/.test(sentence))

let splicedChecked = 0

/** A figure spliced between two clauses of a real sentence must come out whole, at its place, with its value. */
function checkSplice(sentence: string, boundary: number, number: readonly [string, number], multiplier: readonly [string, number], unit: string): boolean {
  const commas = [...sentence.matchAll(/，/g)].map((match) => match.index)
  const at = commas[boundary % commas.length]! + 1
  const figure = `${number[0]}${unit === '%' ? '' : multiplier[0]}${unit}`
  const text = `${sentence.slice(0, at)}新增${figure}，${sentence.slice(at)}`
  const start = [...text.slice(0, at + 2)].length
  const mention = extractText(text).find((candidate) => candidate.start === start)
  if (!mention || mention.text !== figure || mention.end !== start + [...figure].length) return false
  const expected = number[1] * (unit === '%' ? 1 : multiplier[1])
  if (Math.abs(mention.value - expected) > 1e-9 * expected) return false
  splicedChecked++
  return checkSpans(text)
}

describe('robustness', () => {
  it('finds every figure spliced into real sentences, whole and with its value', () => {
    fc.assert(fc.property(fc.constantFrom(...SENTENCES), fc.nat(), NUMBERS, MULTIPLIERS, UNITS, checkSplice), { numRuns: 600 })
    console.info(`spliced figures checked in real sentences: ${splicedChecked}`)
    expect(splicedChecked).toBe(600)
  })

  it.each(corpusFiles())('report %s extracts with exact spans, and every record passes its schema', (name) => {
    const text = readCorpusFile(name)
    expect(checkSpans(text)).toBe(true)
    const entry = catalog.find((row) => row.file === name)!
    const extraction = extractRecords(text, entry.doc_id, { year: Number(entry.year), national: entry.level === 'national' })
    expect(extraction.mentions.length).toBeGreaterThan(10)
    expect(validate(extraction).invalid).toEqual([])
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
