// Finding quantity spans (the "extract" half): one left-to-right pass over a
// folded sentence. Each matcher consumes what it reads, so the pass is linear
// in the input. It records the parts it found; resolve.ts works out the values.
import { tables, type Kind, type NumeralWordRole, type Unit } from '../resources/tables.ts'
import { isDigit, isMultiplierChar, isNumeralChar, isPoint, isScaleChar, magnitudeValue, valueOfNumeral } from './numerals.ts'
import { resolve, type Parts } from './resolve.ts'
import { streakLead } from './streak.ts'

export type Form = 'number' | 'percent-words' | 'fraction' | 'doubling' | 'halving' | 'rank'

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
  /** What the span is made of, from which resolve.ts gave value and valueMax. */
  parts: Parts
  /** A range two bounds frame (大于10小于20): its markers are its ends, and bound nothing else. */
  framed?: true
}

/** Longest numerals worth reading; longer runs are noise, not quantities. */
const MAX_NUMERAL = 24
const MAX_DIGITS = 21
/** 303.5, 5,960,281, 12 345 (thousands set apart by a space, as SI writes them), .5 without its zero, and in scientific notation 1.2e5. */
const ARABIC = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,])|\d+|(?=\.\d))(?:\.\d+)?(?:[eE][-+]?\d+)?/y
const LATIN = /[A-Za-z]/
/** %25%, %2D1: a percent sign that opens an escape of a web address, two hex digits and more of the address. */
const URL_ESCAPE = /^%[0-9A-Fa-f]{2}[%0-9A-Za-z]/
/** Longer than any unit surface. */
const MAX_UNIT = 8
const wordsOf = (role: NumeralWordRole) => tables.numeralWords.get(role)!.map((entry) => entry.word)
const RANGE_DASHES = wordsOf('range')
const INSIDE_APPROX = new Set(tables.approxInside.map((entry) => entry.marker))
const NEGATIVE = wordsOf('negative')
const DOTS = wordsOf('dot')
/** 增速为负1.5%: the words after which 负 is a sign. */
const NEGATIVE_AFTER = tables.contextWords.get('negative-after')!

/** Words by their first character, longest first: a lookup tries only the words that can start there. */
function byFirstChar(words: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const word of words) index.set(word[0]!, [...(index.get(word[0]!) ?? []), word])
  return index
}
const UNIT_SURFACES = byFirstChar(tables.unitSurfaces)
const NOT_UNITS = byFirstChar(tables.notUnits)

function unitAt(text: string, at: number): Unit | undefined {
  const first = text[at] ?? ''
  // 年代, 人民: a word that starts like a unit is none, unless a longer unit is written there (人民币)
  const notUnit = NOT_UNITS.get(first)?.find((word) => text.startsWith(word, at))?.length ?? 0
  for (const surface of UNIT_SURFACES.get(first) ?? []) {
    if (!text.startsWith(surface, at)) continue
    if (surface.length <= notUnit) return undefined
    // 5km is a length, 5G a code and 3ms no metre: a Latin unit ends where the letters end
    if (LATIN.test(surface.at(-1)!) && LATIN.test(text[at + surface.length] ?? '')) continue
    // 五两 is a weight, but in 两个, 两年 the 两 counts what follows
    if (isNumeralChar(surface) && unitAt(text, at + 1)) return undefined
    return tables.unitBySurface.get(surface)
  }
  return undefined
}

interface NumberToken {
  start: number
  end: number
  /** The numeral's value, for the checks of finding (a range rises, a denominator is not 0). */
  value: number
  /** The numeral, and the upper end when the numeral itself is a range: 三四十 (30–40), 四、五十 (40–50). */
  parts: Parts
  /** The numeral as written, without gaps or inner markers: 两亿三千五百万 for 两亿三千五百多万. */
  text: string
  magnitudeOnly: boolean
  /** A magnitude (万, 亿) or, after Arabic digits, a scale (3千) is part of the numeral. */
  multiplied: boolean
  /** 多, 余 or 几 inside the numeral, before a multiplier: 两亿三千五百多万, 十余万. */
  approxInside: boolean
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

/** Reports set a space or two between number, multiplier and unit; PDF text a line break, web copies a zero-width space. */
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

/** .5 and -.5, where a number stands alone; after a word or a figure the dot ends a sentence (增长5%.5月份). */
const isLeadingPoint = (text: string, at: number) => text[at] === '.' && isDigit(text[at + 1] ?? '') && /^[\s-]?$/.test(text[at - 1] ?? '')
const joinsLeft = (char: string) => isMultiplierChar(char) || isPoint(char)
/** An inner marker stands between a numeral and its multiplier: 三千五百多万, 十 余 万. */
const isInnerMarker = (text: string, at: number) => INSIDE_APPROX.has(text[at]!) && isMultiplierChar(text[skipSpaces(text, at + 1)] ?? '')

/**
 * The end of the numeral that starts at `at`: digits and numeral characters, with the gaps
 * PDF and OCR text set inside it (6 万 3 千, 二千 七百 万, 三点 二) and 多, 余, 几 before a multiplier.
 * A gap joins only where a multiplier or a point stands on one side: 1 234 is two numbers.
 */
function numeralEnd(text: string, at: number): number {
  let end = at
  let position = at
  while (position < text.length) {
    const char = text[position]!
    if (isDigit(char) || (position === at && isLeadingPoint(text, at))) {
      if (end > at && isDigit(text[end - 1]!)) break
      ARABIC.lastIndex = position
      position += ARABIC.exec(text)![0].length
    } else if (isNumeralChar(char)) {
      position++
    } else if (end > at && isInnerMarker(text, position)) {
      position++
      continue
    } else if (end > at && GAP.test(char)) {
      const next = skipSpaces(text, position)
      const following = text[next] ?? ''
      const joins = joinsLeft(text[end - 1]!) || joinsLeft(following) || isInnerMarker(text, next)
      if (!joins || !(isDigit(following) || isNumeralChar(following) || INSIDE_APPROX.has(following))) break
      position = next
      continue
    } else break
    end = position
  }
  return end
}

/**
 * The numeral as the resolver reads it: no gaps, no inner markers, no thousands separators, a point for a
 * dot; a vague digit before a scale counts as its least, one (一百几十亿 is at least 一百一十亿).
 */
function numeralParts(written: string): string {
  const chars = [...written].filter((char) => !GAP.test(char) && char !== ',')
  return chars
    .map((char, index) => (DOTS.includes(char) ? '.' : INSIDE_APPROX.has(char) ? (VAGUE_DIGITS.has(char) && index > 0 && isScaleChar(chars[index + 1] ?? '') ? LEAST_DIGIT : '') : char))
    .join('')
}

const DIGITS = /\d+/y
/** 4·5%, 3・2亿斤: old typesetting sets a raised dot for the decimal point; between digits and before a unit it is one (the 7·20 of a name is not). */
function dotDecimalEnd(text: string, at: number, end: number): number {
  if (!DOTS.includes(text[end] ?? '') || !/^\d+$/.test(text.slice(at, end)) || !isDigit(text[end + 1] ?? '')) return end
  DIGITS.lastIndex = end + 1
  const after = end + 1 + DIGITS.exec(text)![0].length
  return unitAt(text, readMultiplier(text, skipSpaces(text, after)).end) ? after : end
}

/** A numeral of zeros only (零部件, 零就业) or of multipliers only without a digit (万亿, 百亿; but 十亿 counts). */
function describeParts(parts: string): { zeros: boolean; magnitudeOnly: boolean; multiplied: boolean } {
  const chars = [...parts]
  const entries = chars.map((char) => tables.numerals.get(char))
  const arabic = chars.some(isDigit)
  const digits = entries.filter((entry) => entry?.role === 'digit')
  return {
    zeros: !arabic && digits.length === chars.length && digits.every((entry) => entry!.value === 0),
    // a tens numeral stands alone as a number (十, 廿 = 20); 百 and 万 alone name a magnitude
    magnitudeOnly: !arabic && digits.length === 0 && !(entries[0]?.role === 'scale' && entries[0].value < 100),
    // 十四亿 has its magnitude inside the numeral: like 14亿 it means something without a unit
    multiplied: entries.some((entry) => entry?.role === 'magnitude') || (arabic && entries.some((entry) => entry?.role === 'scale')),
  }
}

/** A bare number at `at`: Arabic digits, a Chinese numeral or both, nothing after it. */
function readNumber(text: string, at: number): NumberToken | Skip | undefined {
  const char = text[at]!
  if (!isDigit(char) && !isLeadingPoint(text, at) && (!isNumeralChar(char) || isPoint(char))) return undefined
  let end = numeralEnd(text, at)
  const dotted = dotDecimalEnd(text, at, end)
  if (dotted > end) end = numeralEnd(text, dotted)
  const written = () => text.slice(at, end)
  const integerDigits = /^[\d,]*/.exec(written())![0].replaceAll(',', '').length
  // gaps do not count: OCR spaces out 八千 三百 八十五 万
  if (numeralParts(written()).length > MAX_NUMERAL || integerDigits > MAX_DIGITS) return { skipTo: end, rule: 'too-long' }
  // 二十万千瓦: a unit that begins with 千 or 百 is a unit, not part of the number
  while (end > at + 1 && (unitAt(text, end - 1)?.surface.length ?? 0) >= 2) end--
  while (end > at + 1 && (GAP.test(text[end - 1]!) || INSIDE_APPROX.has(text[end - 1]!) || isPoint(text[end - 1]!))) end--
  const tenths = tenthsPair(text, at, end)
  if (tenths) return tenths
  let value = valueOfNumeral(numeralParts(written()))
  if (value === undefined) {
    const pair = digitPairRange(text, at, end)
    if (pair) return pair
  }
  // 五两, 两千两: a numeral that reads as none may end in a unit; 5万亿两个: or in 两, which begins a count
  if (value === undefined && end > at + 1 && (unitAt(text, end - 1) || tables.numerals.get(text[end - 1]!)?.countsOnly)) {
    end--
    // 两百点两: no decimal of 两, so the point goes with it
    while (end > at + 1 && isPoint(text[end - 1]!)) end--
    value = valueOfNumeral(numeralParts(written()))
  }
  const parts = numeralParts(written())
  const shape = describeParts(parts)
  if (value === undefined || shape.zeros) return { skipTo: Math.max(end, at + 1), rule: 'not-a-number' }
  // 四、五十亿元: old reports set a pause between the two digits of a range
  if (end === at + 1 && text[end] === PAUSE) {
    const pair = digitPairRange(text, at, numeralEnd(text, end + 1), end)
    if (pair) return pair
  }
  const number = { start: at, end, value, parts: { numeral: parts }, text: parts, magnitudeOnly: shape.magnitudeOnly, multiplied: shape.multiplied, approxInside: [...written()].some((c) => INSIDE_APPROX.has(c)) }
  const powered = withPower(text, number)
  // 9^999 overflows: no figure is that large
  return Number.isFinite(powered.value) ? powered : { skipTo: powered.end, rule: 'too-long' }
}

const POWER = wordsOf('power')
/** The exponent of a power of ten: after a caret (10^4, 10^-3) or in superscript digits (10⁴, 10⁻³). */
const EXPONENT = /^(?:\^[-+]?\d{1,3}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])/
const exponentValue = (written: string) => Number(written.replace('^', '').normalize('NFKC').replace('\u2212', '-'))

/** 3.5×10^4, 1.2×10⁻³: an Arabic number times a power of ten; 2^5, a number raised to a power; 40k, 2.5 M. */
function withPower(text: string, number: NumberToken): NumberToken {
  if (!/^[\d.]+$/.test(number.text)) return number
  const word = POWER.find((candidateWord) => text.startsWith(candidateWord, number.end))
  const at = number.end + (word?.length ?? 0)
  const exponent = EXPONENT.exec(text.slice(at, at + 5))
  if (exponent) {
    const power = exponentValue(exponent[0])
    // a bare caret raises the number itself (2^5); after ×10 it is ten that is raised
    const parts = { ...number.parts, ...(word ? { exponent: power } : { raisedTo: power }) }
    return { ...number, end: at + exponent[0].length, value: resolve(parts).value, parts, multiplied: true }
  }
  return word ? number : withLatinMagnitude(text, number)
}

/** 40k, 12k个百分点, -2.5 M: a letter multiplies a number that no code could be (4K, a single digit, is a video format). */
function withLatinMagnitude(text: string, number: NumberToken): NumberToken {
  const at = skipSpaces(text, number.end)
  const magnitude = tables.latinMagnitudes.get(text[at] ?? '')
  if (!magnitude || LATIN.test(text[at + 1] ?? '') || isDigit(text[at + 1] ?? '') || /^\d$/.test(number.text)) return number
  if (magnitude.needsPoint && !number.text.includes('.')) return number
  const parts = { ...number.parts, exponent: magnitude.exponent }
  return { ...number, end: at + 1, value: resolve(parts).value, parts, multiplied: true }
}

/** 八五折, 95折: before such a unit, two digits are its whole and its tenth (8.5 折), not a number or a range. */
function tenthsPair(text: string, at: number, numeral: number): NumberToken | undefined {
  const digits = [...numeralParts(text.slice(at, numeral))]
  // 九 九 折, 7 2 折: OCR sets a gap between the two
  const second = skipSpaces(text, numeral)
  const spaced = digits.length === 1 && second > numeral && isSingleDigit(text, second)
  if (spaced) digits.push(text[second]!)
  const end = spaced ? second + 1 : numeral
  const unit = unitAt(text, skipSpaces(text, end))
  if (digits.length !== 2 || !unit || !tables.tenthsPair.has(unit.unit)) return undefined
  const [whole, tenth] = digits.map((digit) => valueOfNumeral(digit))
  if (!whole || !tenth || !Number.isInteger(whole) || whole >= 10 || tenth >= 10) return undefined
  const parts = { numeral: digits[0]!, addends: [{ numeral: digits[1]!, share: 0.1 }] }
  return { start: at, end, value: resolve(parts).value, parts, text: digits.join(''), magnitudeOnly: false, multiplied: false, approxInside: false }
}

const isSingleDigit = (text: string, at: number) =>
  (isDigit(text[at] ?? '') || tables.numerals.get(text[at] ?? '')?.role === 'digit') && !isDigit(text[at + 1] ?? '') && !isNumeralChar(text[at + 1] ?? '')

/** The enumeration comma, which old reports set inside a range: 四、五十亿元. */
const PAUSE = '、'

/**
 * 三四十 (30–40), 七八十万 (700000–800000), 十七八 (17–18), 一两个 (1–2): two neighbouring digits
 * make a range before a scale, or after one or alone before a unit (七八个, 三四年), but not in a
 * word (乱七八糟). A pause may stand between them (四、五十), at `pause`.
 */
function digitPairRange(text: string, at: number, end: number, pause?: number): NumberToken | undefined {
  const written = pause === undefined ? text.slice(at, end) : text.slice(at, pause) + text.slice(pause + 1, end)
  const parts = numeralParts(written)
  const pair = [...parts].findIndex((char, index) => isNeighbour(char, parts[index + 1]))
  if (pair < 0) return undefined
  const head = parts.slice(0, pair)
  const rest = parts.slice(pair + 2)
  const lower = head + parts[pair] + rest
  const upper = head + parts[pair + 1] + rest
  const value = valueOfNumeral(lower)
  const headScaled = head === '' || isMultiplierChar(head.at(-1)!)
  const scaled = isMultiplierChar(rest[0] ?? '') || (rest === '' && unitAt(text, skipSpaces(text, end)) !== undefined)
  if (value === undefined || valueOfNumeral(upper) === undefined || !headScaled || !scaled) return undefined
  return { start: at, end, value, parts: { numeral: lower, upper: { numeral: upper } }, text: text.slice(at, end), magnitudeOnly: false, multiplied: describeParts(rest).multiplied, approxInside: false }
}

const LOOSE_PAIRS = wordsOf('pair')
/** 七 then 八, 一 then 两: digits one apart, in the order of a range; or a pair that says "a few" as one (三五年: 3–5). */
function isNeighbour(low: string, high: string | undefined): boolean {
  const lowDigit = tables.numerals.get(low)
  const highDigit = tables.numerals.get(high ?? '')
  return (lowDigit?.role === 'digit' && highDigit?.role === 'digit' && highDigit.value === lowDigit.value + 1) || LOOSE_PAIRS.includes(low + high)
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

const HALF = wordsOf('half')

interface ReadUnit {
  end: number
  unit: string
  entry: Unit
  /** 2个多百分点, 3个多月: 多 or 余 after the classifier of a unit that begins with one. */
  approxInside: boolean
  /** 两吨半, 一个半小时: and a half. */
  half: boolean
}

/**
 * A unit at `at`, with an optional denominator (元/吨, 万元/亩, 人/百亿元); a marker or 半 may
 * stand inside a unit after its classifier (个多百分点, 个半月), and 半 after a unit (两吨半).
 */
function readUnit(text: string, at: number): ReadUnit | undefined {
  const inner = innerUnit(text, at)
  if (inner) return inner
  const spaced = spacedUnit(text, at)
  const entry = spaced?.entry ?? unitAt(text, at)
  if (!entry) return undefined
  let end = spaced?.end ?? at + entry.surface.length
  let unit = entry.unit
  if (text[end] === '/') {
    const multiplier = readMultiplier(text, end + 1)
    const denominator = unitAt(text, multiplier.end)
    if (denominator) {
      unit = `${unit}/${text.slice(end + 1, multiplier.end)}${denominator.unit}`
      end = multiplier.end + denominator.surface.length
    }
  }
  const half = HALF.some((word) => text.startsWith(word, end))
  return { end: half ? end + 1 : end, unit, entry: resolveUnit(unit) ?? entry, approxInside: false, half }
}

/** 个 百 分 点: PDF text sets gaps between the characters of a unit too; the unit so read, when it is longer than the one read without them. */
function spacedUnit(text: string, at: number): { entry: Unit; end: number } | undefined {
  let compact = ''
  const ends: number[] = []
  for (let position = at; compact.length < MAX_UNIT && position < text.length; position = skipSpaces(text, position)) {
    if (GAP.test(text[position]!)) break
    compact += text[position]
    ends.push(++position)
  }
  const gapped = ends.some((end, index) => ends[index + 1] !== undefined && ends[index + 1]! > end + 1)
  const entry = gapped ? unitAt(compact, 0) : undefined
  if (!entry || entry.surface.length <= (unitAt(text, at)?.surface.length ?? 0)) return undefined
  return { entry, end: ends[entry.surface.length - 1]! }
}

/** 个多百分点, 个半月: a classifier that is a unit, a marker or 半, then the rest of a unit that begins with that classifier. */
function innerUnit(text: string, at: number): ReadUnit | undefined {
  const classifier = unitAt(text, at)
  if (!classifier || classifier.surface.length !== 1) return undefined
  const inside = text[at + 1] ?? ''
  const approxInside = INSIDE_APPROX.has(inside)
  const half = HALF.includes(inside)
  if (!approxInside && !half) return undefined
  const joined = classifier.surface + text.slice(at + 2, at + 2 + MAX_UNIT)
  const entry = unitAt(joined, 0)
  if (!entry || entry.surface.length < 2) return undefined
  return { end: at + 1 + entry.surface.length, unit: entry.unit, entry, approxInside, half }
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

interface Quantity {
  end: number
  parts: Parts
  multiplied: boolean
  unit?: { unit: string; entry: Unit }
  approxInside: boolean
}

/** Number, then 余/多, spaces and unit: 3.7万余个, 303.5 亿元, 2个多百分点. */
function readQuantity(text: string, number: NumberToken): Quantity {
  let at = number.end
  let approxInside = number.approxInside
  const marker = skipSpaces(text, at)
  if (!approxInside && INSIDE_APPROX.has(text[marker]!) && !unitAt(text, marker)) {
    approxInside = true
    at = marker + 1
  }
  const unit = readUnit(text, skipSpaces(text, at))
  const quantity = { end: at, parts: number.parts, multiplied: number.multiplied, approxInside }
  if (!unit) return quantity
  return { ...quantity, end: unit.end, parts: unit.half ? { ...number.parts, half: true } : number.parts, unit, approxInside: approxInside || unit.approxInside }
}

function candidate(start: number, end: number, parts: Parts, unit: Quantity['unit'], form: Form, number: NumberToken, approxInside = false, multiplied = false): Candidate {
  const { value, valueMax } = resolve(parts)
  return {
    multiplied,
    start,
    end,
    value,
    ...(valueMax !== undefined ? { valueMax } : {}),
    parts,
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

const FRACTIONS = tables.numeralWords.get('fraction')!
/** 百分之, 千分之: a fraction word with its denominator in it. */
const FIXED_FRACTIONS = FRACTIONS.filter((entry) => isNumeralChar(entry.word[0]!))
/** 分之: a fraction word after a denominator (三分之一). */
const FRACTION_WORDS = FRACTIONS.filter((entry) => !isNumeralChar(entry.word[0]!))
/** 3/4 reads as 四分之三: it takes the unit of 分之 (and without 分之 there is none). */
const SLASH_FRACTION_UNIT = FRACTION_WORDS[0]?.unit
const AND = wordsOf('and')
const VAGUE = wordsOf('vague')
const VAGUE_DIGITS = new Set(VAGUE)
/** The least a vague digit can be (without such a digit in the table, a vague one is dropped). */
const LEAST_DIGIT = [...tables.numerals].find(([, entry]) => entry.role === 'digit' && entry.value === 1 && !entry.financial)?.[0] ?? ''
const DOUBLE = wordsOf('double')
/** 番, with the unit a doubling is counted in (翻两番 = 4 倍). */
const DOUBLE_COUNT = tables.numeralWords.get('double-count')!
const ASPECT = wordsOf('aspect')
/** 第 and 前, with the unit a rank is counted in (第一, 前三: 位). */
const ORDINAL = tables.numeralWords.get('ordinal')!
const TOP = tables.numeralWords.get('top')!
const PLACE = wordsOf('place')
const isOne = (words: string[], char: string | undefined) => char !== undefined && words.includes(char)
const entryOf = (entries: { word: string; unit: string }[], char: string | undefined) => entries.find((entry) => entry.word === char)
/** 连续第7年: the length of a streak, read as 7年 from the number on. */
const countsStreak = (text: string, number: NumberToken) => streakLead(text, number.start) !== undefined && unitAt(text, number.end)?.kind === 'duration'

/** The end of `word` at `at`, with the gaps of PDF text allowed between its characters (百 分 之); -1 if it is not there. */
function wordEnd(text: string, at: number, word: string): number {
  let end = at
  for (const char of word) {
    if (end > at) end = skipSpaces(text, end)
    if (text[end] !== char) return -1
    end++
  }
  return end
}

const unitOf = (surface: string) => ({ unit: surface, entry: tables.unitBySurface.get(surface)! })

/** 百分之八十, 百 分 之 7.5, 千分之三; a range in words too: 百分之八至九, 百分之八到百分之九. */
function matchPercentWords(text: string, at: number): Match {
  for (const fraction of FIXED_FRACTIONS) {
    const end = wordEnd(text, at, fraction.word)
    if (end < 0) continue
    // 百分之负五: the sign after the fraction word; 负百分之五: before it
    const inner = isOne(NEGATIVE, text[skipSpaces(text, end)]) ? 1 : 0
    const read = readNumber(text, skipSpaces(text, end) + inner)
    if (!read || 'skipTo' in read) return read
    const signedBefore = isSignedAt(text, at)
    const number = inner === 1 || signedBefore ? negated(read) : read
    const start = signedBefore ? at - 1 : at
    const percent = (end: number, parts: Parts, approxInside = false) => candidate(start, end, parts, unitOf(fraction.unit), 'percent-words', { ...number, magnitudeOnly: false }, approxInside)
    // 百分之三十几, 百分之五十多: a marker after the numeral stays inside the span
    if (INSIDE_APPROX.has(text[number.end] ?? '')) return percent(number.end + 1, number.parts, true)
    const dash = RANGE_DASHES.find((candidateDash) => text.startsWith(candidateDash, number.end))
    if (!dash) return percent(number.end, number.parts)
    const again = wordEnd(text, number.end + dash.length, fraction.word)
    const upper = readNumber(text, again < 0 ? number.end + dash.length : again)
    if (!upper || 'skipTo' in upper || upper.value <= number.value) return percent(number.end, number.parts)
    return percent(upper.end, { ...number.parts, upper: upper.parts })
  }
  return undefined
}

/** 翻一番 = 2 倍, 翻两番 = 4 倍, 翻了一番 too. */
function matchDoubling(text: string, at: number): Match {
  if (!isOne(DOUBLE, text[at])) return undefined
  const times = readNumber(text, isOne(ASPECT, text[at + 1]) ? at + 2 : at + 1)
  if (!times || 'skipTo' in times || times.value > 10) return undefined
  const count = entryOf(DOUBLE_COUNT, text[times.end])
  if (!count) return undefined
  return candidate(at, times.end + 1, { ...times.parts, doubling: true }, unitOf(count.unit), 'doubling', times)
}

function matchWordQuantity(text: string, at: number): Match {
  const entry = tables.wordQuantities.find((wordQuantity) => text.startsWith(wordQuantity.word, at))
  if (!entry) return undefined
  // 减半折算: a word that ends in its unit needs the unit to be one there
  if (entry.unit && entry.word.endsWith(entry.unit) && !unitAt(text, at + entry.word.length - entry.unit.length)) return undefined
  const unit = entry.unit ? { unit: entry.unit, entry: tables.unitBySurface.get(entry.unit)! } : undefined
  const parts = { numeral: entry.word, listed: entry.value }
  const number = { start: at, end: at + entry.word.length, value: entry.value, parts, text: entry.word, magnitudeOnly: false, multiplied: false, approxInside: false }
  return candidate(at, number.end, parts, unit, entry.form, number)
}

/** 第一, 第3位: a rank or an ordinal, as the context will tell; 进入全省前三: a rank of at most 3. */
function matchRank(text: string, at: number): Match {
  const top = entryOf(TOP, text[at])
  if (top) {
    const number = readNumber(text, at + 1)
    if (!number || 'skipTo' in number || isNumeralChar(text[number.end] ?? '')) return undefined
    const place = isOne(PLACE, text[number.end]) ? 1 : 0 // 前三名
    if (!place && unitAt(text, number.end)) return undefined // 前三季度, 前10个月
    return candidate(number.start, number.end + place, number.parts, unitOf(top.unit), 'rank', number)
  }
  const ordinal = entryOf(ORDINAL, text[at])
  if (!ordinal) return undefined
  const number = readNumber(text, at + 1)
  if (!number || 'skipTo' in number) return number
  if (countsStreak(text, number)) return undefined
  const end = isOne(PLACE, text[number.end]) ? number.end + 1 : number.end
  return candidate(at, end, number.parts, unitOf(ordinal.unit), 'rank', number)
}

/**
 * 增长率为-0.85‰, 增速为负1.5%, 负百分之五: a sign after words, not after a number (6%-6.5% is a range);
 * 负 only after a copula or a mark, since it also ends words (税负5700亿元).
 */
function isSignedAt(text: string, at: number): boolean {
  const previous = text[at - 1] ?? ''
  const beforeSign = text[at - 2] ?? ''
  if (previous === '-') return !/[0-9%‰.A-Za-z]/.test(beforeSign) && !isNumeralChar(beforeSign)
  return NEGATIVE.includes(previous) && (beforeSign === '' || NEGATIVE_AFTER.includes(beforeSign) || /[,;:(\s]/.test(beforeSign))
}

/** The number made negative by a sign; the span's start is the caller's, as the sign may stand before or inside it. */
const negated = (number: NumberToken): NumberToken => ({ ...number, value: -number.value, parts: { ...number.parts, negative: true } })

/** PM2.5, M\n2: how far back Latin letters end before a number, past the spaces or line ends of PDF and web copies; -1 if none do. */
function latinBefore(text: string, at: number): number {
  let before = at - 1
  while (before >= 0 && /\s/.test(text[before]!)) before--
  return LATIN.test(text[before] ?? '') ? at - 1 - before : -1
}

/**
 * 人均GDP1.2万美元, CPI2.1%, GDP 3500亿, LNG 300万吨: a figure after Latin letters, where a code has no unit (PM2.5,
 * G312, PM 2.5). Right after the letters only money or a sign counts, since a Han unit may begin a word (PM2.5成为).
 */
function measuredAfterLetters(text: string, read: NumberToken, spaced: boolean): boolean {
  const unit = readUnit(text, skipSpaces(text, read.end))
  if (spaced) return unit !== undefined || read.multiplied
  return unit !== undefined && (unit.entry.kind === 'money' || !/\p{Script=Han}/u.test(unit.unit))
}

function matchNumber(text: string, at: number): Match {
  const previous = text[at - 1] ?? ''
  // inside a number (3.5, 12, .5), not after an ellipsis (...9)
  if (/[0-9]/.test(previous) || (previous === '.' && text[at - 2] !== '.') || (isNumeralChar(previous) && !isPoint(previous))) return undefined
  const read = readNumber(text, at)
  if (!read || 'skipTo' in read) return read
  const letters = latinBefore(text, at)
  if (letters >= 0 && !measuredAfterLetters(text, read, letters > 0)) return { skipTo: read.end, rule: 'code' } // PM2.5, G312, S38, M 2
  if (previous === '%') return { skipTo: read.end, rule: 'code' } // %2D, %280024: an escape in a web address
  if (previous === '/' && /\d/.test(text[at - 2] ?? '')) return { skipTo: read.end, rule: 'date' } // 2024/12/31
  const signed = isSignedAt(text, at)
  const number = signed ? negated(read) : read
  if (signed) at--
  const fraction = matchFraction(text, at, number)
  if (fraction) return fraction
  const quantity = compound(text, readQuantity(text, number))
  if (!quantity.unit && !quantity.multiplied && LATIN.test(text[quantity.end] ?? '')) return { skipTo: quantity.end, rule: 'code' } // 5G
  if (URL_ESCAPE.test(text.slice(quantity.end - 1, quantity.end + 3))) return { skipTo: quantity.end, rule: 'code' } // q=30%25%20
  const range = matchRangeEnd(text, quantity, number)
  if (range) {
    const approxInside = quantity.approxInside || range.quantity.approxInside
    const parts = { ...quantity.parts, upper: range.quantity.parts, sharesMultiplier: range.quantity.multiplied }
    return candidate(at, range.quantity.end, parts, range.quantity.unit, 'number', number, approxInside, range.quantity.multiplied)
  }
  return candidate(at, quantity.end, quantity.parts, quantity.unit, 'number', number, quantity.approxInside, quantity.multiplied)
}

/** ½, ¾, ⅓: Unicode's vulgar fractions, which NFKC spells as numerator ⁄ denominator. */
const VULGAR_FRACTIONS = '\u00bc\u00bd\u00be' + String.fromCharCode(...Array.from({ length: 15 }, (_, index) => 0x2150 + index))
function vulgarFraction(char: string): Parts | undefined {
  if (char.length !== 1 || !VULGAR_FRACTIONS.includes(char)) return undefined
  const [numerator = '', denominator = ''] = char.normalize('NFKC').split('\u2044')
  return { numeral: numerator, fraction: { denominator } }
}

/** A fraction that ends a mixed number: 三分之一 after 又, ½ with or without it (4½, 四又½), 3/5 after a space (1 3/5). */
function fractionPart(text: string, at: number, afterAnd: boolean, whole: NumberToken): { end: number; parts: Parts; unit: string } | undefined {
  const vulgar = vulgarFraction(text[at] ?? '')
  if (vulgar) return { end: at + 1, parts: vulgar, unit: SLASH_FRACTION_UNIT ?? '' }
  // like a slash fraction's numerator, the whole is small: 2024 1/2 is no mixed number
  const slashAfterSpace = !afterAnd && text[at] === ' ' && /^\d+$/.test(whole.text) && whole.value < 1000 && /^ \d+\/\d/.test(text.slice(at, at + 12))
  const denominator = afterAnd || slashAfterSpace ? readNumber(text, afterAnd ? at : at + 1) : undefined
  const part = denominator && !('skipTo' in denominator) ? matchFraction(text, denominator.start, denominator) : undefined
  return part && !('skipTo' in part) && part.form === 'fraction' && part.parts.fraction ? part : undefined
}

/** ½公里, ¾: a vulgar fraction standing alone. */
function matchVulgarFraction(text: string, at: number): Match {
  const parts = vulgarFraction(text[at]!)
  if (!parts || isDigit(text[at - 1] ?? '')) return undefined
  const unit = readUnit(text, at + 1)
  const number = { start: at, end: at + 1, value: resolve(parts).value, parts, text: text[at]!, magnitudeOnly: false, multiplied: false, approxInside: false }
  return candidate(at, unit?.end ?? at + 1, parts, unit ?? unitOf(SLASH_FRACTION_UNIT!), 'fraction', number)
}

/** 三分之一, 2又三分之一 and 4½ (mixed fractions), 3/4: a fraction after its denominator. */
function matchFraction(text: string, at: number, number: NumberToken): Match {
  const and = AND.map((word) => wordEnd(text, skipSpaces(text, number.end), word)).find((end) => end >= 0)
  const part = fractionPart(text, and === undefined ? number.end : skipSpaces(text, and), and !== undefined, number)
  if (part) {
    // 2又三分之一米: a unit after a mixed number is what it counts; 负一又二分之一 is negative as a whole
    const unit = readUnit(text, part.end)
    const parts = { ...part.parts, fraction: { ...part.parts.fraction!, whole: number.parts.numeral }, ...(number.parts.negative ? { negative: true } : {}) }
    return candidate(at, unit?.end ?? part.end, parts, unit ?? unitOf(part.unit), 'fraction', number)
  }
  for (const fraction of FRACTION_WORDS) {
    const end = wordEnd(text, skipSpaces(text, number.end), fraction.word)
    if (end < 0) continue
    // 负三分之负一百五十七: a sign on each side, and two make the value positive
    const signed = isOne(NEGATIVE, text[skipSpaces(text, end)]) ? 1 : 0
    const numerator = readNumber(text, skipSpaces(text, end) + signed)
    if (!numerator || 'skipTo' in numerator || number.value === 0) return { skipTo: end, rule: 'not-a-number' }
    const negative = Boolean(number.parts.negative) !== (signed === 1)
    const parts = { ...numerator.parts, fraction: { denominator: number.parts.numeral }, ...(negative ? { negative: true } : {}) }
    return candidate(at, numerator.end, parts, unitOf(fraction.unit), 'fraction', numerator)
  }
  if (SLASH_FRACTION_UNIT && text[number.end] === '/' && /\d/.test(text[number.end + 1] ?? '')) {
    const denominator = readNumber(text, number.end + 1)
    // 2024/12/31 is a date: a fraction has a small numerator and no second slash
    const fraction = denominator && !('skipTo' in denominator) && denominator.value !== 0 && number.value < 1000 && text[denominator.end] !== '/'
    if (fraction && !unitAt(text, denominator.end)) return candidate(at, denominator.end, { ...number.parts, fraction: { denominator: denominator.parts.numeral } }, unitOf(SLASH_FRACTION_UNIT), 'fraction', number)
  }
  return undefined
}

/** 三角五分 after 两元: the parts of a money unit, each smaller than the one before, with their share of it. */
function subUnitParts(text: string, at: number, unit: string): { end: number; addends: NonNullable<Parts['addends']> } {
  let end = at
  let smallest = 1
  const addends: NonNullable<Parts['addends']> = []
  for (;;) {
    const next = readNumber(text, end)
    if (!next || 'skipTo' in next || next.multiplied) break
    const part = tables.subUnits.find((entry) => entry.unit === unit && entry.factor < smallest && text.startsWith(entry.part, next.end))
    if (!part) break
    addends.push({ numeral: next.parts.numeral, share: part.factor })
    smallest = part.factor
    end = next.end + part.part.length
  }
  return { end, addends }
}

/** 三成五, 一米八, 七成 六 (spaced by OCR): one digit after such a unit, and no numeral or unit after the digit, is its tenth. */
function tenthAfter(text: string, at: number, unit: string): { digit: string; end: number } | undefined {
  const start = skipSpaces(text, at)
  const digit = text[start] ?? ''
  const entry = tables.numerals.get(digit)
  const after = text[start + 1] ?? ''
  const alone = !isNumeralChar(after) && !isDigit(after) && !unitAt(text, skipSpaces(text, start + 1))
  // across a gap the digit must end the figure: 三成 5月份 starts a date
  if (start > at && /\p{Script=Han}/u.test(after)) return undefined
  const isDigitChar = isDigit(digit) || (entry?.role === 'digit' && !entry.countsOnly && entry.value > 0)
  return tables.tenthsAfter.has(unit) && isDigitChar && alone ? { digit, end: start + 1 } : undefined
}

const MONEY_WORD = tables.contextWords.get('money-word')!
/** 一块五, 十块零五毛: a classifier that is money with 钱 after it (块钱) is money where a tenth or a smaller coin follows it. */
function colloquialMoney(text: string, quantity: Quantity): Quantity | undefined {
  if (quantity.unit!.entry.kind === 'money') return undefined
  const surface = MONEY_WORD.map((word) => quantity.unit!.unit + word).find((candidate) => tables.unitBySurface.get(candidate)?.kind === 'money')
  if (surface === undefined) return undefined
  const money = unitOf(surface)
  const follows = subUnitParts(text, quantity.end, money.entry.unit).end > quantity.end || tenthAfter(text, quantity.end, money.entry.unit) !== undefined
  return follows ? { ...quantity, unit: money } : undefined
}

/**
 * 三元五角, 一美元二十美分, 1公里200米: a smaller unit of the same measure after a quantity adds to it,
 * in the first unit.
 */
function compound(text: string, quantity: Quantity): Quantity {
  const unit = quantity.unit?.entry
  if (!unit || quantity.parts.upper) return quantity
  const money = colloquialMoney(text, quantity)
  if (money) return compound(text, money)
  // 两美元又三美分, 三元又五角: 又 may join the smaller unit
  const joined = quantity.end + (AND.find((word) => text.startsWith(word, quantity.end))?.length ?? 0)
  const parts = subUnitParts(text, joined, unit.unit)
  if (parts.end > joined) return { ...quantity, end: parts.end, parts: { ...quantity.parts, addends: parts.addends } }
  const tenth = tenthAfter(text, quantity.end, unit.unit)
  if (tenth) return { ...quantity, end: tenth.end, parts: { ...quantity.parts, addends: [{ numeral: tenth.digit, share: 0.1 }] } }
  const next = readNumber(text, joined)
  if (!next || 'skipTo' in next || next.multiplied) return quantity
  const smaller = readQuantity(text, next)
  const entry = smaller.unit?.entry
  if (!entry || entry.baseUnit !== unit.baseUnit || entry.factor >= unit.factor || entry.kind !== unit.kind) return quantity
  return { ...quantity, end: smaller.end, parts: { ...quantity.parts, addends: [{ numeral: smaller.parts.numeral, share: entry.factor / unit.factor }] } }
}

/** The upper end of a range (5%—6%, 3至5年, 1万到2万元), when one follows. */
function matchRangeEnd(text: string, lower: Quantity, lowerNumber: NumberToken): { quantity: Quantity; upper: NumberToken } | undefined {
  if (lowerNumber.parts.upper) return undefined
  // 20 - 100个: PDF and OCR text may space out the dash, on both sides (20 -5 is a minus)
  const at = skipSpaces(text, lower.end)
  const dash = RANGE_DASHES.find((candidateDash) => text.startsWith(candidateDash, at))
  if (!dash) return undefined
  const after = skipSpaces(text, at + dash.length)
  if (at > lower.end && after === at + dash.length) return undefined
  const upper = readNumber(text, after)
  if (!upper || 'skipTo' in upper || upper.magnitudeOnly || upper.value === 0) return undefined
  const quantity = readQuantity(text, upper)
  if (lower.unit && lower.unit.unit !== quantity.unit?.unit) return undefined
  if (resolve(quantity.parts).value < resolve(lower.parts).value && !(quantity.multiplied && !lower.multiplied)) return undefined
  return { quantity, upper }
}

/** 几十个, 数百家, 数万人: some tens, hundreds, ten-thousands; the scale is the least it means. */
function matchVagueNumber(text: string, at: number): Match {
  if (!VAGUE.includes(text[at]!)) return undefined
  const scale = readNumber(text, at + 1)
  const tens = scale && !('skipTo' in scale) && tables.numerals.get(scale.text[0]!)?.value === 10 && [...scale.text].every(isMultiplierChar)
  if (!scale || 'skipTo' in scale || (!scale.magnitudeOnly && !tens)) return undefined
  const number = { ...scale, start: at, text: text.slice(at, scale.end), magnitudeOnly: false }
  const quantity = readQuantity(text, number)
  // without a unit only a large magnitude stands for an amount (数百万群众); 数十 alone is no figure
  const large = resolve(quantity.parts).value >= 1e4
  if (!quantity.unit && !large) return undefined
  return candidate(at, quantity.end, quantity.parts, quantity.unit, 'number', number, true, quantity.multiplied || large)
}

const BELOW_ZERO = tables.numeralWords.get('below-zero')!
const DEGREE = tables.contextWords.get('degree-after-below-zero')!

/** 零下五度, 零下5℃: below zero is a negative temperature, and 度 after it a degree Celsius. */
function matchBelowZero(text: string, at: number): Match {
  const below = BELOW_ZERO.find((entry) => text.startsWith(entry.word, at))
  const read = below && readNumber(text, skipSpaces(text, at + below.word.length))
  if (!below || !read || 'skipTo' in read) return undefined
  const number = negated(read)
  const quantity = readQuantity(text, number)
  const degree = quantity.unit ? undefined : DEGREE.find((word) => text.startsWith(word, quantity.end))
  const end = quantity.end + (degree?.length ?? 0)
  return candidate(at, end, quantity.parts, quantity.unit ?? (degree ? unitOf(below.unit) : undefined), 'number', number, quantity.approxInside)
}

const HALF_PERIOD_BEFORE = tables.contextWords.get('half-period-before')!
/** Kinds a half of one unit measures: 半年, 半个月, 半公里, 半成; not a count (半个世纪 is fifty years). */
const HALVED_KINDS: ReadonlySet<Kind> = new Set(['duration', 'length', 'mass', 'area', 'volume', 'percentage_point', 'percent'])

/** 半年, 半个小时: half of one unit; 上半年 and 大半年 name a part of the year, no length. */
function matchHalf(text: string, at: number): Match {
  if (!HALF.includes(text[at]!)) return undefined
  const unit = readUnit(text, at + 1)
  if (!unit || !HALVED_KINDS.has(unit.entry.kind)) return undefined
  if (HALF_PERIOD_BEFORE.some((word) => text.startsWith(word, at - word.length))) return { skipTo: unit.end, rule: 'date' }
  const parts = { numeral: '0', half: true }
  const number = { start: at, end: at + 1, value: 0.5, parts, text: text[at]!, magnitudeOnly: false, multiplied: false, approxInside: false }
  return candidate(at, unit.end, parts, unit, 'number', number)
}

/** ￥500, US$30, RMB 100元: a sign or code of the money before the sum; a unit after it still names the sum. */
function matchUnitSign(text: string, at: number): Match {
  const sign = tables.unitSigns.find((entry) => text.startsWith(entry.sign, at))
  if (!sign || LATIN.test(text[at - 1] ?? '')) return undefined
  const read = readNumber(text, skipSpaces(text, at + sign.sign.length))
  if (!read || 'skipTo' in read) return undefined
  const quantity = readQuantity(text, read)
  return candidate(at, quantity.end, quantity.parts, quantity.unit ?? unitOf(sign.unit), 'number', read, quantity.approxInside, quantity.multiplied)
}

const MATCHERS = [matchUnitSign, matchPercentWords, matchWordQuantity, matchDoubling, matchRank, matchVagueNumber, matchBelowZero, matchHalf, matchVulgarFraction, matchNumber]
/** The grammar words a match can begin with (百分之, 翻, 第, 前, 几, 半, 零下); 点, 至, 了 or 名 only ever follow a number. */
const LEADING_ROLES: readonly NumeralWordRole[] = ['fraction', 'double', 'ordinal', 'top', 'vague', 'half', 'below-zero', 'pair']
/** The characters a matcher can start at (digits, numerals, leading grammar words, word quantities, unit signs): the pass steps over all others at once. */
const STARTS = (() => {
  const starts = new Uint8Array(0x10000)
  const chars = [
    '0123456789.',
    ...LEADING_ROLES.flatMap((role) => wordsOf(role).map((word) => word[0]!)),
    ...tables.wordQuantities.map((entry) => entry.word[0]!),
    ...tables.unitSigns.map((entry) => entry.sign[0]!),
    ...tables.numerals.keys(),
    VULGAR_FRACTIONS,
  ].join('')
  // by UTF-16 unit, as the pass steps: a character outside the BMP starts no match
  for (const char of chars) if (char.length === 1) starts[char.charCodeAt(0)] = 1
  return starts
})()


/** Both in digits or both in numerals: 一、2024年 is a list marker before a year, not a list of two. */
const writtenAlike = (a: Candidate, b: Candidate) => isDigit(a.numeral[0] ?? '') === isDigit(b.numeral[0] ?? '')

/** 10.6万、3.8万、3.3万平方公里: numbers of a list without a unit take the unit of the last. */
function shareListUnits(text: string, found: Candidate[]): void {
  for (let index = found.length - 2; index >= 0; index--) {
    const candidate = found[index]!
    const next = found[index + 1]!
    if (candidate.unit !== '' || candidate.form !== 'number' || next.unit === '' || next.form !== 'number' || !writtenAlike(candidate, next)) continue
    if (!tables.listJoiners.includes(text.slice(candidate.end, next.start))) continue
    found[index] = { ...candidate, unit: next.unit, kind: next.kind, ...(next.unitEntry ? { unitEntry: next.unitEntry } : {}) }
  }
}

const TEMPERATURES = [...tables.contextWords.get('temperature-before')!].sort((a, b) => b.length - a.length)
const FAHRENHEIT = tables.contextWords.get('fahrenheit-before')!
/** Longer than a temperature and a verb (华氏温度升高): a long run-on text is never read back whole. */
const TEMPERATURE_REACH = 16
const TEMPERATURE_VERBS = [...tables.contextWords.get('index-verb')!, ...tables.change.map((entry) => entry.word)].sort((a, b) => b.length - a.length)
/** 最高气温35度, 华氏温度100度, 把温度升高5度: after a temperature, 度 is a degree, Fahrenheit where the temperature says so. */
function readDegrees(text: string, found: Candidate[]): void {
  for (const [index, candidate] of found.entries()) {
    const degree = DEGREE.find((word) => text.startsWith(word, candidate.end))
    if (candidate.unit !== '' || candidate.form !== 'number' || degree === undefined) continue
    const before = text.slice(Math.max(0, candidate.start - TEMPERATURE_REACH), candidate.start).trimEnd()
    // 气温为35度, 把温度升高5度: a linking or change verb may stand between
    const lead = before.slice(0, before.length - (TEMPERATURE_VERBS.find((verb) => before.endsWith(verb))?.length ?? 0))
    const temperature = TEMPERATURES.find((word) => lead.endsWith(word))
    if (temperature === undefined) continue
    const unit = unitOf(FAHRENHEIT.some((word) => temperature.startsWith(word)) ? '℉' : '℃')
    found[index] = { ...candidate, end: candidate.end + degree.length, unit: unit.unit, kind: unit.entry.kind, unitEntry: unit.entry }
  }
}

/**
 * http://…, www.…: a web address, whose numbers are part of it. It runs over printable ASCII, but not over
 * what the folded Chinese marks became (，；（）) nor over a mark that ends the sentence after it.
 */
const WEB_ADDRESS = /(?:(?:https?|ftp):\/\/|www\.)[^\s,;()<>"'\u0080-\uffff]*[^\s,;()<>"'\u0080-\uffff.?!:]/gi

/** Every candidate span in `text`, left to right, none overlapping, and the runs set aside while reading. */
export function scan(text: string): { candidates: Candidate[]; skipped: Skipped[] } {
  const found: Candidate[] = []
  const skipped: Skipped[] = []
  const addresses = [...text.matchAll(WEB_ADDRESS)]
  let at = 0
  while (at < text.length) {
    let next = at + 1
    if (addresses[0] && at >= addresses[0].index) {
      const address = addresses.shift()!
      skipped.push({ start: address.index, end: address.index + address[0].length, rule: 'code' })
      at = Math.max(at, address.index + address[0].length)
      continue
    }
    if (STARTS[text.charCodeAt(at)] === 0) {
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
  readDegrees(text, found)
  return { candidates: found, skipped }
}
