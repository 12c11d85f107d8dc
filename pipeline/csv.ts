// CSV conventions for every emitted table: UTF-8 without BOM, RFC 4180 (CRLF),
// one header row, plain decimal numbers, '' for missing values.
import { stringify } from 'csv-stringify/sync'

export type Cell = string | number | boolean | undefined

/** 1e21 and 1e-7 as plain decimals: no exponent, no grouping. */
function plainNumber(value: number): string {
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20, maximumSignificantDigits: 21 })
}

/**
 * csv-stringify quotes a field holding CRLF, a quote or a comma, but not a lone line feed or
 * carriage return: readers other than csv-parse then split the row. Quote every line break.
 */
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/

const cellText = (cell: Cell) => (cell === undefined ? '' : typeof cell === 'number' ? plainNumber(cell) : String(cell))
const stringifyRecords = (records: string[][]) => stringify(records, { record_delimiter: '\r\n', quoted_match: LINE_BREAK })

/** The header line; a table is its header followed by its rows' records, in as many parts as suits. */
export function csvHeader(columns: readonly string[]): string {
  return stringifyRecords([[...columns]])
}

/** Rows as CSV records, each with its CRLF, quoted where they need to be. */
export function csvRecords(columns: readonly string[], rows: Record<string, Cell>[]): string {
  return rows.length === 0 ? '' : stringifyRecords(rows.map((row) => columns.map((column) => cellText(row[column]))))
}

export function toCsv(columns: readonly string[], rows: Record<string, Cell>[]): string {
  return csvHeader(columns) + csvRecords(columns, rows)
}
