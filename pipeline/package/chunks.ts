// A table's rows turned, once, into what the release stores: canonical CSV
// records, their Excel copy, SQLite values and (for quantities and series) JSON items.
// A table is its header followed by its chunks in key order. Each part is UTF-8
// bytes, encoded once where the rows are made (in a worker): the main thread
// stores them in the scratch file, reads them back and writes them as they are.
import { csvRecords } from '../csv.ts'
import { sqlValue } from './sqlite.ts'
import type { Row } from './rows.ts'
import type { Table } from './tables.ts'

export interface Chunk {
  rows: number
  csv: Uint8Array
  excel: Uint8Array
  /** Items of the table's JSON copy, each with the separator before it: empty for tables without one. */
  json: Uint8Array
  /** SQLite values, a row an array, as JSON text: parsed only on the database's thread. */
  sql: Uint8Array
}

/** The tables with a JSON copy beside their CSV (quantities.json, series.json). */
export const JSON_TABLES = ['quantities', 'series']

/** Cells that a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

const startsFormula = (cell: unknown) => typeof cell === 'string' && FORMULA_START.test(cell)

function excelRow(freeText: string[], row: Row): Row {
  const copy = { ...row }
  for (const name of freeText) if (startsFormula(copy[name])) copy[name] = `'${copy[name]}`
  return copy
}

/** The Excel copy's records: most chunks hold no cell to escape, and then they are the CSV's own bytes. */
function excelRecords(columns: string[], freeText: string[], rows: Row[], csv: Uint8Array): Uint8Array {
  if (!rows.some((row) => freeText.some((name) => startsFormula(row[name])))) return csv
  return Buffer.from(csvRecords(columns, rows.map((row) => excelRow(freeText, row))))
}

/** One item of a JSON array as JSON.stringify(array, null, 1) writes it, with the separator before it. */
const jsonItem = (row: Row) => `\n ${JSON.stringify(row, null, 1).replaceAll('\n', '\n ')}`

export function tableChunk(table: Table, rows: Row[]): Chunk {
  const columns = table.fields.map((field) => field.name)
  const freeText = table.fields.filter((field) => field.freeText).map((field) => field.name)
  const csv = Buffer.from(csvRecords(columns, rows))
  return {
    rows: rows.length,
    csv,
    excel: excelRecords(columns, freeText, rows, csv),
    json: Buffer.from(JSON_TABLES.includes(table.name) ? rows.map(jsonItem).join(',') : ''),
    sql: Buffer.from(JSON.stringify(rows.map((row) => table.fields.map((field) => sqlValue(field, row[field.name]))))),
  }
}
