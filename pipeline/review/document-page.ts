// <doc_id>.html: the report text with every mention highlighted where it
// stands, the outline, the per-section chart and the table of mentions.
import type { Row } from '../package/rows.ts'
import { sectionKindChart } from './chart.ts'
import { cellText, heading, isNumeric, label, MENTION_COLUMNS, valueText } from './columns.ts'
import { groupBy } from './group.ts'
import { verdictText, type GoldComparison, type GoldMention } from './gold.ts'
import { html, page, type Html, type Part } from './html.ts'
import { INDEX } from './paths.ts'
import type { Kind } from '../resources/tables.ts'
import { EXCLUSION_RULES, type ExclusionRule } from '../rules/exclusions.ts'

export interface DocumentInput {
  document: Row
  sentences: Row[]
  sections: Row[]
  mentions: Row[]
  /** Undefined while the release has no exclusions table. */
  exclusions?: Row[]
  gold?: GoldComparison
}

/** A span of raw text drawn as one element; earlier spans win where two overlap. */
interface Span {
  start: number
  end: number
  render: (text: string) => Html
}

function goldClass(input: DocumentInput, mentionId: string): string {
  const verdict = input.gold?.verdicts.get(mentionId)
  if (!verdict) return ''
  return !verdict.gold ? ' fp' : verdict.wrong.length > 0 ? ' wrong' : ''
}

function mentionSpan(input: DocumentInput, mention: Row): Span {
  const id = String(mention.mention_id)
  return {
    start: Number(mention.start),
    end: Number(mention.end),
    render: (text) => html`<mark class="m${goldClass(input, id)}" id="${id}" data-mention-id="${id}" data-k="${mention.kind}" tabindex="0" title="${mention.kind} · ${mention.status}">${text}</mark>`,
  }
}

const missId = (miss: GoldMention) => `miss-${miss.start}`

/** The rule of an exclusion over the missed span: often why it was missed. */
const setAsideBy = (miss: GoldMention, exclusions: Row[]) =>
  exclusions.filter((exclusion) => Number(exclusion.start) < miss.end && miss.start < Number(exclusion.end)).map((exclusion) => String(exclusion.rule)).join(', ')

const missSpan = (miss: GoldMention, rule: string): Span => ({
  start: miss.start,
  end: miss.end,
  render: (text) => html`<span class="miss" id="${missId(miss)}" title="${['gold only 漏:', valueText(miss.value, miss.value_max, miss.approx), miss.unit, miss.status].filter(Boolean).join(' ')}${rule ? `; set aside 排除: ${rule}` : ''}">${text}</span>`,
})

const exclusionSpan = (exclusion: Row): Span => ({
  start: Number(exclusion.start),
  end: Number(exclusion.end),
  render: (text) => html`<span class="excl" data-rule="${exclusion.rule}" title="set aside 排除: ${exclusion.rule} — ${EXCLUSION_RULES[exclusion.rule as ExclusionRule] ?? ''}">${text}</span>`,
})

/** Index of the sentence holding `offset` (sentences sorted by start), or -1 between sentences. */
function sentenceAt(sentences: Row[], offset: number): number {
  let [lo, hi] = [0, sentences.length - 1]
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (Number(sentences[mid]!.start) <= offset) lo = mid + 1
    else hi = mid - 1
  }
  return hi >= 0 && offset < Number(sentences[hi]!.end) ? hi : -1
}

/**
 * Where `span` goes in `list` (sorted by start, no two overlapping), or -1 if it overlaps one:
 * a binary search, so a sentence with thousands of figures stays fast.
 */
function slotFor(list: Span[], span: Span): number {
  let [lo, hi] = [0, list.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.start < span.start) lo = mid + 1
    else hi = mid
  }
  const overlapsBefore = lo > 0 && list[lo - 1]!.end > span.start
  const overlapsAfter = lo < list.length && list[lo]!.start < span.end
  return overlapsBefore || overlapsAfter ? -1 : lo
}

/** Spans per sentence in text order, dropping any that overlaps one placed before it. */
function placeSpans(sentences: Row[], spans: Span[]): { bySentence: Span[][]; placed: Set<Span> } {
  const bySentence = sentences.map((): Span[] => [])
  const placed = new Set<Span>()
  for (const span of spans) {
    const index = sentenceAt(sentences, span.start)
    if (index < 0) continue
    const list = bySentence[index]!
    const slot = slotFor(list, span)
    if (slot < 0) continue
    list.splice(slot, 0, span)
    placed.add(span)
  }
  return { bySentence, placed }
}

const sentenceElement = (sentence: Row, content: Part) => html`<span class="sentence" id="${sentence.sentence_id}">${content}</span>`

function sentenceHtml(sentence: Row, spans: Span[]): Html {
  // most sentences hold no figure: their text needs no split into code points
  if (spans.length === 0) return sentenceElement(sentence, sentence.text)
  const chars = [...String(sentence.text)]
  const base = Number(sentence.start)
  const parts: (string | Html)[] = []
  let at = 0
  for (const span of spans) {
    const from = span.start - base
    const to = Math.min(span.end - base, chars.length)
    parts.push(chars.slice(at, from).join(''), span.render(chars.slice(from, to).join('')))
    at = to
  }
  parts.push(chars.slice(at).join(''))
  return sentenceElement(sentence, parts)
}

function textBlock(sentences: Row[], bySentence: Span[][]): Html {
  const paragraphs = groupBy(sentences.keys(), (index) => String(sentences[index]!.paragraph))
  const text = [...paragraphs.entries()].map(([number, indexes]) => html`<p id="p${number}">${indexes.map((index) => sentenceHtml(sentences[index]!, bySentence[index]!))}</p>`)
  return html`<div class="text" id="text" lang="zh-CN">${text}</div>`
}

function outline(sections: Row[]): Html {
  const items = sections.map((section) => html`<li class="depth-${String(section.section).split('/').length}"><a href="#p${section.paragraph}">${section.title}</a></li>`)
  return html`<nav class="outline" aria-label="章节 outline"><h2>章节 Outline</h2><ol>${items}</ol></nav>`
}

function legend(mentions: Row[]): Html {
  const kinds = [...new Set(mentions.map((mention) => mention.kind as Kind))].sort()
  return html`<ul class="legend" aria-label="kinds">${kinds.map((kind) => html`<li><span class="m" data-k="${kind}">${kind}</span> ${mentions.filter((mention) => mention.kind === kind).length}</li>`)}<li><span class="excl">排除</span> set aside</li></ul>`
}

const GOLD = 'gold'

function headerCell(column: string, index: number): Html {
  const name = column === GOLD ? { title: '标注', english: 'gold where it differs' } : label('quantities', column)
  return heading(name, { index, type: isNumeric(column) ? 'number' : 'text' })
}

function mentionCell(input: DocumentInput, mention: Row, column: string): Html {
  const id = String(mention.mention_id)
  if (column === 'text') return html`<td><a href="#${id}">${mention.text}</a></td>`
  if (column === GOLD) {
    const verdict = input.gold!.verdicts.get(id)!
    const text = verdictText(verdict)
    return text ? html`<td class="gold-wrong">${text}</td>` : html`<td></td>`
  }
  return isNumeric(column) ? html`<td class="num">${cellText(mention, column)}</td>` : html`<td>${cellText(mention, column)}</td>`
}

function options(values: unknown[]): Html {
  return html`<option value="">全部 all</option>${[...new Set(values.map(String))].sort().map((value) => html`<option>${value}</option>`)}`
}

function filters(mentions: Row[], columns: string[]): Html {
  const codeFilter = columns.includes('indicator_code') ? html`<label>${label('quantities', 'indicator_code').title}<input type="search" data-filter="code"></label>` : undefined
  return html`<div class="filters" role="search">
<label>${label('quantities', 'kind').title}<select data-filter="kind">${options(mentions.map((mention) => mention.kind))}</select></label>
<label>${label('quantities', 'status').title}<select data-filter="status">${options(mentions.map((mention) => mention.status))}</select></label>
${codeFilter}
<label>${label('quantities', 'text').title}<input type="search" data-filter="text"></label>
<p><output id="shown">${mentions.length}</output> / ${mentions.length}</p></div>`
}

function mentionTable(input: DocumentInput): Html {
  const columns = [...MENTION_COLUMNS, ...(input.gold ? [GOLD] : [])]
  const rows = input.mentions.map(
    (mention) =>
      html`<tr id="row-${mention.mention_id}" data-kind="${mention.kind}" data-status="${mention.status}" data-code="${mention.indicator_code ?? ''}" data-text="${mention.text}">${columns.map((column) => mentionCell(input, mention, column))}</tr>`,
  )
  return html`<section aria-labelledby="mentions-title"><h2 id="mentions-title">数量 Mentions</h2>${filters(input.mentions, columns)}<table id="mentions" class="sortable"><thead><tr>${columns.map(headerCell)}</tr></thead><tbody>${rows}</tbody></table></section>`
}

interface Miss {
  miss: GoldMention
  rule: string
  span: Span
}

const MISS_COLUMNS = [label('quantities', 'text'), label('quantities', 'value'), label('quantities', 'unit'), label('quantities', 'status'), label('quantities', 'indicator'), label('exclusions', 'rule')]

function goldBlock(gold: GoldComparison, misses: Miss[], placed: Set<Span>): Html {
  const { precision, recall, f1, strictF1 } = gold.scores
  const rows = misses.map(
    ({ miss, rule, span }) =>
      html`<tr><td>${placed.has(span) ? html`<a href="#${missId(miss)}">${miss.text}</a>` : miss.text}</td><td class="num">${valueText(miss.value, miss.value_max, miss.approx)}</td><td>${miss.unit}</td><td>${miss.status}</td><td>${miss.indicator}</td><td>${rule}</td></tr>`,
  )
  return html`<section aria-labelledby="gold-title"><h2 id="gold-title">标注对照 Gold comparison</h2>
<table class="scores"><tr><th>P</th><th>R</th><th>F1</th><th>strict F1</th></tr><tr>${[precision, recall, f1, strictF1].map((score) => html`<td>${score.toFixed(3)}</td>`)}</tr></table>
<p>In the text: <span class="miss">数字</span> gold only, <span class="fp">数字</span> false positive, <span class="wrong">数字</span> a field differs (the table's last column gives the gold).</p>
<h3>漏标 Missed (${misses.length})</h3>${misses.length === 0 ? undefined : html`<table><thead><tr>${MISS_COLUMNS.map((name) => heading(name))}</tr></thead><tbody>${rows}</tbody></table>`}</section>`
}

const DETAIL = html`<aside class="detail" id="detail" aria-live="polite"><h2>详情 Details</h2><p id="detail-hint">点击、悬停或聚焦一个数字。Click, hover or focus a figure.</p><dl></dl></aside>`

export function documentPage(input: DocumentInput): string {
  const { document } = input
  const misses = (input.gold?.misses ?? []).map((miss): Miss => {
    const rule = setAsideBy(miss, input.exclusions ?? [])
    return { miss, rule, span: missSpan(miss, rule) }
  })
  const spans = [...input.mentions.map((mention) => mentionSpan(input, mention)), ...misses.map(({ span }) => span), ...(input.exclusions ?? []).map(exclusionSpan)]
  const sentences = [...input.sentences].sort((a, b) => Number(a.start) - Number(b.start))
  const { bySentence, placed } = placeSpans(sentences, spans)
  const titles = new Map(input.sections.map((section) => [String(section.section), String(section.title)]))
  const body = html`<header><p><a href="${INDEX}">← 全部报告 All documents</a> · <a href="#text">正文 text</a> · <a href="#mentions-title">数量表 mentions table</a>${input.gold ? html` · <a href="#gold-title">标注对照 gold</a>` : undefined}</p><h1>${document.title}</h1>
<p class="meta">${document.region} · ${document.level} · ${document.year} · ${document.doc_id} · ${input.mentions.length} mentions${input.exclusions ? ` · ${input.exclusions.length} set aside` : ''}</p>${legend(input.mentions)}</header>
<main><div class="layout">${outline(input.sections)}${textBlock(sentences, bySentence)}${DETAIL}</div>
<section aria-labelledby="chart-title"><h2 id="chart-title">各章节数量 Mentions per section and kind</h2>${sectionKindChart(input.mentions, titles)}</section>
${input.gold ? goldBlock(input.gold, misses, placed) : undefined}
${mentionTable(input)}</main>`
  return page({ title: `${document.title} · 审阅`, root: '', body })
}

