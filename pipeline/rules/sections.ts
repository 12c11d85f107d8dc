// The structure of a report: which part and section each paragraph stands in, and what
// that says of the figures there (review or plan, and of which years). Parts are opened
// by unnumbered headings (2024年工作回顾, 今后五年主要目标, 名词解释), sections by 一、,
// 第一部分 and （一）. A heading sets status and periods until the next heading of its
// rank; a numbered heading without cues of its own keeps those of its part.
import { tables, type Status } from '../resources/tables.ts'
import { headingWords, type PartKind } from '../resources/vocabulary.ts'
import { SMALL_NUMERALS } from './numerals.ts'
import { alternation, charClass } from './patterns.ts'
import { partPeriods, resultYears, timeCues, type PartPeriods, type Span } from './period.ts'

const NUMBER = `${charClass(SMALL_NUMERALS)}+`
const ORDINAL = alternation(tables.numeralWords.get('ordinal')!.map((entry) => entry.word))
const PART = alternation(tables.contextWords.get('section-part')!)
/** 一、 and （一） open sections; 第一部分 too. */
const SECTION_MARKER = new RegExp(`^\\s*(?:(${NUMBER})、|(\\(${NUMBER}\\))|(${ORDINAL}${NUMBER}${PART}))`)
/** A heading is a short line without a full stop. */
const MAX_HEADING = 40
const isHeadingLine = (trimmed: string) => trimmed.length <= MAX_HEADING && !trimmed.includes('。')
/** An unnumbered part heading is shorter still, without marks or figures but its years, and ends in a heading word. */
const MAX_PART_HEADING = 24
const NOT_IN_PART_HEADING = new RegExp(`[,;:。!?%]|\\d(?!\\d*${alternation(tables.contextWords.get('year-unit')!)})`)

function isPartHeading(trimmed: string): boolean {
  if (trimmed.length > MAX_PART_HEADING || NOT_IN_PART_HEADING.test(trimmed)) return false
  return headingWords.some(({ word, part }) => part !== 'title' && trimmed.endsWith(word))
}

/** Whether a line opens a section or a part (一、, （一）, 2024年工作回顾): it starts a paragraph whatever stands before it. */
export const opensSection = (line: string) => SECTION_MARKER.test(line) || isPartHeading(line.trim())

export interface Section {
  markers: string[]
  status: Status
  periods: PartPeriods
  /** What the enclosing part heading set, for sections that say nothing themselves; none before the first. */
  part?: { status: Status; periods: PartPeriods }
}

export const documentStart = (): Section => ({ markers: [], status: 'actual', periods: {} })

/** The kinds of part a heading's words name: a review, a plan, both, an appendix, a title. */
function kindsOf(heading: string): Set<PartKind> {
  const kinds = new Set<PartKind>()
  let rest = heading
  for (const { word, part } of headingWords) {
    if (!rest.includes(word)) continue
    kinds.add(part)
    rest = rest.replaceAll(word, ' ') // 工作报告 is a title, and its 工作 no plan
  }
  return kinds
}

/** Status a heading gives: a plan's is target, a review's (also beside a plan) or an appendix's actual. */
function statusOf(kinds: Set<PartKind>, otherwise: Status): Status {
  if (kinds.has('appendix') || kinds.has('review')) return 'actual'
  return kinds.has('plan') ? 'target' : otherwise
}

function periodsOf(heading: string, kinds: Set<PartKind>, year: number | undefined, otherwise: PartPeriods): PartPeriods {
  const periods = partPeriods(heading, year)
  const own = { ...(kinds.has('review') && periods.actual ? { actual: periods.actual } : {}), ...(kinds.has('plan') && periods.target ? { target: periods.target } : {}) }
  return Object.keys(own).length > 0 ? own : otherwise
}

/** The section a paragraph opens, or `section` itself when it opens none. */
export function enterSection(section: Section, text: string, year: number | undefined): Section {
  const trimmed = text.trim()
  const heading = isHeadingLine(trimmed)
  const match = SECTION_MARKER.exec(text)
  const kinds = heading ? kindsOf(trimmed) : new Set<PartKind>()
  if (!match) {
    if (!isPartHeading(trimmed) || kinds.has('title')) return section
    // a part heading ranks above the numbered sections: it starts their numbering afresh
    const part = { status: statusOf(kinds, section.status), periods: periodsOf(trimmed, kinds, year, {}) }
    return { markers: [], status: part.status, periods: part.periods, part }
  }
  if (match[2]) return { ...section, markers: [...section.markers.slice(0, 1), match[2]] }
  // a numbered heading without cues keeps its part's status and periods, or before any part the last section's
  const inherited = section.part ?? section
  const status = heading ? statusOf(kinds, inherited.status) : section.status
  const periods = heading ? periodsOf(trimmed, kinds, year, afterReview(inherited, year)) : section.periods
  return { ...section, markers: [match[1] ?? match[3]!], status, periods }
}

/**
 * 一、1996年国内工作的回顾 and then 二、保持国民经济发展的良好势头: a section after one that reviewed past
 * years may be the report's own year's plan, so it may turn to it (see turnAfterTarget).
 */
function afterReview(inherited: { periods: PartPeriods }, year: number | undefined): PartPeriods {
  const { actual, target } = inherited.periods
  const past = (span: Span | undefined) => span === undefined || (year !== undefined && span.end < year)
  return actual && year !== undefined && past(actual) && past(target) ? { actual, target: { start: year, end: year } } : inherited.periods
}

/** A part heading, or a section's (一、, 第一部分) but no subsection's (（一）): which, if the line is one. */
function headingRank(trimmed: string): 'part' | 'section' | undefined {
  if (!isHeadingLine(trimmed)) return undefined
  const match = SECTION_MARKER.exec(trimmed)
  if (match) return match[2] === undefined ? 'section' : undefined
  return isPartHeading(trimmed) ? 'part' : undefined
}

/** The years a heading names as its own, first and last; not a plan's end (二、到2035年的远景目标). */
function headingSpans(heading: string): Span[] {
  return timeCues(heading, undefined)
    .filter((cue) => cue.span && !cue.until)
    .map((cue) => cue.span!)
}

/**
 * The report's year from its headings, where no title or dateline says it: a review of 1999
 * is the 2000 report's (一、1999年国内工作回顾, 一、“九五”时期……的回顾), a plan for 2004 its own
 * (二、2004年主要任务, 二、“十五”期间的奋斗目标). Where the review's heading names no year (过去五年工作回顾),
 * the latest year its results name is the year before the report's, once a plan heading of its rank ends it;
 * the sections of a review part (一、圆满完成2022年主要目标任务) are part of it.
 */
export function headingYear(text: string): number | undefined {
  let review: { rank: 'part' | 'section'; latest?: number } | undefined
  for (const line of text.split('\n')) {
    const trimmed = line.trim()
    const rank = headingRank(trimmed)
    const kinds = rank ? kindsOf(trimmed) : new Set<PartKind>()
    const heads = !kinds.has('title') && (kinds.has('review') || kinds.has('plan'))
    if (!rank || !heads || (review?.rank === 'part' && rank === 'section')) {
      if (review) review.latest = Math.max(review.latest ?? 0, ...resultYears(line)) || undefined
      continue
    }
    const spans = headingSpans(trimmed)
    if (kinds.has('review') && spans.length > 0) return spans[0]!.end + 1
    if (spans.length > 0) return spans.at(-1)!.start
    if (!kinds.has('review') && review?.latest !== undefined) return review.latest + 1
    review = kinds.has('review') ? { rank } : undefined
  }
  return undefined
}

/** Whether the section opened at this paragraph is a part (its label is its heading). */
export const isPart = (section: Section) => section.markers.length === 0

/**
 * 二、“十三五”时期发展成就和“十四五”时期主要目标任务: a section that names a review and a plan turns to
 * the plan where a sentence names the plan's years; from there on its figures are targets.
 */
export function turnToPlan(section: Section, spans: readonly Span[], year: number | undefined): Section {
  const { actual, target } = section.periods
  // a plan of several years still to come; 今年 turns up in reviews too (今年是……50周年)
  if (section.status !== 'actual' || !actual || !target || year === undefined || target.end < year || target.end === target.start) return section
  const namesPlan = spans.some((span) => span.start === target.start && span.end === target.end)
  return namesPlan ? { ...section, status: 'target' } : section
}

/**
 * 一、1998年工作回顾和1999年工作的总体要求: a section that names a review and the report's own year
 * turns to the plan after a sentence sets a target for that year (今年的经济增长预期为7%左右).
 */
export function turnAfterTarget(section: Section, targets: readonly Span[], year: number | undefined): Section {
  const { actual, target } = section.periods
  if (section.status !== 'actual' || !actual || !target || year === undefined || target.start !== year || target.end !== year) return section
  return targets.some((span) => span.start === year && span.end === year) ? { ...section, status: 'target' } : section
}

/**
 * 一、过去一年和五年工作回顾 …… 过去五年极不寻常、极不平凡。: a paragraph that opens on a span of several past years
 * reviews those years, and the paragraphs after it in the part do too.
 */
export function turnToSpan(section: Section, opening: Span | undefined, year: number | undefined): Section {
  const { actual } = section.periods
  if (section.status !== 'actual' || !actual || !opening || year === undefined || opening.end === opening.start || opening.end >= year) return section
  return opening.start === actual.start && opening.end === actual.end ? section : { ...section, periods: { ...section.periods, actual: opening } }
}

