// How each kind of quantity looks, in one table used by the stylesheet, the
// legends and the charts. Colour alone fails colour-blind readers, so every kind
// also has a line pattern and a short label (Okabe–Ito colours).
import type { Kind } from '../resources/tables.ts'
import { KINDS } from '../resources/tables.ts'

export type Pattern = 'solid' | 'dashed' | 'dotted' | 'double'

export interface KindStyle {
  colour: string
  pattern: Pattern
  /** Shown after every highlight and in the legend. */
  label: string
}

export const KIND_STYLES: Record<Kind, KindStyle> = {
  percent: { colour: '#0072B2', pattern: 'solid', label: '%' },
  money: { colour: '#E69F00', pattern: 'solid', label: '¥' },
  count: { colour: '#009E73', pattern: 'dashed', label: '#' },
  percentage_point: { colour: '#CC79A7', pattern: 'dotted', label: 'pp' },
  multiple: { colour: '#D55E00', pattern: 'double', label: '×' },
  area: { colour: '#56B4E9', pattern: 'dashed', label: 'm²' },
  length: { colour: '#56B4E9', pattern: 'dotted', label: 'm' },
  mass: { colour: '#009E73', pattern: 'double', label: 'kg' },
  volume: { colour: '#0072B2', pattern: 'dotted', label: 'm³' },
  energy: { colour: '#E69F00', pattern: 'dashed', label: 'J' },
  power: { colour: '#E69F00', pattern: 'double', label: 'W' },
  duration: { colour: '#CC79A7', pattern: 'solid', label: 't' },
  concentration: { colour: '#D55E00', pattern: 'dashed', label: 'μg' },
  rank: { colour: '#000000', pattern: 'dashed', label: '№' },
  other: { colour: '#777777', pattern: 'dotted', label: '?' },
}

/** Colours for lines of regions in series charts; each line also gets its own dash. */
export const REGION_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000']
export const REGION_DASHES = ['', '6 3', '2 3', '8 3 2 3', '12 4']

const FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif'

/** Light tint of a kind's colour for the highlight background. */
const tint = (colour: string) => `${colour}26`

function kindRules(): string {
  return KINDS.map((kind) => {
    const { colour, pattern, label } = KIND_STYLES[kind]
    return `[data-k="${kind}"] { background: ${tint(colour)}; border-bottom: 3px ${pattern} ${colour}; }
[data-k="${kind}"]::after { content: "${label}"; color: ${colour}; }`
  }).join('\n')
}

const BASE = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #5c5c5c; --line: #d0d0d0; --focus: #1a5fb4; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONTS}; color: var(--fg); background: #fff; line-height: 1.7; }
header, main, footer { padding: 0 1.5rem; }
h1 { font-size: 1.4rem; margin: 1rem 0 0.25rem; }
h1 .names { font-size: 1rem; font-weight: normal; color: var(--muted); }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid var(--line); }
a { color: #0b57a3; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
th button { all: unset; cursor: pointer; display: block; }
th button:focus-visible { outline: 3px solid var(--focus); }
th small, .en { display: block; color: var(--muted); font-weight: normal; font-size: 0.75rem; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr[hidden] { display: none; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.5rem 0; }
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; }
input, select { font: inherit; padding: 0.15rem 0.3rem; }
.layout { display: grid; grid-template-columns: minmax(10rem, 15rem) minmax(0, 1fr) minmax(14rem, 20rem); gap: 1.5rem; align-items: start; }
.outline, .detail { position: sticky; top: 0; max-height: 100vh; overflow: auto; font-size: 0.85rem; padding: 0.5rem 0; }
.outline ol { list-style: none; padding-left: 0; margin: 0; }
.outline li.depth-2 { padding-left: 1rem; }
.outline li.depth-3 { padding-left: 2rem; }
.text p { margin: 0 0 0.8rem; }
.text p:target, .sentence:target { background: #fff6c8; }
.m { border-radius: 2px; padding: 0 1px; cursor: pointer; }
.m::after { font-size: 0.6rem; vertical-align: super; margin-left: 1px; font-weight: bold; }
.m:target, .m.selected { outline: 3px solid var(--focus); }
.excl { color: #767676; border-bottom: 1px dotted #9a9a9a; }
.excl::after { content: "⊘"; font-size: 0.6rem; vertical-align: super; color: #9a9a9a; }
.fp { text-decoration: line-through 2px #D55E00; }
.fp::before, .wrong::before, .miss::before { font-size: 0.6rem; vertical-align: super; font-weight: bold; color: #D55E00; }
.fp::before { content: "FP"; }
.wrong::before { content: "DIFF"; }
.miss { outline: 2px dashed #D55E00; outline-offset: 1px; }
.miss::before { content: "MISS"; }
td.gold-wrong { background: #fde3d6; }
.detail dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.6rem; margin: 0; }
.detail dt { color: var(--muted); }
.detail dd { margin: 0; word-break: break-all; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; padding: 0; list-style: none; font-size: 0.85rem; }
.scores td { text-align: right; }
svg { max-width: min(100%, 60rem); height: auto; font-family: ${FONTS}; }
svg text { font-size: 11px; fill: var(--fg); }
svg .axis { stroke: #888; }
svg .grid { stroke: #e6e6e6; }
svg .band { opacity: 0.18; }
svg .missed { stroke: #D55E00; stroke-width: 2.5; }
svg a:focus-visible .mark { stroke: var(--focus); stroke-width: 3; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } .outline, .detail { position: static; max-height: none; } }
`

/** review.css: the base rules and one rule per kind, from KIND_STYLES. */
export const stylesheet = (): string => `${BASE.trim()}\n${kindRules()}\n`
