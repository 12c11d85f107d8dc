// Scoring the series against tests/gold/series/*.json: each gold row names, per side,
// the mention the target or the actual is. A predicted cell (row key and side) is right
// when it holds that mention: same report, overlapping span, same value.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentResult } from '../machine.ts'
import { seriesRows, type SeriesRow } from '../package/series.ts'

interface GoldSide {
  doc_id: string
  start: number
  end: number
  text: string
  value: number
}

interface GoldRow {
  indicator_code: string
  period_start: number
  period_end: number
  per_year: boolean
  target: GoldSide | null
  actual: GoldSide | null
}

export interface SeriesGold {
  name: string
  region_code: string
  documents: string[]
  /** The codes this gold covers completely: only those are scored. */
  indicators: string[]
  rows: GoldRow[]
}

export interface SeriesScore {
  name: string
  gold: number
  predicted: number
  right: number
  precision: number
  recall: number
}

const SIDES = ['target', 'actual'] as const
const keyOf = (row: { indicator_code: string; period_start: number; period_end: number; per_year: boolean }, side: string) =>
  [row.indicator_code, row.period_start, row.period_end, row.per_year, side].join('|')

export async function readSeriesGold(dir: string): Promise<SeriesGold[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(names.map(async (name) => ({ name, ...(JSON.parse(await readFile(join(dir, name), 'utf8')) as Omit<SeriesGold, 'name'>) })))
}

/** Scores the series built from `results` (the gold's documents, run as `run` runs them). */
export function scoreSeries(gold: SeriesGold, results: DocumentResult[]): SeriesScore {
  const documents = results.filter((result) => gold.documents.includes(result.entry.doc_id))
  const mentions = new Map(documents.flatMap((result) => result.extraction.mentions.map((mention) => [mention.mention_id, mention] as const)))
  const predicted = new Map<string, SeriesRow>()
  for (const row of seriesRows(documents.map((result) => ({ entry: result.entry, mentions: result.extraction.mentions })))) {
    if (row.region_code !== gold.region_code || !gold.indicators.includes(row.indicator_code)) continue
    for (const side of SIDES) if (row[`${side}_mention_id`] !== undefined) predicted.set(keyOf(row, side), row)
  }
  let goldCells = 0
  let right = 0
  for (const row of gold.rows) {
    if (!gold.indicators.includes(row.indicator_code)) continue
    for (const side of SIDES) {
      const expected = row[side]
      if (!expected) continue
      goldCells++
      const mention = mentions.get(String(predicted.get(keyOf(row, side))?.[`${side}_mention_id`] ?? ''))
      const same = mention && mention.doc_id === expected.doc_id && mention.start < expected.end && expected.start < mention.end && mention.value === expected.value
      if (same) right++
    }
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole)
  return { name: gold.name, gold: goldCells, predicted: predicted.size, right, precision: ratio(right, predicted.size), recall: ratio(right, goldCells) }
}
