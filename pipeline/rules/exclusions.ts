// Deciding which found spans are not quantities (guideline: "Not a mention"):
// dates and time frames, names, codes, ordinals, sessions and indefinite 一.
import { tables, type ContextGroup } from '../resources/tables.ts'
import { clauseEnd } from './clause.ts'
import { alternation, endsWithAny, startsWithAny } from './patterns.ts'
import type { Candidate } from './scan.ts'
import { isDigit, isNumeralChar, WRITTEN_DIGITS } from './numerals.ts'
import { YEAR_NUMBER } from './period.ts'
import { streakLead } from './streak.ts'

/** Every rule that sets a number aside, with what it means; the rule ids are the values of exclusions.rule. */
export const EXCLUSION_RULES = {
  date: 'a date or a year used as a date (2023年, 11月, 2024/12/31)',
  'time-frame': 'a time frame pointing at the report period (一年来, 过去五年)',
  'programme-name': 'a programme named after a length of time or a measure (三年行动, 0.1微克攻坚行动)',
  name: 'inside a quoted or a listed name (“江苏省42条”, 《……2号文》)',
  code: 'part of a code, a Latin name or a web address (PM2.5, 5G, G312, http://…?id=305)',
  ordinal: 'an ordinal that numbers things (第二轮, 二级)',
  priority: 'a priority, not a measured rank (放在第一位)',
  session: 'a session or congress (二十届三中全会)',
  phase: 'a phase of a project (三期工程)',
  nickname: 'a policy nickname (新36条)',
  indefinite: 'the indefinite 一 (新一轮, 一批)',
  adjective: 'part of an adjective (一次性)',
  'no-unit': 'a bare number without a unit',
  'in-word': 'a numeral character that is part of a word, with no number meant (一切, 统一, 百姓, 千万不要)',
  'per-denominator': 'the denominator of a rate in a name (每万人口)',
  'magnitude-in-name': 'a magnitude word in a name (亿元以上项目, 千万工程)',
  'threshold-in-name': 'a threshold in an indicator name (50米内换乘比例)',
  'group-bound': 'a bound that names a group (60岁以上人口, 超过500亿元的县)',
  'voltage-class': 'a voltage class in a name (500千伏输变电工程)',
  'too-long': 'a run of digits or numerals too long to be a figure',
  'not-a-number': 'numeral characters that form no number (零部件, 十四五)',
} as const

export type ExclusionRule = keyof typeof EXCLUSION_RULES

/** Rules whose text reads as no number, so the record carries no value. */
export const VALUELESS_RULES: ReadonlySet<ExclusionRule> = new Set(['in-word'])

const HAN = /\p{Script=Han}/u
const STARTS_HAN = /^\p{Script=Han}/u
/** 一切, 统一, 百姓: one numeral character, or multipliers alone, against other characters of a word. */
function isInWord(candidate: Candidate, before: string, after: string): boolean {
  const single = [...candidate.numeral].length === 1 && !/\d/.test(candidate.numeral)
  if (!single && !candidate.magnitudeOnly) return false
  if (candidate.magnitudeOnly && endsWithAny(before, tables.magnitudeLeaders)) return false
  return candidate.magnitudeOnly || HAN.test(before.at(-1) ?? '') || HAN.test(after[0] ?? '')
}

/** 大陆台商, 队伍: a financial numeral alone (陆, 伍) after another character of a word is that word's, whatever follows it. */
function isFinancialInWord(candidate: Candidate, before: string): boolean {
  const chars = [...candidate.numeral]
  return chars.length === 1 && tables.numerals.get(chars[0]!)?.financial === true && HAN.test(before.at(-1) ?? '')
}

const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '「': '」', '『': '』', '〈': '〉', '"': '"' }
/** Quoted text longer than this is a quotation, not a name. */
const MAX_NAME_LENGTH = 30

/** Where a quote may open: the pass jumps from one to the next. */
const OPENERS = new RegExp(`[${Object.keys(QUOTES).join('')}]`, 'g')

/** Spans [open, close] of quoted names and titles in `text`. */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  OPENERS.lastIndex = 0
  for (let match = OPENERS.exec(text); match; match = OPENERS.exec(text)) {
    const at = match.index
    // look no further than a name can reach, so unbalanced quotes cost nothing
    const end = text.slice(at + 1, at + 1 + MAX_NAME_LENGTH).indexOf(QUOTES[text[at]!]!)
    if (end < 0) continue
    spans.push([at, at + 1 + end])
    OPENERS.lastIndex = at + 2 + end
  }
  return spans
}

/** Names written only in numerals (九五, 十四五): such a name is no name inside a longer number (一九五七年, 一九九五年). */
const NUMERAL_NAMES = new Set(tables.names.filter((name) => [...name].every(isNumeralChar)))
const numberGoesOn = (char: string | undefined) => char !== undefined && (isNumeralChar(char) || isDigit(char))

function nameSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  for (const name of tables.names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length
      if (NUMERAL_NAMES.has(name) && (numberGoesOn(text[at - 1]) || numberGoesOn(text[end]))) continue
      spans.push([at, end])
    }
  }
  return spans
}


const words = (group: ContextGroup) => tables.contextWords.get(group)!
/** Words before N年 that make it a length of time, not a date: 连续6年, 长达11年, 延长30年. */
const DURATION_CUES = words('duration-cue')
/** After N年, a time frame or a date: 60年来, 2024年底, 三年行动. */
const TIME_FRAME_AFTER = words('time-frame-after')
const DURATION_AFTER = words('duration-after')
/** 两年多时间, 三年左右时间: an amount of time. */
const TIME_AFTER = words('act-duration-after')
/** What follows a figure past the bound marker right after it (3%左右和5%左右, 两年多时间). */
export const withoutMarker = (gap: string) => gap.slice(tables.approxAfter.find((entry) => gap.startsWith(entry.marker))?.marker.length ?? 0)
const LASTING = words('lasting-before')
const PROGRAMME_AFTER = words('programme-after')
const YEAR_LEADERS = words('time-frame-before')
const SESSION_FOLLOWERS = words('session-after')
/** How far back a rank verb may stand: 居全国各城市首位. */
const RANK_REACH = 16
/** A plain number is a figure after an index or a ratio: 居民消费价格指数102.1, 基尼系数为0.46, 城乡居民收入比缩小到1.93. */
const INDEX_VALUE = new RegExp(`${alternation(words('index-name'))}${alternation(words('index-verb'))}?$`)
/** What an ordinal numbers: things counted, and spells of time (第一年, 第三天). */
const ORDERED_UNITS = tables.units.filter((unit) => unit.kind === 'count' || unit.kind === 'duration').map((unit) => unit.surface)

/** Whether the unit is one of a group (年 of year-unit): the rules that read a unit's meaning in a phrase. */
const unitIn = (candidate: Candidate, group: ContextGroup) => words(group).includes(candidate.unit)

/** “十二连增”: a streak set in quotes for emphasis still counts the years, when the quotes hold it alone. */
const quotedStreak = (candidate: Candidate, text: string) =>
  unitIn(candidate, 'streak-unit') && QUOTES[text[candidate.start - 1] ?? ''] === text[candidate.end]

/** 25年, 50公斤: a number written in Arabic digits, which no name or date of years in words is. */
const writtenInDigits = (candidate: Candidate) => /[0-9]/.test(candidate.numeral)

function isYear(candidate: Candidate): boolean {
  return unitIn(candidate, 'year-unit') && Number.isInteger(candidate.value) && candidate.value >= 1000 && candidate.value <= 2999 && !candidate.approxInside
}

const WITHIN_AFTER = words('within-years-after')
/** 十年内乱: 内 that begins a word of its own. */
const NOT_WITHIN_AFTER = words('not-within-years-after')
const ATTRIBUTIVES = words('attributive')
/** 到, 至, 截至: the words before the level or the year something reaches. */
const UNTIL = words('year-until')
/** Five years frame a plan or a government's term (五年内使职业高中……): within them is the report's period. */
const TERM_YEARS = 5

/**
 * 两年内基本完成, 力争在三年内, 五到十年内, 三个月内把新部委组建起来: the time within which a thing is to be done, a length
 * of time (a mention, under that long). Where it ends, past its 内; undefined for any other candidate, and for years
 * that are the report's period: after a leader (今后三年内) or after the years they count (……到一九八二年的四年内), or the
 * five of a plan.
 */
export function withinTimeEnd(candidate: Candidate, text: string): number | undefined {
  const years = unitIn(candidate, 'year-unit')
  if (years ? isYear(candidate) || (candidate.value === TERM_YEARS && candidate.valueMax === undefined) : candidate.kind !== 'duration') return undefined
  const after = text.slice(candidate.end, candidate.end + CONTEXT)
  const word = WITHIN_AFTER.find((within) => after.startsWith(within))
  // 出生3个月内的婴儿: a time before 的 bounds a group, it sets no deadline
  if (!word || startsWithAny(after, NOT_WITHIN_AFTER) || startsWithAny(after.slice(word.length), ATTRIBUTIVES)) return undefined
  const before = text.slice(Math.max(0, candidate.start - CONTEXT), candidate.start)
  // 审批时间压缩至90个工作日内: a level reached, no deadline
  return endsWithAny(before, YEAR_LEADERS) || endsWithAny(before, ATTRIBUTIVES) || endsWithAny(before, UNTIL) ? undefined : candidate.end + word.length
}

/** The years within which a thing is to be done, which frame their clause for periods (力争在十年内使粮食产量达到一万亿斤). */
export const withinYearsEnd = (candidate: Candidate, text: string) => (unitIn(candidate, 'year-unit') ? withinTimeEnd(candidate, text) : undefined)

/** ……到2002年53年的总和, 到一九八二年的四年内: years right after the year a span runs to count that span. */
const SPAN_END_JUST_BEFORE = new RegExp(`${alternation(UNTIL)}${YEAR_NUMBER}${alternation(words('year-unit'))}${alternation(ATTRIBUTIVES)}?$`, 'u')

const ERA_OF = words('era-after')
/** 经过十多年的努力, 经过二十年的农村改革: decades, given roughly or as the years of reform, are an era, like 十多年来. */
const ERA_YEARS = 10
const isEra = (candidate: Candidate, after: string) =>
  candidate.value >= ERA_YEARS && (candidate.approxInside || ERA_OF.some((word) => after.slice(0, clauseEnd(after, 0)).includes(word)))

/**
 * 经过八年持续努力, 经历三年新冠疫情冲击, 经过两年的改革试点: the years a thing took, a length of time. The five of a
 * plan or a term (经过五年努力) and an era are the report's time, a time frame.
 */
const tookYears = (candidate: Candidate, before: string, after: string) =>
  endsWithAny(before, LASTING) && candidate.value !== TERM_YEARS && !isEra(candidate, after)

function excludedYear(candidate: Candidate, before: string, after: string): ExclusionRule | undefined {
  if (!unitIn(candidate, 'year-unit')) return undefined
  // 长达2600年的这个古老税种: a length of time, though four digits long
  if (isYear(candidate) && !endsWithAny(before, LASTING)) return 'date'
  if (startsWithAny(after, PROGRAMME_AFTER)) return 'programme-name'
  if (startsWithAny(after, TIME_FRAME_AFTER) || SPAN_END_JUST_BEFORE.test(before)) return 'time-frame'
  // 连续五年, 提前一年, 三年不变: a length of time, whatever else the words around it could be
  if (endsWithAny(before, DURATION_CUES) || streakLead(before, before.length) || startsWithAny(after, DURATION_AFTER)) return undefined
  if (tookYears(candidate, before, after)) return undefined
  if (endsWithAny(before, YEAR_LEADERS)) return 'time-frame'
  // 还有两年多时间: an amount of time (but 在过去五年时间里, after a leader, frames the time)
  if (startsWithAny(withoutMarker(after), TIME_AFTER)) return undefined
  // 三四年, 二三十年, 一年半: no year and no time frame is written as a range or with a half
  if (candidate.valueMax !== undefined || candidate.parts.half) return undefined
  if (writtenInDigits(candidate)) return undefined
  // 八二年 is a year; 五年, 二十年 without a cue frame the time (极不平凡的五年, 二十年实现翻两番)
  return isWrittenYear(candidate.numeral) ? 'date' : 'time-frame'
}

/** 八二年, 零五年, 一九八二年: two or more written digits and nothing else. */
const isWrittenYear = (numeral: string) => [...numeral].length >= 2 && [...numeral].every((char) => WRITTEN_DIGITS.includes(char))

/** 11月, 3月15日, 十月一日: a month or a day of the calendar names a date, it counts nothing. */
function isCalendarDay(candidate: Candidate, before: string, after: string): boolean {
  const highest = candidate.valueMax ?? candidate.value
  if (!Number.isInteger(candidate.value) || candidate.value < 1 || candidate.approxInside) return false
  if (startsWithAny(after, words('month-after'))) return highest <= 12
  return startsWithAny(after, words('day-after')) && endsWithAny(before, words('month-after')) && highest <= 31
}

/** 放在第一位, 摆在首位: first in priority, not a rank that was measured. */
const PRIORITY_LEADERS = words('priority-before')
const ordinalWords = (role: 'ordinal' | 'place') => tables.numeralWords.get(role)!.map((entry) => entry.word)
const ORDINAL = ordinalWords('ordinal')
/** 第3位, 第二名: the words that end a place in a ranking. */
const PLACE = ordinalWords('place')

/** 第一, 首位 and 榜首 are ranks after 排名, 居, 位列 ...; 第3位 and 第二名 are too, unless they state a priority. */
function excludedRank(written: string, before: string, after: string): ExclusionRule | undefined {
  if (endsWithAny(before, PRIORITY_LEADERS)) return 'priority'
  const place = endsWithAny(written, PLACE)
  if (!place && ORDERED_UNITS.some((unit) => after.startsWith(unit))) return 'ordinal' // 第一批, 第二轮, 第一年
  const near = before.slice(-RANK_REACH).split(/[,;:]/).at(-1)!
  if (tables.rankVerbs.some((verb) => near.includes(verb))) return undefined
  return place && startsWithAny(written, ORDINAL) ? undefined : 'ordinal'
}

/**
 * 二、, （一）, 1. and 十一是 number the sections of a report or the items of a list: at the start of a clause or after
 * a colon; an enumerator (一是……，二是……) after a comma too.
 */
const leadAfter = (marks: string) => new RegExp(`(?:^|[${marks}])\\s*$`)
const LIST_LEAD = leadAfter(':;')
const ENUMERATOR_LEAD = leadAfter(':;,')
/** 1.坚持创新驱动: a point after a number, with no digit after it to make a decimal. */
const POINT_MARKER = /^\.(?!\d)/
const isListMarker = (before: string, after: string) =>
  (LIST_LEAD.test(before) && (after.startsWith('、') || POINT_MARKER.test(after))) ||
  (ENUMERATOR_LEAD.test(before) && startsWithAny(after, words('enumerator-after'))) ||
  (LIST_LEAD.test(before.slice(0, -1)) && before.endsWith('(') && after.startsWith(')'))

/** 70周年, 八十年代, 二十一世纪 date; 十九届 numbers a term; 党的二十大 a congress: none is a bare number. */
function namedBy(before: string, after: string): ExclusionRule | undefined {
  if (startsWithAny(after, words('date-after'))) return 'date'
  if (startsWithAny(after, words('term-after'))) return 'ordinal'
  return startsWithAny(after, words('congress-after')) && endsWithAny(before, words('congress-before')) ? 'session' : undefined
}

/** How much text around a candidate the rules read: enough for any cue, and bounded so long sentences stay linear. */
const CONTEXT = 40

/** Marks the characters of a sentence that lie inside a quoted name or a listed name. */
export function nameMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  for (const [open, close] of quotedSpans(text)) mask.fill(1, open + 1, close)
  for (const [from, to] of nameSpans(text)) mask.fill(1, from, to)
  return mask
}

/** 三次产业结构为9.2:38.5:52.3: each part of a ratio of three or more parts, or of a named structure or ratio. */
const RATIO = /[\d.]+(?::[\d.]+)+/g
const RATIO_NAME = new RegExp(`${alternation(words('ratio-name'))}${alternation(words('ratio-verb'))}?$`)
const RATIO_REACH = 40

function isRatioPart(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - RATIO_REACH)
  for (const match of text.slice(from, end + RATIO_REACH).matchAll(RATIO)) {
    const first = from + match.index
    if (first > start || first + match[0].length < end) continue
    return match[0].split(':').length >= 3 || RATIO_NAME.test(text.slice(Math.max(0, first - 12), first))
  }
  return false
}

/** 稳定在万亿斤以上: a bound after a magnitude that ends the clause makes it an amount; 亿元以上项目 is a name. */
function endsAmount(after: string): boolean {
  const marker = tables.approxAfter.find((entry) => after.startsWith(entry.marker))
  return marker !== undefined && !HAN.test(after[marker.marker.length] ?? '')
}

/** 一 and 壹 alone are the indefinite article (新一轮, 一批); 二 and 贰 alone an ordinal (二次, 二级), since counting uses 两. */
function loneDigit(numeral: string): number | undefined {
  const entry = tables.numerals.get(numeral)
  return entry?.role === 'digit' && !entry.countsOnly ? entry.value : undefined
}

/**
 * 只生一个孩子, 仅一个乡镇, 至少有一人就业, 一个以上: a word that restricts or bounds a count, before it or a verb
 * or two before it, makes 一 the number one; not 只要 and 只是, nor 只这一项 and 仅此一项, which point at a thing.
 */
const COUNTED_ONE = new RegExp(
  `(?!${alternation(words('not-counting-focus'))})${alternation(words('counted-one-before'))}(?:(?!${alternation(words('not-counted-one-between'))})\\p{Script=Han}){0,2}$`,
  'u',
)
const isCountedOne = (before: string, after: string) => COUNTED_ONE.test(before) || startsWithAny(after, words('bound-after'))

/** 50米内换乘比例: a threshold in an indicator's name; 3个月内完成 is a deadline. */
function isThresholdInName(after: string): boolean {
  const word = words('threshold-after').find((candidate) => after.startsWith(candidate))
  return word !== undefined && STARTS_HAN.test(after.slice(word.length)) && !tables.verbs.some((verb) => after.startsWith(verb, word.length))
}

/** 每50公斤: a measured amount after 每 is the amount a price is set for, a figure; 每万人口 and 每百户 are denominators. */
const isMeasuredAmount = (candidate: Candidate) => writtenInDigits(candidate) && ['mass', 'area', 'length', 'volume'].includes(candidate.kind)

/** Why the candidate is not a quantity, or undefined when it is one. */
export function exclusionOf(candidate: Candidate, text: string, names: Uint8Array): ExclusionRule | undefined {
  const { start, end } = candidate
  const before = text.slice(Math.max(0, start - CONTEXT), start)
  const after = text.slice(end, end + CONTEXT)
  if (names.subarray(start, end).some((marked) => marked === 1) && !quotedStreak(candidate, text)) return 'name'
  if (candidate.form === 'rank') return excludedRank(text.slice(start, end), before, after)
  if (endsWithAny(before, words('per-before')) && !isMeasuredAmount(candidate)) return 'per-denominator' // 每万人口: a denominator in an indicator's name
  // 亿元以上项目, 千万工程 name no amount; 超万亿元, 近万人, 百余家 do
  const bare = candidate.unit === '' && candidate.form === 'number'
  if (bare && isCalendarDay(candidate, before, after)) return 'date'
  if (bare && isListMarker(before, after)) return 'ordinal'
  if ((bare && !candidate.approxInside && isInWord(candidate, before, after)) || isFinancialInWord(candidate, before)) return 'in-word'
  if (candidate.magnitudeOnly && !candidate.approxInside && !endsWithAny(before, tables.magnitudeLeaders) && !endsAmount(after)) return 'magnitude-in-name'
  const named = bare ? namedBy(before, after) : undefined
  if (named) return named
  if (bare) {
    return INDEX_VALUE.test(before) || isRatioPart(text, start, end) || candidate.magnitudeOnly || candidate.multiplied ? undefined : 'no-unit'
  }
  if (unitIn(candidate, 'voltage-unit') && STARTS_HAN.test(after)) return 'voltage-class' // 500千伏输变电工程: a voltage class in a name
  // 两年内基本完成, 三个月内把……组建起来: neither a time frame nor a threshold in a name
  const within = withinTimeEnd(candidate, text) !== undefined
  const year = within ? undefined : excludedYear(candidate, before, after)
  if (year) return year
  // 0.1微克攻坚行动, 百日攻坚: a measure right before a campaign names it; a count counts campaigns (两个攻坚战, 八项行动)
  if (candidate.kind !== 'count' && startsWithAny(after, words('campaign-after'))) return 'programme-name'
  if (unitIn(candidate, 'session-unit') && startsWithAny(after, SESSION_FOLLOWERS)) return 'session'
  if (unitIn(candidate, 'month-unit') && endsWithAny(before, words('so-far-before'))) return 'date' // 前10个月: the months so far this year
  if (unitIn(candidate, 'month-unit') && startsWithAny(after, words('months-ago-after'))) return 'time-frame' // 两个多月前, 三个月来: time back from now
  if (unitIn(candidate, 'hour-unit') && endsWithAny(before, words('hour-before'))) return 'date' // 下午三点: a time of day, not three points
  if (startsWithAny(after, words('adjective-after'))) return 'adjective' // 一次性
  if (unitIn(candidate, 'nickname-unit') && endsWithAny(before, words('nickname-before'))) return 'nickname' // 新36条: a policy's nickname
  if (unitIn(candidate, 'phase-unit') && startsWithAny(after, words('phase-after'))) return 'phase' // 三峡三期工程: a phase
  if (!within && isThresholdInName(after)) return 'threshold-in-name'
  const digit = candidate.form === 'number' && candidate.kind === 'count' ? loneDigit(candidate.numeral) : undefined
  // 一个半 counts one and a half, 一到五个 from one to five, and 一打 a dozen (一对夫妇 is any couple)
  if (digit === 1 && !candidate.parts.half && candidate.valueMax === undefined && !unitIn(candidate, 'counting-unit') && !isCountedOne(before, after)) return 'indefinite'
  if (digit === 2) return 'ordinal'
  return undefined
}
