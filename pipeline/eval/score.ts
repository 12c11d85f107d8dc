// The guideline's scoring: overlap matching, detection P/R/F1, strict F1 and
// per-field accuracy on matched pairs.
import { fold } from '../stages/normalize.ts'

export interface ScoredMention {
  start: number
  end: number
  value: number
  value_max?: number
  unit: string
  kind?: string
  approx?: string
  indicator?: string
  change?: string
  status?: string
  period_start?: number
  period_end?: number
  per_year?: boolean
  indicator_code?: string
}

export const FIELDS = ['value', 'value_max', 'unit', 'kind', 'approx', 'indicator', 'change', 'status', 'period'] as const
export type Field = (typeof FIELDS)[number]

export interface Counts {
  gold: number
  predicted: number
  matched: number
  strict: number
  /** Per field: [right, compared]. */
  fields: Record<Field, [number, number]>
  /** Indicator codes: mentions the gold codes, the prediction codes, and both code alike. */
  codes: { gold: number; predicted: number; right: number }
}

export interface Scores {
  precision: number
  recall: number
  f1: number
  strictF1: number
  accuracy: Record<Field, number>
  codePrecision: number
  codeRecall: number
}

const RELATIVE_TOLERANCE = 1e-6
const QUOTES_AND_SPACES = /[\s"'“”‘’「」『』《》]/g

const sameValue = (a: number, b: number) => a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))
const sameUnit = (a: string, b: string) => fold(a) === fold(b)
function sameIndicator(a: string, b: string): boolean {
  const left = a.replace(QUOTES_AND_SPACES, '')
  const right = b.replace(QUOTES_AND_SPACES, '')
  return left !== '' && right !== '' && (left.includes(right) || right.includes(left))
}

const FIELD_CHECKS: Record<Field, (gold: ScoredMention, predicted: ScoredMention) => boolean | undefined> = {
  value: (gold, predicted) => sameValue(gold.value, predicted.value),
  // a gold mention without value_max is no range, so a predicted upper bound is wrong
  value_max: (gold, predicted) => (gold.value_max === undefined || predicted.value_max === undefined ? gold.value_max === predicted.value_max : sameValue(gold.value_max, predicted.value_max)),
  unit: (gold, predicted) => sameUnit(gold.unit, predicted.unit),
  kind: (gold, predicted) => (gold.kind === undefined ? undefined : gold.kind === predicted.kind),
  approx: (gold, predicted) => (gold.approx === undefined ? undefined : gold.approx === predicted.approx),
  indicator: (gold, predicted) => (gold.indicator === undefined ? undefined : sameIndicator(gold.indicator, predicted.indicator ?? '')),
  change: (gold, predicted) => (gold.change === undefined ? undefined : gold.change === predicted.change),
  status: (gold, predicted) => (gold.status === undefined ? undefined : gold.status === predicted.status),
  period: (gold, predicted) =>
    gold.period_start === undefined ? undefined : gold.period_start === predicted.period_start && gold.period_end === predicted.period_end && (gold.per_year ?? false) === (predicted.per_year ?? false),
}

/** Pairs of (gold index, predicted index), largest overlap first, each side used once. */
export function matchMentions(gold: ScoredMention[], predicted: ScoredMention[]): [number, number][] {
  const candidates: { overlap: number; g: number; p: number }[] = []
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start)
      if (overlap > 0) candidates.push({ overlap, g: gi, p: pi })
    })
  })
  candidates.sort((a, b) => b.overlap - a.overlap || a.g - b.g || a.p - b.p)
  const usedGold = new Set<number>()
  const usedPredicted = new Set<number>()
  const pairs: [number, number][] = []
  for (const { g, p } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue
    usedGold.add(g)
    usedPredicted.add(p)
    pairs.push([g, p])
  }
  return pairs.sort((a, b) => a[0] - b[0])
}

/** What a document's error budget counts: misses, false positives and wrong fields. */
export function errorsOf(counts: Counts): Record<string, number> {
  return {
    misses: counts.gold - counts.matched,
    false_positives: counts.predicted - counts.matched,
    ...Object.fromEntries(FIELDS.map((field) => [field, counts.fields[field][1] - counts.fields[field][0]])),
    codes_wrong: counts.codes.predicted - counts.codes.right,
    codes_missed: counts.codes.gold - counts.codes.right,
  }
}

export function emptyCounts(): Counts {
  return { gold: 0, predicted: 0, matched: 0, strict: 0, fields: Object.fromEntries(FIELDS.map((field) => [field, [0, 0]])) as Counts['fields'], codes: { gold: 0, predicted: 0, right: 0 } }
}

const coded = (mention: ScoredMention) => (mention.indicator_code ?? '') !== ''

export function count(gold: ScoredMention[], predicted: ScoredMention[]): Counts {
  const counts = emptyCounts()
  counts.gold = gold.length
  counts.predicted = predicted.length
  // codes are scored only against gold that gives them
  if (gold.some((mention) => mention.indicator_code !== undefined)) counts.codes = { gold: gold.filter(coded).length, predicted: predicted.filter(coded).length, right: 0 }
  for (const [g, p] of matchMentions(gold, predicted)) {
    counts.matched++
    const goldMention = gold[g]!
    const predictedMention = predicted[p]!
    if (FIELD_CHECKS.value(goldMention, predictedMention) && FIELD_CHECKS.unit(goldMention, predictedMention)) counts.strict++
    if (coded(goldMention) && goldMention.indicator_code === predictedMention.indicator_code) counts.codes.right++
    for (const field of FIELDS) {
      const right = FIELD_CHECKS[field](goldMention, predictedMention)
      if (right === undefined) continue
      counts.fields[field][1]++
      if (right) counts.fields[field][0]++
    }
  }
  return counts
}

export function add(a: Counts, b: Counts): Counts {
  const sum = emptyCounts()
  sum.gold = a.gold + b.gold
  sum.predicted = a.predicted + b.predicted
  sum.matched = a.matched + b.matched
  sum.strict = a.strict + b.strict
  for (const field of FIELDS) sum.fields[field] = [a.fields[field][0] + b.fields[field][0], a.fields[field][1] + b.fields[field][1]]
  sum.codes = { gold: a.codes.gold + b.codes.gold, predicted: a.codes.predicted + b.codes.predicted, right: a.codes.right + b.codes.right }
  return sum
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole)
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

export function scores(counts: Counts): Scores {
  const precision = ratio(counts.matched, counts.predicted)
  const recall = ratio(counts.matched, counts.gold)
  return {
    precision,
    recall,
    f1: harmonic(precision, recall),
    strictF1: harmonic(ratio(counts.strict, counts.predicted), ratio(counts.strict, counts.gold)),
    accuracy: Object.fromEntries(FIELDS.map((field) => [field, ratio(...counts.fields[field])])) as Record<Field, number>,
    codePrecision: ratio(counts.codes.right, counts.codes.predicted),
    codeRecall: ratio(counts.codes.right, counts.codes.gold),
  }
}
