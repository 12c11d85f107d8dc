// What bound markers say of the numbers they stand by: the bound a bare number is (1000以上: over;
// bare numbers are set aside, but their markers stay with them), and the one range that two bounds
// or a 之间 frame (大于10小于20, 最多100最少20个, 比四分之一大，比二分之一小, 在第十和第十五之间).
import { tables, type Approx } from '../resources/tables.ts'
import { boundOf } from './attributes.ts'
import { withoutMarker } from './exclusions.ts'
import type { ExclusionRule } from './exclusions.ts'
import type { Candidate } from './scan.ts'

/** 1000以上, 大于等于三千: the bound a bare number is; the bounds inside a framed range are its ends. */
export function bareBound(rule: ExclusionRule, text: string, candidate: Candidate): { approx?: Approx } {
  const approx = rule === 'no-unit' && !candidate.framed ? boundOf(text, candidate.start, candidate.end) : undefined
  return approx ? { approx } : {}
}

const BEFORE_MARKERS = tables.approxBefore.map((entry) => entry.marker)
/** 比四分之一大: the comparative after a figure compared with, and the 比 before the next. */
const COMPARATIVES = [...tables.contextWords.get('more-than')!, ...tables.contextWords.get('less-than')!]
const COMPARED_FROM = tables.contextWords.get('comparison-start')!
const BOUND_JOINERS = tables.contextWords.get('bound-joiner')!
const BETWEEN_JOINERS = tables.contextWords.get('list-joiner')!
const BETWEEN_CLOSE = tables.contextWords.get('between-close')!
const GAP = /^[\s,]*|[\s,]*$/g

const withoutStart = (text: string, words: readonly string[]) => text.slice(words.find((word) => text.startsWith(word))?.length ?? 0)
const withoutEnd = (text: string, words: readonly string[]) => text.slice(0, text.length - (words.find((word) => text.endsWith(word))?.length ?? 0))

/** What may stand between two bounds once the first's marker after it and the second's before it are taken off (比A大，比B小: the comparatives too). */
function joinersBetween(between: string): string[] {
  const unmarked = withoutMarker(between)
  return [unmarked, withoutStart(unmarked, COMPARATIVES).replace(GAP, '')].map((rest) => withoutEnd(withoutEnd(rest, BEFORE_MARKERS), COMPARED_FROM).replace(GAP, ''))
}

/** The unit a range of the two takes: theirs when they share it, else the one that has one (最多100最少20个). */
const sharedUnit = (first: Candidate, second: Candidate) => (first.unit === second.unit || second.unit === '' ? first : first.unit === '' ? second : undefined)

function framedRange(text: string, first: Candidate, second: Candidate): Candidate | undefined {
  const unit = sharedUnit(first, second)
  if (!unit || first.form !== second.form || first.valueMax !== undefined || second.valueMax !== undefined) return undefined
  const between = text.slice(first.end, second.start)
  const bounds = [boundOf(text, first.start, first.end), boundOf(text, second.start, second.end)]
  const framed = bounds.sort().join() === 'over,under' && joinersBetween(between).some((joiner) => ['', ...BOUND_JOINERS].includes(joiner))
  const within = bounds.every((bound) => bound === undefined) && BETWEEN_JOINERS.includes(between.trim()) && BETWEEN_CLOSE.some((word) => text.slice(second.end).trimStart().startsWith(word))
  if (!framed && !within) return undefined
  const [low, high] = [first, second].sort((a, b) => a.value - b.value) as [Candidate, Candidate]
  const { unit: written, kind, unitEntry } = unit
  return { ...low, start: first.start, end: second.end, valueMax: high.value, parts: { ...low.parts, upper: high.parts }, unit: written, kind, ...(unitEntry ? { unitEntry } : {}), framed: true }
}

/** Joins each pair of neighbouring candidates that frame one range into one, left to right. */
export function joinFramedRanges(text: string, candidates: readonly Candidate[]): Candidate[] {
  const joined: Candidate[] = []
  for (const candidate of candidates) {
    const range = joined.length > 0 ? framedRange(text, joined.at(-1)!, candidate) : undefined
    if (range) joined[joined.length - 1] = range
    else joined.push(candidate)
  }
  return joined
}
