// extract: walk the tree's paragraphs and sentences, find spans, set aside
// the ones that are not quantities, and describe the rest.
import type { Paragraph, Root, Sentence } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { tables, type Approx, type Status } from '../resources/tables.ts'
import { countsPopulation, describe, isQuotedTarget, nounAfter, targetListStart, type WordSpan } from '../rules/attributes.ts'
import { bareBound, joinFramedRanges } from '../rules/bounds.ts'
import { candidatesOf } from '../rules/candidates.ts'
import { exclusionOf, VALUELESS_RULES, withinTimeEnd, withinYearsEnd, type ExclusionRule } from '../rules/exclusions.ts'
import { impliedUnit } from '../rules/implied-unit.ts'
import { roundFloat } from '../rules/numerals.ts'
import type { Candidate } from '../rules/scan.ts'
import { indicatorCode } from '../rules/indicator-code.ts'
import { clauseEnd, clauseStart } from '../rules/clause.ts'
import { periodOf, recentSpan, reportYear, timeCues, type Period, type Span, type TimeCue } from '../rules/period.ts'
import { documentStart, enterSection, headingYear, isPart, turnAfterTarget, turnToPlan, turnToSpan, type Section } from '../rules/sections.ts'
import { alternation } from '../rules/patterns.ts'
import { findTerms } from '../rules/terms.ts'
import type { ExclusionRecord, Extraction, Mention, SectionRecord, SentenceRecord, TermRecord } from '../types.ts'
import { clip } from '../text.ts'
import type { Note } from './errors.ts'
import type { Normalized } from './normalize.ts'

/** Titles of sections are cut to a heading's length. */
const MAX_TITLE = 40

const offsetOf = (node: { position?: { start: { offset?: number } } }) => node.position!.start.offset!
const endOf = (node: { position?: { end: { offset?: number } } }) => node.position!.end.offset!

const ATTRIBUTIVES = tables.contextWords.get('attributive')!
const ATTRIBUTIVE = alternation(ATTRIBUTIVES)
const BOUND_AFTER = alternation(tables.contextWords.get('bound-after')!)
/** 从一个月以上压缩到4个工作日: a bound before a change verb is a level that changes, it names no group. */
const NOT_CHANGE = `(?!${alternation(tables.change.filter((entry) => entry.change !== 'none' && !entry.noun).map((entry) => entry.word))})`
/** 60岁以上人口已达2.5亿: a bound before a noun that the clause then measures names the group, it is not measured itself. */
const BOUND_BEFORE_NOUN = new RegExp(`^${BOUND_AFTER}${NOT_CHANGE}${ATTRIBUTIVE}?\\p{Script=Han}[^,;:、。]*$`, 'u')
/** 生产总值超过500亿元的县达到11个: a bound set before the number, then 的 and the group it names. */
const MARKED_BOUND_BEFORE_NOUN = new RegExp(`^${ATTRIBUTIVE}\\p{Script=Han}[^,;:、。]*$`, 'u')
const BOUND_MARKERS = tables.contextWords.get('bound-before')!

/** 为3岁以下婴幼儿, 淘汰30万千瓦以下煤电机组: a measure's bound right before a noun names a group even when no figure follows. */
const MEASURE_BOUND_BEFORE_NOUN = new RegExp(`^${BOUND_AFTER}${NOT_CHANGE}\\p{Script=Han}`, 'u')
/** What a bound before a noun counts or measures instead (新建5个以上医疗集团, 投放50%以上号源). */
const COUNTING_KINDS: ReadonlySet<string> = new Set(['count', 'percent', 'rank', 'other'])

function isGroupBound(text: string, candidate: Candidate, next: Candidate | undefined): boolean {
  if (!COUNTING_KINDS.has(candidate.kind) && MEASURE_BOUND_BEFORE_NOUN.test(text.slice(candidate.end))) return true
  if (!next) return false
  const between = text.slice(candidate.end, next.start).replace(/\([^)]*\)/g, '') // 县（市、区）
  const marked = BOUND_MARKERS.some((marker) => text.startsWith(marker, candidate.start - marker.length))
  return BOUND_BEFORE_NOUN.test(between) || (marked && MARKED_BOUND_BEFORE_NOUN.test(between))
}

/** A number set aside, with its rule and, unless the rule says it has none, its value and bound. */
interface SetAside {
  start: number
  end: number
  rule: ExclusionRule
  value?: number
  valueMax?: number
  approx?: Approx
}

interface Sorted {
  kept: Candidate[]
  excluded: SetAside[]
}

/** A comma right after a year sets it off as the frame of what follows (2017年，). */
const FRAME_BREAK = /^\s*,/

/** 届时, 到那时: a sentence so opened is dated by the year ahead that the one before named. */
const THEN = tables.contextWords.get('then-word')!

/** The span of the cue a sentence opens with (过去五年，), if it opens with one. */
const openingSpan = (cues: readonly TimeCue[], text: string) => cues.find((cue) => cue.span && !cue.ahead && text.slice(0, cue.at).trim() === '')?.span

/** A sentence that ends in a full stop, not in the ； of a clause. */
const FULL_STOP = /[。!?！？]\s*[”’」』）)》"'】]*\s*$/u

/**
 * 是1950年到1997年投入总和的1.7倍 under 过去五年 (1998–2002): years before the part's are a reference, not a frame for what
 * follows; in a plan part, so are years before the one just past (象“一五”时期……那样 in the plan of 1983).
 */
const beforePart = (cue: TimeCue, section: Section, year: number | undefined) => {
  const first = section.periods.actual?.start ?? (section.status === 'target' && year !== undefined ? year - 1 : undefined)
  return first !== undefined && cue.span!.end < first
}

/** 截至今年2月底，全国已撤并公司7万多个。在清理整顿公司中……: in a review, the report's own year dates its sentence only; the results after it are the year's before. */
const reviewNamesOwnYear = (cue: TimeCue, section: Section, year: number | undefined) => section.status === 'actual' && cue.span!.start === year && cue.span!.end === year

/** 2012年财政性教育经费支出……达到4%。保证中小学生每天一小时: a year ahead named in one sentence is that sentence's deadline, not the next one's. */
const namesLaterYear = (cue: TimeCue, year: number | undefined) => cue.calendar === true && year !== undefined && cue.span!.start > year

const PLAN_OUTLINES = tables.contextWords.get('plan-outline')!
/** 《纲要草案》从6个维度设置了29项主要指标 in a part turned to a plan of years ahead: the sentence describes that plan. */
function outlineOf(text: string, section: Section, year: number | undefined): Span | undefined {
  const { target } = section.periods
  if (section.status !== 'target' || !target || year === undefined || target.end === target.start || target.start < year) return undefined
  return PLAN_OUTLINES.some((word) => text.includes(word)) ? target : undefined
}

const DEADLINE_BEFORE = tables.contextWords.get('deadline-before')!
/** 东中部地区要分别于今明两年完成: a time that work is to be done by is that work's deadline, not a frame for the sentences after. */
const isDeadline = (cue: TimeCue, text: string, year: number | undefined) => year !== undefined && cue.span!.end > year && DEADLINE_BEFORE.some((word) => text.slice(0, cue.at).endsWith(word))

/**
 * 赤字率从去年的2.1%提高到2.3%, 补贴资金从2007年的639亿元增加到2012年的1923亿元: the years of a change's ends are
 * the years of its figures, and frame nothing after them (从去年7月1日起 does).
 */
const datesChangeEnd = (cue: TimeCue, text: string) => (cue.from === true || cue.until === true) && ATTRIBUTIVES.some((word) => text.startsWith(word, cue.end))

/**
 * 居民消费结构加快升级。2012年底，城镇和农村人均住房面积……；城镇居民每百户拥有家用汽车21.5辆……。我国制造业规模跃居全球首位
 * under 过去五年: a year named inside a review of several years dates its own sentence, clauses after a ； too; only one
 * named in the paragraph's first sentence frames the sentences after it, and so does a date things stood at
 * (到一九八二年底已经基本还清。在广东、福建两省……试办的经济特区).
 */
const yearInsideSpan = (cue: TimeCue, section: Section) => cue.calendar === true && cue.until !== true && section.periods.actual !== undefined && section.periods.actual.end > section.periods.actual.start

/** Whether the sentence names the report's own year (今年, 1992年). */
const namesYear = (cues: readonly TimeCue[], year: number | undefined) => cues.some((cue) => cue.span?.start === year && cue.span?.end === year)

/** Whether the sentence's first figure is a target for the report's year or later. */
const opensTargets = (sentenceMentions: readonly Mention[], year: number | undefined) => {
  const first = sentenceMentions[0]
  return first?.status === 'target' && year !== undefined && first.period_start !== undefined && first.period_start >= year
}

/** The periods the sentence's targets are set for. */
const targetsOf = (sentenceMentions: readonly Mention[]): Span[] =>
  sentenceMentions.filter((mention) => mention.status === 'target' && mention.period_start !== undefined).map((mention) => ({ start: mention.period_start!, end: mention.period_end! }))

/** Splits what the scanner found into quantities and numbers set aside, each with its rule. */
function sortCandidates(text: string): Sorted & { names: Uint8Array } {
  const { candidates, skipped, names } = candidatesOf(text)
  const excluded: Sorted['excluded'] = [...skipped]
  const survivors = joinFramedRanges(text, candidates).filter((candidate) => {
    const rule = exclusionOf(candidate, text, names)
    if (rule) excluded.push({ start: candidate.start, end: candidate.end, rule, ...(VALUELESS_RULES.has(rule) ? {} : { value: candidate.value, valueMax: candidate.valueMax }), ...bareBound(rule, text, candidate) })
    return rule === undefined
  })
  const kept = survivors.filter((candidate, index) => {
    const bound = isGroupBound(text, candidate, survivors[index + 1])
    if (bound) excluded.push({ start: candidate.start, end: candidate.end, rule: 'group-bound', value: candidate.value })
    return !bound
  })
  return { kept, excluded: excluded.sort((a, b) => a.start - b.start), names }
}

const INDICATOR_SEARCH = 200

/**
 * The indicator as the report writes it (full-width brackets, digits): rules work on folded
 * text, one unit for one, so a phrase found in the folded sentence has the same place in the raw one.
 * The nearest occurrence before the number is taken; a phrase put together (城镇居民人均可支配收入) stays as built.
 */
function asWritten(indicator: string, folded: string, raw: string, near: number): string {
  if (indicator === '') return indicator
  // look only near the number, so a phrase that is not in the text costs little
  const from = Math.max(0, near - INDICATOR_SEARCH)
  const around = folded.slice(from, near + INDICATOR_SEARCH)
  const before = around.lastIndexOf(indicator, near - from)
  const at = before >= 0 ? before : around.indexOf(indicator, near - from)
  return at >= 0 ? raw.slice(from + at, from + at + indicator.length) : indicator
}

/** A section's title: its heading line, or the paragraph's first clause. */
function titleOf(text: string): string {
  const title = text.trim().split(/[。；;，,：:]/)[0]!
  return clip(title, 0, MAX_TITLE)
}

function wordsOf(sentence: Sentence, start: number): WordSpan[] {
  return sentence.children
    .filter((node) => node.type === 'WordNode')
    .map((node) => ({ start: offsetOf(node) - start, end: endOf(node) - start, text: toString(node) }))
}

/** What extraction needs to know of the document beyond its text. */
export interface DocumentFacts {
  docId: string
  /** The report's year from the catalog; read from the text when not given. */
  year?: number
  /** A national report: 全国 is its own region. */
  national: boolean
}

export interface Extracted extends Extraction {
  /** The year the periods were worked out from, and any note on where it came from. */
  year: number | undefined
  notes: Note[]
}

/** The report's year: the catalog's, noted where the text says another; else the text's; else none, noted. */
function yearOf(facts: DocumentFacts, folded: string, notes: Note[]): number | undefined {
  const written = reportYear(folded) ?? headingYear(folded)
  if (facts.year !== undefined) {
    if (written !== undefined && written !== facts.year) notes.push({ ruleId: 'YEAR_MISMATCH', reason: `the catalog gives ${facts.year}, the text says ${written}; periods use ${facts.year}` })
    return facts.year
  }
  if (written === undefined) notes.push({ ruleId: 'YEAR_UNKNOWN', reason: 'the report does not say its year (title, dateline or targets): periods are left empty; pass --year' })
  return written
}

/** A sentence dated only before the report's year (一九八二年, 去年) tells results, even in a plan part (but see targetSetAt). */
function aboutThePast(cues: TimeCue[], year: number | undefined): boolean {
  const dated = datedSpans(cues)
  return year !== undefined && dated.length > 0 && dated.every((span) => span.end < year)
}

/** The years a sentence's cues name; a count of years (五年内) looks back or ahead as its figure does, so it dates no sentence. */
const datedSpans = (cues: readonly TimeCue[]) => cues.filter((cue) => cue.span && !cue.ahead).map((cue) => cue.span!)

/** How far after the time it names the words that set a target may stand (去年政府工作报告提出). */
const SET_REACH = 8
/** 提出, 确定 as a verb of their own: not 不确定, nor 提出的 (what was proposed). */
const SET_VERB = `(?<!不)${alternation(tables.contextWords.get('target-set-verb')!)}(?!${ATTRIBUTIVE})`
const SET_AFTER_TIME = new RegExp(`^[^,;:。]{0,${SET_REACH}}?${SET_VERB}[,:]?`, 'u')

/**
 * 前年提出, 2004年我们提出, 去年政府工作报告提出: where the words that set a target in a year now past end, or -1;
 * what follows in their clause is that target, which the review quotes (not 去年提出的20条措施, a thing named by them).
 */
function targetSetAt(cues: readonly TimeCue[], text: string, year: number | undefined): number {
  for (const cue of cues) {
    const set = year !== undefined && cue.span !== undefined && cue.span.end < year ? SET_AFTER_TIME.exec(text.slice(cue.end)) : null
    if (set) return cue.end + set[0].length
  }
  return -1
}

/** A figure in the clause right after the words that set a past target is that target. */
const inSetTarget = (text: string, setAt: number, at: number) => setAt >= 0 && setAt <= at && clauseEnd(text, setAt) >= at

/** The status a sentence's figures start from: its list's or section's, but a result in a plan part where it only looks back. */
function sentenceStatus(status: Status, cues: TimeCue[], setAt: number, year: number | undefined): Status {
  return status === 'target' && aboutThePast(cues, year) && setAt < 0 ? 'actual' : status
}

const DAYS_IN_YEAR = 365

/** 三个月内把新部委组建起来, 要求在半年内完成 in a plan of five years: a target due in less than a year is of the report's year. */
function dueThisYear(candidate: Candidate, text: string, status: Status, year: number | undefined, period: Period | undefined): Period | undefined {
  const unit = candidate.unitEntry
  if (status !== 'target' || year === undefined || !period || period.start === period.end || unit?.baseUnit !== 'd' || withinTimeEnd(candidate, text) === undefined) return period
  return (candidate.valueMax ?? candidate.value) * unit.factor < DAYS_IN_YEAR ? { start: year, end: year, perYear: false } : period
}

/**
 * A figure's period can settle its status: one of a year already past is a result (去年居民消费价格
 * 上涨3.3% in the plan part), one of a year still to come a target (到2025年……提高到65%).
 */
function statusByPeriod(status: Status, period: Period | undefined, year: number | undefined): { status: Status } | undefined {
  if (!period || year === undefined) return undefined
  if (status === 'target' && period.end < year) return { status: 'actual' }
  if (status === 'actual' && period.start > year) return { status: 'target' }
  return undefined
}

export function extract(tree: Root, normalized: Normalized, facts: DocumentFacts): Extracted {
  const { raw, folded, offsets } = normalized
  const { docId } = facts
  const notes: Note[] = []
  const year = yearOf(facts, folded, notes)
  const mentions: Mention[] = []
  const exclusions: ExclusionRecord[] = []
  const sentences: SentenceRecord[] = []
  const sections: SectionRecord[] = []
  const terms = new Map<string, TermRecord>()
  let section: Section = documentStart()
  // the last span of several years named in this part, for a 年均 that names none
  let recent: Span | undefined
  let paragraphIndex = 0
  for (const paragraph of tree.children.filter((node): node is Paragraph => node.type === 'ParagraphNode')) {
    const paragraphSentences = paragraph.children.filter((node): node is Sentence => node.type === 'SentenceNode')
    if (paragraphSentences.length === 0) continue
    paragraphIndex++
    const paragraphStart = offsetOf(paragraph)
    const rawParagraph = raw.slice(paragraphStart, endOf(paragraph))
    const entered = enterSection(section, folded.slice(paragraphStart, endOf(paragraph)), year)
    if (entered !== section) {
      sections.push({
        doc_id: docId,
        section: isPart(entered) ? titleOf(rawParagraph) : entered.markers.join('/'),
        title: titleOf(rawParagraph),
        paragraph: paragraphIndex,
        start: offsets.toCodePoint(paragraphStart),
        status: entered.status === 'target' ? 'target' : 'actual',
      })
    }
    // a part (回顾, 安排) or a turn from results to targets opens new years; a numbered section under a part does not
    if (entered !== section && (isPart(entered) || entered.status !== section.status)) recent = undefined
    section = entered
    for (const span of findTerms(rawParagraph)) {
      const known = terms.get(span.term)
      if (known) {
        known.occurrences++
        if (known.footnote === undefined && span.footnote !== undefined) known.footnote = span.footnote
        continue
      }
      terms.set(span.term, {
        doc_id: docId,
        term: span.term,
        start: offsets.toCodePoint(paragraphStart + span.start),
        end: offsets.toCodePoint(paragraphStart + span.end),
        occurrences: 1,
        ...(span.footnote !== undefined ? { footnote: span.footnote } : {}),
      })
    }
    let listStatus: Status | undefined
    let carried: TimeCue | undefined
    /** Whether the sentence is of the paragraph's first full sentence, and whether the year carried was named there. */
    let opening = true
    let carriedFromOpening = false
    let deadline: TimeCue | undefined
    for (const sentence of paragraphSentences) {
      const start = offsetOf(sentence)
      const end = endOf(sentence)
      const text = folded.slice(start, end)
      const sentenceId = `${docId}:s${String(sentences.length + 1).padStart(5, '0')}`
      const sectionLabel = section.markers.join('/')
      const record: SentenceRecord = {
        doc_id: docId,
        sentence_id: sentenceId,
        section: sectionLabel,
        paragraph: paragraphIndex,
        index: sentences.length + 1,
        start: offsets.toCodePoint(start),
        end: offsets.toCodePoint(end),
        text: raw.slice(start, end),
      }
      sentences.push(record)
      const { kept, excluded, names } = sortCandidates(text)
      for (const { start: from, end: to, rule, value, valueMax, approx } of excluded) {
        const codePoint = offsets.toCodePoint(start + from)
        exclusions.push({
          doc_id: docId,
          exclusion_id: `${docId}:${String(codePoint).padStart(7, '0')}`,
          sentence_id: sentenceId,
          start: codePoint,
          end: offsets.toCodePoint(start + to),
          text: raw.slice(start + from, start + to),
          rule,
          ...(value !== undefined && Number.isFinite(value) ? { value } : {}),
          ...(valueMax !== undefined && Number.isFinite(valueMax) ? { value_max: valueMax } : {}),
          ...(approx ? { approx } : {}),
        })
      }
      const listStart = targetListStart(text)
      // 过去一年，我们……。国内生产总值达到39.8万亿元: a time frame holds for the sentences after it in its paragraph
      // (力争三年内参保率提高到90%: the years within which a thing is done frame their clause too)
      const framing = [...excluded.filter((entry) => entry.rule === 'time-frame'), ...kept.filter((candidate) => candidate.valueMax === undefined && withinYearsEnd(candidate, text) !== undefined)]
      const frames = framing.filter((entry) => entry.value !== undefined).sort((a, b) => a.start - b.start).map(({ start: from, end: to, value }) => ({ start: from, end: to, years: value! }))
      const own = timeCues(text, year, frames)
      section = turnToPlan(section, datedSpans(own), year)
      if (sentence === paragraphSentences[0]) section = turnToSpan(section, openingSpan(own, text), year)
      // 届时: by the year ahead that the sentence before named
      const before = THEN.some((word) => text.trimStart().startsWith(word)) ? (deadline ?? carried) : carried
      const cues = own.some((cue) => cue.span) || !before ? own : [{ ...before, at: -1, end: 0 }, ...own]
      const carriedOn = cues.filter((cue) => cue.span && !cue.compared && !cue.local && !cue.document && !datesChangeEnd(cue, text) && !namesLaterYear(cue, year) && !isDeadline(cue, text, year) && !beforePart(cue, section, year) && !reviewNamesOwnYear(cue, section, year)).at(-1)
      if (carriedOn && carriedOn.at >= 0) carriedFromOpening = opening
      if (carriedOn) carried = carriedOn.at < 0 ? carriedOn : { ...carriedOn, frames: FRAME_BREAK.test(text.slice(carriedOn.end)) }
      deadline = own.filter((cue) => namesLaterYear(cue, year)).at(-1) ?? deadline
      const setAt = targetSetAt(own, text, year)
      const baseStatus = sentenceStatus(listStatus ?? section.status, cues, setAt, year)
      // most sentences hold no quantity: nothing to describe, and the parser left their words unsplit
      const described = kept.length === 0 ? [] : describe(kept, { text, words: wordsOf(sentence, start), baseStatus, names, listStart })
      const outline = kept.length === 0 ? undefined : outlineOf(text, section, year)
      kept.forEach((candidate, index) => {
        const { measured, ...attributes } = described[index]!
        // 551万农村贫困人口: the noun right after the number tells first, then the indicator
        const implied = () => impliedUnit(nounAfter(text, candidate.end)) ?? impliedUnit(attributes.indicator)
        const unit = candidate.unit === '' && (candidate.multiplied || candidate.magnitudeOnly) ? implied() : candidate.unitEntry
        const from = offsets.toCodePoint(start + candidate.start)
        const quoted = isQuotedTarget(text, candidate)
        const period = dueThisYear(candidate, text, attributes.status, year, periodOf(cues, text, candidate.start, { ...attributes, kind: candidate.kind, quoted }, { year, part: section.periods, recent, outline }))
        const unitName = unit?.unit ?? candidate.unit
        const code = indicatorCode({ indicator: measured ?? attributes.indicator, clauseBefore: text.slice(clauseStart(text, candidate.start), candidate.start), change: attributes.change, unit: unitName, national: facts.national })
        mentions.push({
          doc_id: docId,
          mention_id: `${docId}:${String(from).padStart(7, '0')}`,
          section: sectionLabel,
          paragraph: paragraphIndex,
          sentence_id: sentenceId,
          start: from,
          end: offsets.toCodePoint(start + candidate.end),
          text: raw.slice(start + candidate.start, start + candidate.end),
          value: candidate.value,
          ...(candidate.valueMax !== undefined ? { value_max: candidate.valueMax } : {}),
          unit: unitName,
          unit_code: unit?.unitCode ?? '',
          ...(unit ? { value_base: roundFloat(candidate.value * unit.factor) } : {}),
          base_unit: unit?.baseUnit ?? '',
          kind: unit && candidate.form !== 'rank' ? unit.kind : candidate.kind,
          ...attributes,
          // 略低于8%的预定目标 in a review: a target quoted stays one, of the year it was set for
          ...(quoted || inSetTarget(text, setAt, candidate.start) ? {} : (statusByPeriod(attributes.status, period, year) ?? {})),
          ...(countsPopulation(text, candidate) ? { status: 'actual' as const } : {}),
          indicator: asWritten(attributes.indicator, text, record.text, candidate.start),
          indicator_code: code,
          ...(period ? { period_start: period.start, period_end: period.end, per_year: period.perYear } : {}),
          sentence: record.text,
        })
      })
      recent = recentSpan(cues, recent)
      const sentenceMentions = mentions.slice(mentions.length - kept.length)
      section = turnAfterTarget(section, targetsOf(sentenceMentions), year)
      // 今年计划要求，国民生产总值增长百分之六……。社会商品零售总额增长百分之十二点三: a paragraph that opens the year's targets goes on with them
      if (listStart >= 0 || (namesYear(own, year) && opensTargets(sentenceMentions, year))) listStatus = 'target'
      if (FULL_STOP.test(text)) {
        opening = false
        if (carried && !carriedFromOpening && yearInsideSpan(carried, section)) carried = undefined
      }
    }
  }
  return { mentions, exclusions, sentences, sections, terms: [...terms.values()], year, notes }
}
