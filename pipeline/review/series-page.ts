// series/<indicator_code>.html: target against actual by period for every
// region, one chart per unit, and a table whose values link to their sentences.
import type { Row } from '../package/rows.ts'
import { byPeriod, seriesChart, type MentionHref } from './chart.ts'
import { heading, label, period, valueText } from './columns.ts'
import { groupBy } from './group.ts'
import { html, page, type Html } from './html.ts'
import { documentFile, INDEX } from './paths.ts'
import { indicatorByCode } from '../resources/vocabulary.ts'

/** From a series page back up to a document page's mention. */
const mentionHref: MentionHref = (docId, mentionId) => (docId ? `../${documentFile(docId)}#${mentionId ?? ''}` : '')

function valueLink(row: Row, side: 'target' | 'actual'): Html {
  const text = valueText(row[`${side}_value`], row[`${side}_value_max`], row[`${side}_approx`])
  const href = mentionHref(row[`${side}_doc_id`], row[`${side}_mention_id`])
  return href && text ? html`<a href="${href}">${text}</a>` : html`${text}`
}

/** Region by region, each in the chart's order of periods. */
const tableOrder = (a: Row, b: Row) => String(a.region_code).localeCompare(String(b.region_code)) || byPeriod(a, b)

function seriesTable(rows: Row[]): Html {
  const body = [...rows].sort(tableOrder).map(
    (row) =>
      html`<tr><td>${row.region}</td><td>${row.level}</td><td>${period(row)}</td><td>${row.unit}</td><td class="num">${valueLink(row, 'target')}</td><td class="num">${valueLink(row, 'actual')}</td><td>${row.met}</td><td>${row.note}</td></tr>`,
  )
  return html`<table class="series-table"><thead><tr>${['region', 'level', 'period', 'unit', 'target_value', 'actual_value', 'met', 'note'].map((column) => heading(label('series', column)))}</tr></thead><tbody>${body}</tbody></table>`
}

const byUnit = (rows: Row[]) => [...groupBy(rows, (row) => String(row.unit ?? '')).entries()].sort(([a], [b]) => a.localeCompare(b))

/** Single years on one time axis; spans (五年, 十四五, 年均) on their own, since they are no point in time. */
const ONE_YEAR = 'one year'
const spanOf = (row: Row) => (row.period_start === row.period_end && row.per_year !== true && row.per_year !== 'true' ? ONE_YEAR : 'spans')

function unitSection(code: string, unit: string, rows: Row[]): Html {
  const charts = [...groupBy(rows, spanOf).entries()]
    .sort(([a]) => (a === ONE_YEAR ? -1 : 1))
    .map(([span, spanRows]) => html`<figure><figcaption>${span === ONE_YEAR ? '单年 one year' : '多年与年均 spans and averages'}</figcaption>${seriesChart(spanRows, mentionHref)}</figure>`)
  return html`<section><h2>${code} · ${unit || '—'}</h2>${charts}${seriesTable(rows)}</section>`
}

export function seriesPage(code: string, rows: Row[]): string {
  const sections = byUnit(rows).map(([unit, unitRows]) => unitSection(code, unit, unitRows))
  const indicator = indicatorByCode.get(code)
  const names = indicator ? html` <span class="names">${indicator.nameZh} · ${indicator.nameEn}</span>` : ''
  const body = html`<header><p><a href="../${INDEX}">← 全部报告 All documents</a></p><h1>${code}${names}</h1><p class="meta">${rows.length} series rows · ◇ target · ● actual · ✕ target missed · bands: ranges and bounds</p></header><main>${sections}</main>`
  return page({ title: `${indicator?.nameZh ?? code} · ${code} · 系列`, root: '../', body })
}
