// index.html: one light row per document (counts and scores only, never the
// text), a search over titles and regions, and the list of series pages.
import type { Scores } from '../eval/score.ts'
import type { Row } from '../package/rows.ts'
import { heading, label, type Label, type Sort } from './columns.ts'
import { html, page, type Html } from './html.ts'
import { documentFile } from './paths.ts'

export interface IndexEntry {
  document: Row
  targets: number
  /** Undefined while the release has no exclusions table. */
  exclusions?: number
  scores?: Scores
  /** Whether its page was written (rejected and failed documents have no text). */
  page: boolean
}

export interface SeriesLink {
  code: string
  file: string
  rows: number
}

interface IndexColumn {
  name: Label
  type: Sort['type']
}

const documentColumn = (column: string, type: Sort['type']): IndexColumn => ({ name: label('documents', column), type })
const COLUMNS: IndexColumn[] = [
  documentColumn('title', 'text'),
  documentColumn('region', 'text'),
  documentColumn('level', 'text'),
  documentColumn('year', 'number'),
  documentColumn('outcome', 'text'),
  documentColumn('mentions', 'number'),
  { name: { title: '目标数', english: 'targets' }, type: 'number' },
  { name: { title: '排除数', english: 'set aside' }, type: 'number' },
]
const SCORES = ['P', 'R', 'F1', 'strict F1']
const SCORE_COLUMNS: IndexColumn[] = SCORES.map((score) => ({ name: { title: score, english: 'gold' }, type: 'number' }))

function documentRow(entry: IndexEntry, withScores: boolean): Html {
  const { document } = entry
  const title = entry.page ? html`<a href="${documentFile(document.doc_id)}">${document.title}</a>` : html`${document.title}`
  const scores = entry.scores ? [entry.scores.precision, entry.scores.recall, entry.scores.f1, entry.scores.strictF1].map((score) => score.toFixed(3)) : SCORES.map(() => '')
  return html`<tr data-search="${document.title} ${document.region} ${document.doc_id}"><td>${title}</td><td>${document.region}</td><td>${document.level}</td><td class="num">${document.year}</td><td title="${document.reason}">${document.outcome}</td><td class="num">${document.mentions}</td><td class="num">${entry.targets}</td><td class="num">${entry.exclusions}</td>${withScores ? scores.map((score) => html`<td class="num">${score}</td>`) : undefined}</tr>`
}

function seriesList(series: SeriesLink[]): Html {
  if (series.length === 0) return html`<p>No series table in this release yet: each document page charts its mentions per section and kind.</p>`
  return html`<ul class="series-list">${series.map((link) => html`<li><a href="${link.file}">${link.code}</a> (${link.rows})</li>`)}</ul>`
}

export function indexPage(entries: IndexEntry[], series: SeriesLink[]): string {
  const withScores = entries.some((entry) => entry.scores)
  const headings = [...COLUMNS, ...(withScores ? SCORE_COLUMNS : [])].map(({ name, type }, index) => heading(name, { index, type }))
  const body = html`<header><h1>政数 审阅 zhengshu review</h1><p class="meta">${entries.length} documents · open a title to see every figure in its sentence</p></header>
<main><div class="filters" role="search"><label>搜索标题或地区 Search titles and regions<input type="search" id="search" data-search-for="documents"></label><p><output id="shown">${entries.length}</output> / ${entries.length}</p></div>
<table id="documents" class="sortable"><thead><tr>${headings}</tr></thead><tbody>${entries.map((entry) => documentRow(entry, withScores))}</tbody></table>
<h2>系列 Series</h2>${seriesList(series)}</main>`
  return page({ title: '政数 审阅', root: '', body })
}
