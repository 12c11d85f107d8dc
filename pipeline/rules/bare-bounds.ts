// Bare numbers (no unit) are set aside, but what their markers say stays with them: a bound
// (1000以上: over) and, where two bounds or a 之间 frame one number, the range they make.
import { tables, type Approx } from '../resources/tables.ts'
import { boundOf, withoutMarker } from './attributes.ts'
import type { ExclusionRule } from './exclusions.ts'

export interface SetAside {
  start: number
  end: number
  rule: ExclusionRule
  value?: number
  valueMax?: number
  approx?: Approx
}

/** 1000以上, 大于等于三千: the bound a bare number is. */
export function bareBound(rule: ExclusionRule, text: string, start: number, end: number): { approx?: Approx } {
  const approx = rule === 'no-unit' ? boundOf(text, start, end) : undefined
  return approx ? { approx } : {}
}

const BEFORE_MARKERS = tables.approxBefore.map((entry) => entry.marker)
const BOUND_JOINERS = tables.contextWords.get('bound-joiner')!
const BETWEEN_JOINERS = tables.contextWords.get('list-joiner')!
const BETWEEN_CLOSE = tables.contextWords.get('between-close')!
const GAP = /^[\s,]*|[\s,]*$/g

/** What stands between two bounds once the first's marker after it and the second's before it are taken off. */
function joinerBetween(between: string): string {
  const rest = withoutMarker(between)
  const tail = BEFORE_MARKERS.find((marker) => rest.endsWith(marker)) ?? ''
  return rest.slice(0, rest.length - tail.length).replace(GAP, '')
}

const isBare = (entry: SetAside) => entry.rule === 'no-unit' && entry.value !== undefined && entry.valueMax === undefined

/** 大于10小于20, 1000以上，1500以下, 不大于50不小于20, 在20和30之间: the range two bare numbers frame. */
function rangeOf(text: string, first: SetAside, second: SetAside): SetAside | undefined {
  if (!isBare(first) || !isBare(second)) return undefined
  const between = text.slice(first.end, second.start)
  const bounds = [first.approx, second.approx].sort().join()
  const framed = bounds === 'over,under' && ['', ...BOUND_JOINERS].includes(joinerBetween(between))
  const within = !first.approx && !second.approx && BETWEEN_JOINERS.includes(between.trim()) && BETWEEN_CLOSE.some((word) => text.slice(second.end).trimStart().startsWith(word))
  if (!framed && !within) return undefined
  const [low, high] = [first.value!, second.value!].sort((a, b) => a - b)
  return { start: first.start, end: second.end, rule: 'no-unit', value: low, valueMax: high }
}

/** Joins each pair of bare numbers that frame one range into one record, left to right. */
export function joinBareRanges(text: string, excluded: readonly SetAside[]): SetAside[] {
  const joined: SetAside[] = []
  for (const entry of excluded) {
    const range = joined.length > 0 ? rangeOf(text, joined.at(-1)!, entry) : undefined
    if (range) joined[joined.length - 1] = range
    else joined.push(entry)
  }
  return joined
}
