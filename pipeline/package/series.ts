// The series (INDICATORS.md): one row per region, indicator code and period, with the
// target the region set for it in the report of the period's year and the result a
// later report of the same region gave. Bounds stay bounds; a figure stated twice is
// held once; competing figures are named in the note, never dropped silently.
import { indicatorByCode, type Better } from '../resources/vocabulary.ts'
import type { Approx } from '../resources/tables.ts'
import { roundFloat } from '../rules/numerals.ts'
import type { CatalogEntry, Mention } from '../types.ts'

export interface SeriesRow extends Record<string, string | number | boolean | undefined> {
  region_code: string
  region: string
  level: string
  indicator_code: string
  period_start: number
  period_end: number
  per_year: boolean
  unit: string
  target_value?: number
  target_value_max?: number
  target_approx?: string
  target_doc_id?: string
  target_mention_id?: string
  actual_value?: number
  actual_value_max?: number
  actual_approx?: string
  actual_doc_id?: string
  actual_mention_id?: string
  met: string
  note: string
}

type Side = 'target' | 'actual'
interface Figure {
  mention: Mention
  year: number
}

/**
 * A figure's value in a unit: its own, or the base unit when the two sides differ (斤 and 吨);
 * signed for a change code, so that 价格下降0.7% is a growth of -0.7.
 */
function valueIn(mention: Mention, base: boolean) {
  const positive = indicatorByCode.get(mention.indicator_code)!.positive
  const sign = positive && mention.change !== positive ? -1 : 1
  const factor = base ? mention.value_base! / mention.value : 1
  const value = roundFloat(sign * mention.value * factor)
  if (mention.value_max === undefined) return { value }
  // a falling range (下降3%—5%) keeps its bounds in order
  const valueMax = roundFloat(sign * mention.value_max * factor)
  return sign < 0 ? { value: valueMax, valueMax: value } : { value, valueMax }
}

/** A target comes from the report of the period's first year; a result from a later report, the nearest first. */
function sideOf(mention: Mention, year: number): Side | undefined {
  if (mention.status === 'target') return year === mention.period_start ? 'target' : undefined
  return year > mention.period_end! ? 'actual' : undefined
}

const keyOf = (region: string, mention: Mention) => [region, mention.indicator_code, mention.period_start, mention.period_end, mention.per_year].join('|')
const sameFigure = (a: Mention, b: Mention) => a.value === b.value && a.value_max === b.value_max && a.approx === b.approx

/** The figure a side holds: from the nearest report, the first statement; others folded or named. */
function choose(figures: Figure[], side: Side): { figure: Figure; notes: string[] } {
  // results: the nearest later report first; a result beats an estimate of the same report
  const sorted = [...figures].sort((a, b) => a.year - b.year || Number(a.mention.status === 'estimate') - Number(b.mention.status === 'estimate') || a.mention.start - b.mention.start)
  const figure = sorted[0]!
  const notes: string[] = []
  const repeats = sorted.filter((other) => other !== figure && other.year === figure.year && sameFigure(other.mention, figure.mention))
  if (repeats.length > 0) notes.push(`${side} stated ${repeats.length + 1} times in ${figure.mention.doc_id}, held once`)
  const competing = sorted.filter((other) => other !== figure && !sameFigure(other.mention, figure.mention))
  if (competing.length > 0) notes.push(`${side} competes with ${competing.map((other) => `${other.mention.text} (${other.mention.mention_id})`).join(', ')}`)
  if (figure.mention.status === 'estimate') notes.push(`${side} is an estimate`)
  return { figure, notes }
}

type Interval = [number, number]

/** What a figure allows the true value to be: a point, or beyond a bound. */
function interval(value: number, approx: string): Interval {
  if (approx === 'over') return [value, Infinity]
  if (approx === 'under') return [-Infinity, value]
  return [value, value]
}

/**
 * Whether the result met the target: for an indicator where higher is better the result
 * must reach the target's lower end (5%左右 and 5%以上 alike), where lower is better it must
 * not pass the upper end (3%左右, 5.5%以内, 6%—6.5%). When the result is itself a bound
 * that falls on both sides, or either side is missing, the answer is empty.
 */
export function metOf(better: Better, target: { value: number; valueMax?: number } | undefined, actual: { value: number; approx: string } | undefined): string {
  if (!target || !actual || better === 'none') return ''
  const [low, high] = interval(actual.value, actual.approx)
  const meets = (x: number) => (better === 'higher' ? x >= target.value : x <= (target.valueMax ?? target.value))
  if (meets(low) && meets(high)) return 'yes'
  if (!meets(low) && !meets(high)) return 'no'
  return ''
}

function sideColumns(side: Side, figure: Figure | undefined, values: ReturnType<typeof valueIn> | undefined) {
  if (!figure || !values) return {}
  const { value, valueMax } = values
  return {
    [`${side}_value`]: value,
    ...(valueMax !== undefined ? { [`${side}_value_max`]: valueMax } : {}),
    [`${side}_approx`]: figure.mention.approx as Approx,
    [`${side}_doc_id`]: figure.mention.doc_id,
    [`${side}_mention_id`]: figure.mention.mention_id,
  }
}

function seriesRow(entry: CatalogEntry, sides: Partial<Record<Side, Figure[]>>): SeriesRow {
  const target = sides.target && choose(sides.target, 'target')
  const actual = sides.actual && choose(sides.actual, 'actual')
  const first = (target ?? actual)!.figure.mention
  const base = target !== undefined && actual !== undefined && target.figure.mention.unit !== actual.figure.mention.unit
  const targetValues = target && valueIn(target.figure.mention, base)
  const actualValues = actual && valueIn(actual.figure.mention, base)
  const better = indicatorByCode.get(first.indicator_code)!.better
  return {
    region_code: entry.region_code,
    region: entry.region,
    level: entry.level,
    indicator_code: first.indicator_code,
    period_start: first.period_start!,
    period_end: first.period_end!,
    per_year: first.per_year!,
    unit: base ? first.base_unit : first.unit,
    ...sideColumns('target', target?.figure, targetValues),
    ...sideColumns('actual', actual?.figure, actualValues),
    met: metOf(better, targetValues, actualValues && { value: actualValues.value, approx: actual!.figure.mention.approx }),
    note: [...(base ? [`target in ${target!.figure.mention.unit}, actual in ${actual!.figure.mention.unit}: both in ${first.base_unit}`] : []), ...(target?.notes ?? []), ...(actual?.notes ?? [])].join('; '),
  }
}

/** Every series row the documents' coded mentions make, keyed by region, code and period. */
export function seriesRows(documents: { entry: CatalogEntry; mentions: readonly Mention[] }[]): SeriesRow[] {
  const cells = new Map<string, { entry: CatalogEntry; sides: Partial<Record<Side, Figure[]>> }>()
  for (const { entry, mentions } of documents) {
    for (const mention of mentions) {
      if (mention.indicator_code === '' || mention.period_start === undefined) continue
      const side = sideOf(mention, entry.year)
      if (!side) continue
      const key = keyOf(entry.region_code || entry.region, mention)
      const cell = cells.get(key) ?? { entry, sides: {} }
      ;(cell.sides[side] ??= []).push({ mention, year: entry.year })
      cells.set(key, cell)
    }
  }
  return [...cells.values()].map(({ entry, sides }) => seriesRow(entry, sides))
}
