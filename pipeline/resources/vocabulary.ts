// The vocabulary that lines figures up across reports: indicator codes (indicators.csv),
// the time words that set a figure's period (time-words.csv) and the words that tell a
// part heading's kind (heading-words.csv). Read and checked once, like tables.ts.
import { readTable } from './tables.ts'

const MEASURES = ['level', 'change', 'share'] as const
export type Measure = (typeof MEASURES)[number]
const BETTER = ['higher', 'lower', 'none'] as const
/** Which way a figure beats its target: growth up, unemployment and prices down. */
export type Better = (typeof BETTER)[number]
const PARTS = ['review', 'plan', 'appendix', 'title'] as const
export type PartKind = (typeof PARTS)[number]

export interface Indicator {
  code: string
  nameZh: string
  nameEn: string
  measure: Measure
  /** For a change code, the change its positive values are: growth up, a reduction down. */
  positive?: 'up' | 'down'
  units: string[]
  better: Better
  /** How reports write it, across levels and eras, longest first. */
  surfaces: string[]
  /** Words that, in the phrase, make it something else (人均, 第一产业, 增加值). */
  excludes: string[]
}

const list = (cell: string | undefined) => (cell ? cell.split('|').filter(Boolean) : [])

export const indicators: Indicator[] = readTable('indicators.csv', ['code', 'name_zh', 'name_en', 'measure', 'units', 'better', 'surfaces'] as const, {
  optional: ['excludes', 'positive'],
  allowed: { measure: MEASURES, better: BETTER, positive: ['up', 'down'] },
}).map((row) => {
  if (!/^[a-z][a-z0-9_]*$/.test(row.code)) throw new Error(`indicators.csv: code "${row.code}" is not snake_case`)
  if ((row.measure === 'change') !== Boolean(row.positive)) throw new Error(`indicators.csv: ${row.code} needs positive exactly when its measure is change`)
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    measure: row.measure as Measure,
    ...(row.positive ? { positive: row.positive as 'up' | 'down' } : {}),
    units: list(row.units),
    better: row.better as Better,
    surfaces: list(row.surfaces).sort((a, b) => b.length - a.length),
    excludes: list(row.excludes),
  }
})

export const indicatorByCode = new Map(indicators.map((indicator) => [indicator.code, indicator]))

export interface TimeWord {
  word: string
  /** Years relative to the report's year, for words that name a period (去年: -1, -1). */
  from?: number
  to?: number
  /**
   * An average over the period: `always` (平均每年), or `rate` (年均), which is one only
   * before a change (年均增长) or right before the figure (年均1270万人), not before a
   * level of one year (年均浓度).
   */
  perYear?: PerYear
  /** 上年: the year before the one the text speaks of (the year reviewed, in a review), not before the report's. */
  beforeTopic?: boolean
  /** What before the word makes it part of another one (目前年产量, 解放前年产钢: 目前 and 年产量, not 前年). */
  unlessBefore?: RegExp
}

export type PerYear = 'always' | 'rate'

export const timeWords: TimeWord[] = readTable('time-words.csv', ['word'] as const, { optional: ['from', 'to', 'per_year', 'relative_to', 'unless_preceded_by'], allowed: { per_year: ['always', 'rate'], relative_to: ['topic'] } })
  .map((row) => ({
    word: row.word,
    ...(row.from ? { from: Number(row.from), to: Number(row.to) } : {}),
    ...(row.per_year ? { perYear: row.per_year as PerYear } : {}),
    ...(row.relative_to ? { beforeTopic: true } : {}),
    ...(row.unless_preceded_by ? { unlessBefore: new RegExp(row.unless_preceded_by, 'u') } : {}),
  }))
  // longest first; of two that overlap as long, the average wins (基础上年均增长 is 年均, not 上年)
  .sort((a, b) => b.word.length - a.word.length || Number(b.perYear !== undefined) - Number(a.perYear !== undefined))

/** Words that tell what a heading opens; longest first, so 工作报告 (a title) wins over 工作 (a plan). */
export const headingWords = readTable('heading-words.csv', ['word', 'part'] as const, { allowed: { part: PARTS } })
  .map((row) => ({ word: row.word, part: row.part as PartKind }))
  .sort((a, b) => b.word.length - a.word.length)

/** The five-year plans by name (十四五: 2021–2025), longest name first so 十五五 is not read as 十五. */
export const plans = readTable('plans.csv', ['plan', 'start', 'end'] as const)
  .map((row) => ({ plan: row.plan, start: Number(row.start), end: Number(row.end) }))
  .sort((a, b) => b.plan.length - a.plan.length)
