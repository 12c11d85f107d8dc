// raw/catalog.csv: one row per document. A bad row is reported by its line and
// left out; the other rows still run.
import { parse } from 'csv-parse/sync'
import { problemOf, validators } from './schemas.ts'
import type { CatalogEntry } from './types.ts'

export interface CatalogProblem {
  line: number
  reason: string
}

export interface Catalog {
  entries: CatalogEntry[]
  problems: CatalogProblem[]
  /** The catalog line of each entry's row, by doc_id, so later problems can name it. */
  lines: Map<string, number>
}

/**
 * A stand-in entry for a file run without a catalog (`cli.ts extract`): the doc_id comes
 * from the file name, and the year, unless given, is 0 (read from the text).
 */
export function uncataloguedEntry(path: string, year = 0): CatalogEntry {
  const name = path.split(/[\\/]/).at(-1)!
  const docId = name.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'document'
  return { doc_id: docId, file: path, title: name, region: name, region_code: '', level: 'national', year, source: '' }
}

const CATALOG_COLUMNS = ['doc_id', 'file', 'title', 'region', 'region_code', 'level', 'year', 'source'] as const

export function parseCatalog(text: string): Catalog {
  const problems: CatalogProblem[] = []
  // a malformed row (an unclosed quote, a wrong number of fields) is set aside with its line
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) problems.push({ line: Number(error.lines), reason: error.message })
      return undefined
    },
  }) as { record: Record<string, string>; info: { lines: number } }[]
  const entries: CatalogEntry[] = []
  const lines = new Map<string, number>()
  for (const { record, info } of records) {
    const missing = CATALOG_COLUMNS.filter((column) => record[column] === undefined)
    if (missing.length > 0) {
      problems.push({ line: info.lines, reason: `missing column ${missing.join(', ')}` })
      continue
    }
    const fields = Object.fromEntries(CATALOG_COLUMNS.map((column) => [column, record[column]!.trim()]))
    const entry = { ...fields, year: /^\d+$/.test(fields.year!) ? Number(fields.year) : fields.year } as unknown as CatalogEntry
    const reason = problemOf(validators.catalog, entry)
    if (reason) {
      problems.push({ line: info.lines, reason })
      continue
    }
    if (lines.has(entry.doc_id)) {
      problems.push({ line: info.lines, reason: `doc_id ${entry.doc_id} is used twice (first at line ${lines.get(entry.doc_id)})` })
      continue
    }
    lines.set(entry.doc_id, info.lines)
    entries.push(entry)
  }
  return { entries, problems, lines }
}
