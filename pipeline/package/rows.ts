// Rows of every table, gathered from the documents' results and sorted by key.
import type { DocumentResult } from '../machine.ts'
import type { Diagnostic } from '../release.ts'
import { indicators } from '../resources/vocabulary.ts'
import { seriesRows } from './series.ts'
import { unitRows } from './units.ts'

export type Row = Record<string, string | number | boolean | undefined>

const compare = (a: Row, b: Row, keys: string[]) => {
  for (const key of keys) {
    const left = a[key] ?? ''
    const right = b[key] ?? ''
    if (left < right) return -1
    if (left > right) return 1
  }
  return 0
}

function sortBy<T extends Row>(rows: T[], keys: string[]): T[] {
  return [...rows].sort((a, b) => compare(a, b, keys))
}

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

/** Rows per table name, each sorted by its primary key (numbers compared as numbers). */
export function tableRows(results: DocumentResult[], diagnostics: Diagnostic[]): Record<string, Row[]> {
  const all = (key: keyof DocumentResult['extraction']) => results.flatMap((result) => result.extraction[key] as unknown as Row[])
  const mentions = results.flatMap((result) => result.extraction.mentions)
  return {
    documents: sortBy(results.map(documentRow), ['doc_id']),
    sections: sortBy(all('sections'), ['doc_id', 'start']),
    sentences: sortBy(all('sentences'), ['sentence_id']),
    units: sortBy(unitRows(mentions), ['unit']),
    quantities: sortBy(all('mentions'), ['mention_id']),
    exclusions: sortBy(all('exclusions'), ['exclusion_id']),
    terms: sortBy(all('terms'), ['doc_id', 'term']),
    indicators: sortBy(indicators.map(({ code, nameZh, nameEn, measure, positive, units, better }) => ({ code, name_zh: nameZh, name_en: nameEn, measure, positive, units: units.join('|'), better })), ['code']),
    series: sortBy(seriesRows(results.filter((result) => result.outcome === 'done').map((result) => ({ entry: result.entry, mentions: result.extraction.mentions }))), ['region_code', 'indicator_code', 'period_start', 'period_end', 'per_year']),
    diagnostics: diagnostics.map((diagnostic, index) => ({ number: index + 1, ...diagnostic })),
  }
}
