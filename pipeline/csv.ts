// CSV conventions for every emitted table: UTF-8 without BOM, RFC 4180 (CRLF),
// one header row, plain decimal numbers, '' for missing values.

export type Cell = string | number | boolean | undefined

/** 1e21 and 1e-7 as plain decimals: no exponent, no grouping. */
function plainNumber(value: number): string {
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20, maximumSignificantDigits: 21 })
}

/**
 * A field is quoted when it holds a quote, a comma or a line break of any kind (csv-stringify
 * quoted CRLF but not a lone line feed, and readers other than csv-parse then split the row).
 * Written here rather than by csv-stringify: a run formats every cell of millions of rows.
 */
const NEEDS_QUOTES = /[",\r\n\u2028\u2029\u0085]/

const cellText = (cell: Cell) => (cell === undefined ? '' : typeof cell === 'number' ? plainNumber(cell) : String(cell))
const field = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text)
const record = (cells: string[]) => `${cells.map(field).join(',')}\r\n`

/** The header line; a table is its header followed by its rows' records, in as many parts as suits. */
export function csvHeader(columns: readonly string[]): string {
  return record([...columns])
}

/** Rows as CSV records, each with its CRLF, quoted where they need to be. */
export function csvRecords(columns: readonly string[], rows: Record<string, Cell>[]): string {
  return rows.map((row) => record(columns.map((column) => cellText(row[column])))).join('')
}

export function toCsv(columns: readonly string[], rows: Record<string, Cell>[]): string {
  return csvHeader(columns) + csvRecords(columns, rows)
}
