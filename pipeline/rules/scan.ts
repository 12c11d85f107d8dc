// Finding quantity spans (the "extract" half): one left-to-right pass over a
// folded sentence. Each matcher consumes what it reads, so the pass is linear
// in the input; values are worked out by numerals.ts.
import { tables, type Kind, type Unit } from '../resources/tables.ts'
import { isNumeralChar, magnitudeValue, parseArabic, parseChineseNumeral, parseMixed, roundFloat } from './numerals.ts'

export type Form = 'number' | 'percent-words' | 'fraction' | 'doubling' | 'rank'

export interface Candidate {
  start: number
  end: number
  value: number
  valueMax?: number
  /** The unit as written, without multiplier ('' when there is none). */
  unit: string
  kind: Kind
  /** Table entry of the unit; a composite unit (元/吨) takes its numerator's. */
  unitEntry?: Unit
  form: Form
  /** The number as written, without multiplier or unit (一, 二, 303.5). */
  numeral: string
  /** True when the numeral has no digit: 万亿元, 百亿 (only a mention after 超, 突破). */
  magnitudeOnly: boolean
  /** 余 or 多 between number and unit. */
  approxInside: boolean
  /** A multiplier (万, 亿) was applied: such a number means something even without a unit. */
  multiplied: boolean
}

/** Longest numerals worth reading; longer runs are noise, not quantities. */
const MAX_NUMERAL = 24
const MAX_DIGITS = 21
const ARABIC = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/y
/** Digits with Chinese scales between them, a digit after at least one scale: 1万6千, 2万5千. */
const MIXED = /\d{1,4}(?:[万亿萬億千百]\d{1,4})+[万亿萬億千百]?/y
const LATIN = /[A-Za-z]/
const RANGE_DASHES = ['——', '—', '–', '-', '~', '至', '到']
const INSIDE_APPROX = new Set(tables.approxInside.map((entry) => entry.marker))


function unitAt(text: string, at: number): Unit | undefined {
  if (tables.notUnits.some((word) => text.startsWith(word, at))) return undefined
  for (const surface of tables.unitSurfaces) {
    if (text.startsWith(surface, at)) return tables.unitBySurface.get(surface)
  }
  return undefined
}

interface NumberToken {
  start: number
  end: number
  value: number
  text: string
  magnitudeOnly: boolean
}

/** A run the scanner read and set aside at once, with the rule that did. */
export type SkipRule = 'too-long' | 'not-a-number' | 'code' | 'date'
export interface Skip {
  skipTo: number
  rule: SkipRule
}

export interface Skipped {
  start: number
  end: number
  rule: SkipRule
}

/** A bare number at `at`: Arabic digits or a Chinese numeral, nothing after it. */
function readNumber(text: string, at: number): NumberToken | Skip | undefined {
  const char = text[at]!
  if (char >= '0' && char <= '9') {
    ARABIC.lastIndex = at
    const match = ARABIC.exec(text)!
    const end = at + match[0].length
    const integerDigits = match[0].split('.')[0]!.replaceAll(',', '').length
    if (integerDigits > MAX_DIGITS) return { skipTo: end, rule: 'too-long' }
    MIXED.lastIndex = at
    const mixed = /^\d+$/.test(match[0]) ? MIXED.exec(text) : null
    if (mixed && !unitAt(text, at + mixed[0].length - 1)) {
      return { start: at, end: at + mixed[0].length, value: parseMixed(mixed[0]), text: mixed[0], magnitudeOnly: false }
    }
    return { start: at, end, value: parseArabic(match[0]), text: match[0], magnitudeOnly: false }
  }
  if (!isNumeralChar(char) || char === '点') return undefined
  let end = at
  while (end < text.length && isNumeralChar(text[end]!)) end++
  if (end - at > MAX_NUMERAL) return { skipTo: end, rule: 'too-long' }
  // 二十万千瓦: a unit that begins with 千 or 百 is a unit, not part of the number
  while (end > at + 1 && (unitAt(text, end - 1)?.surface.length ?? 0) >= 2) end--
  while (text[end - 1] === '点') end--
  const written = text.slice(at, end)
  const value = /^[零〇○]+$/u.test(written) ? undefined : parseChineseNumeral(written) // 零部件, 零就业: no number
  if (value === undefined) return { skipTo: Math.max(end, at + 1), rule: 'not-a-number' }
  // 十亿 and 拾萬 count as numbers; 万亿, 百亿 alone only after 超, 近, 约
  const magnitudeOnly = ![...written].some((c) => tables.numerals.get(c)?.role === 'digit') && tables.numerals.get(written[0]!)?.value !== 10
  return { start: at, end, value, text: written, magnitudeOnly }
}

/** Multiplier characters after a number (万, 亿, 万亿, 千), stopping before a unit such as 千瓦. */
function readMultiplier(text: string, at: number): { end: number; factor: number } {
  let end = at
  while (end - at < 3 && end < text.length) {
    const role = tables.numerals.get(text[end]!)?.role
    if (role !== 'scale' && role !== 'magnitude') break
    const unit = unitAt(text, end)
    if (unit && unit.surface.length > 1) break
    end++
  }
  return { end, factor: magnitudeValue(text.slice(at, end)) ?? 1 }
}

/** A unit at `at`, with an optional denominator: 元/吨, 万元/亩, 人/百亿元. */
function readUnit(text: string, at: number): { end: number; unit: string; entry: Unit } | undefined {
  const entry = unitAt(text, at)
  if (!entry) return undefined
  let end = at + entry.surface.length
  let unit = entry.unit
  if (text[end] === '/') {
    const multiplier = readMultiplier(text, end + 1)
    const denominator = unitAt(text, multiplier.end)
    if (denominator) {
      unit = `${unit}/${text.slice(end + 1, multiplier.end)}${denominator.unit}`
      end = multiplier.end + denominator.surface.length
    }
  }
  return { end, unit, entry: resolveUnit(unit) ?? entry }
}

/**
 * The table entry of a unit as written; a rate not in the table (元/吨, 人/百亿元)
 * is built from its parts: money per something stays money, any other rate is 'other'.
 */
export function resolveUnit(unit: string): Unit | undefined {
  const listed = tables.unitByName.get(unit)
  if (listed || !unit.includes('/')) return listed
  const [top = '', bottom = ''] = unit.split('/')
  const numerator = tables.unitByName.get(top)
  const multiplier = readMultiplier(bottom, 0)
  const denominator = tables.unitByName.get(bottom.slice(multiplier.end))
  if (!numerator || !denominator) return undefined
  return {
    surface: unit,
    unit,
    kind: numerator.kind === 'money' ? 'money' : 'other',
    unitCode: `${numerator.unitCode}/${multiplier.end > 0 ? `(${multiplier.factor}.${denominator.unitCode})` : denominator.unitCode}`,
    baseUnit: `${numerator.baseUnit}/${denominator.baseUnit}`,
    factor: numerator.factor / (denominator.factor * multiplier.factor),
  }
}

/** Reports set a space or two between number, multiplier and unit; web copies a line break and a zero-width space. */
const GAP = /[\s\u200b]/
const MAX_GAP = 4

/** Zero-width spaces (and what normalize folds to them: markup entities, joiners) take no room. */
function skipSpaces(text: string, at: number): number {
  let end = at
  let visible = 0
  while (GAP.test(text[end] ?? '')) {
    if (text[end] !== '\u200b' && ++visible > MAX_GAP) break
    end++
  }
  return end
}

interface Quantity {
  end: number
  value: number
  multiplied: boolean
  unit?: { unit: string; entry: Unit }
  approxInside: boolean
}

/** Number, then 余/多, multiplier, 余/多 again, spaces and unit: 3.7万余个, 303.5 亿元. */
function readQuantity(text: string, number: NumberToken): Quantity {
  let at = number.end
  let approxInside = false
  const takeApprox = () => {
    if (!approxInside && INSIDE_APPROX.has(text[at]!) && !unitAt(text, at)) {
      approxInside = true
      at++
    }
  }
  const gapBeforeApprox = skipSpaces(text, at)
  if (gapBeforeApprox > at && INSIDE_APPROX.has(text[gapBeforeApprox]!)) at = gapBeforeApprox // 550\n\u200b\n多万公里
  takeApprox()
  const afterSpaces = skipSpaces(text, at)
  if (afterSpaces > at && readMultiplier(text, afterSpaces).end > afterSpaces) at = afterSpaces
  const multiplier = readMultiplier(text, at)
  if (multiplier.end > at) at = multiplier.end
  takeApprox()
  // 4万多亿元: a second multiplier after 多 or 余 multiplies again
  const second = approxInside ? readMultiplier(text, at) : { end: at, factor: 1 }
  at = second.end
  // 十四亿 has its magnitude inside the numeral: like 14亿 it means something without a unit
  const multiplied = multiplier.factor * second.factor > 1 || /[万萬亿億]/u.test(number.text)
  const unit = readUnit(text, skipSpaces(text, at))
  const value = roundFloat(number.value * multiplier.factor * second.factor)
  if (!unit) return { end: at, value, multiplied, approxInside }
  return { end: unit.end, value, multiplied, unit, approxInside }
}

function candidate(start: number, end: number, value: number, unit: Quantity['unit'], form: Form, number: NumberToken, approxInside = false, multiplied = false): Candidate {
  return {
    multiplied,
    start,
    end,
    value,
    unit: unit?.unit ?? '',
    kind: form === 'rank' ? 'rank' : (unit?.entry.kind ?? 'other'),
    ...(unit ? { unitEntry: unit.entry } : {}),
    form,
    numeral: number.text,
    magnitudeOnly: number.magnitudeOnly,
    approxInside,
  }
}

type Match = Candidate | Skip | undefined

function matchPercentWords(text: string, at: number): Match {
  if (!text.startsWith('百分之', at)) return undefined
  const number = readNumber(text, at + 3)
  if (!number || 'skipTo' in number) return number
  return candidate(at, number.end, number.value, { unit: '%', entry: tables.unitBySurface.get('%')! }, 'percent-words', { ...number, magnitudeOnly: false })
}

/** 翻一番 = 2 倍, 翻两番 = 4 倍, 翻了一番 too. */
function matchDoubling(text: string, at: number): Match {
  if (text[at] !== '翻') return undefined
  const times = readNumber(text, text[at + 1] === '了' ? at + 2 : at + 1)
  if (!times || 'skipTo' in times || text[times.end] !== '番' || times.value > 10) return undefined
  return candidate(at, times.end + 1, 2 ** times.value, { unit: '倍', entry: tables.unitBySurface.get('倍')! }, 'doubling', times)
}

function matchWordQuantity(text: string, at: number): Match {
  const entry = tables.wordQuantities.find((wordQuantity) => text.startsWith(wordQuantity.word, at))
  if (!entry) return undefined
  const unit = entry.unit ? { unit: entry.unit, entry: tables.unitBySurface.get(entry.unit)! } : undefined
  const number = { start: at, end: at + entry.word.length, value: entry.value, text: entry.word, magnitudeOnly: false }
  return candidate(at, number.end, entry.value, unit, entry.form, number)
}

/** 第一, 第3位: a rank or an ordinal, as the context will tell; 进入全省前三: a rank of at most 3. */
function matchRank(text: string, at: number): Match {
  const rankUnit = { unit: '位', entry: tables.unitBySurface.get('位')! }
  if (text[at] === '前') {
    const top = readNumber(text, at + 1)
    if (!top || 'skipTo' in top || isNumeralChar(text[top.end] ?? '')) return undefined
    const place = /[名位]/.test(text[top.end] ?? '') ? 1 : 0 // 前三名
    if (!place && unitAt(text, top.end)) return undefined // 前三季度, 前10个月
    return candidate(top.start, top.end + place, top.value, rankUnit, 'rank', top)
  }
  if (text[at] !== '第') return undefined
  const number = readNumber(text, at + 1)
  if (!number || 'skipTo' in number) return number
  const end = text[number.end] === '位' || text[number.end] === '名' ? number.end + 1 : number.end
  return candidate(at, end, number.value, rankUnit, 'rank', number)
}

function matchNumber(text: string, at: number): Match {
  const previous = text[at - 1] ?? ''
  if (/[0-9.]/.test(previous) || (isNumeralChar(previous) && previous !== '点')) return undefined
  const read = readNumber(text, at)
  if (!read || 'skipTo' in read) return read
  if (LATIN.test(previous)) return { skipTo: read.end, rule: 'code' } // PM2.5, G312, S38
  if (previous === '/' && /\d/.test(text[at - 2] ?? '')) return { skipTo: read.end, rule: 'date' } // 2024/12/31
  // 增长率为-0.85‰, 增速为负1.5%: a sign after words, not after a number (6%-6.5% is a range);
  // 负 only after a copula or a mark, since it also ends words (税负5700亿元)
  const beforeSign = text[at - 2] ?? ''
  const signed =
    (previous === '-' && !/[0-9%‰.A-Za-z]/.test(beforeSign) && !isNumeralChar(beforeSign)) ||
    (previous === '负' && (beforeSign === '' || /[为是达至到,;:(\s]/.test(beforeSign)))
  const number = signed ? { ...read, start: at - 1, value: -read.value, text: text.slice(at - 1, read.end) } : read
  if (signed) at--
  if (text.startsWith('分之', number.end)) {
    const numerator = readNumber(text, number.end + 2)
    if (!numerator || 'skipTo' in numerator || number.value === 0) return { skipTo: number.end + 2, rule: 'not-a-number' }
    return candidate(at, numerator.end, numerator.value / number.value, { unit: '分之', entry: tables.unitBySurface.get('分之')! }, 'fraction', numerator)
  }
  if (text[number.end] === '/' && /\d/.test(text[number.end + 1] ?? '')) {
    const denominator = readNumber(text, number.end + 1)
    // 2024/12/31 is a date: a fraction has a small numerator and no second slash
    const fraction = denominator && !('skipTo' in denominator) && denominator.value !== 0 && number.value < 1000 && text[denominator.end] !== '/'
    if (fraction && !unitAt(text, denominator.end)) {
      return candidate(at, denominator.end, number.value / denominator.value, { unit: '分之', entry: tables.unitBySurface.get('分之')! }, 'fraction', number)
    }
  }
  const quantity = readQuantity(text, number)
  if (!quantity.unit && !quantity.multiplied && LATIN.test(text[quantity.end] ?? '')) return { skipTo: quantity.end, rule: 'code' } // 5G
  const range = matchRangeEnd(text, quantity)
  if (range) {
    const lower = range.quantity.multiplied && !quantity.multiplied ? roundFloat(quantity.value * (range.quantity.value / range.upper.value)) : quantity.value
    const approxInside = quantity.approxInside || range.quantity.approxInside
    return { ...candidate(at, range.quantity.end, lower, range.quantity.unit, 'number', number, approxInside, range.quantity.multiplied), valueMax: range.quantity.value }
  }
  return candidate(at, quantity.end, quantity.value, quantity.unit, 'number', number, quantity.approxInside, quantity.multiplied)
}

/** The upper end of a range (5%—6%, 3至5年, 1万到2万元), when one follows. */
function matchRangeEnd(text: string, lower: Quantity): { quantity: Quantity; upper: NumberToken } | undefined {
  const dash = RANGE_DASHES.find((candidateDash) => text.startsWith(candidateDash, lower.end))
  if (!dash) return undefined
  const upper = readNumber(text, lower.end + dash.length)
  if (!upper || 'skipTo' in upper || upper.magnitudeOnly || upper.value === 0) return undefined
  const quantity = readQuantity(text, upper)
  if (lower.unit && lower.unit.unit !== quantity.unit?.unit) return undefined
  if (quantity.value < lower.value && !(quantity.multiplied && !lower.multiplied)) return undefined
  return { quantity, upper }
}

/** 几十个, 数百家, 数万人: some tens, hundreds, ten-thousands; the scale is the least it means. */
function matchVagueNumber(text: string, at: number): Match {
  if (text[at] !== '几' && text[at] !== '数') return undefined
  const scale = readNumber(text, at + 1)
  if (!scale || 'skipTo' in scale || (!scale.magnitudeOnly && !/^[十拾][百千万萬亿億]*$/u.test(scale.text))) return undefined
  const number = { ...scale, start: at, text: text.slice(at, scale.end), magnitudeOnly: false }
  const quantity = readQuantity(text, number)
  // without a unit only a large magnitude stands for an amount (数百万群众); 数十 alone is no figure
  const large = quantity.value >= 1e4
  if (!quantity.unit && !large) return undefined
  return candidate(at, quantity.end, quantity.value, quantity.unit, 'number', number, true, quantity.multiplied || large)
}

const MATCHERS = [matchPercentWords, matchWordQuantity, matchDoubling, matchRank, matchVagueNumber, matchNumber]
/** The characters a matcher can start at (百分之, 翻, 第, 前, 几, 数, word quantities, numerals): the pass steps over all others at once. */
const STARTS = new Set(['0123456789', '百翻第前几数', ...tables.wordQuantities.map((entry) => entry.word[0]!), ...tables.numerals.keys()].join(''))


/** 10.6万、3.8万、3.3万平方公里: numbers of a list without a unit take the unit of the last. */
function shareListUnits(text: string, found: Candidate[]): void {
  for (let index = found.length - 2; index >= 0; index--) {
    const candidate = found[index]!
    const next = found[index + 1]!
    if (candidate.unit !== '' || candidate.form !== 'number' || next.unit === '' || next.form !== 'number') continue
    if (!tables.listJoiners.includes(text.slice(candidate.end, next.start))) continue
    found[index] = { ...candidate, unit: next.unit, kind: next.kind, ...(next.unitEntry ? { unitEntry: next.unitEntry } : {}) }
  }
}

/** Every candidate span in `text`, left to right, none overlapping, and the runs set aside while reading. */
export function scan(text: string): { candidates: Candidate[]; skipped: Skipped[] } {
  const found: Candidate[] = []
  const skipped: Skipped[] = []
  let at = 0
  while (at < text.length) {
    let next = at + 1
    if (!STARTS.has(text[at]!)) {
      at = next
      continue
    }
    for (const matcher of MATCHERS) {
      const match = matcher(text, at)
      if (!match) continue
      if ('skipTo' in match) {
        next = Math.max(next, match.skipTo)
        skipped.push({ start: at, end: next, rule: match.rule })
      } else {
        found.push(match)
        next = match.end
      }
      break
    }
    at = next
  }
  shareListUnits(text, found)
  return { candidates: found, skipped }
}
