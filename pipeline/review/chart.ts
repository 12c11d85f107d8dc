// Inline SVG charts, drawn at build time: mentions per section and kind for a
// document, and target against actual by period for a series.
import type { Kind } from '../resources/tables.ts'
import type { Row } from '../package/rows.ts'
import { period, valueText } from './columns.ts'
import { html, type Html } from './html.ts'
import { KIND_STYLES, REGION_COLOURS, REGION_DASHES, type Pattern } from './style.ts'

/** Strokes over a kind's colour so bars differ by pattern as well as colour, as the highlights do. */
const PATTERN_PATHS: Record<Pattern, string> = { solid: '', dashed: 'M0 6L6 0', dotted: 'M2 2h1v1h-1z', double: 'M0 1.5h6M0 4.5h6' }

function kindPattern(kind: Kind): Html {
  const { colour, pattern } = KIND_STYLES[kind]
  return html`<pattern id="pk-${kind}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${colour}"/><path d="${PATTERN_PATHS[pattern]}" stroke="#fff" stroke-width="1.5"/></pattern>`
}

const topSection = (row: Row) => String(row.section ?? '').split('/')[0]!

/** One bar per top-level section, one rect per kind in it (data-count says how many). */
export function sectionKindChart(mentions: Row[], titles: Map<string, string>): Html {
  const cells = new Map<string, Map<Kind, number>>()
  for (const mention of mentions) {
    const kinds = cells.get(topSection(mention)) ?? new Map<Kind, number>()
    kinds.set(mention.kind as Kind, (kinds.get(mention.kind as Kind) ?? 0) + 1)
    cells.set(topSection(mention), kinds)
  }
  const totals = [...cells.values()].map((kinds) => [...kinds.values()].reduce((a, b) => a + b, 0))
  const most = Math.max(1, ...totals)
  const [labelWidth, barWidth, barHeight, gap] = [190, 480, 18, 6]
  const used = [...new Set(mentions.map((mention) => mention.kind as Kind))].sort()
  const legendY = cells.size * (barHeight + gap) + gap + 4
  const perLine = 4
  const height = legendY + Math.ceil(used.length / perLine) * 18
  const legend = used.map((kind, index) => {
    const [x, y] = [labelWidth + (index % perLine) * 130, legendY + Math.floor(index / perLine) * 18]
    return html`<g class="legend-kind"><rect x="${x}" y="${y}" width="14" height="12" fill="url(#pk-${kind})"/><text x="${x + 18}" y="${y + 10}">${kind}</text></g>`
  })
  const bars = [...cells.entries()].map(([section, kinds], index) => {
    const y = gap + index * (barHeight + gap)
    const name = section === '' ? '（开头）' : (titles.get(section) ?? section).slice(0, 14)
    let x = labelWidth
    const rects = [...kinds.entries()].map(([kind, n]) => {
      const width = (n / most) * barWidth
      const rect = html`<rect class="bar" data-kind="${kind}" data-count="${n}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${barHeight}" fill="url(#pk-${kind})"><title>${section || '（开头）'} · ${kind}: ${n}</title></rect>`
      x += width
      return rect
    })
    return html`<g><text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${name}</text>${rects}<text x="${x + 4}" y="${y + 13}">${totals[index]}</text></g>`
  })
  return html`<svg class="section-chart" viewBox="0 0 ${labelWidth + barWidth + 40} ${height}" role="img" aria-label="mentions per section and kind"><defs>${used.map(kindPattern)}</defs>${bars}${legend}</svg>`
}

const numberOf = (cell: unknown): number | undefined => (cell === undefined || cell === null || cell === '' ? undefined : Number(cell))

/** About `count` round steps covering lo..hi. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw)!
  const ticks: number[] = []
  for (let tick = Math.ceil(lo / step) * step; tick <= hi + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)))
  return ticks
}

const compact = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumSignificantDigits: 4 })

/** Where each value of the chart goes, and where its mark links (the sentence in its document page). */
export type MentionHref = (docId: unknown, mentionId: unknown) => string

const periodKey = (row: Row) => `${row.period_end}|${row.period_start}|${row.per_year}`

interface Frame {
  x: (row: Row, region: number) => number
  y: (value: number) => number
  top: number
  bottom: number
}

const W = 720
const PLOT = { left: 80, right: 700, top: 16, bottom: 290 }

function frame(rows: Row[], periods: string[], regions: number): { frame: Frame; ticks: number[] } {
  const values = rows.flatMap((row) => [row.target_value, row.target_value_max, row.actual_value, row.actual_value_max].map(numberOf)).filter((value): value is number => value !== undefined)
  // The data's own range, padded: growth rates near 5% would be a flat line on an axis from zero.
  const [least, most] = values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 1]
  const pad = (most - least || Math.abs(most) || 1) * 0.1
  const [lo, hi] = [least - pad, most + pad]
  const ticks = niceTicks(lo, hi)
  const slot = (PLOT.right - PLOT.left) / periods.length
  const spread = Math.min(10, slot / (regions + 1))
  return {
    ticks,
    frame: {
      x: (row, region) => PLOT.left + (periods.indexOf(periodKey(row)) + 0.5) * slot + (region - (regions - 1) / 2) * spread,
      y: (value) => PLOT.bottom - ((value - lo) / (hi - lo)) * (PLOT.bottom - PLOT.top),
      top: PLOT.top,
      bottom: PLOT.bottom,
    },
  }
}

/** A value's band: its range, or from the bound to the chart's edge for 以上 / 以内. */
function band(f: Frame, x: number, value: number, max: number | undefined, approx: unknown, colour: string): Html | undefined {
  const [from, to] = max !== undefined ? [f.y(max), f.y(value)] : approx === 'over' ? [f.top, f.y(value)] : approx === 'under' ? [f.y(value), f.bottom] : [undefined, undefined]
  if (from === undefined || to === undefined) return undefined
  return html`<rect class="band" x="${(x - 7).toFixed(1)}" y="${from.toFixed(1)}" width="14" height="${Math.max(1, to - from).toFixed(1)}" fill="${colour}"/>`
}

type Side = 'target' | 'actual'

/** One value of one row: its band, and its mark linking to the sentence. */
function valueMark(f: Frame, row: Row, side: Side, x: number, colour: string, href: MentionHref): Html | undefined {
  const value = numberOf(row[`${side}_value`])
  if (value === undefined) return undefined
  const max = numberOf(row[`${side}_value_max`])
  const y = f.y(max === undefined ? value : (value + max) / 2)
  const title = `${row.region} ${period(row)} ${side}: ${valueText(value, max, row[`${side}_approx`])} ${row.unit ?? ''}`
  const shape =
    side === 'target'
      ? html`<path class="mark target" data-value="${value}" d="M${x.toFixed(1)} ${(y - 6).toFixed(1)}l6 6l-6 6l-6 -6z" fill="#fff" stroke="${colour}" stroke-width="2"/>`
      : html`<circle class="mark actual" data-value="${value}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4.5" fill="${colour}"/>`
  return html`${band(f, x, value, max, row[`${side}_approx`], colour)}<a href="${href(row[`${side}_doc_id`], row[`${side}_mention_id`])}">${shape}<title>${title}</title></a>`
}

function missedMark(f: Frame, row: Row, x: number): Html | undefined {
  if (row.met !== 'no') return undefined
  const value = numberOf(row.actual_value) ?? numberOf(row.target_value)
  if (value === undefined) return undefined
  const y = f.y(value)
  return html`<path class="missed" d="M${x - 7} ${y - 7}l14 14M${x - 7} ${y + 7}l14 -14"><title>${row.region} ${period(row)}: target missed 未完成</title></path>`
}

const isYear = (row: Row) => row.period_start === row.period_end

/** Spans (五年 averages, plan totals) come after the single years and are not joined into their lines. */
export const byPeriod = (a: Row, b: Row) => Number(isYear(b)) - Number(isYear(a)) || Number(a.period_end) - Number(b.period_end) || Number(a.period_start) - Number(b.period_start)

/** The single years with a value, in runs of consecutive years: a line must not bridge a year without one. */
function yearRuns(rows: Row[], side: Side): Row[][] {
  const runs: Row[][] = []
  for (const row of rows.filter((candidate) => isYear(candidate) && numberOf(candidate[`${side}_value`]) !== undefined)) {
    const run = runs.at(-1)
    if (run && Number(row.period_start) === Number(run.at(-1)!.period_start) + 1) run.push(row)
    else runs.push([row])
  }
  return runs
}

function line(f: Frame, rows: Row[], region: number, side: Side, colour: string, dash: string): Html {
  const polylines = yearRuns(rows, side)
    .filter((run) => run.length >= 2)
    .map((run) => {
      const points = run.map((row) => `${f.x(row, region).toFixed(1)},${f.y(numberOf(row[`${side}_value`])!).toFixed(1)}`)
      return html`<polyline class="line ${side}" points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="${side === 'actual' ? 2 : 1.2}" stroke-dasharray="${side === 'actual' ? dash : '3 3'}"/>`
    })
  return html`${polylines}`
}

/** At most this many period labels fit under the axis; the rest are skipped evenly. */
const MAX_PERIOD_LABELS = 14

function axes(f: Frame, ticks: number[], periods: Row[]): Html {
  const slot = (PLOT.right - PLOT.left) / periods.length
  const every = Math.ceil(periods.length / MAX_PERIOD_LABELS)
  return html`${ticks.map(
    (tick) => html`<line class="grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${f.y(tick).toFixed(1)}" y2="${f.y(tick).toFixed(1)}"/><text x="${PLOT.left - 6}" y="${(f.y(tick) + 4).toFixed(1)}" text-anchor="end">${compact.format(tick)}</text>`,
  )}<line class="axis" x1="${PLOT.left}" x2="${PLOT.left}" y1="${PLOT.top}" y2="${PLOT.bottom}"/><line class="axis" x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}"/>${periods.map(
    (row, index) => (index % every === 0 ? html`<text x="${(PLOT.left + (index + 0.5) * slot).toFixed(1)}" y="${PLOT.bottom + 16}" text-anchor="middle">${period(row)}</text>` : undefined),
  )}`
}

function legend(regions: Row[], y: number): Html {
  const items = regions.map((row, index) => {
    const x = PLOT.left + (index % 4) * 160
    const rowY = y + Math.floor(index / 4) * 18
    const colour = REGION_COLOURS[index % REGION_COLOURS.length]!
    return html`<g class="legend-region"><line x1="${x}" x2="${x + 26}" y1="${rowY}" y2="${rowY}" stroke="${colour}" stroke-width="2" stroke-dasharray="${REGION_DASHES[index % REGION_DASHES.length]}"/><text x="${x + 32}" y="${rowY + 4}">${row.region}</text></g>`
  })
  const keyY = y + Math.ceil(regions.length / 4) * 18
  return html`${items}<text x="${PLOT.left}" y="${keyY + 4}">◇ 目标 target　● 实际 actual　✕ 未完成 missed　▮ 区间 range / bound</text>`
}

/** Target (◇) and actual (●) by period, one line per region; one mark per value, each linking to its sentence. */
export function seriesChart(rows: Row[], href: MentionHref): Html {
  const periodRows = [...new Map(rows.map((row) => [periodKey(row), row])).values()].sort(byPeriod)
  const periods = periodRows.map(periodKey)
  const regionRows = [...new Map(rows.map((row) => [String(row.region_code), row])).values()].sort((a, b) => String(a.region_code).localeCompare(String(b.region_code)))
  const { frame: f, ticks } = frame(rows, periods, regionRows.length)
  const series = regionRows.map((regionRow, index) => {
    const colour = REGION_COLOURS[index % REGION_COLOURS.length]!
    const own = rows.filter((row) => row.region_code === regionRow.region_code).sort((a, b) => periods.indexOf(periodKey(a)) - periods.indexOf(periodKey(b)))
    const marks = own.map((row) => {
      const x = f.x(row, index)
      return html`${valueMark(f, row, 'target', x, colour, href)}${valueMark(f, row, 'actual', x, colour, href)}${missedMark(f, row, x)}`
    })
    return html`<g class="region" data-region-code="${regionRow.region_code}">${line(f, own, index, 'target', colour, '')}${line(f, own, index, 'actual', colour, REGION_DASHES[index % REGION_DASHES.length]!)}${marks}</g>`
  })
  const height = PLOT.bottom + 40 + (Math.ceil(regionRows.length / 4) + 1) * 18
  return html`<svg class="series-chart" viewBox="0 0 ${W} ${height}" role="img" aria-label="target against actual by period">${axes(f, ticks, periodRows)}${series}${legend(regionRows, PLOT.bottom + 38)}</svg>`
}
