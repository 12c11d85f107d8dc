// Rows of every table, sorted by key. Document tables are cut per document
// (a document's rows are contiguous in key order, since every key starts with
// its doc_id and a doc_id holds no ':'); run tables are made at the end from
// the summaries every finished document leaves (all but series, which are
// made region by region from the scratch file).
import type { DocumentResult } from '../machine.ts'
import type { Diagnostic } from '../release.ts'
import { indicators } from '../resources/vocabulary.ts'
import type { CatalogEntry, Extraction } from '../types.ts'
import { unitRows } from './units.ts'

export type Row = Record<string, string | number | boolean | undefined>

export function compareRows(a: Row, b: Row, keys: readonly string[]): number {
  for (const key of keys) {
    const left = a[key] ?? ''
    const right = b[key] ?? ''
    if (left < right) return -1
    if (left > right) return 1
  }
  return 0
}

export function sortBy<T extends Row>(rows: T[], keys: readonly string[]): T[] {
  return [...rows].sort((a, b) => compareRows(a, b, keys))
}

export interface DocumentTable {
  table: string
  records: keyof Extraction
  keys: readonly string[]
}

/** Tables whose rows one document's extraction gives, each with the key it is sorted by. */
export const DOCUMENT_TABLES: readonly DocumentTable[] = [
  { table: 'sections', records: 'sections', keys: ['doc_id', 'start'] },
  { table: 'sentences', records: 'sentences', keys: ['sentence_id'] },
  { table: 'quantities', records: 'mentions', keys: ['mention_id'] },
  { table: 'exclusions', records: 'exclusions', keys: ['exclusion_id'] },
  { table: 'terms', records: 'terms', keys: ['doc_id', 'term'] },
]

export function documentRow(result: DocumentResult): Row {
  return {
    ...result.entry,
    outcome: result.outcome,
    reason: result.reason,
    encoding: result.encoding,
    characters: result.characters,
    sentences: result.extraction.sentences.length,
    mentions: result.extraction.mentions.length,
    sha256: result.sha256,
  }
}

/** What a run keeps of each finished document for the tables made at the end. */
export interface DocumentSummary {
  docId: string
  entry: CatalogEntry
  source: string
  outcome: DocumentResult['outcome']
  reason: string
  mentions: number
  document: Row
  diagnostics: Diagnostic[]
  /** Units its mentions use, for the units table. */
  units: string[]
}

/** Tables made at the end of a run from every document's summary, in catalog order, and the run's diagnostics. */
export function runTableRows(summaries: DocumentSummary[], diagnostics: Diagnostic[]): Record<string, Row[]> {
  return {
    documents: sortBy(summaries.map((summary) => summary.document), ['doc_id']),
    units: sortBy(unitRows(summaries.flatMap((summary) => summary.units)), ['unit']),
    indicators: sortBy(indicators.map(({ code, nameZh, nameEn, measure, positive, units, better }) => ({ code, name_zh: nameZh, name_en: nameEn, measure, positive, units: units.join('|'), better })), ['code']),
    diagnostics: diagnostics.map((diagnostic, index) => ({ number: index + 1, ...diagnostic })),
  }
}
