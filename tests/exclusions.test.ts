// Every number is accounted for: each digit of every report lies in a mention or
// in an exclusion, and each exclusion names the rule that set it aside.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { extractRecords } from '../pipeline/extract-text.ts'
import { EXCLUSION_RULES } from '../pipeline/rules/exclusions.ts'

const catalog = parse(readFileSync(new URL('../raw/catalog.csv', import.meta.url)), { columns: true }) as { doc_id: string; file: string }[]
const DIGIT = /[0-9\uff10-\uff19]/u

describe('exclusions', () => {
  it.each(catalog.map((entry) => [entry.doc_id, entry.file] as const))('%s: every digit is in a mention or an exclusion', (docId, file) => {
    const raw = readFileSync(new URL(`../raw/${file}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '')
    const { mentions, exclusions } = extractRecords(raw, docId)
    const codePoints = [...raw]
    const covered = new Uint8Array(codePoints.length)
    for (const record of [...mentions, ...exclusions]) covered.fill(1, record.start, record.end)
    const uncovered = codePoints.flatMap((char, at) => (DIGIT.test(char) && !covered[at] ? [codePoints.slice(Math.max(0, at - 6), at + 6).join('')] : []))
    expect(uncovered).toEqual([])
    for (const exclusion of exclusions) {
      expect(Object.keys(EXCLUSION_RULES)).toContain(exclusion.rule)
      expect(codePoints.slice(exclusion.start, exclusion.end).join('')).toBe(exclusion.text)
    }
  })

  it.each([
    ['共三百零七', '三百零七', 'no-unit', 307],
    ['细颗粒物PM2.5浓度下降', '2.5', 'code', undefined],
    ['2023年经济回升', '2023年', 'date', 2023],
    ['出台“江苏省42条”', '42条', 'name', 42],
    ['新一轮改革', '一轮', 'indefinite', 1],
    ['60岁以上人口已达2.5亿', '60岁', 'group-bound', 60],
    ['推进“十四五”规划', '十四五', 'not-a-number', undefined],
  ])('%s sets aside %s by %s', (sentence, text, rule, value) => {
    const { mentions, exclusions } = extractRecords(sentence)
    const exclusion = exclusions.find((record) => record.text === text)
    expect(exclusion).toMatchObject({ rule, ...(value === undefined ? {} : { value }) })
    expect(mentions.some((mention) => mention.text === text)).toBe(false)
  })
})
