// What each kept span says: approx, change, status and the indicator it
// measures, read from the words around it in its sentence.
import { tables, type Approx, type Change, type Status } from '../resources/tables.ts'
import { plans, timeWords } from '../resources/vocabulary.ts'
import { COUNTING_NUMERALS, WRITTEN_DIGITS } from './numerals.ts'
import { alternation, charClass, possibleIn } from './patterns.ts'
import { CENTURY_WORDS, MERGE, MERGED_INTO, YEAR_NUMBER } from './period.ts'
import { clauseStart } from './clause.ts'
import { holdsQuantity } from './candidates.ts'
import { withinTimeEnd, withoutMarker } from './exclusions.ts'
import { segmentWords } from '../parse/segment.ts'
import { clip, lastAtOrBefore } from '../text.ts'
import { memoized } from './memo.ts'
import { streakLead } from './streak.ts'
import type { Candidate } from './scan.ts'

export interface Attributes {
  approx: Approx
  change: Change
  status: Status
  indicator: string
  /** 城镇居民人均可支配收入 for the first figure of 城乡居民人均可支配收入分别增长: the part of a paired word the figure is of, for its code; the indicator keeps the word as written. */
  measured?: string
}

export interface WordSpan {
  start: number
  end: number
  text: string
}

interface SentenceContext {
  /** The folded sentence. */
  text: string
  /** Its words, offsets relative to the sentence. */
  words: WordSpan[]
  /** Status before any cue in the sentence: from the section or a list such as 主要预期目标是：. */
  baseStatus: Status
  /** 1 where a character is inside a quoted or listed name: cues there say nothing. */
  names: Uint8Array
  /** Where a list of targets opens in the sentence (主要预期目标是：), or -1. */
  listStart: number
}

/** The sentence with what every candidate needs computed once. */
interface Sentence extends SentenceContext {
  wordStarts: number[]
  clauses: number[]
  /** The status a cue opening the sentence gives it (力争, 预计, 确保 ...). */
  openingCue: Status | undefined
}

/** The words of a context group as one alternation. */
const group = (name: Parameters<typeof tables.contextWords.get>[0]) => alternation(tables.contextWords.get(name)!)
/** 的, which ties what stands before it to the noun after. */
const OF = group('attributive')

// rules read folded text: full-width ，：；（） are already ASCII
const CLAUSE_BREAKS = /[,:;()]/
const LIST_JOINERS = tables.listJoiners
/** Between a change verb and its number only these may stand (增长超20%, 减少约1500亿元, 增长预期目标为5%) ... */
const CHANGE_GAP = new RegExp(`^(?:\\s|${alternation([...tables.contextWords.get('change-gap')!, ...tables.approxBefore.map((entry) => entry.marker)])})*$`)
/** ... unless the verb opens the clause and takes an object: 增加粮食种植面积4000亩. */
const VERB_FIRST_REACH = 8
const MAX_INDICATOR = 24
const AFTER_CLAUSE = /[,。;:!?]/
/** 上亿群众: before a bare magnitude, what makes it a lower bound; 前三: before a rank, an upper one. */
const MAGNITUDE_BEFORE = tables.contextWords.get('magnitude-before')!
const TOPS = tables.numeralWords.get('top')!.map((entry) => entry.word)
/** 的, the attributive particle, and 了, the aspect one: grammar words the rules read around a figure. */
const ATTRIBUTIVES = tables.contextWords.get('attributive')!
const ASPECTS = tables.numeralWords.get('aspect')!.map((entry) => entry.word)
/** 在第十和第十五之间: the close of a range frame ends what may follow a figure, as 的 does. */
const AFTER_NOUN_STOPS = new RegExp(`[,。;:、()《》!?]|${alternation([...ATTRIBUTIVES, ...tables.contextWords.get('between-close')!])}|\\d`)

/** Where the first 的 at or after `from` stands, and where what it modifies begins. */
function attributiveAt(text: string, from = 0): { at: number; end: number } | undefined {
  let found: { at: number; end: number } | undefined
  for (const word of ATTRIBUTIVES) {
    const at = text.indexOf(word, from)
    if (at >= 0 && (found === undefined || at < found.at)) found = { at, end: at + word.length }
  }
  return found
}

/** The entry whose word ends last in `text`, the longer of two ending together (压降 over 降, 跃居 over 居). */
function lastMatch<T>(text: string, entries: readonly T[], wordOf: (entry: T) => string): { entry: T; at: number } | undefined {
  let best: { entry: T; at: number; end: number; length: number } | undefined
  for (const entry of possibleIn(text, entries, wordOf)) {
    const word = wordOf(entry)
    const at = text.lastIndexOf(word)
    if (at < 0) continue
    const end = at + word.length
    if (!best || end > best.end || (end === best.end && word.length > best.length)) best = { entry, at, end, length: word.length }
  }
  return best
}

/** Comparisons: 高于全国0.4个百分点 is neither a rise nor a new subject. */
const COMPARISONS = tables.contextWords.get('comparison')!

const LEAD_WORDS = tables.indicatorWords.filter((row) => row.side === 'lead').map((row) => row.word)
const TRAIL_WORDS = tables.indicatorWords.filter((row) => row.side === 'trail').map((row) => row.word)
const VERBS = tables.verbs
/** Where a noun phrase after a number ends: a verb, or an adverb that closes it (全部, 已). */
const NOUN_ENDS = tables.contextWords.get('noun-end')!
const NOUN_CUTS = [...VERBS, ...NOUN_ENDS, ...tables.change.filter((entry) => entry.change !== 'none').map((entry) => entry.word)]
const CHANGE_WORDS = tables.change.filter((entry) => entry.change !== 'none').map((entry) => entry.word)
const RATE_NOUNS = tables.rateNouns.map((entry) => entry.word)
const BEFORE_APPROX = tables.approxBefore
const AFTER_APPROX = tables.approxAfter
const START_OF_CHANGE = tables.contextWords.get('change-start')!

/** Start of every clause of the sentence, in order. */
function clauseStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const aside = text[index] === '(' ? nameAside(text, index) : 0
    if (aside > 0) index += aside
    else if (CLAUSE_BREAKS.test(text[index]!)) starts.push(index + 1)
  }
  return starts
}

/** 化肥（折纯）分别达到: a short aside inside a name, with a word right after it, breaks no clause. Its length, or 0. */
const ASIDE_REACH = 8
function nameAside(text: string, open: number): number {
  const close = text.indexOf(')', open)
  if (close < 0 || close - open > ASIDE_REACH) return 0
  return /^[^\d,:;(]*$/.test(text.slice(open + 1, close)) && /^\p{Script=Han}/u.test(text.slice(close + 1, close + 2)) ? close - open : 0
}

/** The few characters before a span that markers are read from. */
const MARKER_REACH = 8
const textBefore = (text: string, at: number) => text.slice(Math.max(0, at - MARKER_REACH), at)

const SPACES = /\s+/g
const BOUND_LINKS = [...tables.contextWords.get('share-of')!, ...tables.contextWords.get('bound-link')!]

/** The bound a marker before or after a figure sets (超过, 不足, 约 …; 以上, 以内, 左右 …), if any. */
export function boundOf(text: string, start: number, end: number): Approx | undefined {
  // 小于 或 等于100: text from PDF or OCR may space out the marker too, so twice the reach is read
  const before = text.slice(Math.max(0, start - 2 * MARKER_REACH), start).replace(SPACES, '')
  // 约占三成, 约有3000万人, 至少有一人: a marker before 占 or 有 still qualifies the figure
  const link = BOUND_LINKS.find((word) => before.endsWith(word))
  const marked = link ? before.slice(0, -link.length) : before
  const marker = BEFORE_APPROX.find((entry) => marked.endsWith(entry.marker) && !entry.unlessBefore?.test(marked.slice(0, -entry.marker.length)))
  // 170 之下: the marker after may be spaced off too
  const window = text.slice(end, end + MARKER_REACH)
  const after = window.trimStart()
  return marker?.approx ?? afterMarker(text, end + window.length - after.length)?.approx ?? comparedBound(before, after)
}

function approxOf(candidate: Candidate, text: string, previous: Previous | undefined, joined: boolean, end: number): Approx {
  if (candidate.framed) return 'exact'
  const bound = boundOf(text, candidate.start, candidate.end)
  if (bound) return bound
  const before = textBefore(text, candidate.start)
  // 三千多人 and 数十家 are over, 十来个 about: a marker inside the span says which
  if (candidate.approxInside) return tables.approxInside.find((entry) => text.slice(candidate.start, candidate.end).includes(entry.marker))?.approx ?? 'over'
  if (candidate.magnitudeOnly && MAGNITUDE_BEFORE.some((word) => before.endsWith(word))) return 'over' // 上亿群众: upwards of
  if (candidate.form === 'rank' && TOPS.some((word) => before.endsWith(word))) return 'under' // 前三: third or better
  if (end > candidate.end) return 'under' // 两年内基本完成: within two years, whose words end past their 内
  // 分别超98.5%和99%: a marker before the first of a list covers the rest, when nothing else stands between
  if (joined && previous?.approxBefore && LIST_JOINERS.includes(text.slice(previous.candidate.end, candidate.start))) return previous.attributes.approx
  return 'exact'
}

/** 比上年多、较去年预算高 0.2个百分点: a difference against an earlier time is a change. */
const MORE = tables.contextWords.get('more-than')!
const LESS = tables.contextWords.get('less-than')!
const AGAINST_EARLIER = new RegExp(`${group('comparison-start')}${group('earlier-base')}[^,;]{0,6}?(${alternation([...MORE, ...LESS])})$`, 'u')

const COMPARED_FROM = tables.contextWords.get('comparison-start')!
/** 比三十大, 比 170 低: a figure compared with is a bound of what is compared. */
function comparedBound(before: string, after: string): Approx | undefined {
  if (!COMPARED_FROM.some((word) => before.endsWith(word))) return undefined
  if (MORE.some((word) => after.startsWith(word))) return 'over'
  return LESS.some((word) => after.startsWith(word)) ? 'under' : undefined
}

/** Any change verb, also the one-character stems of compounds (增 of 增至). */
/** 比上年多2个百分点 (not 比上年减少290万, whose 少 ends a change verb): the subject is the figure's before. */
const againstEarlier = (window: string) => AGAINST_EARLIER.test(window) && !CHANGE_WORDS.some((word) => window.endsWith(word))
const CHANGE_VERB = alternation([...tables.change.map((entry) => entry.word), ...tables.contextWords.get('change-stem')!])
/** What may stand between a word that names a change (涨幅, 增速) and the rate it is: 在, 回落到, 控制在. */
const LEVEL_REACHED_AT_START = new RegExp(`^${CHANGE_VERB}?(?:${tables.levelWords.join('|')})`, 'u')

/** 涨幅在3%以内, 涨幅回落到2.6%: the level a rate is at or comes to is the size of a change. */
function rateNamed(window: string): Change | undefined {
  const noun = lastMatch(window, tables.rateNouns, (entry) => entry.word)
  if (!noun) return undefined
  const rest = window.slice(noun.at + noun.entry.word.length).trim()
  return CHANGE_GAP.test(rest.replace(LEVEL_REACHED_AT_START, '')) ? noun.entry.change : undefined
}

const ASPECTS_COUNTED = tables.contextWords.get('aspect-noun')!
const CUT_NOUNS = tables.contextWords.get('cut-noun')!
/** 增长5.5%左右，力争6%: a clause of only a word of effort goes on with a figure of its unit before it, and moves as that one does. */
const STRIVING = new RegExp(`^${group('strive-word')}$`, 'u')

function changeOf(candidate: Candidate, window: string, after: string, previous: Previous | undefined, joined: boolean): Change {
  if (candidate.form === 'doubling') return 'up'
  if (candidate.form === 'halving') return 'down'
  if (candidate.form === 'rank') return 'none' // 上升5位、居第86位: a rank is a level
  // 从增加供给和抑制需求两方面入手: a count of sides or aspects changes nothing, whatever the sides say
  if (candidate.kind === 'count' && ASPECTS_COUNTED.some((word) => candidate.unit === word || after.startsWith(word))) return 'none'
  const rateOf = rateAfter(candidate, after)
  if (rateOf) return rateOf
  if (LEAVES_STATE.test(after)) return 'down'
  // 增长7.8%，略低于8%的预定目标: a target set for the figure before moves as that figure does
  if (previous && quotedTarget(after, 0) !== undefined && !lastMatch(window, tables.change, (entry) => entry.word)) return previous.attributes.change
  const against = AGAINST_EARLIER.exec(window)
  if (against) return MORE.includes(against[1]!) ? 'up' : 'down'
  if (COMPARISONS.some((word) => window.includes(word))) return 'none'
  const rate = rateNamed(window)
  if (rate) return rate
  // 减税降费约1.3万亿元: a cut named as a noun, which stays in the indicator, gives the size of the cut
  if (CUT_NOUNS.some((word) => window.includes(word) && CHANGE_GAP.test(window.slice(window.lastIndexOf(word) + word.length)))) return 'down'
  const match = lastMatch(window, tables.change, (entry) => entry.word)
  const best = match && { ...match.entry, at: match.at }
  // 分别下降3.6%和1.3%, 压减时间58%、材料52%: a list item without its own verb shares the change;
  // 增加1.4亿、覆盖10.5亿人 and 增加1.5万亿元、规模9.8万亿元 (a new subject after a verb that took none) do not
  if (!best) {
    if (previous && previous.candidate.unit === candidate.unit && STRIVING.test(window.trim())) return previous.attributes.change
    const shares = joined && previous && !VERBS.some((verb) => window.includes(verb)) && (previous.changeTookObject || trim(window) === '')
    return shares ? previous.attributes.change : 'none'
  }
  if (best.unlessBefore?.test(window.slice(0, best.at))) return 'none'
  const rest = window.slice(best.at + best.word.length)
  // 提高到94%, 增至5个: the level reached, not the size of the change
  if (!best.noun && tables.levelWords.some((word) => rest.startsWith(word))) return 'none'
  if (CHANGE_GAP.test(rest)) return best.change
  if (rest.includes('、')) return 'none' // the verb's object ended at the list mark
  // the verb must open its clause or its item of a 、 list, outside any quoted name
  const item = window.slice(window.lastIndexOf('、', best.at) + 1, best.at)
  const verbFirst = best.takesObject && item.length <= VERB_FIRST_REACH && !/[“”"《》]/.test(item)
  return verbFirst && attributiveAt(rest) === undefined ? best.change : 'none'
}

/** 5575万农村贫困人口实现脱贫, 1000万以上农村贫困人口脱贫: people counted as they leave a state are the size of its fall. */
const LEAVES_STATE = new RegExp(
  `^${alternation(AFTER_APPROX.map((entry) => entry.marker))}?[^,;。]{0,8}?${group('population-noun')}${group('leave-before')}?${group('leave-verb')}`,
  'u',
)

/** 实现7%左右的增长速度: a rate named after the share and its 的 says which way it moves. */
function rateAfter(candidate: Candidate, after: string): Change | undefined {
  const bound = candidate.kind === 'percent' ? SHARE_AFTER.exec(after) : null
  // 8%左右的国内生产总值增长目标: the rate may close the noun that follows
  const noun = bound ? after.slice(bound[0].length).split(AFTER_CLAUSE)[0]! : ''
  return bound ? tables.rateNouns.find((entry) => noun.includes(entry.word))?.change : undefined
}

/** How far after a share its bound, 的 and a rate may reach (以上的增长速度). */
const RATE_REACH = 16
/** How far after a figure the target it quotes may reach (左右的预期目标). */
const QUOTE_REACH = 8
/** 以上的, 左右的: a bound, if any, and 的 right after a figure. */
const BOUND_OF = `^${alternation(AFTER_APPROX.map((entry) => entry.marker))}?${OF}`
/** 七成以上的税收: a share, before what it is a share of. */
const SHARE_AFTER = new RegExp(BOUND_OF, 'u')
/** 降低4%左右的目标: a figure followed by the target it was. */
const QUOTED_TARGET = new RegExp(`${BOUND_OF}(${group('quoted-target')})`, 'u')
/** The target the figure ending at `end` was, when it is followed by one (降低4%左右的目标). */
export const quotedTarget = (text: string, end: number): string | undefined => QUOTED_TARGET.exec(text.slice(end, end + QUOTE_REACH))?.[1]
/** 目标是, 预期目标为: a target named, then what it was said to be. */
const TARGET_NAMED = `${group('quoted-target')}${group('target-copula')}`
/** 年初确定的目标是经济增长8%: a target named before the figure, in its clause. */
const TARGET_BEFORE = new RegExp(`${TARGET_NAMED}[^,;:。]*$`, 'u')
/** 年初确定的目标是经济增长, 预期目标为: what the target was said to be follows its name (not 经济增长预期目标是, which names it). */
const TARGET_NAMED_AT_START = new RegExp(`^(?:[^,;:。]*${OF})?${TARGET_NAMED}(?=.)`, 'u')
/** Whether the candidate is a target the text quotes, named after it (降低4%左右的目标) or before it in its clause (目标是经济增长8%). */
export const isQuotedTarget = (text: string, candidate: { start: number; end: number }): boolean =>
  quotedTarget(text, candidate.end) !== undefined || TARGET_BEFORE.test(text.slice(Math.max(0, candidate.start - PAIR_REACH), candidate.start))


/** A colon after these opens a list of targets: 主要预期目标是：, 主要指标，包括： */
const TARGET_LIST = new RegExp(`${group('target-list-head')}[^。;:]{0,40}:`, 'u')
/** 主要目标完成情况: a list of how targets went is results. */
const NOT_TARGET_LIST = new RegExp(group('not-target-list'), 'u')

/** Where a list of targets begins in the sentence, or -1. */
export function targetListStart(text: string): number {
  const match = TARGET_LIST.exec(text)
  return match && !NOT_TARGET_LIST.test(match[0]) ? match.index + match[0].length : -1
}

/** How far a status cue may stand before its number, and how far a from–to pair may reach. */
const STATUS_REACH = 120
const PAIR_REACH = 40

/** A cue is a word, or words starting at one (the segmenter splits 初步核算 into 初步|核算). */
function cueAt(text: string, word: WordSpan, cue: string): boolean {
  return cue === word.text || (cue.length > word.text.length && text.startsWith(cue, word.start))
}

/** A word that runs into the figure, cut where the figure begins. */
const gluedCue = (word: WordSpan, candidate: Candidate): WordSpan =>
  word.end > candidate.start && word.start < candidate.start ? { start: word.start, end: candidate.start, text: word.text.slice(0, candidate.start - word.start) } : word

function openingCue(words: WordSpan[], text: string): Status | undefined {
  const first = words[0]
  if (!first || text.slice(0, first.start).trim() !== '') return undefined
  const rest = text.slice(first.end, first.end + PAIR_REACH).split(CLAUSE_BREAKS)[0]!
  const status = tables.status.find((entry) => cueAt(text, first, entry.cue) && !entry.unlessAfter?.test(rest))?.status
  return status === 'estimate' && foreseesWithoutFigure(text.slice(first.end).split(CLAUSE_BREAKS)[0]!) ? undefined : status
}

/**
 * 预计今年财政收入继续恢复增长，……一般公共预算支出规模28.5万亿元: a forecast of a change without its size is a
 * clause of its own, which leaves the budget set after it a plan.
 */
const foreseesWithoutFigure = (clause: string) => !holdsQuantity(clause) && CHANGE_WORDS.some((word) => clause.endsWith(word))

/** 五档合并为三档: the first of two figures merged is what was. */
const MERGED_INTO_AFTER = new RegExp(`^${MERGED_INTO}`, 'u')

/**
 * The last cue between `from` and the number decides: 预计 estimate; 力争, 要, 将 target;
 * 已, 现行 actual (a fact inside a plan). A cue that opens the sentence governs all of it:
 * 力争到2027年，地区生产总值翻一番 is a target.
 */
function statusOf(candidate: Candidate, context: Sentence, clauseStart: number, carried: Status | undefined): Status {
  const from = Math.max(clauseStart, candidate.start - STATUS_REACH)
  const clause = context.text.slice(Math.max(clauseStart, candidate.start - PAIR_REACH), candidate.start)
  // 从380元提高至1000元: the starting level is what was, whatever is planned
  const startOfChange = START_OF_CHANGE.some((word) => clause.includes(word)) && REACHES_END.test(context.text.slice(candidate.end, candidate.end + PAIR_REACH))
  if (startOfChange || MERGED_INTO_AFTER.test(context.text.slice(candidate.end, candidate.end + PAIR_REACH))) return 'actual'
  // 没有实现…降低4%左右的目标: a target quoted in a review
  if (isQuotedTarget(context.text, candidate)) return 'target'
  const inList = context.listStart >= 0 && candidate.start >= context.listStart
  let status = inList ? 'target' : (carried ?? context.openingCue ?? context.baseStatus)
  // 全省有24万多户小微企业 in a plan: a state described is a fact, unless a cue or the sentence's opening said otherwise (力争……全市有50家)
  let cued = inList || carried !== undefined || context.openingCue !== undefined
  const firstWord = lastAtOrBefore(context.wordStarts, from)
  for (let index = firstWord; index < context.words.length && context.words[index]!.start < candidate.start; index++) {
    // 大体上有三种: the segmenter may glue the figure's first numeral to the cue before it (有三)
    const word = gluedCue(context.words[index]!, candidate)
    if (word.start < from || context.names[word.start] === 1 || word.end > candidate.start) continue
    const rest = context.text.slice(word.end, word.end + PAIR_REACH).split(CLAUSE_BREAKS)[0]!
    const lead = context.text.slice(Math.max(0, word.start - PAIR_REACH), word.start)
    const cue = tables.status.find((entry) => cueAt(context.text, word, entry.cue) && !entry.unlessAfter?.test(rest) && !entry.unlessBefore?.test(lead) && !(entry.weak && cued))
    if (!cue) continue
    // 将现行16%的税率降至13%: a fact cue says what is, not the level a change brings it to
    if (cue.status === 'actual' && REACHING.some((reach) => context.text.slice(word.end, candidate.start).includes(reach))) continue
    status = cue.status
    cued ||= !cue.weak
  }
  return completedAfter(candidate, context) ? 'actual' : status
}

/** 今年高校毕业生将达727万人: how many people a year brings (graduates) is foreseen, not set, in a plan. */
const FORECAST_NOUNS = tables.contextWords.get('forecast-noun')!
const forecastOf = (indicator: string, status: Status): Status => (status === 'target' && FORECAST_NOUNS.includes(indicator) ? 'estimate' : status)

const COMPLETED = tables.contextWords.get('completed-after')!

/** 从……6个维度设置了29项指标: an act done (设置了) after the figure in its clause tells a fact about the plan, not a target. */
function completedAfter(candidate: Candidate, context: Sentence): boolean {
  // the rest of the clause, within reach: a long list without breaks must not make every figure read to its end
  const rest = context.text.slice(candidate.end, candidate.end + PAIR_REACH)
  const clauseEnd = rest.search(CLAUSE_BREAKS)
  const end = candidate.end + (clauseEnd < 0 ? rest.length : clauseEnd)
  for (let index = Math.max(0, lastAtOrBefore(context.wordStarts, candidate.end)); index < context.words.length && context.words[index]!.end <= end; index++) {
    const word = context.words[index]!
    if (word.start >= candidate.end && COMPLETED.includes(word.text)) return true
  }
  return false
}

// Dates inside a phrase name no measure: 国内生产总值从1997年的, 2020年的.
/** A year in digits or, in older reports, numerals: 2002年, 一九七八年; with its part (2024年底); a copy from PDF may set a space before 年. */
const YEAR = `${YEAR_NUMBER} ?${group('year-unit')}`
/** 一九八二两年 after 一九八一、: the last of years listed, then their count. */
const LISTED_YEARS_END = `${YEAR_NUMBER}${group('year-unit')}?(?:\\d|${charClass(COUNTING_NUMERALS)})${group('year-unit')}`
const YEAR_PART = `${group('year-part')}?`
/** 从, 由: what opens a from–to pair; 到, 至: what reaches its end. */
const FROM_WORD = group('year-from')
const TO_WORD = group('year-until')
/** 国家外汇储备2000年底, 国有企业资产总额比2002年: a year at the end, with the 从 or 比 that opens it. */
const YEAR_AT_END = new RegExp(`(?:${FROM_WORD}|${group('comparison-start')})?${YEAR}${YEAR_PART}${OF}?$`, 'u')
// 到2025年城镇化率: a deadline before the subject says when, as a year alone does
const YEAR_AT_START = new RegExp(`^(?:(?:${FROM_WORD}|${TO_WORD})?(?:${LISTED_YEARS_END}|${YEAR}(?:${group('year-part')}|${group('so-far-before')}|${group('year-since')})?))+`, 'u')
/** “十五”期间国内生产总值, “十一五”年均: a plan's years before the subject say when, not what; “十四五”规划 names a plan. */
const PLAN_AT_START = new RegExp(`^["“]?${alternation(plans.map((plan) => plan.plan))}["”]?${group('plan-span')}?`, 'u')
const PLAN_AFTER = tables.contextWords.get('plan-after')!
function withoutPlanAtStart(phrase: string): string {
  const rest = phrase.replace(PLAN_AT_START, '')
  return PLAN_AFTER.some((word) => rest.startsWith(word)) ? phrase : rest
}
/** 五年招收研究生, 五年中国家用于……的投资: a count of years before the subject says how long, not what. */
const YEARS_AT_START = new RegExp(`^(?:\\d{1,2}|${charClass(COUNTING_NUMERALS)}{1,3})${group('year-unit')}`, 'u')
const SPAN_YEARS_AFTER = tables.contextWords.get('span-years-after')!
// (not the end of a year, 一九八二年)
const YEARS_AT_END = new RegExp(`(?<=[^\\d${COUNTING_NUMERALS.join('')}${WRITTEN_DIGITS.join('')}])(?:${group('time-frame-preposition')}?${group('time-frame-before')})?(?:\\d{1,2}|${charClass(COUNTING_NUMERALS)}{1,3})${group('year-unit')}${group('span-years-after')}?$`, 'u')

/** 五年中, 五年内 (not 五年中央财政), or 五年 before a verb or a word trimmed off (五年累计, 五年建成); 九年义务教育 keeps its years. */
function withoutYearsAtStart(phrase: string): string {
  const years = YEARS_AT_START.exec(phrase)?.[0]
  if (!years) return phrase
  const rest = phrase.slice(years.length)
  const boundaries = wordBoundaries(rest)
  const frame = SPAN_YEARS_AFTER.find((word) => rest.startsWith(word) && boundaries.has(word.length))
  if (frame) return rest.slice(frame.length)
  return YEARS_FOLLOWERS.some((word) => rest.startsWith(word) && boundaries.has(word.length)) ? rest : phrase
}

/** Words trimmed off the ends of an indicator phrase. */
const longestFirst = (words: string[]) => words.sort((a, b) => b.length - a.length)
/** 增加到, 调整到: the segmenter keeps a change verb and its 到 or 至 as one word. */
/** 到 and 至, the Han words of a range, after a change verb: 提高到, 降至. */
const REACH_WORDS = tables.numeralWords.get('range')!.map((entry) => entry.word).filter((word) => /\p{Script=Han}/u.test(word))
const REACHING = tables.change.flatMap((entry) => REACH_WORDS.map((word) => entry.word + word))
const TRAILING = longestFirst([...TRAIL_WORDS, ...CHANGE_WORDS, ...REACHING, '、'])
/** 今后五年国内生产总值, 到本世纪末: a time frame before the subject says when, not what. */
const LEADING = longestFirst([...LEAD_WORDS, ...LIST_JOINERS, ...timeWords.filter((word) => word.from !== undefined).map((word) => word.word), ...CENTURY_WORDS, ...CENTURY_WORDS.flatMap((word) => tables.contextWords.get('year-until')!.map((until) => until + word))])
/** 五年累计, 五年建成: what may follow a count of years that opens a phrase. */
const YEARS_FOLLOWERS = [...LEADING, ...VERBS]

const SEGMENT_RUN = 256

/** Whether a word begins or ends at an offset, so trimming never cuts into a word (对外投资, 节约, 行为). */
interface Boundaries {
  has(at: number): boolean
}

/** The text is segmented only when a boundary is asked for: most phrases match no word to trim. */
function wordBoundaries(text: string): Boundaries {
  let segmented: Set<number> | undefined
  return { has: (at) => (segmented ??= segmentBoundaries(text)).has(at) }
}

const segmentBoundaries = memoized((text: string): Set<number> => {
  const boundaries = new Set([text.length])
  // Intl.Segmenter is super-linear on long strings: a phrase is read in bounded runs (a run's end is a boundary too)
  for (let from = 0; from < text.length; from += SEGMENT_RUN) {
    for (const { index } of segmentWords(text.slice(from, from + SEGMENT_RUN))) boundaries.add(from + index)
  }
  return boundaries
})

/** 在提高效益的基础上, 在确保质量的前提下: the condition a figure is set under names nothing it measures. */
const FRAMED_CONDITION = new RegExp(`${group('condition-open')}[^,;:。]*?${group('condition-close')}`, 'gu')

/**
 * Strips leading and trailing function words (verbs, adverbs, frames) off an indicator phrase,
 * whole words only. A phrase known to start with its noun (after a classifier or 的) keeps its start:
 * 新增财力 is a noun there, not 新增 + 财力.
 */
function trim(phrase: string, nounFirst = false): string {
  return (nounFirst ? trimNounFirst : trimPhrase)(phrase)
}
const trimPhrase = memoized((phrase) => trimWords(phrase, false))
const trimNounFirst = memoized((phrase) => trimWords(phrase, true))

function trimWords(phrase: string, nounFirst: boolean): string {
  // 粮食产量实现“十二连增”: the quote that opens the figure is no part of what it measures
  let text = withoutPlanAtStart(withoutYearsAtStart(phrase.replace(/[\r\n\u200b]+/g, '').replace(FRAMED_CONDITION, '').trim().replace(YEAR_AT_START, '').replace(OPENING_QUOTE_AT_END, '')))
  for (let changed = true; changed && text; ) {
    // 国家外汇储备2000年底达到: a date the trimming bares at the end goes too, and so do the years a change
    // runs over (居民储蓄存款余额五年增长1倍多)
    const undated = text.replace(YEAR_AT_END, '').replace(YEARS_AT_END, '').replace(TARGET_NAMED_AT_START, '')
    if (undated !== text) {
      text = undated
      continue
    }
    const boundaries = wordBoundaries(text)
    // an approximation marker goes only where it is one (招商签约 keeps its 约)
    const marker = BEFORE_APPROX.find((entry) => text.endsWith(entry.marker) && !entry.unlessBefore?.test(text.slice(0, -entry.marker.length)))?.marker
    // 增速 alone names the rate, where it is all that is left
    const trailing = marker ?? TRAILING.find((word) => text.endsWith(word) && boundaries.has(text.length - word.length) && !(text === word && RATE_NOUNS.includes(word))) ?? streakLead(text, text.length)
    const leading = trailing || nounFirst ? undefined : LEADING.find((word) => text.startsWith(word) && boundaries.has(word.length))
    if (trailing) text = text.slice(0, -trailing.length)
    // 要在五年内新增: a count of years the trimming bares at the start goes too
    if (leading) text = withoutYearsAtStart(text.slice(leading.length))
    changed = trailing !== undefined || leading !== undefined
  }
  return text.trim()
}

/** An approximation marker right after a span (左右, 以上), unless it begins another word (上下游). */
function afterMarker(text: string, end: number) {
  return AFTER_APPROX.find((entry) => text.startsWith(entry.marker, end) && !entry.unlessAfter?.test(text.slice(end + entry.marker.length, end + entry.marker.length + MARKER_REACH)))
}

/** 人均, 亩均, 日均: a rate per head is one word, though the segmenter splits off its 均 (which alone closes a noun: 均已完成). */
const CLOSING_QUOTES = '”’」』"'
const OPENING_QUOTE_AT_END = /[“‘「『"]$/u
const PER_WORDS = tables.contextWords.get('per-word')!
const splitsWord = (text: string, at: number) => PER_WORDS.some((word) => [...word].some((_, inside) => inside > 0 && text.startsWith(word, at - inside)))

/**
 * The noun after a quantity: 完成30条幸福河湖建设, 6个板块参与的, 投放50%以上号源. After a
 * classifier or 的 a noun must follow (5家上市公司); after money a verb may (3000亿元支持消费).
 */
export function nounAfter(text: string, end: number, nounFirst = false): string {
  const marker = afterMarker(text, end)
  const from = end + (marker?.marker.length ?? 0)
  // 实现“十二连增”，: a figure its quotes close on counts nothing after them
  if (CLOSING_QUOTES.includes(text[from] ?? '')) return ''
  const rest = clip(text, from, from + MAX_INDICATOR)
  const stop = rest.search(AFTER_NOUN_STOPS)
  let noun = stop < 0 ? rest : rest.slice(0, stop)
  // cut at the first verb or closing adverb that is a word of its own (上市公司 keeps its 上市)
  const boundaries = wordBoundaries(noun)
  for (const verb of NOUN_CUTS) {
    const at = noun.indexOf(verb)
    if (at >= (nounFirst ? 1 : 0) && boundaries.has(at) && boundaries.has(at + verb.length) && !splitsWord(noun, at)) noun = noun.slice(0, at)
  }
  const cut = trim(noun, nounFirst)
  // 近300户由银行提供资金支持: a preposition after the count opens what is done to it, not what it counts
  return namesNothing(cut) || startsWithWord(cut, PREPOSITIONS) ? '' : cut
}

/** The clauses of a sentence before the one that starts at `clause`, in order. */
const clausesBefore = (text: string, clause: number) => text.slice(0, Math.max(0, clause - 1)).split(CLAUSE_BREAKS)

const PER_BEFORE = tables.contextWords.get('per-before')!
/** 小麦、稻谷最低收购价平均每50公斤分别提高7.4元和16元: the words before an amount a price is set for, which hold the list 分别 pairs with. */
function perAmountLead(text: string, clause: number, previous: Previous | undefined): string | undefined {
  if (!previous || previous.clause !== clause) return undefined
  const lead = text.slice(clause, previous.candidate.start)
  return PER_BEFORE.some((word) => lead.endsWith(word)) ? lead : undefined
}

/**
 * The first number of a sentence whose clause names nothing: the clause's own words,
 * else the clause before it (企业退休人员基本养老金，全年人均增加1680元).
 */
function subjectBefore(text: string, clause: number, start: number): string {
  const own = trim(clip(text, Math.max(clause, start - MAX_INDICATOR), start))
  if (!namesNothing(own)) return own
  const previousClauses = clausesBefore(text, clause)
  // 农村居民人均纯收入，考虑价格下降因素，比上年实际增长4.3%: step over the clause that says how it was counted
  let previousClause = previousClauses.pop() ?? ''
  // 在确保质量的前提下: a clause that is only a frame names nothing either
  while (previousClauses.length > 0 && (startsWithWord(trim(previousClause), CONDITIONS) || trim(previousClause) === '')) previousClause = previousClauses.pop()!
  return trim(clip(previousClause, Math.max(0, previousClause.length - MAX_INDICATOR), previousClause.length)) || own
}

/** Phrases that say when or how often, not what: 平均每年, 五年, 比上年. */
const COMPARISON = group('comparison-start')
const COUNT_OF_YEARS = `${COMPARISON}?${group('so-far-before')}?(?:\\d|${charClass(COUNTING_NUMERALS)})+${group('year-unit')}(?:${group('year-part')}|${group('span-years-after')}|${group('so-far-before')})?`
const TIME_PHRASE = new RegExp(`^(?:${group('time-phrase')}|${COUNT_OF_YEARS}|${COMPARISON}${group('earlier-base')})$`, 'u')
const RANK_SCOPES = longestFirst([...tables.contextWords.get('rank-scope')!])

/** 从世界, 由上年居: the 从 or 由 that opens a change from one rank to another. */
const withoutStart = (phrase: string) => phrase.slice(START_OF_CHANGE.find((word) => phrase.startsWith(word))?.length ?? 0)

/** 自然指数-科研城市全球 less its scope: 自然指数-科研城市; 全省 alone leaves nothing. */
function withoutScope(phrase: string): string {
  let text = phrase
  for (let scope = RANK_SCOPES.find((word) => text.endsWith(word)); scope; scope = RANK_SCOPES.find((word) => text.endsWith(word))) text = text.slice(0, -scope.length)
  for (let scope = RANK_SCOPES.find((word) => text.startsWith(word)); scope; scope = RANK_SCOPES.find((word) => text.startsWith(word))) text = text.slice(scope.length)
  return text
}

const PREPOSITIONS = tables.contextWords.get('preposition')!

/** Words that name no measure of their own: 人均, 总数, 长; 突破4000亿元大关. */
const FRAMES = tables.contextWords.get('frame')!
const TIME_WORDS = timeWords.map((word) => word.word)
/** 扣除物价上涨因素, 按可比价格计算: a clause that says how a figure was counted names nothing it measures. */
const CONDITIONS = tables.contextWords.get('condition')!
/** “十一五”: a plan's name says when. */
const PLAN_NAMES = plans.map((plan) => plan.plan)
const withoutQuotes = (phrase: string) => phrase.replace(/["“”]/g, '')
/** 这样一个, 其中两项: a numeral and its classifier at the end of a phrase only count what follows. */
const COUNT_CLASSIFIERS = new Set(tables.unitSurfaces.filter((surface) => surface.length === 1 && tables.unitBySurface.get(surface)?.kind === 'count'))
const endsInCount = (phrase: string) => COUNTING_NUMERALS.includes(phrase.at(-2) ?? '') && COUNT_CLASSIFIERS.has(phrase.at(-1)!)
const namesNothing = (phrase: string) =>
  phrase === '' || VERBS.includes(phrase) || NOUN_ENDS.includes(phrase) || endsInCount(phrase) || TIME_PHRASE.test(phrase) || FRAMES.includes(phrase) || TIME_WORDS.includes(phrase) || PLAN_NAMES.includes(withoutQuotes(phrase)) || startsWithWord(phrase, CONDITIONS)
const startsWithWord = (phrase: string, words: readonly string[]) => words.some((word) => phrase.startsWith(word) && wordBoundaries(phrase).has(word.length))

/** 比"文化大革命"前十七年的总和还多: the base of a comparison, whose figure is the subject's before it. */
const COMPARISON_STARTS = tables.contextWords.get('comparison-start')!
/** 比上年预算: a comparison with the year before, whatever the segmenter makes of 比上 and 年. */
const AGAINST_YEAR_BEFORE = new RegExp(`^${COMPARISON}${group('earlier-base')}`, 'u')
/** 为, 达, 是: verbs that give the measure before them its value. */
const LINKING_VERBS = tables.contextWords.get('index-verb')!
const MULTIPLE_BASES = tables.contextWords.get('multiple-base')!
/** 5800亿元，是1950年到1997年投入总和的1.7倍: a multiple of a base named before 的 is the previous figure's. */
const multipleOfBase = (candidate: Candidate, window: string) =>
  candidate.kind === 'multiple' && startsWithWord(withoutJoiner(window.trim()), MULTIPLE_BASES) && ATTRIBUTIVES.some((word) => window.trimEnd().endsWith(word))
/** 、是十年前的3倍: the base clause may follow a list mark. */
const withoutJoiner = (window: string) => window.slice(LIST_JOINERS.find((joiner) => window.startsWith(joiner))?.length ?? 0)
const opensComparison = (phrase: string) => startsWithWord(phrase, COMPARISON_STARTS) || AGAINST_YEAR_BEFORE.test(phrase)


/**
 * 果断地把军队裁减了100万人, 按财政性教育经费支出占国内生产总值的4%: what 把, 将 or 按 takes is
 * what is measured, when a noun follows it; 中央财政将投入, 将由上年: a verb, a time or a 由 after
 * 将 makes it "will".
 */
const DISPOSALS = tables.contextWords.get('object-before')!
const NOT_OBJECTS = [...VERBS, ...LEAD_WORDS, ...TRAIL_WORDS, ...CHANGE_WORDS, ...START_OF_CHANGE, ...TIME_WORDS].filter((word) => !RANK_SCOPES.includes(word))
function disposedObject(phrase: string): string {
  const boundaries = wordBoundaries(phrase)
  for (const word of DISPOSALS) {
    const at = phrase.lastIndexOf(word)
    if (at <= 0 || !boundaries.has(at) || !boundaries.has(at + word.length)) continue
    const rest = phrase.slice(at + word.length)
    const object = trim(rest)
    if (object !== '' && !startsWithWord(rest, NOT_OBJECTS)) return object
  }
  return phrase
}

/**
 * 保证每年增加运力4000万吨, 今年要减少贫困人口1000万人, 中央财政拟安排补助资金1030亿元: a change or
 * funding verb has what it changes or funds after it, and that object is what the figure measures; what
 * stands before the verb is who acts.
 */
function changedObject(phrase: string): string {
  const verb = lastMatch(phrase, OBJECT_VERBS, (entry) => entry)
  // 考虑价格下降因素: a condition names nothing, whatever it holds
  if (!verb || namesNothing(phrase)) return phrase
  const end = verb.at + verb.entry.length
  const boundaries = wordBoundaries(phrase)
  const rest = phrase.slice(end)
  const object = trim(rest)
  if (!boundaries.has(verb.at) || !boundaries.has(end) || object === '' || CHANGE_GAP.test(rest) || startsWithWord(rest, NOT_OBJECTS) || namesNothing(object)) return phrase
  // 服务业增加值, 研发经费投入强度: a verb that is part of a noun
  // 化肥生产能力增加标准肥1500万吨: the standard a figure is counted in is no object
  // 中央财政安排资金1713亿元: funds alone name nothing the payer does not
  if (VERB_COMPOUNDS.some((word) => phrase.startsWith(word, verb.at)) || MEASURE_BASES.some((word) => object.startsWith(word)) || FUNDS.includes(object)) return phrase
  return object
}
const VERB_COMPOUNDS = tables.contextWords.get('verb-compound')!
const MEASURE_BASES = tables.contextWords.get('measure-basis')!
const OBJECT_VERBS = [...tables.change.filter((entry) => entry.change !== 'none' && entry.takesObject).map((entry) => entry.word), ...tables.contextWords.get('funding-verb')!]

/** 以每年平均递增百分之七点五的速度: after 的 stands the rate's frame, not what the share is of. */
const RATE_FRAMES = tables.contextWords.get('rate-frame')!

/** ，占国内生产总值的比重: a share without its subject borrows the one before it. */
const SHARE_OF = tables.contextWords.get('share-of')!
const lacksShareSubject = (phrase: string) => SHARE_OF.some((word) => phrase.startsWith(word) && phrase.length > word.length + 1)

/**
 * 长达11年的办证问题, 连续6年入选…百强县: how long something lasted measures what follows, when
 * 的 joins it or nothing, no earlier figure either, stands before; 细颗粒物年均浓度连续五年稳定达标
 * keeps its subject.
 */
const LASTING = tables.contextWords.get('lasting-before')!
/** 在连续6年增产增收之后: 之后 closes the time of the main clause, so what the years measure ends there. */
const TIME_CLOSE = new RegExp(group('time-clause-close'), 'u')
const beforeTimeClose = (phrase: string) => phrase.split(TIME_CLOSE)[0]!
/** 连续 of 连续6年, or 连续第 of 连续第7年: the cue before a length of time. */
const lastingCue = (text: string, at: number) => LASTING.find((word) => text.endsWith(word, at)) ?? streakLead(text, at)

function lastedWhat(text: string, candidate: Candidate, subject: string): string | undefined {
  if (candidate.kind !== 'duration') return undefined
  const within = actWithin(text, candidate)
  if (within !== undefined) return within
  const cue = lastingCue(text, candidate.start)
  if (cue === undefined) return subject === '' ? actTaking(text, candidate) : undefined
  // 经过30多年改革开放: the cue alone stands before, which is no subject
  const standsBefore = subject !== '' && subject !== cue
  const rest = clip(text, candidate.end, candidate.end + MAX_INDICATOR).split(AFTER_CLAUSE)[0]!
  const joined = attributiveAt(rest)
  if (standsBefore && joined === undefined) return undefined
  const what = changedObject(beforeTimeClose(trim(rest.slice(joined?.end ?? 0))))
  // 经过八年持续努力，近1亿农村贫困人口实现脱贫: where the clause after names nothing before its own figure, the effort is what the years measure
  if (EFFORTS.some((word) => what.endsWith(word))) return achieved(text, candidate.end + rest.length) ?? what
  return namesNothing(what) ? undefined : what
}

const EFFORTS = tables.contextWords.get('effort-noun')!
/** 经过25年坚持不懈的努力，全面实现“两基”目标: years of effort measure what the clause after them achieved. */
function achieved(text: string, clauseBreak: number): string | undefined {
  const next = text.slice(clauseBreak + 1).split(AFTER_CLAUSE)[0]!
  const what = trim(next.slice(0, MAX_INDICATOR))
  return namesNothing(what) ? undefined : what
}

const PROBLEMS = tables.contextWords.get('problem-noun')!
/** 解决3200万农村人口的安全饮水问题, 2897万农村人口解决了安全饮水问题: people counted for a problem of theirs measure the problem solved. */
function problemOf(text: string, candidate: Candidate): string | undefined {
  if (!countsPeople(nounAfter(text, candidate.end, true)) && !countsPeople(candidate.unit)) return undefined
  const rest = text.slice(candidate.end).split(AFTER_CLAUSE)[0]!
  const end = attributiveAt(rest)?.end ?? solvedAt(rest)
  if (end === undefined) return undefined
  const phrase = rest.slice(end)
  const joiner = LIST_JOINERS.find((word) => phrase.endsWith(word))
  const problem = trim(joiner ? phrase.slice(0, -joiner.length) : phrase)
  return PROBLEMS.some((word) => problem.endsWith(word)) && !namesNothing(problem) ? problem : undefined
}

const SOLVING = tables.contextWords.get('solving-verb')!
/** Where what the people solved begins, past the verb and its aspect (解决了). */
function solvedAt(rest: string): number | undefined {
  const verb = SOLVING.map((word) => ({ word, at: rest.indexOf(word) })).find(({ at }) => at > 0)
  if (verb === undefined) return undefined
  const after = verb.at + verb.word.length
  return after + (ASPECTS.find((word) => rest.startsWith(word, after))?.length ?? 0)
}

const ACT_WITH = tables.contextWords.get('act-duration-before')!
const ACT_TIME = tables.contextWords.get('act-duration-after')!
/**
 * 力争用三年时间，基本建成……的疾病预防控制和医疗救治体系, 三年内基本解决农村“普九”债务问题: the time an act is
 * given measures what it brings about, the noun after its last 的 where it has one.
 */
function actWithin(text: string, candidate: Candidate): string | undefined {
  const start = actStart(text, candidate)
  if (start === undefined) return undefined
  const act = text.slice(start).replace(/^[,\s]+/, '').split(AFTER_CLAUSE)[0]!
  const of = lastMatch(act, ATTRIBUTIVES, (word) => word)
  const what = trim(of ? act.slice(of.at + of.entry.length) : act)
  return namesNothing(what) ? undefined : what
}

/** Where the act a duration is given begins: past 时间 in 用三年时间, past 内 in 两年内基本解决. */
function actStart(text: string, candidate: Candidate): number | undefined {
  const within = withinTimeEnd(candidate, text)
  if (within !== undefined) return within
  const time = ACT_TIME.find((word) => text.startsWith(word, candidate.end))
  return time !== undefined && ACT_WITH.some((word) => text.endsWith(word, candidate.start)) ? candidate.end + time.length : undefined
}

/** 原定5年取消农业税的目标: with nothing before it, a duration a verb follows is how long the act takes, up to its 的. */
function actTaking(text: string, candidate: Candidate): string | undefined {
  const rest = clip(text, candidate.end, candidate.end + MAX_INDICATOR).split(AFTER_CLAUSE)[0]!
  if (!VERBS.some((verb) => rest.startsWith(verb))) return undefined
  const joined = attributiveAt(rest)
  const act = trim(rest.slice(0, joined?.at))
  return namesNothing(act) ? undefined : act
}

const FUNDING_VERBS = tables.contextWords.get('funding-verb')!
const FUNDS = longestFirst([...tables.contextWords.get('funds-noun')!])
const PURPOSE_VERBS = longestFirst([...tables.contextWords.get('purpose-verb')!])
/**
 * 中央财政安排429亿元，解决……医疗保险问题; 安排109亿元资金支持再就业: a sum a funder sets aside
 * measures what it is for, which the clause after it names, not the funder and its verb.
 */
function fundedPurpose(text: string, candidate: Candidate, subject: string, clause: number): string | undefined {
  if (candidate.kind !== 'money' || !FUNDING_VERBS.some((verb) => subject.endsWith(verb))) return undefined
  const rest = withoutComparison(text.slice(candidate.end).replace(/^[,\s]+/, ''))
  const funds = FUNDS.find((noun) => rest.startsWith(noun)) ?? ''
  const verb = PURPOSE_VERBS.find((word) => rest.startsWith(word, funds.length))
  if (verb === undefined) return purposeBefore(text, clause)
  const said = rest.slice(funds.length + verb.length).split(AFTER_CLAUSE)[0]!
  // 用于1500万人次以上的职工技能提升: a figure in the purpose is not its name, what follows its 的 is
  const figure = said.search(/\d/)
  const named = figure < 0 ? said : said.slice(attributiveAt(said, figure)?.end ?? said.length)
  const purpose = trim(named)
  return namesNothing(purpose) ? undefined : purpose
}

/** 安排832亿元，比上年增加167亿元，支持……: a clause comparing the sum stands between it and its purpose. */
function withoutComparison(rest: string): string {
  const comma = rest.indexOf(',')
  return comma > 0 && opensComparison(rest) ? rest.slice(comma + 1).trimStart() : rest
}

const PURPOSE_OPENERS = tables.contextWords.get('purpose-before')!
/** 为加快社会保障体系建设，今年中央财政将安排2762亿元: the purpose may open the sentence instead. */
function purposeBefore(text: string, clause: number): string | undefined {
  const first = clausesBefore(text, clause)[0]?.trim() ?? ''
  const opener = PURPOSE_OPENERS.find((word) => first.startsWith(word))
  const purpose = opener === undefined ? '' : trim(first.slice(opener.length))
  return namesNothing(purpose) ? undefined : purpose
}

const SCOPES = longestFirst([...tables.contextWords.get('coverage-scope')!])
const COVERAGE_VERBS = tables.contextWords.get('coverage-verb')!
const PROGRAMME_VERBS = longestFirst([...tables.contextWords.get('programme-verb')!])
const ASIDE_AT_START = /^\([^()]*\)/
/** How far past a count of places they and what they carry out may reach (25个省（自治区、直辖市）、2133个县（市、区）初步建立了……). */
const PROGRAMME_REACH = 64

/**
 * 在320个县开展新型农村社会养老保险试点, 新型农村合作医疗制度试点已扩大到671个县, 基本药物制度在30%的基层医疗卫生机构实施:
 * a count or share of places (县, 省份) measures how far a programme reaches. The programme is what the
 * places carry out, named after them, or else what stands before the verb that extends it there.
 */
function programmeReached(sentence: string, candidate: Candidate, after: string, phrase: string, clause: number): string | undefined {
  if (!(candidate.kind === 'count' || candidate.kind === 'percent')) return undefined
  // read a bounded stretch past the figure: a run-on sentence must not make each figure a scan of all after it
  const text = clip(sentence, 0, candidate.end + PROGRAMME_REACH)
  // the places alone, or before what they carry out (50个城市推行生活垃圾分类), not 县级医院
  const carriesOut = (phrase: string) => (word: string) => phrase.startsWith(word) && PROGRAMME_VERBS.some((verb) => phrase.startsWith(verb, word.length))
  const described = describedPlaces(text, candidate)
  const place = SCOPES.find((word) => after === word || carriesOut(after)(word)) ?? SCOPES.find(carriesOut(described))
  if (place === undefined) return undefined
  const rest = withoutAdverbs(placesAfter(text.slice(text.indexOf(place, candidate.end) + place.length)))
  const verb = PROGRAMME_VERBS.find((word) => rest.startsWith(word))
  if (verb !== undefined) {
    const object = objectOf(rest.slice(verb.length))
    if (object !== undefined) return object
  }
  const extension = Math.max(...COVERAGE_VERBS.map((word) => phrase.lastIndexOf(word)))
  // 新型农村合作医疗制度不断完善，已扩大到全国86%的县: a clause that opens with the extension extends the programme of the clause before
  const subject = extension < 0 ? '' : trim(phrase.slice(0, extension)) || withoutPredicate(subjectBefore(text, clause, clause))
  return subject === '' || namesNothing(subject) ? undefined : subject
}

const BENEFIT_VERBS = tables.contextWords.get('benefit-verb')!
const CAUSATIVES = tables.contextWords.get('causative')!
const BENEFITS = tables.contextWords.get('benefit-after')!
/**
 * 学生营养改善计划惠及3200万孩子, 农村饮水安全工程使6069万农民受益: the people or places a programme
 * reaches measure that programme, where the clause names it before the verb (惠及500多万在校生 alone
 * counts the students).
 */
function programmeBenefiting(text: string, candidate: Candidate, phrase: string): string | undefined {
  const words = withoutLeader(phrase)
  const benefits = () => BENEFITS.some((word) => text.slice(candidate.end).split(AFTER_CLAUSE)[0]!.includes(word))
  const verb = BENEFIT_VERBS.find((word) => words.endsWith(word)) ?? CAUSATIVES.find((word) => words.endsWith(word) && benefits())
  if (verb === undefined) return undefined
  const subject = trim(words.slice(0, -verb.length))
  return namesNothing(subject) ? undefined : subject
}

/**
 * 13亿中国人, 十几亿人口, 9亿劳动力: a count of the people of the country, in hundreds of millions, is a
 * fact in any part; its period stays the part's (the 十三五 part's 9亿多劳动力 is of 2016–2020).
 */
const POPULATION = tables.contextWords.get('population-noun')!
const NATION_SIZE = 1e8
const PEOPLE_UNITS = new Set(tables.impliedUnits.filter((entry) => POPULATION.includes(entry.noun)).map((entry) => entry.unit))
const REACHING_VERBS = [...BENEFIT_VERBS, ...COVERAGE_VERBS, ...CAUSATIVES]
export function countsPopulation(text: string, candidate: Candidate): boolean {
  // 13亿元人民币 counts money: only a bare figure or one of people counts the population
  if (candidate.value < NATION_SIZE || !(candidate.unit === '' || PEOPLE_UNITS.has(candidate.unit))) return false
  const counted = POPULATION.some((noun) => text.startsWith(noun, candidate.end) || text.startsWith(noun, candidate.end - noun.length))
  // 覆盖农村5亿人口, 使1亿人口受益: the people a programme reaches may be its target
  return counted && !REACHING_VERBS.some((verb) => text.slice(clauseStart(text, candidate.start), candidate.start).includes(verb))
}

/** 25个省（自治区、直辖市）、2133个县（市、区）初步建立了: what follows the places, past their asides and the places listed after them. */
function placesAfter(rest: string): string {
  let after = rest.replace(ASIDE_AT_START, '')
  for (let more = LISTED_PLACE.exec(after); more; more = LISTED_PLACE.exec(after)) after = after.slice(more[0].length).replace(ASIDE_AT_START, '')
  return after
}
const LISTED_PLACE = new RegExp(`^、[^,;:、。]{1,8}?${alternation(tables.contextWords.get('coverage-scope')!)}`, 'u')

/** 已初步建立, 全部免征了: the adverbs between the places and what they do. */
const PROGRAMME_ADVERBS = longestFirst([...tables.contextWords.get('programme-adverb')!])
function withoutAdverbs(rest: string): string {
  let after = rest
  for (let adverb = PROGRAMME_ADVERBS.find((word) => after.startsWith(word)); adverb; adverb = PROGRAMME_ADVERBS.find((word) => after.startsWith(word))) after = after.slice(adverb.length)
  return after
}

/** 在60%政府举办的基层医疗卫生机构实施: the places may follow a clause that describes them, up to its 的. */
function describedPlaces(text: string, candidate: Candidate): string {
  const rest = text.slice(candidate.end).split(AFTER_CLAUSE)[0]!
  const of = attributiveAt(rest)
  return of === undefined ? '' : rest.slice(of.end)
}

/** 农村人口, 中小学生: a phrase whose head noun implies a count. */
const PEOPLE_NOUNS = tables.impliedUnits.filter((entry) => tables.unitBySurface.get(entry.unit)?.kind === 'count').map((entry) => entry.noun)
const countsPeople = (phrase: string) => PEOPLE_NOUNS.some((noun) => phrase.endsWith(noun))

const JOINING_VERBS = longestFirst([...tables.contextWords.get('joining-verb')!])
/** 组织2100万城乡劳动者参加职业培训, 1509万农民享受了农村最低生活保障: a count of people measures what they take part in. */
function programmeJoined(text: string, candidate: Candidate, after: string): string | undefined {
  if (after === '') return undefined
  // the noun after the figure may run on into the verb (农民享受了……): the people end where it begins
  const from = text.indexOf(after, candidate.end)
  const clause = text.slice(from).split(AFTER_CLAUSE)[0]!
  const joined = JOINING_VERBS.map((word) => ({ word, at: clause.indexOf(word) })).find(({ at }) => at > 0 && at <= after.length && countsPeople(clause.slice(0, at)))
  if (joined === undefined) return undefined
  return objectOf(clause.slice(joined.at + joined.word.length))
}

/** What a verb takes, in the text right after it: past its aspect (开展了), to the end of its clause. */
function objectOf(done: string): string | undefined {
  const object = trim(done.slice(ASPECTS.find((word) => done.startsWith(word))?.length ?? 0).split(AFTER_CLAUSE)[0]!)
  return namesNothing(object) ? undefined : object
}

/** 我国有13亿人口: a unit that is a noun names what it counts when nothing else does. */
const NOUNS = new Set(tables.impliedUnits.map((entry) => entry.noun))
const nounUnit = (candidate: Candidate) => (candidate.unitEntry && NOUNS.has(candidate.unitEntry.surface) ? candidate.unitEntry.surface : '')

/** 广东、福建两省: a count right after a list of names (short words, 、 between them) counts them, so it is of what its unit names. */
const MAX_NAME = 3
function countedNames(candidate: Candidate, window: string): string | undefined {
  const unit = nounUnit(candidate)
  if (unit === '' || candidate.kind !== 'count') return undefined
  const [last = '', before = ''] = window.split('、').reverse()
  const named = (item: string) => item.length >= 2 && item.length <= MAX_NAME
  // the word before the first name may be a preposition (在广东、福建两省)
  return named(last) && named(before.slice(-MAX_NAME)) && !/\d/.test(window) ? unit : undefined
}

/** A noun of more than a classifier that ends the figure's own span (13亿人口) names what it counts. */
const LONG_NOUNS = [...NOUNS].filter((noun) => noun.length > 1)
const spanNoun = (text: string, candidate: Candidate) => LONG_NOUNS.find((noun) => text.startsWith(noun, candidate.end - noun.length)) ?? ''

/** 粮食连续四年增产，2007年产量达到5016亿公斤: a head noun alone (产量) is of the short subject before it. */
const OWNED_HEADS = tables.contextWords.get('owned-head')!
const OWNER_REACH = 6
function withOwner(indicator: string, previous: Previous | undefined): string {
  const owner = previous?.attributes.indicator ?? ''
  if (!OWNED_HEADS.includes(indicator) || owner === '' || owner.length > OWNER_REACH || owner.endsWith(indicator)) return indicator
  return owner + indicator
}

/**
 * 居民人均可支配收入增长6.1%，其中城镇居民增长4.8%: a part of the group before (城镇居民) is measured as that group was,
 * by a figure of the same unit (not 新增就业职工20万人 after 职工平均工资增长8%).
 */
const MEASURED_GROUPS = tables.contextWords.get('measured-group')!
function withGroupMeasure(indicator: string, candidate: Candidate, previous: Previous | undefined): string {
  const owner = previous?.candidate.unit === candidate.unit ? previous.attributes.indicator : ''
  const group = MEASURED_GROUPS.find((word) => indicator.endsWith(word) && indicator !== word && owner.includes(word))
  return group ? indicator + owner.slice(owner.indexOf(group) + group.length) : indicator
}

/** The subject a share borrows: the previous number's, else the clause before. */
function shareSubject(text: string, clause: number, previous: Previous | undefined): string {
  const subject = previous ? previous.attributes.indicator : subjectBefore(text, clause, clause)
  return lacksShareSubject(subject) ? '' : subject
}

/** The second of a from–to pair: 从7.4万亿元增加到2002年的10.2万亿元, 由50%提高至100%, 降至13%, 压缩到目前的平均4个工作日. */
const LEVEL_REACHED = new RegExp(`^${CHANGE_VERB}(?:${TO_WORD}|${group('ratio-verb')})(?:(?:${YEAR}|${alternation([...TIME_WORDS, ...tables.contextWords.get('now-word')!])})${YEAR_PART}${OF})?${group('average-word')}?$`, 'u')

const MERGED = new RegExp(`^${MERGE}$`, 'u')
/**
 * Whether the words between two figures make the second the end of a from–to pair, or of a merge (三档并两档), past the
 * first one's bound (从一个月以上压缩到); 增加到 2010年的: PDF spaces say nothing.
 */
function closesPair(window: string): boolean {
  const gap = withoutMarker(window)
  return LEVEL_REACHED.test(gap.replace(/\s+/gu, '')) || MERGED.test(gap.trim())
}

/** 由一九七八年的, 由去年的 (or 从; 从人均, 由每人每年 with the words that say per whom and when) right before a number opens a from–to pair ... */
const FROM_MARK = new RegExp(`${FROM_WORD}(?:(?:${YEAR}|${alternation(TIME_WORDS)})${YEAR_PART}${OF}?)?(?:${alternation([...PER_WORDS, ...tables.contextWords.get('per-head')!, ...TIME_WORDS])})*$`, 'u')
/** ... when a change verb and 到 or 至 follow it: 由355亿元增加到772亿元. */
const LEVEL_AFTER = new RegExp(`^${CHANGE_VERB}${TO_WORD}`, 'u')
/** 从380元提高至1000元: a 到 or 至 later in the clause ends the change that 从 opened. */
const REACHES_END = new RegExp(`^[^,;]*${TO_WORD}`, 'u')

/**
 * The first number of a from–to pair measures what stands before 由 or 从: 进出口贸易总额，由
 * 一九七八年的三百五十五亿元增加到…, or the clause before when its own has nothing.
 */
function fromPairSubject(text: string, clause: number, from: number, candidate: Candidate): string | undefined {
  const head = text.slice(from, candidate.start)
  const mark = FROM_MARK.exec(head)
  if (!mark || !LEVEL_AFTER.test(text.slice(candidate.end, candidate.end + 8))) return undefined
  // 用两年时间将筹资标准由每人每年50元提高到100元: what 将 takes is the subject
  const subject = disposedObject(trim(text.slice(from, from + mark.index)))
  // 世界排名由第十位上升到第五位: a ranking and its scope alone leave the subject to the figure before
  if (candidate.form === 'rank') return withoutScope(withoutRankVerb(subject)) || undefined
  // 起征点从3万元提高到15万元、小微企业所得税实际最低税负率从10%降至2.5%: after a figure of the clause, the subject starts there
  if (from > clause) return namesNothing(subject) ? undefined : subject
  return subjectBefore(text, clause, clause + mark.index) || undefined
}

const withoutRankVerb = (phrase: string) => phrase.slice(0, phrase.length - (tables.rankVerbs.find((verb) => phrase.endsWith(verb))?.length ?? 0))

/** 国家财政收入的60%以上来自国有企业: a share right after a noun and its 的 is a share of that noun, not of what follows. */
function shareOfNounBefore(candidate: Candidate, phrase: string): boolean {
  if (candidate.kind !== 'percent' && candidate.form !== 'fraction') return false
  const attributive = ATTRIBUTIVES.find((word) => phrase.endsWith(word))
  if (attributive === undefined) return false
  const words = phrase.slice(0, -attributive.length)
  return words !== '' && ![...ASPECTS, ...LEAD_WORDS, ...VERBS].some((word) => words.endsWith(word)) && !ENDS_IN_CHANGE_VERB.test(words)
}
const ENDS_IN_CHANGE_VERB = new RegExp(`(?:${CHANGE_VERB})$`, 'u')

/** 使上亿群众, 惠及近千万家庭: a phrase less the marker at its end that belongs to the number after it. */
function withoutLeader(phrase: string): string {
  const marker = tables.magnitudeLeaders.find((word) => phrase.endsWith(word))
  return marker ? phrase.slice(0, -marker.length) : phrase
}

/** A phrase that ends in a verb or a relative clause leaves the measured noun for after the number: 治理1411条背街小巷, 交办的32件信访事项. */
function endsInVerb(phrase: string): boolean {
  const words = withoutLeader(phrase)
  // 按财政性教育经费支出占国内生产总值的4%: the 的 closes a share, which names the measure itself
  if (ATTRIBUTIVES.some((word) => words.endsWith(word)) && SHARE_OF.some((word) => words.includes(word))) return false
  return [...ATTRIBUTIVES, ...ASPECTS].some((word) => words.endsWith(word)) || LEAD_WORDS.some((word) => words.endsWith(word)) || VERBS.some((verb) => words.endsWith(verb))
}

const RESPECTIVELY = tables.contextWords.get('respectively')!
const MEASURING = [...CHANGE_WORDS, ...tables.levelWords]
/** Where 分别 first stands in `text`, and which word of its group it is. */
function respectively(text: string): { at: number; word: string } | undefined {
  const boundaries = wordBoundaries(text)
  for (const word of RESPECTIVELY) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      // a word of its own: the 均 of 人均, 年均 or 平均 says nothing of a list
      if (boundaries.has(at) && boundaries.has(at + word.length) && !splitsWord(text, at) && !insideTimeWord(text, at, word)) return { at, word }
    }
  }
  return undefined
}
const insideTimeWord = (text: string, at: number, word: string) =>
  TIME_WORDS.some((time) => time.includes(word) && time !== word && text.startsWith(time, at - time.indexOf(word)))

/**
 * The subjects of a 分别 list: 高技术制造业、装备制造业增加值分别增长8.9%、7.7%; where the words before
 * 分别 name nothing (比上年分别下降), the list of the clause before: 化学需氧量、二氧化硫排放总量……，比上年分别下降3.14%和4.66%.
 */
function listSubjects(window: string, previousClause: () => string): string[] | undefined {
  const mark = respectively(window)
  if (!mark) return undefined
  const { at } = mark
  const own = trim(window.slice(0, at))
  // the clause before lends its list only to figures that measure it: 分别下降, 分别实际增长, 分别比上年增长 (not 分别采取……三种办法)
  const rest = window.slice(at + mark.word.length)
  const measured = MEASURING.some((word) => rest.includes(word))
  return listItems((namesNothing(own) || opensComparison(own)) && measured ? withoutPredicate(previousClause()) : window.slice(0, at))
}

const SUBJECT_JOINERS = new RegExp(group('subject-joiner'), 'u')
const PER_UNIT = longestFirst([...tables.contextWords.get('per-unit')!])

/** 城乡居民人均可支配收入分别增长: one subject made of a paired word (城乡 for 城镇 and 农村) is a list of its two parts. */
function pairedItems(subject: string): string[] | undefined {
  const pair = tables.pairedWords.find((entry) => subject.startsWith(entry.compound))
  return pair && [pair.first, pair.second].map((part) => part + subject.slice(pair.compound.length))
}

/** The paired word as the report writes it (城乡居民人均可支配收入) for a subject one of its parts was built into, if it was. */
function writtenPair(subject: string, text: string): string | undefined {
  const pair = tables.pairedWords.find((entry) => subject.startsWith(entry.first) || subject.startsWith(entry.second))
  if (!pair || text.includes(subject)) return undefined
  const written = pair.compound + subject.slice((subject.startsWith(pair.first) ? pair.first : pair.second).length)
  return text.includes(written) ? written : undefined
}

/** The items of a list of subjects, each with the head noun they share; undefined for one subject. */
function listItems(subjects: string): string[] | undefined {
  // 和 joins names too (信息传输软件和信息技术服务业): it separates subjects only where 、 does not
  const items = subjects.split(subjects.includes('、') ? '、' : SUBJECT_JOINERS).map((item) => trim(item)).filter(Boolean)
  if (items.length === 1) return pairedItems(items[0]!)
  if (items.length < 2) return undefined
  // 单位国内生产总值能耗和二氧化碳排放: a per-unit measure before the first item is the measure of them all
  const modifier = PER_UNIT.find((word) => items[0]!.startsWith(word))
  return items.map((item) => withSharedHead(modifier && !item.startsWith(modifier) ? modifier + item : item, items.at(-1)!))
}

const PREDICATE_STARTS = [...NOUN_CUTS, ...tables.contextWords.get('predicate-start')!]

/** A clause less what it says of its subject and its figures: 二氧化硫排放总量近年来首次出现双下降 gives 二氧化硫排放总量. */
function withoutPredicate(clause: string): string {
  const boundaries = wordBoundaries(clause)
  const cuts = PREDICATE_STARTS.map((word) => clause.indexOf(word)).filter((at) => at > 0 && boundaries.has(at) && !splitsWord(clause, at))
  // 城镇和农村人均住房面积32.9平方米、37.1平方米: the subject ends where its figures begin
  const figure = clause.search(/\d/)
  if (figure > 0) cuts.push(figure)
  return cuts.length === 0 ? clause : clause.slice(0, Math.min(...cuts))
}

const LIST_CLOSERS = tables.contextWords.get('list-closer')!

/** Where the last item of a 、 list begins; a 、 inside brackets (县（市、区）) separates nothing. */
function lastItemStart(window: string): number {
  const mark = window.lastIndexOf('、')
  // 用于科技、教育、文化等方面的支出: a list closed by 等 inside a longer phrase is part of it
  if (mark >= 0 && LIST_CLOSERS.some((word) => { const at = window.indexOf(word, mark); return at > mark && at + word.length < window.length })) return 0
  const open = window.lastIndexOf('(', mark)
  const inside = open >= 0 && window.indexOf(')', open) > mark
  return (inside ? window.lastIndexOf('、', open) : mark) + 1
}

const TRAILING_ASIDE = /\([^()]*\)$/
const wordsOf = (text: string) => [...segmentWords(text)].map((part) => part.segment)

/**
 * Earlier items of a list borrow the head noun of the last one: 城镇居民和农村居民人均可支配收入
 * gives 城镇居民人均可支配收入; 食品、药品抽检合格率 gives 食品抽检合格率; 入园率和普惠率 stay as they are.
 */
function withSharedHead(item: string, last: string): string {
  if (item === last) return item
  // 水泥和化肥(折纯): an aside after the last item is its own, not the shared head
  const lastWords = wordsOf(last.replace(TRAILING_ASIDE, ''))
  const itemWords = wordsOf(item)
  if (lastWords.length < 2 || item.endsWith(lastWords.at(-1)!)) return item
  const shared = lastWords.lastIndexOf(itemWords.at(-1)!)
  if (shared >= 0 && shared < lastWords.length - 1) return item + lastWords.slice(shared + 1).join('')
  // 氮|氧化物|排放: a first word of one character is a piece of the last item's own name, not the whole of it
  const head = lastWords.length > 2 && lastWords[0]!.length === 1 ? lastWords.slice(2) : lastWords.slice(1)
  return itemWords.length === 1 ? item + head.join('') : item
}

/** 压减时间58%: the change verb has its object between it and the number; 转移支付增加约1.5万亿元 has none. */
function tookObject(phrase: string): boolean {
  const verb = lastMatch(phrase, tables.change, (entry) => entry.word)
  const object = verb ? phrase.slice(verb.at + verb.entry.word.length) : phrase
  return trim(object) !== '' && !CHANGE_GAP.test(object)
}

/** 在西部省份中位居第一: where a ranking holds. */
const WITHIN = tables.contextWords.get('within')!

interface Previous {
  candidate: Candidate
  attributes: Attributes
  approxBefore: boolean
  /** Its change verb stood before what it changed (压减时间58%), so the next item of the list shares it. */
  changeTookObject: boolean
  clause: number
  /** Where its words end: past the 内 of 两年内, whose words after it are what is done within them. */
  end: number
  listIndex: number
  /** The subjects of the 分别 list this number belongs to, which a later list without subjects reuses. */
  subjects: string[] | undefined
}

export function describe(candidates: Candidate[], sentence: SentenceContext): Attributes[] {
  const { text } = sentence
  const context: Sentence = {
    ...sentence,
    wordStarts: sentence.words.map((word) => word.start),
    clauses: clauseStarts(text),
    openingCue: openingCue(sentence.words, text),
  }
  const described: Attributes[] = []
  let previous: Previous | undefined
  /** How many figures the list that opens at `index` holds: 32.9平方米、37.1平方米 holds two. */
  const listLength = (index: number): number => {
    let length = 1
    while (index + length < candidates.length && LIST_JOINERS.includes(withoutMarker(text.slice(candidates[index + length - 1]!.end, candidates[index + length]!.start)))) length++
    return length
  }
  /** 接待游客4120万人次、实现旅游总收入468亿元，分别增长36.2%和41.5%: a 分别 list without subjects pairs with the numbers before it. */
  const earlierSubjects = (index: number): string[] | undefined => {
    const length = listLength(index)
    if (length < 2 || described.length < length) return undefined
    const earlier = described.slice(-length).map((attributes) => attributes.indicator)
    // 城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%: 分别 unsaid, as many different subjects
    const distinct = new Set(earlier).size === length && !earlier.includes('')
    return respectively(text.slice(previous?.candidate.end ?? 0, candidates[index]!.start)) || distinct ? earlier : undefined
  }
  /** 城镇和农村人均住房面积32.9平方米、37.1平方米: as many figures in a row as subjects before them pair one to one, 分别 unsaid. */
  const unsaidRespectively = (index: number, phrase: string): string[] | undefined => {
    const length = listLength(index)
    const items = length > 1 ? listItems(phrase) : undefined
    return items?.length === length ? items : undefined
  }
  /** 化学需氧量、氨氮排放量要分别下降2%: one figure for all the subjects before its 分别 measures them all. */
  const oneForAll = (index: number, subjects: string[], window: string): string | undefined => {
    const mark = subjects.length > 1 && listLength(index) === 1 ? respectively(window) : undefined
    const phrase = mark ? trim(window.slice(0, mark.at)) : ''
    return namesNothing(phrase) ? undefined : phrase
  }
  for (const [index, candidate] of candidates.entries()) {
    const clause = context.clauses[lastAtOrBefore(context.clauses, candidate.start)]!
    const sameClause = previous !== undefined && previous.clause === clause
    // 三年内参保率……达到90%: what follows the years within which it is done starts past their 内
    const end = withinTimeEnd(candidate, text) ?? candidate.end
    const from = sameClause ? previous!.end : clause
    const window = text.slice(from, candidate.start)
    const joined = sameClause && LIST_JOINERS.some((joiner) => withoutMarker(window).startsWith(joiner))
    const listIndex = joined ? previous!.listIndex + 1 : 0
    // 进出口总额居世界第三位: what is ranked stands before 居 and its scope (世界, 全国)
    const rankVerb = candidate.form === 'rank' ? (lastMatch(window, tables.rankVerbs, (verb) => verb)?.at ?? -1) : -1
    // 稳居自然指数-科研城市全球榜首: with the verb first, what follows it names the ranking, less its scope (全国, 全球)
    const ranking = rankVerb === 0 ? withoutScope(trim(window.slice(lastMatch(window, tables.rankVerbs, (verb) => verb)!.entry.length))) : ''
    const beforeVerb = window.slice(lastItemStart(window), rankVerb >= 0 ? rankVerb : undefined)
    // 在西部省份中位居第一: a phrase ending in 中 is where the ranking holds, not what is ranked
    const phrase = ranking || (rankVerb >= 0 && WITHIN.some((word) => beforeVerb.endsWith(word)) ? '' : beforeVerb)
    // 从世界第六位上升到第四位: a rank's scope alone names nothing
    const trimmed = candidate.form === 'rank' ? trim(withoutScope(trim(withoutStart(phrase)))) : changedObject(disposedObject(trim(phrase)))
    // 高于全国0.4个百分点, 增加到2002年的10.2万亿元: the subject is the previous number's
    const sameSubject = COMPARISONS.some((word) => trimmed.includes(word)) || multipleOfBase(candidate, window) || opensComparison(trimmed) || AGAINST_YEAR_BEFORE.test(window.trim()) || againstEarlier(window) || (sameClause && closesPair(window))
    const before = LIST_CLOSERS.some((word) => window.endsWith(word)) || sameSubject || namesNothing(trimmed) ? '' : trimmed
    // 七成以上的税收, 三分之一以上的新增财力: a share names what it is a share of after 的
    const of = attributiveAt(text, candidate.end)
    const ofAt = of?.end ?? 0
    const shareOf = (candidate.kind === 'percent' || candidate.form === 'fraction') && SHARE_AFTER.test(text.slice(candidate.end, candidate.end + 3)) && !RATE_FRAMES.some((word) => text.startsWith(word, ofAt))
    // what follows a number ends where the next number begins
    const untilNext = text.slice(0, candidates[index + 1]?.start ?? text.length)
    const noun = shareOf ? nounAfter(untilNext, ofAt, true) : nounAfter(untilNext, end, candidate.kind === 'count' && candidate.unit !== '')
    // 还有两年多时间: the time after a length of time is that length, and names nothing it measures
    const after = candidate.kind === 'duration' && ACT_TIME.includes(noun) ? '' : noun
    // 设21个自由贸易试验区: what a classifier counts follows it
    // 又有2897万农村人口: a bare number with a multiplier counts the people noun right after it as a classifier would
    const counted = after !== '' && ((candidate.kind === 'count' && candidate.unit !== '') || (candidate.unit === '' && candidate.multiplied && countsPeople(after) && text.startsWith(after, candidate.end)))
    const verbFirst = endsInVerb(phrase) && !shareOfNounBefore(candidate, phrase)
    // 带动社会资金形成3.28万亿元的投资规模: after a verb, a figure and its 的 describe the noun that follows
    // (not after 为 or 达, which give the measure before them its value: 总投资为164亿元的……体系; not 11亿人口;
    // not 保持在2%的水平, whose 水平 frames the figure)
    const describes = verbFirst && of?.at === candidate.end && spanNoun(text, candidate) === '' && !LINKING_VERBS.some((verb) => phrase.trimEnd().endsWith(verb)) && !RATE_FRAMES.some((word) => text.startsWith(word, of.end))
    const object = after || (describes ? nounAfter(untilNext, of.end) : '')
    // 释放十几亿人口蕴藏的……潜力, 覆盖农村5亿人口: a figure whose span holds its noun counts that noun (the guideline's 十亿人口)
    // 中央财政安排423亿元资金: funds alone after the figure leave the payer before it to name them
    const bareFunds = FUNDS.includes(object) && text.startsWith(object, candidate.end) && before !== ''
    const simple = spanNoun(text, candidate) || (programmeReached(text, candidate, after, phrase, clause) ?? programmeBenefiting(untilNext, candidate, phrase.trimEnd()) ?? programmeJoined(untilNext, candidate, after) ?? (object && !bareFunds && (before === '' || counted || shareOf || verbFirst) ? object : before))
    // 分别达到2253元和6280元，实际增长4.7%和5.7%: the second list pairs with the same subjects
    // the items of a list share its subjects, worked out once when it opens (long lists stay linear)
    let subjects: string[] | undefined
    if (joined) subjects = previous?.subjects
    // a list of the clause before is borrowed only where no figure before has subjects to pair with
    else subjects = listSubjects(window, () => (previous?.subjects ? '' : (perAmountLead(text, clause, previous) ?? clausesBefore(text, clause).at(-1) ?? ''))) ?? (simple === '' ? (previous?.subjects ?? earlierSubjects(index)) : simple === before ? unsaidRespectively(index, before) : undefined)
    const own = subjects ? ((joined ? undefined : oneForAll(index, subjects, window)) ?? subjects[Math.min(listIndex, subjects.length - 1)]!) : (problemOf(untilNext, candidate) ?? countedNames(candidate, window) ?? fromPairSubject(text, clause, from, candidate) ?? lastedWhat(untilNext, candidate, previous ? previous.attributes.indicator : before) ?? fundedPurpose(text, candidate, phrase.trimEnd(), clause) ?? simple)
    // 预计完成1200亿元，比上年增长8%: a number without a subject of its own continues the previous one, status too;
    // not the end of a from–to pair, whose start is what was
    const continued = own === '' && previous !== undefined && !closesPair(window)
    // 长达4000公里的西气东输管道, 新增8000万吨标准煤的节能能力: with no subject of its own, a measure before 的 is of what follows it
    // (not an item of a list, which shares the subject before; not 13亿人口, whose unit names it; not a duration, see lastedWhat)
    // (7%左右的速度: past the figure's marker)
    const attributive = own === '' && !joined && of?.at === candidate.end + (afterMarker(text, candidate.end)?.marker.length ?? 0) && nounUnit(candidate) === '' && candidate.kind !== 'duration'
    const ofWhat = attributive ? nounAfter(untilNext, of.end) : ''
    // 这样一个有13亿人口的国家: a unit that is a noun of its own (人口, not the classifier 人) names what the figure counts
    // 没有实现降低4%左右的目标: where nothing else names it, the figure is of the target that follows it
    const found = own || ofWhat || spanNoun(text, candidate) || (previous ? previous.attributes.indicator : subjectBefore(text, clause, candidate.start)) || nounUnit(candidate) || (quotedTarget(text, candidate.end) ?? '')
    const measured = lacksShareSubject(found) ? shareSubject(text, clause, previous) + found : withGroupMeasure(withOwner(found, previous), candidate, previous)
    // only a subject of a list can be a part built from a paired word (not 其中农村居民 after 城乡居民……)
    const written = subjects ? writtenPair(measured, text) : undefined
    const indicator = written ?? measured
    const attributes: Attributes = {
      approx: approxOf(candidate, text, previous, joined, end),
      change: changeOf(candidate, window, text.slice(candidate.end, candidate.end + RATE_REACH), previous, joined),
      status: forecastOf(indicator, statusOf(candidate, context, clause, continued && previous ? previous.attributes.status : undefined)),
      indicator,
      ...(written ? { measured } : {}),
    }
    const approxBefore = BEFORE_APPROX.some((entry) => textBefore(text, candidate.start).endsWith(entry.marker))
    const changeTookObject = attributes.change !== 'none' && (joined ? !!previous?.changeTookObject : tookObject(phrase))
    previous = { candidate, attributes, approxBefore: approxBefore || (joined && !!previous?.approxBefore), changeTookObject, clause, end, listIndex, subjects }
    described.push(attributes)
  }
  return described
}
