// Language knowledge lives in the CSV tables beside this file; this module reads
// and checks them once, so rules only ever see well-formed data.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'

class TableError extends Error {}

export const KINDS = [
  'count', 'money', 'area', 'length', 'mass', 'volume', 'energy', 'power',
  'percent', 'percentage_point', 'multiple', 'duration', 'concentration', 'rank', 'other',
] as const
export type Kind = (typeof KINDS)[number]
const ROLES = ['digit', 'scale', 'magnitude'] as const
export type NumeralRole = (typeof ROLES)[number]
const APPROXES = ['exact', 'over', 'under', 'about'] as const
export type Approx = (typeof APPROXES)[number]
const CHANGES = ['up', 'down', 'none'] as const
export type Change = (typeof CHANGES)[number]
const STATUSES = ['actual', 'target', 'estimate'] as const
export type Status = (typeof STATUSES)[number]

interface TableOptions<C extends string, O extends string> {
  /** Columns that may be empty. */
  optional?: readonly O[]
  /** Columns whose values must come from a closed list: a typo would silently turn a rule off. */
  allowed?: Partial<Record<C | O, readonly string[]>>
}

/** Reads `name` from this folder; every row must fill every required column with an allowed value. */
export function readTable<C extends string, O extends string = never>(
  name: string,
  columns: readonly C[],
  { optional = [], allowed = {} }: TableOptions<C, O> = {},
): (Record<C, string> & Partial<Record<O, string>>)[] {
  const path = fileURLToPath(new URL(name, import.meta.url))
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, info: true }) as {
    record: Record<string, string | undefined>
    info: { lines: number }
  }[]
  return rows.map(({ record, info }) => {
    for (const column of [...columns, ...optional]) {
      const value = record[column]
      if (value === undefined && optional.includes(column as O)) throw new TableError(`${name}: there is no column "${column}"`)
      if (!value && columns.includes(column as C)) throw new TableError(`${name}, line ${info.lines}: column "${column}" is empty`)
      const values = allowed[column as C | O]
      if (value && values && !values.includes(value)) throw new TableError(`${name}, line ${info.lines}: "${value}" is not one of ${values.join(', ')}`)
    }
    return record as Record<C, string> & Partial<Record<O, string>>
  })
}

export interface Unit {
  surface: string
  unit: string
  kind: Kind
  unitCode: string
  baseUnit: string
  factor: number
}

function loadUnits(): Unit[] {
  return readTable('units.csv', ['surface', 'unit', 'kind', 'unit_code', 'base_unit', 'factor'] as const, { allowed: { kind: KINDS } }).map((row) => {
    const factor = Number(row.factor)
    if (!Number.isFinite(factor) || factor <= 0) throw new TableError(`units.csv: factor of ${row.surface} is not a positive number`)
    return { surface: row.surface, unit: row.unit, kind: row.kind as Kind, unitCode: row.unit_code, baseUnit: row.base_unit, factor }
  })
}


export interface Numeral {
  value: number
  role: NumeralRole
  /** 两 counts (两千, 两个) but is no written digit: never read digit by digit (二〇二五), never last after a scale (十二, not 十两). */
  countsOnly: boolean
  /** 壹 and 拾 guard sums against forgery; headings and dates use the everyday forms. */
  financial: boolean
}

function loadNumerals(): Map<string, Numeral> {
  return new Map(
    readTable('numerals.csv', ['char', 'value', 'role'] as const, { optional: ['counts_only', 'financial'], allowed: { role: ROLES, counts_only: ['yes'], financial: ['yes'] } }).map((row) => [
      row.char,
      { value: Number(row.value), role: row.role as NumeralRole, countsOnly: row.counts_only === 'yes', financial: row.financial === 'yes' },
    ]),
  )
}

const NUMERAL_WORD_ROLES = ['point', 'dot', 'half', 'negative', 'and', 'fraction', 'vague', 'double', 'double-count', 'aspect', 'ordinal', 'top', 'place', 'range', 'pair', 'power', 'below-zero'] as const
export type NumeralWordRole = (typeof NUMERAL_WORD_ROLES)[number]

/**
 * The words of numeral grammar by role: 点 (point), · (a decimal point between digits), 半 (half), 负 (negative), 又 (and), 分之 and 百分之 (fractions, with the unit
 * they give), 几 and 数 (some), 翻 … 番 with 了 between (doublings), 第 (ordinal), 前 (top), 名 and 位 (a place in a ranking),
 * 至, 到 and dashes (between the ends of a range), 三五 (two digits not neighbours that make a range).
 */
function loadNumeralWords(): Map<NumeralWordRole, { word: string; unit: string }[]> {
  const groups = new Map<NumeralWordRole, { word: string; unit: string }[]>(NUMERAL_WORD_ROLES.map((role) => [role, []]))
  const rows = readTable('numeral-words.csv', ['word', 'role'] as const, { optional: ['unit'], allowed: { role: NUMERAL_WORD_ROLES } })
  for (const row of rows.sort((a, b) => b.word.length - a.word.length)) groups.get(row.role as NumeralWordRole)!.push({ word: row.word, unit: row.unit ?? '' })
  return groups
}

/** An optional pattern column: empty means no pattern. */
const pattern = (source: string | undefined) => (source ? new RegExp(source, 'u') : undefined)

/** Words of one column, longest first, so a scan can stop at its first match. */
function words(name: string, column: string): string[] {
  return readTable(name, [column]).map((row) => row[column]!).sort((a, b) => b.length - a.length)
}

const units = loadUnits()
/** unless_*: the words around a marker that make it part of another word (节约, 最近, 上下游, 多渠道). */
const approx = readTable('approx.csv', ['marker', 'position', 'approx'] as const, {
  optional: ['unless_preceded_by', 'unless_followed_by'],
  allowed: { position: ['before', 'inside', 'after'], approx: APPROXES },
})
  .map((row) => ({
    marker: row.marker,
    position: row.position as 'before' | 'inside' | 'after',
    approx: row.approx as Approx,
    unlessBefore: pattern(row.unless_preceded_by),
    unlessAfter: pattern(row.unless_followed_by),
  }))
  .sort((a, b) => b.marker.length - a.marker.length)

const approxBefore = approx.filter((entry) => entry.position === 'before')

const CONTEXT_GROUPS = [
  'duration-cue', 'time-frame-after', 'programme-after', 'campaign-after', 'time-frame-before', 'time-frame-preposition', 'session-after',
  'priority-before', 'phase-after', 'comparison', 'change-start', 'list-joiner', 'noun-end', 'frame', 'rank-scope', 'bound-before', 'other-region', 'year-until', 'turn-into', 'deadline-before', 'year-from', 'year-base', 'year-since', 'record-after', 'span-years-after', 'not-span-before', 'completed-after', 'predicate-start', 'preposition', 'plan-span', 'respectively', 'annual-mean', 'earlier-base', 'more-than', 'less-than', 'target-list-head', 'not-target-list', 'plan-after',
  'comparison-start', 'multiple-base', 'duration-after', 'flow-verb', 'per-head', 'rate-frame', 'object-before', 'funding-verb', 'funds-noun', 'purpose-verb', 'purpose-before', 'cut-noun', 'aspect-noun', 'problem-noun', 'act-duration-before', 'act-duration-after', 'money-word', 'effort-noun', 'streak-unit', 'plan-document', 'plan-outline', 'temperature-before', 'fahrenheit-before', 'coverage-scope', 'programme-adverb', 'coverage-verb', 'benefit-verb', 'causative', 'solving-verb', 'forecast-noun', 'population-noun', 'benefit-after', 'verb-compound', 'measure-basis', 'condition-open', 'condition-close', 'programme-verb', 'joining-verb', 'condition', 'share-of', 'lasting-before', 'streak-before', 'time-clause-close', 'era-after', 'counted-one-before', 'not-counted-one-between', 'not-counting-focus', 'bound-link', 'now-word', 'average-word', 'hour-unit', 'hour-before', 'months-ago-after', 'target-set-verb', 'strive-word', 'owned-head', 'measured-group',
  'magnitude-before', 'index-name', 'index-verb', 'ratio-name', 'ratio-verb', 'year-unit', 'month-unit', 'per-before', 'voltage-unit', 'session-unit', 'counting-unit',
  'so-far-before', 'adjective-after', 'nickname-unit', 'nickname-before', 'phase-unit', 'threshold-after', 'negative-after', 'year-part', 'span-close',
  'degree-after-below-zero', 'half-period-before', 'month-after', 'day-after', 'per-word', 'change-gap', 'then-word', 'list-closer', 'cumulative-after', 'change-stem', 'quoted-target', 'target-copula', 'merged-into', 'within-years-after', 'not-within-years-after', 'time-phrase', 'subject-joiner', 'within', 'century-end', 'century-middle', 'next-century-middle', 'per-unit',
  'until-between', 'plan-end', 'plan-first', 'report-title', 'target-heading', 'target-of', 'result-year-after', 'level-held', 'leave-verb', 'leave-before', 'date-after', 'term-after', 'enumerator-after', 'bound-joiner', 'between-close', 'congress-before', 'congress-after', 'attributive', 'section-part', 'national-scope', 'bound-after',
] as const
export type ContextGroup = (typeof CONTEXT_GROUPS)[number]

function loadContextWords(): Map<ContextGroup, string[]> {
  const groups = new Map<ContextGroup, string[]>(CONTEXT_GROUPS.map((group) => [group, []]))
  for (const row of readTable('context-words.csv', ['group', 'word'] as const, { allowed: { group: CONTEXT_GROUPS } })) {
    groups.get(row.group as ContextGroup)!.push(row.word)
  }
  return groups
}

const contextWords = loadContextWords()

const change = readTable('change.csv', ['word', 'change', 'takes_object'] as const, { optional: ['unless_preceded_by', 'noun'], allowed: { change: CHANGES, takes_object: ['yes', 'no'], noun: ['yes'] } })
  .map((row) => ({
    word: row.word,
    change: row.change as Change,
    takesObject: row.takes_object === 'yes',
    unlessBefore: pattern(row.unless_preceded_by),
    noun: row.noun === 'yes',
  }))
  .sort((a, b) => b.word.length - a.word.length)

export const tables = {
  units,
  unitBySurface: new Map(units.map((unit) => [unit.surface, unit])),
  /** By the unit as written in records (月 for 个月); the first row of a unit is its entry. */
  unitByName: new Map([...units].reverse().map((unit) => [unit.unit, unit])),
  /** Surfaces longest first: the longest unit wins (千瓦时 over 千瓦). */
  unitSurfaces: units.map((unit) => unit.surface).sort((a, b) => b.length - a.length),
  numerals: loadNumerals(),
  /** Parts of a money unit that follow it in a compound sum (三元五角, 一美元二十美分), as a share of it. */
  subUnits: readTable('sub-units.csv', ['part', 'unit', 'factor'] as const).map((row) => ({ unit: row.unit, part: row.part, factor: Number(row.factor) })),
  /** Units written as a sign before the number (￥500, US$30, RMB 100), longest first. */
  unitSigns: readTable('unit-signs.csv', ['sign', 'unit'] as const).sort((a, b) => b.sign.length - a.sign.length),
  /** Units after which one digit is a tenth of the unit (三成五, 一米八). */
  tenthsAfter: new Set(words('tenths-after.csv', 'unit')),
  tenthsPair: new Set(words('tenths-pair.csv', 'unit')),
  /** 40k, 2.5M: a Latin letter after digits that multiplies them by a power of ten. */
  latinMagnitudes: new Map(
    readTable('latin-magnitudes.csv', ['letter', 'exponent'] as const, { optional: ['needs_point'], allowed: { needs_point: ['yes'] } }).map((row) => [
      row.letter,
      { exponent: Number(row.exponent), needsPoint: row.needs_point === 'yes' },
    ]),
  ),
  /** Grammar words of numerals, longest first: 百分之 before 分之. */
  numeralWords: loadNumeralWords(),
  /** Traditional characters and their simplified forms, one for one (萬 → 万, 個 → 个), so that offsets hold. */
  simplified: new Map(readTable('traditional.csv', ['traditional', 'simplified'] as const).map((row) => {
    if (row.traditional.length !== 1 || row.simplified.length !== 1) throw new TableError(`traditional.csv: ${row.traditional} → ${row.simplified} is not one unit for one`)
    return [row.traditional, row.simplified]
  })),
  /** Markers by where they stand: 超 before the number, 余 inside the span, 左右 after it. */
  approxBefore,
  approxInside: approx.filter((entry) => entry.position === 'inside'),
  approxAfter: approx.filter((entry) => entry.position === 'after'),
  /**
   * takes_object: the verb may stand before what it changes (增加粮食种植面积4000亩);
   * unless_preceded_by: the compounds where it means something else (改造提升: upgrade);
   * noun: the word names the change, so a figure after 为 is its size (涨幅为3%), not a level reached (提高为).
   */
  change,
  /** The change words that name a change (涨幅, 增速) rather than make one. */
  rateNouns: change.filter((entry) => entry.noun),
  levelWords: words('levels.csv', 'word'),
  /** Words that join the items of a list: 8.9%、7.7%; 96%和94%. */
  listJoiners: contextWords.get('list-joiner')!,
  /** Small word lists the rules read around a number, by group (see context-words.csv). */
  contextWords,
  /** Words that let a bare magnitude stand for an amount: 超万亿元, 近万人, 上亿群众. */
  magnitudeLeaders: [...contextWords.get('magnitude-before')!, ...approxBefore.map((entry) => entry.marker)],
  /**
   * Patterns around a cue that undo it: after it, the rest of the clause (预期寿命; 将税率从17%降至13%
   * is 把, not future); before it, the text up to it (向上争取资金 is funds obtained, not sought).
   */
  /** Words that set a figure's status; a weak one (有, 是: a state described) only where nothing else has. */
  status: readTable('status.csv', ['cue', 'status'] as const, { optional: ['unless_followed_by', 'unless_preceded_by', 'weak'], allowed: { status: STATUSES, weak: ['yes'] } }).map((row) => ({
    cue: row.cue,
    status: row.status as Status,
    unlessAfter: pattern(row.unless_followed_by),
    unlessBefore: pattern(row.unless_preceded_by),
    weak: row.weak === 'yes',
  })),
  names: words('names.csv', 'name'),
  notUnits: words('not-units.csv', 'word'),
  /** Words that trim an indicator phrase: verbs and adverbs before it (lead), verbs and frames after it (trail). */
  indicatorWords: readTable('indicator-words.csv', ['word', 'side'] as const, { allowed: { side: ['lead', 'trail'] } }),
  /** Verbs that end a noun phrase after a number (治理1411条背街小巷 ... 取得突破). */
  verbs: words('verbs.csv', 'verb'),
  /** Verbs before a rank: 居全国首位, 位列第一. */
  rankVerbs: words('rank-verbs.csv', 'verb'),
  /** Words that are quantities on their own: 首位 (rank 1), 翻番 (2 倍), 减半 (0.5 倍), 一半 (0.5), 半百 (50), 半折 (5 折). */
  wordQuantities: readTable('word-quantities.csv', ['word', 'value', 'form'] as const, { optional: ['unit'], allowed: { form: ['rank', 'doubling', 'halving', 'fraction', 'number'] } }).map((row) => ({
    word: row.word,
    value: Number(row.value),
    unit: row.unit ?? '',
    form: row.form as 'rank' | 'doubling' | 'halving' | 'fraction' | 'number',
  })),
  impliedUnits: readTable('implied-units.csv', ['noun', 'unit'] as const).sort((a, b) => b.noun.length - a.noun.length),
  /** 城乡 before 分别: a word made of two, which a list of two figures reads one part each (城镇, 农村). */
  pairedWords: readTable('paired-words.csv', ['compound', 'first', 'second'] as const),
}
