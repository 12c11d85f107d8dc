// The series table of a release, made region by region: a region's target pairs
// only with its own results, regions without a code are told apart by name, and
// series.csv, series.json and SQLite hold the same rows in key order.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { runRelease } from '../pipeline/run.ts'

const root = mkdtempSync(join(tmpdir(), 'zhengshu-series-'))
const raw = join(root, 'raw')
const out = join(root, 'output')
type SeriesJson = Record<string, string | number | boolean>[]
let json: SeriesJson = []
let csv: Record<string, string>[] = []

beforeAll(async () => {
  mkdirSync(raw)
  copyFileSync(new URL('../raw/national/2024.txt', import.meta.url), join(raw, '2024.txt'))
  copyFileSync(new URL('../raw/national-2025.txt', import.meta.url), join(raw, '2025.txt'))
  // the same national texts under four regions: A and B without a code, and two with one
  writeFileSync(
    join(raw, 'catalog.csv'),
    'doc_id,file,title,region,region_code,level,year,source\n' +
      'a-2025,2025.txt,甲,甲地,,provincial,2025,test\n' +
      'b-2024,2024.txt,乙,乙地,,provincial,2024,test\n' +
      'c-2024,2024.txt,丙,丙地,110000,provincial,2024,test\n' +
      'c-2025,2025.txt,丙,丙地,110000,provincial,2025,test\n',
  )
  await runRelease(raw, out, { jobs: 1 })
  json = JSON.parse(readFileSync(join(out, 'series.json'), 'utf8')) as SeriesJson
  csv = parse(readFileSync(join(out, 'series.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
}, 120_000)

const rowsOf = (region: string) => json.filter((row) => row.region === region)
const gdp2024 = (region: string) => rowsOf(region).find((row) => row.indicator_code === 'gdp_growth' && row.period_start === 2024 && row.per_year === false)

describe('series in a release', () => {
  it('pairs a target only with results of the same region', () => {
    expect(gdp2024('乙地')).toMatchObject({ region_code: '', target_value: 5 })
    expect(gdp2024('乙地')).not.toHaveProperty('actual_value')
    expect(gdp2024('甲地')).toMatchObject({ region_code: '', actual_value: 5 })
    expect(gdp2024('甲地')).not.toHaveProperty('target_value')
    expect(gdp2024('丙地')).toMatchObject({ region_code: '110000', target_value: 5, actual_value: 5, met: 'yes' })
  })

  it('writes rows in key order: code, then region, then indicator and period', () => {
    const keys = json.map((row) => [row.region_code, row.region, row.indicator_code, row.period_start, row.period_end, row.per_year].join('|'))
    expect(new Set(keys).size).toBe(keys.length)
    // no code ('') before 110000; then the name in code-point order: 乙 U+4E59 before 甲 U+7532
    expect([...new Set(json.map((row) => row.region))]).toEqual(['乙地', '甲地', '丙地'])
    const c = rowsOf('丙地').map((row) => [String(row.indicator_code), Number(row.period_start), Number(row.period_end)] as const)
    const byKey = (a: readonly [string, number, number], b: readonly [string, number, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2])
    expect(c).toEqual([...c].sort(byKey))
  })

  it('holds the same rows in series.csv, series.json and SQLite', () => {
    const database = new Database(join(out, 'zhengshu.sqlite'), { readonly: true })
    const stored = database.prepare('SELECT * FROM series ORDER BY rowid').all() as Record<string, unknown>[]
    database.close()
    const cells = (row: Record<string, unknown>) => [row.region, row.indicator_code, row.period_start, row.target_mention_id ?? '', row.actual_mention_id ?? ''].map(String).join('|')
    expect(json.length).toBeGreaterThan(20)
    expect(csv.map(cells)).toEqual(json.map(cells))
    expect(stored.map(cells)).toEqual(json.map(cells))
  })
})
