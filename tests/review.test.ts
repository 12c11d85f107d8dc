// The review site's pages as strings: escaping, one highlight per mention,
// exclusions with their rule, gold verdicts, columns that arrive later, and the
// series chart from a hand-made series table.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Row } from '../pipeline/package/rows.ts'
import { period } from '../pipeline/review/columns.ts'
import { documentPage, type DocumentInput } from '../pipeline/review/document-page.ts'
import { compareGold, type GoldMention } from '../pipeline/review/gold.ts'
import { html } from '../pipeline/review/html.ts'
import { seriesPage } from '../pipeline/review/series-page.ts'
import { writeReview } from '../pipeline/review/site.ts'
import { HANDMADE_MISSED, HANDMADE_VALUES, handmadeSeries } from './review-fixture.ts'

const occurrences = (text: string, needle: string) => text.split(needle).length - 1

// Markup in a report's text must come out as text.
const TEXT = '全年增长5%，投资<b>3亿元</b>，2024年。'
const at = (part: string) => [...TEXT.slice(0, TEXT.indexOf(part))].length
const mention = (text: string, fields: Row): Row => ({
  doc_id: 'doc', mention_id: `doc:${String(at(text)).padStart(7, '0')}`, section: '一', paragraph: 1, sentence_id: 'doc:s00001',
  start: at(text), end: at(text) + [...text].length, text, unit_code: '', approx: 'exact', change: 'none', indicator: '', ...fields,
})
const MENTIONS = [mention('5%', { value: 5, unit: '%', kind: 'percent', status: 'actual', change: 'up' }), mention('3亿元', { value: 300000000, unit: '元', kind: 'money', status: 'target' })]

function input(extra: Partial<DocumentInput> = {}): DocumentInput {
  return {
    document: { doc_id: 'doc', title: '某县<报告>', region: '某县', level: 'county', year: 2025, outcome: 'done' },
    sentences: [{ doc_id: 'doc', sentence_id: 'doc:s00001', paragraph: 1, index: 1, start: 0, end: [...TEXT].length, text: TEXT }],
    sections: [{ doc_id: 'doc', section: '一', title: '一、回顾', paragraph: 1, start: 0, status: 'actual' }],
    mentions: MENTIONS,
    exclusions: [{ doc_id: 'doc', start: at('2024年'), end: at('2024年') + 5, text: '2024年', rule: 'date' }],
    ...extra,
  }
}

describe('html', () => {
  it('escapes every interpolated value but keeps nested html', () => {
    expect(html`<p title="${'"x"'}">${'<script>&'}${html`<b>${'<i>'}</b>`}</p>`.value).toBe('<p title="&quot;x&quot;">&lt;script&gt;&amp;<b>&lt;i&gt;</b></p>')
  })
})

describe('document page', () => {
  const page = documentPage(input())

  it('highlights each mention exactly once, by kind, at its place in the text', () => {
    for (const row of MENTIONS) expect(occurrences(page, `data-mention-id="${row.mention_id}"`)).toBe(1)
    expect(page).toContain(`<mark class="m" id="doc:0000004" data-mention-id="doc:0000004" data-k="percent" tabindex="0" title="percent · actual">5%</mark>`)
    expect(page).toContain('投资&lt;b&gt;<mark')
    expect(page).not.toContain('<b>')
  })

  it('marks exclusions faintly with their rule and links outline and table rows to the text', () => {
    expect(page).toContain('<span class="excl" data-rule="date" title="set aside 排除: date — a date or a year used as a date (2023年, 11月, 2024/12/31)">2024年</span>')
    expect(page).toContain('<a href="#p1">一、回顾</a>')
    expect(page).toContain('<tr id="row-doc:0000004"')
    expect(page).toContain('<a href="#doc:0000004">5%</a>')
  })

  it('shows indicator codes and periods, and filters by code', () => {
    const coded = documentPage(input({ mentions: MENTIONS.map((row) => ({ ...row, indicator_code: 'gdp_growth', period_start: 2021, period_end: 2025, per_year: true })) }))
    expect(coded).toContain('data-code="gdp_growth"')
    expect(coded).toContain('data-filter="code"')
    expect(coded).toContain('<td>2021–2025 年均</td>')
  })

  it('marks misses, false positives and wrong fields against the gold', () => {
    const predicted = [{ ...MENTIONS[0]!, indicator_code: 'gdp', period_start: 2024, period_end: 2024, per_year: false }, MENTIONS[1]!]
    const gold = compareGold(
      { document: 'doc.txt', mentions: [
        { start: at('5%'), end: at('5%') + 2, text: '5%', value: 6, unit: '%', status: 'actual', indicator_code: 'gdp_growth', period_start: 2021, period_end: 2025, per_year: true } as GoldMention,
        { start: at('2024年'), end: at('2024年') + 4, text: '2024', value: 2024, unit: '' },
      ] },
      predicted,
    )
    expect(gold.scores.precision).toBe(0.5)
    expect(gold.misses.map((miss) => miss.text)).toEqual(['2024'])
    const judged = documentPage(input({ gold, mentions: predicted }))
    expect(judged).toContain('class="m wrong" id="doc:0000004"')
    expect(judged).toContain('class="m fp" id="doc:0000012"')
    expect(judged).toContain('<td class="gold-wrong">value 6; period 2021–2025 年均; indicator_code gdp_growth</td>')
    // The miss overlaps the exclusion; the miss wins and the exclusion is not drawn over it.
    expect(judged).toContain('<span class="miss" id="miss-20"')
    expect(judged).not.toContain('data-rule="date"')
    // …and the miss says which rule set its number aside.
    expect(judged).toContain('title="gold only 漏: 2024; set aside 排除: date">2024</span>')
    expect(judged).toContain('<td><a href="#miss-20">2024</a></td><td class="num">2024</td><td></td><td></td><td></td><td>date</td>')
  })
})

describe('series page', () => {
  const rows = handmadeSeries({ doc_id: 'plan', mention_id: 'plan:0000100' }, { doc_id: 'review', mention_id: 'review:0000200' })
  const page = seriesPage('gdp_growth', rows)

  it('has one mark per value, each linking to its sentence', () => {
    expect(occurrences(page, 'class="mark ')).toBe(HANDMADE_VALUES)
    expect(occurrences(page, 'class="mark target"')).toBe(6)
    expect(occurrences(page, '<a href="../plan.html#plan:0000100"><path class="mark target"')).toBe(6)
    expect(occurrences(page, '<a href="../review.html#review:0000200"><circle class="mark actual"')).toBe(5)
  })

  it('draws ranges and bounds as bands, missed targets, and one actual line per region', () => {
    expect(occurrences(page, 'class="band"')).toBe(2)
    expect(occurrences(page, 'class="missed"')).toBe(HANDMADE_MISSED)
    expect(occurrences(page, 'class="line actual"')).toBe(2)
    expect(page).toContain('data-region-code="110000"')
    expect(page).toContain('>2021–2025 年均</text>')
  })

  it('breaks a line where a year has no value, so no line bridges the gap', () => {
    const actual = (period: number, value: number) => ({ indicator_code: 'm2_growth', region_code: '100000', region: '全国', level: 'national', unit: '%', period_start: period, period_end: period, per_year: false, actual_value: value, actual_doc_id: 'review', actual_mention_id: `review:${period}` })
    const gapped = seriesPage('m2_growth', [actual(2013, 13.6), actual(2014, 12.2), actual(2016, 11.3), actual(2017, 8.2)])
    expect(occurrences(gapped, 'class="line actual"')).toBe(2)
    expect(occurrences(seriesPage('m2_growth', [actual(2013, 13.6), actual(2016, 11.3)]), 'class="line actual"')).toBe(0)
  })

  it('names the indicator beside its code', () => {
    expect(page).toContain('<h1>gdp_growth <span class="names">生产总值增长 · GDP growth (real)</span></h1>')
  })

  it('draws an empty frame, not NaN, for rows without values', () => {
    expect(seriesPage('gdp', [{ indicator_code: 'gdp', region_code: '100000', region: '全国', period_start: 2024, period_end: 2024 }])).not.toContain('NaN')
    expect(page).not.toContain('NaN')
  })

  it('lists every row in a table under the chart', () => {
    expect(occurrences(page, '<tr><td>')).toBe(rows.length)
    expect(page).toContain('<a href="../plan.html#plan:0000100">≥4.5</a>')
    expect(page).toContain('<a href="../plan.html#plan:0000100">5–5.5</a>')
  })
})

describe('columns', () => {
  it('writes the period from its parts', () => {
    expect(period({ period_start: 2024, period_end: 2024 })).toBe('2024')
    expect(period({})).toBe('')
  })
})

describe('site', () => {
  it('keeps the index when a report is catalogued as "index"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengshu-review-site-'))
    const { document, sentences, sections, mentions } = input()
    const asIndex = (list: Row[]) => list.map((row) => ({ ...row, doc_id: 'index' }))
    const rows = { documents: asIndex([{ ...document, file: 'index.txt', mentions: 2 }]), sentences: asIndex(sentences), sections: asIndex(sections), quantities: asIndex(mentions) }
    await writeReview(dir, rows, [])
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<a href="index_.html">某县&lt;报告&gt;</a>')
    expect(readFileSync(join(dir, 'index_.html'), 'utf8').split('data-mention-id="').length - 1).toBe(2)
  })
})

describe('site series', () => {
  it('writes a page per indicator code with data and lists them on the index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengshu-review-series-'))
    const series = [...handmadeSeries({ doc_id: 'a', mention_id: 'a:1' }, { doc_id: 'b', mention_id: 'b:2' }), { indicator_code: 'grain_output', region_code: '100000', region: '全国', period_start: 2024, period_end: 2024 }]
    await writeReview(dir, { documents: [], series }, [])
    expect(existsSync(join(dir, 'series', 'gdp_growth.html'))).toBe(true)
    expect(existsSync(join(dir, 'series', 'grain_output.html'))).toBe(false)
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('<a href="series/gdp_growth.html">gdp_growth</a> (6)')
  })
})
