// The period a figure refers to (INDICATORS.md): the calendar years it is about, read
// from the time words of its sentence (2023年, 到2025年, 去年, 过去五年, 十四五, 年均),
// else from the part of the report it stands in, else from its status and the
// report's year. Finding the cues is kept apart from choosing among them.
import { tables, type Change, type Kind, type Status } from '../resources/tables.ts'
import { plans, timeWords, type PerYear } from '../resources/vocabulary.ts'
import { clauseEnd, clauseStart } from './clause.ts'
import { COUNTING_NUMERALS, SMALL_NUMERALS, valueOfNumeral, WRITTEN_DIGITS } from './numerals.ts'
import { alternation, charClass, endsWithAny, possibleIn } from './patterns.ts'

export interface Span {
  start: number
  end: number
}

export interface Period extends Span {
  perYear: boolean
}

/** A time word of a sentence: where it stands, and the years it names, if any. */
export interface TimeCue {
  at: number
  end: number
  span?: Span
  perYear?: PerYear
  /** 由2020年的, 从去年的: the year of the figure right after it, not of one past 提高到. */
  from?: boolean
  /** 比2002年增长: the years since a base, which hold for that one comparison only. */
  compared?: boolean
  /** 五年中: a count of years, which holds in its own sentence only. */
  local?: boolean
  /** The years a count of years spans for a target (五年内将投入: from the report's year); `span` is those of a result. */
  ahead?: Span
  /** 到1992年: the year a plan runs to. */
  until?: boolean
  /** 从1978年到1982年: a span whose two ends the text names, so the A of a 由A增加到B in it is of the first year (of 过去五年, the year before). */
  fromTo?: boolean
  /** 2030年, 明年: one calendar year the text names, not a time frame. */
  calendar?: boolean
  /** 上年: the year before the one the part speaks of (not the report's year), for the level a change starts from. */
  beforeTopic?: boolean
  /** 比2002年增加 with no later year named: the years of a result, which say nothing of a target's. */
  resultOnly?: boolean
  /** “十一五”规划纲要: a plan named as a document, which dates its own sentence but frames none after it. */
  document?: boolean
  /** 刚刚过去的2017年，: a year set off by a comma, which frames what follows it. */
  frames?: boolean
}

/** What a part heading says of the figures under it: the period of its results and of its targets. */
export interface PartPeriods {
  actual?: Span
  target?: Span
}

const words = (group: Parameters<typeof tables.contextWords.get>[0]) => tables.contextWords.get(group)!
const UNTIL = words('year-until')
const FROM = words('year-from')
const BASE = words('year-base')
/** 高于上年: a year compared with, which dates nothing. */
const COMPARED_WITH = words('comparison')
const SINCE = words('year-since')
const RECORD = words('record-after')
const ATTRIBUTIVES = words('attributive')
/** 以来最高, 来首次, 五年来的最高: a record begins at `at`. */
const recordAt = (text: string, at: number) => RECORD.some((word) => text.startsWith(word, at) || ATTRIBUTIVES.some((of) => text.startsWith(of + word, at)))
const ANNUAL_MEANS = words('annual-mean')
const PER_HEAD = words('per-head')
const PLAN_AFTER = words('plan-after')
const PLAN_DOCUMENTS = words('plan-document')
const YEAR_UNIT = alternation(words('year-unit'))
const DIGITS = charClass(WRITTEN_DIGITS)
/** One mark or word between two years makes a span (2021—2025年, 2021至2025年); the long dash —— opens a dateline instead. */
const SPAN_JOINER = alternation(tables.numeralWords.get('range')!.map((entry) => entry.word).filter((word) => word.length === 1))
/** The number of a year, in digits or numerals: 2023, 一九八二. */
export const YEAR_NUMBER = `(?:\\d{4}|${DIGITS}{4})`
const LIST_JOINER = alternation(words('list-joiner').filter((word) => word.length === 1))
/** 一九八一、一九八二两年, 2018年、2019年两年: years listed, then counted as one span. */
const YEAR_LIST = `(${YEAR_NUMBER})(?:${YEAR_UNIT})?(?:${LIST_JOINER}${YEAR_NUMBER}(?:${YEAR_UNIT})?)*${LIST_JOINER}(${YEAR_NUMBER})(?:${YEAR_UNIT})?(${charClass(COUNTING_NUMERALS)}|\\d)${YEAR_UNIT}`
/** A year written in digits or numerals: 2023年, 一九八二年, 2024年底; 2021—2025年 and 2021-2025年 as a span; a copy from PDF may set a space before 年. */
const YEAR = new RegExp(`${YEAR_LIST}|(${YEAR_NUMBER})(?:${SPAN_JOINER}(${YEAR_NUMBER}))? ?${YEAR_UNIT}${alternation(words('year-part'))}?`, 'gu')
const QUOTES_AFTER = /^[”"]/
/** 比“八五”: the quote that opens a plan's name, before it. */
const QUOTES_BEFORE = /[“"]$/

const FIRST_YEAR = 1949
const LAST_YEAR = 2100
const yearValue = (written: string) => (/^\d{4}$/.test(written) ? Number(written) : valueOfNumeral(written))

/** 一九八一、一九八二两年 spans the years listed when the count says they follow one another; else the figure is of the last one named. */
function listedSpanStart(first: number | undefined, last: number | undefined, count: string): number | undefined {
  return first !== undefined && last !== undefined && valueOfNumeral(count) === last - first + 1 ? first : last
}

type YearCue = TimeCue & { role: 'from' | 'until' | 'plain'; closesClause?: boolean }

function yearCues(text: string, year: number | undefined): TimeCue[] {
  const cues: YearCue[] = []
  let baseEnd = -1
  for (const match of text.matchAll(YEAR)) {
    const [, listFirst, listLast, listCount, single, singleLast] = match
    const last = yearValue(listLast ?? singleLast ?? single!)
    const first = listFirst === undefined ? yearValue(single!) : listedSpanStart(yearValue(listFirst), last, listCount!)
    // 长达2600年 is a length of time: a year of these reports lies between the Republic's founding and the century's end
    if (first === undefined || last === undefined || first < FIRST_YEAR || last > LAST_YEAR || last < first) continue
    // 2003年到 2007年: text from PDF or the web may leave a space before the year
    const before = text.slice(Math.max(0, match.index - 4), match.index).trimEnd()
    // 是1950年到1997年……总和的1.7倍: the end of a base span is part of the base
    if (baseEnd >= 0 && UNTIL.includes(text.slice(baseEnd, match.index))) continue
    const end = match.index + match[0].length
    // 一九七九年以来: from that year to the last one the report looks back on
    const sinceWord = SINCE.find((word) => text.startsWith(word, end))
    // 1985年以来最高 (增速为1985年以来最高): a record since that year, which names no period of the figures
    if (sinceWord && recordAt(text, end + sinceWord.length)) continue
    // 2007年……比2002年增长65.5%: growth over the years after the base, up to the year named before it
    // 比2002年增加2898亿元 with no year of its own: a result runs to the last year the report looks back on
    if (endsWithAny(before, BASE)) {
      baseEnd = end
      const named = cues.at(-1)?.span?.end
      if (named !== undefined && named > last) cues.push({ at: match.index, end, span: { start: last + 1, end: named }, compared: true, role: 'plain' })
      // (not 是1950年到1997年……的总和, a base of several years)
      else if (named === undefined && year !== undefined && last < year - 1 && !UNTIL.some((word) => text.startsWith(word, end))) cues.push({ at: match.index, end, span: { start: last + 1, end: year - 1 }, compared: true, resultOnly: true, role: 'plain' })
      continue
    }
    const role = endsWithAny(before, FROM) ? 'from' : endsWithAny(before, UNTIL) ? 'until' : 'plain'
    const since = year !== undefined && last < year && sinceWord !== undefined
    // years listed and counted, like 五年中, hold in their own sentence only
    cues.push({ at: match.index, end, span: { start: first, end: since ? year - 1 : last }, role, closesClause: SPAN_CLOSE.test(text.slice(end, end + SPAN_CLOSE_REACH)), ...(first === last && !since ? { calendar: true } : {}), ...(listCount !== undefined ? { local: true } : {}) })
  }
  return joinFromTo(cues, text)
}

/** Reach of 从2018年……到2022年: the two years make one span. */
const FROM_TO_REACH = 40
/** ……到2022年， and ……到2022年间 close a span; 到2022年的 names the year of the figure after it. */
const SPAN_CLOSE_REACH = 6
/** …到一九八二年的四年内: the number of years the span holds closes it too. */
const YEARS_HELD = `${alternation(words('attributive'))}(?:\\d|${charClass(SMALL_NUMERALS)}){1,3}${YEAR_UNIT}`
const SPAN_CLOSE = new RegExp(`^(?:[,:]|${alternation(words('span-close'))}|${YEARS_HELD})`, 'u')

const FIGURE_START = new RegExp(`^(?:\\d|${charClass(SMALL_NUMERALS)})`, 'u')
/** 到2018年的10.2万亿元: 的 and a figure after a year, which dates that figure. */
const datesFigureAfter = (text: string, at: number) => ATTRIBUTIVES.some((word) => text.startsWith(word, at) && FIGURE_START.test(text.slice(at + word.length)))

/** Whether `cue`, a year reached (到一九八二年), closes the span that the year before it opens. */
function closesSpan(previous: YearCue | undefined, cue: YearCue, text: string): previous is YearCue {
  if (previous === undefined || cue.role !== 'until') return false
  // 一九七八年到一九八二年: the first year needs no 从 when only the 到 stands between them; so set side by side, the two
  // make one span even with no break after (2017年至2018年新增就业), unless the second dates the figure after it (到2018年的X)
  const adjacent = previous.role !== 'until' && UNTIL.includes(text.slice(previous.end, cue.at).trim())
  if (!cue.closesClause && !(adjacent && !datesFigureAfter(text, cue.end))) return false
  return (previous.role === 'from' && cue.at - previous.end < FROM_TO_REACH) || (adjacent && previous.role === 'plain')
}

function joinFromTo(cues: YearCue[], text: string): TimeCue[] {
  const joined: YearCue[] = []
  for (const cue of cues) {
    const previous = joined.at(-1)
    if (closesSpan(previous, cue, text)) {
      // the span of two years is no one year of the calendar
      const { calendar: _, ...from } = previous
      joined[joined.length - 1] = { ...from, end: cue.end, span: { start: previous.span!.start, end: cue.span!.end }, role: 'plain', fromTo: true }
    } else {
      joined.push(cue)
    }
  }
  return joined.map(({ role, closesClause, ...cue }) => (role === 'from' ? { ...cue, from: true } : role === 'until' ? { ...cue, until: true } : cue))
}

const FIRST_YEARS = new RegExp(`^${alternation(words('plan-first'))}(.{1,2}?)${YEAR_UNIT}`)
/** 前四年, 头两年 after a plan: how many of its years, from its first. */
function firstYears(after: string): number | undefined {
  const count = FIRST_YEARS.exec(after)?.[1]
  return count === undefined ? undefined : valueOfNumeral(count)
}

function planCues(text: string): TimeCue[] {
  const cues: TimeCue[] = []
  for (const plan of possibleIn(text, plans, (entry) => entry.plan)) {
    for (let at = text.indexOf(plan.plan); at >= 0; at = text.indexOf(plan.plan, at + 1)) {
      const end = at + plan.plan.length
      if (cues.some((cue) => at < cue.end && end > cue.at)) continue // 十五 inside 十五五
      // 比“八五”时期增长79.6%: a plan compared with, like 比上年, names no period of the figure
      if (endsWithAny(text.slice(Math.max(0, at - 3), at).replace(QUOTES_BEFORE, ''), BASE)) continue
      // 十四五时期, “十四五”规划; not 十五个, nor the programme “八五”普法
      const after = text.slice(end).replace(QUOTES_AFTER, '')
      const first = firstYears(after)
      if (!PLAN_AFTER.some((word) => after.startsWith(word)) && first === undefined) continue
      // 十四五末: the plan's last year; 十一五前四年: its first years
      const last = words('plan-end').some((word) => after.startsWith(word))
      const span = last ? { start: plan.end, end: plan.end } : first ? { start: plan.start, end: Math.min(plan.end, plan.start + first - 1) } : { start: plan.start, end: plan.end }
      cues.push({ at, end, span, ...(PLAN_DOCUMENTS.some((word) => after.startsWith(word)) ? { document: true } : {}) })
    }
  }
  return cues
}

/** 本世纪末, 本世纪中叶, 下世纪中叶: a year of the report's century, or of the next, named by its place in it. */
const CENTURY_YEARS: { words: readonly string[]; year: (century: number) => number }[] = [
  { words: words('century-end'), year: (century) => century + 100 },
  { words: words('century-middle'), year: (century) => century + 50 },
  { words: words('next-century-middle'), year: (century) => century + 150 },
]

function centuryCues(text: string, year: number | undefined): TimeCue[] {
  if (year === undefined) return []
  // the 20th century runs from 1901 to 2000
  const century = Math.floor((year - 1) / 100) * 100
  return CENTURY_YEARS.flatMap(({ words: names, year: yearIn }) => {
    const named = yearIn(century)
    return names.flatMap((name) => {
      const cues: TimeCue[] = []
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        cues.push({ at, end: at + name.length, span: { start: named, end: named }, calendar: true, ...(endsWithAny(text.slice(Math.max(0, at - 2), at), UNTIL) ? { until: true } : {}) })
      }
      return cues
    })
  })
}

/** The words that name a year by its place in a century, which say when like the time words. */
export const CENTURY_WORDS = CENTURY_YEARS.flatMap(({ words: names }) => names)

function wordCues(text: string, year: number | undefined): TimeCue[] {
  const cues: TimeCue[] = []
  for (const word of possibleIn(text, timeWords, (entry) => entry.word)) {
    for (let at = text.indexOf(word.word); at >= 0; at = text.indexOf(word.word, at + 1)) {
      const end = at + word.word.length
      if (cues.some((cue) => at < cue.end && end > cue.at)) continue
      const before = text.slice(Math.max(0, at - 2), at)
      // 比上年增加, 高于去年: a base or a comparison, not the period
      if (endsWithAny(before, BASE) || endsWithAny(before, COMPARED_WITH) || word.unlessBefore?.test(before)) continue
      // 近五年来的最高水平: a record over those years, which dates nothing
      if (word.from !== word.to && recordAt(text, end)) continue
      const span = word.from !== undefined && year !== undefined ? { start: year + word.from, end: year + word.to! } : undefined
      // 细颗粒物年均浓度: a yearly mean of a measure, not an average over years; 每人每年120元: a rate per head and year, a level
      const perYear = word.perYear && !ANNUAL_MEANS.some((noun) => text.startsWith(noun, end)) && !endsWithAny(before, PER_HEAD) ? { perYear: word.perYear } : {}
      // 明年, like 2006年, names one year of the calendar
      const calendar = span && span.start === span.end ? { calendar: true } : {}
      cues.push({ at, end, ...(span ? { span } : {}), ...perYear, ...calendar, ...(span && endsWithAny(before, FROM) ? { from: true } : {}), ...(word.beforeTopic ? { beforeTopic: true } : {}) })
    }
  }
  return cues
}

/** A count of years that the exclusions read as a time frame (五年中, 十年, 四年间): where it stands and how many years. */
export interface YearsFrame extends Span {
  years: number
}

const FRAME_AFTER = words('time-frame-after')
const SPAN_YEARS_AFTER = words('span-years-after')
const NOT_SPAN_BEFORE = words('not-span-before')
const FRAME_LEADERS = words('time-frame-before')
const FRAME_PREPOSITIONS = words('time-frame-preposition')
/** 过去五年; 在过去五年, 要在五年内: after 在, a count of years (with its leader or none) is a time frame whatever stands before. */
function isFrameLeader(lead: string): boolean {
  if (FRAME_LEADERS.includes(lead) || endsWithAny(lead, FRAME_PREPOSITIONS)) return true
  return FRAME_LEADERS.some((word) => lead.endsWith(word) && endsWithAny(lead.slice(0, -word.length), FRAME_PREPOSITIONS))
}
const CUMULATIVE = words('cumulative-after')
const FLOW_VERBS = words('flow-verb')
/** 累计, 新增, 安排: words of an amount added over a span. */
const SUMS_AND_FLOWS = [...CUMULATIVE, ...FLOW_VERBS]
const CHANGES = tables.change.filter((entry) => entry.change !== 'none').map((entry) => entry.word)
const FRAMED_AFTER = [...SUMS_AND_FLOWS, ...CHANGES]
/** Longest span a bare count of years is read as. */
const MAX_FRAME_YEARS = 30

/**
 * 五年中，农村新建住宅……, 十年增加近70万亿元、年均增长6.2%: a count of years spans, for a result, the
 * years up to the last one reviewed; for a target (五年内将投入), the years from the report's.
 * Not 三年前 or 前三年 (a point, and the first years of a span), nor 30年来首次 (a record).
 */
function frameCues(text: string, frames: readonly YearsFrame[], year: number | undefined): TimeCue[] {
  if (year === undefined) return []
  return frames.flatMap(({ start, end, years }) => {
    const after = text.slice(end)
    const word = FRAME_AFTER.find((candidate) => after.startsWith(candidate))
    if ((word && !SPAN_YEARS_AFTER.includes(word)) || endsWithAny(text.slice(0, start), NOT_SPAN_BEFORE)) return []
    // 五年中，…… and 近三年，……: the count opens its clause; 普及九年义务教育 names a programme's length;
    // 中央财政五年累计投入, 五年新增电力装机, 居民储蓄存款余额五年增长1倍多: a count before a sum, a flow or a change over
    // it frames it wherever it stands
    const lead = text.slice(clauseStart(text, start), start).trim()
    const sums = FRAMED_AFTER.some((candidate) => after.startsWith(candidate))
    if (lead !== '' && !isFrameLeader(lead) && !sums) return []
    if (!Number.isInteger(years) || years < 2 || years > MAX_FRAME_YEARS || recordAt(text, end + (word?.length ?? 0))) return []
    return [{ at: start, end: end + (word?.length ?? 0), span: { start: year - years, end: year - 1 }, ahead: { start: year, end: year + years - 1 }, local: true }]
  })
}

/** Every time cue of a folded sentence, in text order; the counts of years read as time frames join those the words give. */
export function timeCues(text: string, year: number | undefined, frames: readonly YearsFrame[] = []): TimeCue[] {
  const years = yearCues(text, year)
  const plansNamed = planCues(text)
  const cues = [...years, ...plansNamed, ...wordCues(text, year), ...centuryCues(text, year)]
  // 由一九七八年的……增加到一九八二年的……，四年间增长 and 第一个五年计划规定，五年内: where the years are named, by
  // number or by a plan of several years, a count of years counts them
  const named = years.length > 0 || plansNamed.some((cue) => cue.span && cue.span.end > cue.span.start)
  const framed = named ? [] : frameCues(text, frames, year).filter((frame) => !cues.some((cue) => frame.at < cue.end && cue.at < frame.end))
  return [...cues, ...framed].sort((a, b) => a.at - b.at)
}

const RESULT_YEAR_AFTER = words('result-year-after')
/**
 * After a year that dates a result: a comma or 是 (2012年，……; 2022年是……), unless it is a plan's end (到2020年，),
 * or 的 before the figure it dates (增加到2002年的10.2万亿元); not a name (2008年奥运会, 2008年的奥运会).
 */
function datesResult(line: string, cue: TimeCue): boolean {
  if (!cue.until && RESULT_YEAR_AFTER.some((word) => line.startsWith(word, cue.end))) return true
  return datesFigureAfter(line, cue.end)
}

/** The calendar years a line of a review names as those of its results. */
export const resultYears = (line: string) =>
  timeCues(line, undefined)
    .filter((cue) => cue.calendar && datesResult(line, cue))
    .map((cue) => cue.span!.end)

/** What a heading says of the periods under it: its first time cue for results, its last for targets. */
export function partPeriods(heading: string, year: number | undefined): PartPeriods {
  const spans = timeCues(heading, year).filter((cue) => cue.span)
  if (spans.length === 0) return {}
  return { actual: spans[0]!.span!, target: spans.at(-1)!.span! }
}

const CLAUSE_BREAK = /[;。]/
/** 从2018年的X提高到Y: a word of these between a from-year and the figure makes the figure the change's end. */
const UNTIL_IN_BETWEEN = words('until-between')

/** What stands around a sentence: the report's year, its part's periods, and the last span of several years its section named. */
export interface PeriodContext {
  year: number | undefined
  part: PartPeriods
  recent?: Span
  /** The plan the sentence describes (《纲要草案》设置了29项主要指标): its facts are of the plan's years. */
  outline?: Span
}

const severalYears = (span: Span | undefined) => (span && span.end > span.start ? span : undefined)

const FIGURE = new RegExp(`\\d|${DIGITS}`, 'u')
/** How long a unit and noun may stand between a figure and the word that merges it (五档税率合并为). */
const MERGED_NOUN = 4
/** 三档并两档, 五档税率合并为三档: what stands between two figures merged, the first into the second. */
export const MERGE = `[^,;:。\\d]{0,${MERGED_NOUN}}${alternation(words('merged-into'))}`
const FIGURE_OF_COUNT = `(?:\\d|${charClass(COUNTING_NUMERALS)})`
/** What follows the first of two figures merged: the merge, then the second figure. */
export const MERGED_INTO = `${MERGE}${FIGURE_OF_COUNT}`
/** 五档税率合并为三档: the first of two figures merged is where a change starts. */
const MERGED_FROM = new RegExp(`^${FIGURE_OF_COUNT}+${MERGED_INTO}`, 'u')
/** 现行16%的税率降至: a level, its 的 and its noun, then the change to the level after. */
const LEVEL_OF_NOUN = `(?:${FIGURE.source})[^,;]*?${alternation(words('attributive'))}[^,;]*?${alternation(CHANGES)}${alternation(UNTIL)}`
const STARTS_CHANGE_OF_NOUN = new RegExp(`^${LEVEL_OF_NOUN}`, 'u')
const ENDS_CHANGE_OF_NOUN = new RegExp(`${LEVEL_OF_NOUN}$`, 'u')
const MARKERS_BEFORE = tables.approxBefore.map((entry) => entry.marker).sort((a, b) => b.length - a.length)
const RATE_WORDS = [...PER_HEAD, ...words('per-word'), ...timeWords.filter((word) => word.perYear !== undefined || word.beforeTopic).map((word) => word.word)]
/** 由上年的88个: the year before the topic may take 的 before the figure. */
const BEFORE_TOPIC_OF = timeWords.filter((word) => word.beforeTopic).flatMap((word) => ATTRIBUTIVES.map((of) => word.word + of))
/** 由上年居世界第五位, 从全国20%: a rank's verb and the scope of a figure stand between 由 and it too. */
const RANK_WORDS = [...tables.rankVerbs, ...words('rank-scope')]
/** 由上年分别增长5.6%: so do the change the from-value is, and 分别 before it. */
const CHANGE_OF_FROM = [...CHANGES, ...words('respectively')]
const BETWEEN_FROM_AND_FIGURE = [...BEFORE_TOPIC_OF, ...RATE_WORDS, ...RANK_WORDS, ...CHANGE_OF_FROM].sort((a, b) => b.length - a.length)
/** 由上年下降2.3%转为增长8.5%, 由15.3%降为12%: a change ends in a verb with 为 as well as in 到 or 至, in its clause or opening the next. */
const INTO = [...CHANGES.map((word) => `${word}为`), ...words('turn-into')]

/** The clause before the figure at `at`, less the figure's own approximation marker (从不到70万亿元, 达到超过). */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(clauseStart(text, at), at).trimEnd()
  return before.slice(0, before.length - (MARKERS_BEFORE.find((marker) => before.endsWith(marker))?.length ?? 0))
}

/** 由A增加到B: whether the figure at `at` is the A (from) or the B (to) of a change. */
function endOfChange(text: string, at: number): 'from' | 'to' | undefined {
  // 由每人每年50元提高到100元, 从人均40元, 由上年46亿元: the words that say per whom and per what time, and 上年, stand between too
  let clause = clauseBefore(text, at)
  for (let rate = BETWEEN_FROM_AND_FIGURE.find((word) => clause.endsWith(word)); rate; rate = BETWEEN_FROM_AND_FIGURE.find((word) => clause.endsWith(word))) clause = clause.slice(0, -rate.length)
  const end = clauseEnd(text, at)
  const rest = text.slice(at, end)
  const next = text.slice(end + 1).trimStart()
  // 由7种扩大到15种, not 从两个方面拉动经济增长: a 从 or 由 opens a change only where a 到 or 至 ends it in the clause
  if (endsWithAny(clause, FROM)) return UNTIL.some((word) => rest.includes(word)) || INTO.some((word) => rest.includes(word) || next.startsWith(word)) ? 'from' : undefined
  // 将现行16%的税率降至13%: the change of a noun a level describes starts at that level
  if (STARTS_CHANGE_OF_NOUN.test(rest) || MERGED_FROM.test(rest)) return 'from'
  if (ENDS_CHANGE_OF_NOUN.test(clause)) return 'to'
  // 由1997年的664亿元增加到: a figure stands between the two (人口自然增长率降到 holds a 自 and none)
  const from = Math.max(...FROM.map((word) => clause.lastIndexOf(word)))
  return from >= 0 && endsWithAny(clause, UNTIL) && FIGURE.test(clause.slice(from)) ? 'to' : undefined
}

/** Whether a per-year word makes the figure at `at` an average over a span (see TimeWord.perYear). */
function averages(cue: TimeCue, text: string, at: number, change: Change, reviewOfYears: boolean): boolean {
  const between = text.slice(cue.end, at)
  if (!cue.perYear || CLAUSE_BREAK.test(between)) return false
  if (cue.perYear === 'always') return true
  // 每年提高一个百分点，仅此一项五年增加489亿元: a rate word holds in its own clause
  if (between.includes(',')) return false
  // 每年惠及3700多万学生 in a review of several years: a result its sentence says is of each year is one of each year reviewed
  return change !== 'none' || between.trim() === '' || (reviewOfYears && cue.at >= 0)
}

/**
 * The period of a figure at `at` in a sentence: the nearest cue before it (within its
 * sentence, a clause break back at most for per-year words), else the part's period for
 * its status, else the year before the report for a result, the report's year for a target.
 */
export function periodOf(sentenceCues: readonly TimeCue[], text: string, at: number, figure: { status: Status; change: Change; kind: Kind; quoted?: boolean }, context: PeriodContext): Period | undefined {
  // 略低于8%的预定目标 in a review: a target quoted there was set for the years reviewed
  const status = figure.quoted && context.part.actual ? 'actual' : figure.status
  const { year, part } = context
  const cues = status === 'target' ? sentenceCues.filter((cue) => !cue.resultOnly).map((cue) => (cue.ahead ? { ...cue, span: cue.ahead } : cue)) : sentenceCues
  // 从2018年的X提高到2022年的Y: X stands inside the span and is of its first year
  const inside = cues.find((cue) => cue.span && cue.at < at && at < cue.end)
  if (inside) return { start: inside.span!.start, end: inside.span!.start, perYear: false }
  // 比2007年增加2.8平方米；城镇居民每百户拥有家用汽车21.5辆: a comparison's years end with its clause
  const before = cues.filter((cue) => cue.end <= at && !(cue.compared && CLAUSE_BREAK.test(text.slice(cue.end, at))))
  const spanned = before.filter((cue) => cue.span && !(cue.from && UNTIL_IN_BETWEEN.some((word) => text.slice(cue.end, at).includes(word)))).at(-1)
  /** The sentence names no years of its own before the figure (none, or only those carried over from before). */
  const unnamed = spanned === undefined || spanned.at < 0
  // 从1978年到1982年，床位由A增加到B: A is of 1978, B of 1982; 过去五年，城镇化率从A提高到B: A is of the year before the five
  const endpoint = endOfChange(text, at)
  const fromPart = status === 'target' ? part.target : part.actual
  const reviewOfYears = status === 'actual' && severalYears(fromPart) !== undefined
  // 五年年均增长5.2%，十年增加近70万亿元: a span named after the average begins another figure's years
  const perYear = before.some((cue) => averages(cue, text, at, figure.change, reviewOfYears) && !before.some((later) => later.span && later.at > cue.at))
  // 由上年46亿元增加到92亿元 in the review of 2003: the change starts in 2002, the year before the one reviewed
  if (endpoint === 'from' && before.at(-1)?.beforeTopic && fromPart && fromPart.start === fromPart.end) return { start: fromPart.start - 1, end: fromPart.start - 1, perYear: false }
  // 由一九七八年的A提高到一九八二年的B，轻工业所占比重由C提高到D: the ends of a later pair are the years of the first
  const ends = endpoint ? namedEnds(before) : undefined
  if (ends) {
    const endYear = endpoint === 'to' ? ends.end : ends.start
    return { start: endYear, end: endYear, perYear: false }
  }
  // 到2020年……全员劳动生产率从人均8.7万元提高到12万元: the level a planned change starts from is the latest known, the year before the report's
  if (endpoint === 'from' && spanned?.until && year !== undefined && spanned.span!.end >= year) return { start: year - 1, end: year - 1, perYear: false }
  // 今年……补助标准由20元提高到40元 in a plan part: a planned change starts from the level of the year before the report's
  const inPlan = part.actual === undefined && part.target !== undefined
  const thisYear = spanned?.span?.start === year && spanned?.span?.end === year
  if (endpoint === 'from' && inPlan && year !== undefined && (unnamed || thisYear)) return { start: year - 1, end: year - 1, perYear: false }
  // 铁路营运里程由65969公里增加到71500公里 in a five-year review, with no year or after a sentence that named 2002: a year
  // only carried over from before frames no change, whose ends are the part's (the year before it, and its last)
  const partEnds = endpoint && unnamed ? severalYears(fromPart) : undefined
  if (partEnds) {
    const endYear = endpoint === 'to' ? partEnds.end : partEnds.start - 1
    return { start: endYear, end: endYear, perYear: false }
  }
  const end = severalYears(spanned?.span) ? endpoint : undefined
  if (end) {
    const endYear = end === 'to' ? spanned!.span!.end : spanned!.fromTo ? spanned!.span!.start : spanned!.span!.start - 1
    return { start: endYear, end: endYear, perYear: false }
  }
  const whole = endpoint || figure.change === 'none' ? undefined : namedEnds(before)
  // the whole change runs from end to end; an average over the years of growth (由1997年……到2002年……年均增长: 1998–2002)
  const paired = whole && (perYear ? { start: whole.start + 1, end: whole.end } : whole)
  // 2000年达89404亿元，平均每年增长8.3%, or 年均上涨2.1% alone: an average runs over the part's years, else the ones the text last named
  const averaged = perYear && !paired && !severalYears(spanned?.span) ? (planTo(spanned, status, year) ?? severalYears(fromPart) ?? severalYears(context.recent)) : undefined
  // 《纲要草案》设置了29项主要指标: a fact of the plan outline the sentence describes is of the plan's years
  if (status === 'actual' && !endpoint && context.outline && unnamed) return { ...context.outline, perYear: false }
  // 全国有24万多户国有小企业 in a plan part: a fact stated without a year is as things stand, in the report's year
  // (not the level a planned change starts from: 现行16%的税率降至13% starts from the year before's)
  const asNow = status === 'actual' && !endpoint && inPlan
  const span = paired ?? averaged ?? framedComparison(spanned, fromPart) ?? flowOverPart(spanned, text, at, fromPart) ?? spanned?.span ?? fromPart ?? (year === undefined ? undefined : status === 'target' || asNow ? { start: year, end: year } : { start: year - 1, end: year - 1 })
  // 十年来居民消费价格涨幅稳定在2%左右: a rate held over several years is a rate of each of them
  const heldRate = !perYear && figure.change !== 'none' && span === spanned?.span && !spanned?.compared && severalYears(span) !== undefined && namesRate(text, at)
  if (span && !perYear && !heldRate && !severalYears(spanned?.span)) {
    // 人均预期寿命从2020年的82.4岁提升至83.9岁 (five-year review): the level reached is of the last year compared
    if (endpoint === 'to' && before.some((cue) => cue.from) && severalYears(span)) return { start: span.end, end: span.end, perYear: false }
    // 绿色出行比例从75.6%提升至76.5% (one-year review): the level it started from is of the year before
    // (in a plan part, a result without a year is of the year before already)
    if (endpoint === 'from' && unnamed && !severalYears(span) && !inPlan) return { start: span.start - 1, end: span.start - 1, perYear: false }
  }
  // 高铁营业里程达到3万公里, 城镇化率65%, 失业率控制在5.5%以内 under the 十三五 goals: a level a plan reaches is of its last year
  if (status === 'target' && !perYear && figure.change === 'none' && span === fromPart && severalYears(span) && isLevel(text, at, figure.kind)) return { start: span!.end, end: span!.end, perYear: false }
  // (到1992年) 国民生产总值将比1980年增长1.7倍: a planned change against a base year runs from the year after it
  const base = status === 'target' && figure.change !== 'none' && !perYear ? sentenceCues.find((cue) => cue.resultOnly && cue.end <= at && !CLAUSE_BREAK.test(text.slice(cue.end, at))) : undefined
  if (base && span && span.end > base.span!.start) return { start: base.span!.start, end: span.end, perYear: false }
  return span && { ...span, perYear: perYear || heldRate }
}

const LEVELS = tables.levelWords
const HELD = words('level-held')
/**
 * 达到3万公里, 提高到23.04%, 稳定在1.3万亿斤以上, 严守18亿亩: the figure is a level reached or held, not an
 * amount added (新建改建高速公路3万公里, 新增就业5000万人); a percentage unchanged is a level too (城镇化率60%).
 */
function isLevel(text: string, at: number, kind: Kind): boolean {
  const clause = clauseBefore(text, at)
  return kind === 'percent' || endsWithAny(clause, LEVELS) || (kind !== 'count' && endsWithAny(clause, HELD))
}

/**
 * 1987年……。城市新建职工住宅8.5亿平方米 under a review of 1983–1987: what was added over the part is of all
 * its years; a single year carried over from the sentence before dates levels, not flows.
 */
function flowOverPart(spanned: TimeCue | undefined, text: string, at: number, part: Span | undefined): Span | undefined {
  const years = severalYears(part)
  const carried = spanned !== undefined && spanned.at < 0 && !spanned.frames && spanned.span!.start === spanned.span!.end
  if (!carried || !years || spanned.span!.start < years.start || spanned.span!.end > years.end) return undefined
  const clause = text.slice(clauseStart(text, at), at)
  return SUMS_AND_FLOWS.some((verb) => clause.includes(verb)) ? years : undefined
}

/** 由1978年的355亿元增加到1982年的772亿元: the years of the last from–to pair named before a figure. */
function namedEnds(before: readonly TimeCue[]): Span | undefined {
  const [from, until] = before.filter((cue) => cue.span).slice(-2)
  return from?.from && until?.until && until.span!.end > from.span!.start ? { start: from.span!.start, end: until.span!.end } : undefined
}

/**
 * 一九八二年同一九七八年相比……增长 under 过去五年的回顾 (1978–1982): a comparison with the first year
 * of the part's span sums up the whole span, base year and all.
 */
function framedComparison(cue: TimeCue | undefined, part: Span | undefined): Span | undefined {
  if (!cue?.compared || !severalYears(part)) return undefined
  return cue.span!.start - 1 === part!.start && cue.span!.end === part!.end ? part : undefined
}

/** 到1992年……平均每年增长7.5%: a target average runs from the report's year to the year the plan runs to. */
function planTo(cue: TimeCue | undefined, status: Status, year: number | undefined): Span | undefined {
  if (!cue?.until || status !== 'target' || year === undefined || cue.span!.end <= year) return undefined
  return { start: year, end: cue.span!.end }
}

/** A word that names a rate of change (涨幅, 增速) in the figure's clause: the figure is a yearly rate. */
const namesRate = (text: string, at: number) => tables.rateNouns.some(({ word }) => text.slice(clauseStart(text, at), at).includes(word))

/** The last span of several years a sentence names (not a comparison's), else `recent`: what a later 年均 in the part runs over. */
export const recentSpan = (cues: readonly TimeCue[], recent: Span | undefined) =>
  cues
    .filter((cue) => !cue.compared)
    .map((cue) => severalYears(cue.span))
    .filter((span) => span !== undefined)
    .at(-1) ?? recent

/** Where a report says its own year: its title, its dateline or its targets (its headings are read in sections.ts). */
const WRITTEN_YEAR = `((?:\\d|${DIGITS}){4})${YEAR_UNIT}`
const MONTH = `(?:\\d|${charClass(SMALL_NUMERALS)}){1,3}${alternation(words('month-unit'))}`
const YEAR_SOURCES: { pattern: RegExp; offset: number }[] = [
  { pattern: new RegExp(`${WRITTEN_YEAR}[^。\\n]{0,16}${alternation(words('report-title'))}`, 'u'), offset: 0 },
  { pattern: new RegExp(`——\\s*${WRITTEN_YEAR}${MONTH}`, 'u'), offset: 0 },
  {
    pattern: new RegExp(`(\\d{4})${YEAR_UNIT}${alternation(words('target-of'))}?${alternation(words('attributive'))}?${alternation(words('target-heading'))}`, 'u'),
    offset: 0,
  },
]
/** Titles and datelines stand at the top; targets anywhere. */
const TOP = 600

/** The year of the report from its own text, or undefined when it does not say. */
export function reportYear(text: string): number | undefined {
  for (const [index, { pattern, offset }] of YEAR_SOURCES.entries()) {
    const match = pattern.exec(index < 2 ? text.slice(0, TOP) : text)
    const year = match && yearValue(match[1]!)
    if (year !== undefined && year !== null && year >= 1949) return year + offset
  }
  return undefined
}
