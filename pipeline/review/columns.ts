// Which columns the review pages show, with their names taken from tables.ts.
import type { Row } from '../package/rows.ts'
import { TABLES } from '../package/tables.ts'
import { html, type Html } from './html.ts'

export interface Label {
  title: string
  english: string
}

/** period is not a column: it is written from period_start, period_end and per_year. */
export const PERIOD = 'period'

/** The Chinese and English name of a column; one that is no column of tables.ts (the gold beside it) is named by itself. */
export function label(table: string, column: string): Label {
  if (column === PERIOD) return { title: '时期', english: 'period' }
  const field = TABLES.find((candidate) => candidate.name === table)?.fields.find((candidate) => candidate.name === column)
  return field ? { title: field.title, english: field.english } : { title: column, english: '' }
}

export interface Sort {
  index: number
  type: 'text' | 'number'
}

/** A column heading, the English name under the Chinese; a sortable one is a button, so the keyboard reaches it. */
export function heading({ title, english }: Label, sort?: Sort): Html {
  const text = html`${title}${english ? html`<small>${english}</small>` : undefined}`
  const content = sort ? html`<button type="button" data-col="${sort.index}" data-type="${sort.type}">${text}</button>` : text
  return html`<th scope="col" data-label="${[title, english].filter(Boolean).join(' ')}">${content}</th>`
}

/** The mentions table and the detail panel, in this order (the panel reads the table's cells). */
export const MENTION_COLUMNS = ['text', 'kind', 'status', 'indicator_code', 'indicator', 'value', 'value_max', 'unit', 'unit_code', 'value_base', PERIOD, 'approx', 'change', 'section'] as const

const NUMERIC = new Set(['value', 'value_max', 'value_base'])
export const isNumeric = (column: string) => NUMERIC.has(column)

const defined = (cell: unknown) => cell !== undefined && cell !== null && cell !== ''


/** 2021–2025 年均, or one year; empty when the row has no period. */
export function period(row: Row): string {
  const { period_start: first, period_end: last, per_year: perYear } = row
  if (!defined(first)) return ''
  const span = defined(last) && last !== first ? `${first}–${last}` : String(first)
  return perYear === true || perYear === 'true' ? `${span} 年均` : span
}

/** A cell as text: numbers in plain decimal like the CSVs, the period composed. */
export function cellText(row: Row, column: string): string {
  if (column === PERIOD) return period(row)
  const cell = row[column]
  return defined(cell) ? String(cell) : ''
}

const APPROX_SIGNS: Record<string, string> = { over: '≥', under: '≤', about: '≈' }

/** A value as a reader says it: ≈5, 5–6, ≥100 (approx is 'exact', 'over', 'under' or 'about'). */
export function valueText(value: unknown, max: unknown, approx: unknown): string {
  if (!defined(value)) return ''
  const sign = APPROX_SIGNS[String(approx)] ?? ''
  return `${sign}${value}${defined(max) ? `–${max}` : ''}`
}
