// A small hand-made series table (the series table has not landed yet): two
// regions, single years and a plan span, ranges, bounds and two missed targets.
import type { Row } from '../pipeline/package/rows.ts'

export interface Source {
  doc_id: string
  mention_id: string
}

const NATIONAL = { region_code: '100000', region: '全国', level: 'national' }
const BEIJING = { region_code: '110000', region: '北京市', level: 'provincial' }

/** Rows for gdp_growth; every value links to `target` or `actual`. Eleven values, two of them missed targets. */
export function handmadeSeries(target: Source, actual: Source): Row[] {
  const year = (period: number) => ({ period_start: period, period_end: period, per_year: false })
  const targetOf = (value: number, approx: string, max?: number) => ({ target_value: value, target_value_max: max, target_approx: approx, target_doc_id: target.doc_id, target_mention_id: target.mention_id })
  const actualOf = (value: number) => ({ actual_value: value, actual_approx: 'exact', actual_doc_id: actual.doc_id, actual_mention_id: actual.mention_id })
  const common = { indicator_code: 'gdp_growth', unit: '%', note: '' }
  return [
    { ...common, ...NATIONAL, ...year(2023), ...targetOf(5, 'about'), ...actualOf(5.2), met: 'yes' },
    { ...common, ...NATIONAL, ...year(2024), ...targetOf(5, 'about'), ...actualOf(5), met: 'yes' },
    { ...common, ...NATIONAL, ...year(2025), ...targetOf(5, 'about'), met: '' },
    { ...common, ...NATIONAL, period_start: 2021, period_end: 2025, per_year: true, ...targetOf(5.5, 'exact'), ...actualOf(5.4), met: 'no', note: '十四五 年均' },
    { ...common, ...BEIJING, ...year(2023), ...targetOf(4.5, 'over'), ...actualOf(5.2), met: 'yes' },
    { ...common, ...BEIJING, ...year(2024), ...targetOf(5, 'exact', 5.5), ...actualOf(4.8), met: 'no' },
  ]
}

export const HANDMADE_VALUES = 11
export const HANDMADE_MISSED = 2
