// Valuing (not finding) written numbers: Chinese numerals in everyday and
// financial forms, Arabic numbers, and the two mixed (5亿1万4千6百, 4.78万亿).
// The scanner hands over a numeral with its gaps and inner markers removed;
// traditional characters are already folded to simplified ones.
import { tables, type Numeral } from '../resources/tables.ts'

/** Below this an integer is already what 15 significant digits give (a -0 aside, which becomes 0); most values are integers. */
const EXACT_INTEGERS = 1e15
/** Multiplying decimals leaves float noise (303.5 × 1e8); 15 significant digits drop it. */
export const roundFloat = (value: number): number => (Number.isInteger(value) && Math.abs(value) < EXACT_INTEGERS ? value + 0 : Number(value.toPrecision(15)))

const POINT = tables.numeralWords.get('point')!.map((entry) => entry.word)

const numeral = (char: string): Numeral | undefined => tables.numerals.get(char)

export const isPoint = (char: string): boolean => POINT.includes(char)

/** The everyday numeral characters, neither financial (壹, 拾) nor 两, which only counts: how years, dates and headings are written. */
const everyday = (keep: (entry: Numeral) => boolean) =>
  [...tables.numerals].filter(([, entry]) => !entry.financial && !entry.countsOnly && keep(entry)).map(([char]) => char)
/** 〇 to 九: years written digit by digit (一九八二年). */
export const WRITTEN_DIGITS = everyday((entry) => entry.role === 'digit')
/** 一 to 十: what numbers headings and months (一、, （三）, 十二月). */
export const SMALL_NUMERALS = everyday((entry) => entry.value >= 1 && entry.value <= 10)
/** 一 to 十 and 两, which counts only: what counts years and things (两年, 三个月). */
export const COUNTING_NUMERALS = [...SMALL_NUMERALS, ...[...tables.numerals].filter(([, entry]) => entry.countsOnly).map(([char]) => char)]

/** An ASCII digit: normalize has folded the full-width ones. */
export const isDigit = (char: string): boolean => char >= '0' && char <= '9'

/** True for every character that may appear inside a Chinese numeral. */
export function isNumeralChar(char: string): boolean {
  return isPoint(char) || tables.numerals.has(char)
}

/** Scales (十 百 千) multiply within a group of four digits, magnitudes (万 亿) whole groups. */
export const isScaleChar = (char: string): boolean => numeral(char)?.role === 'scale'
export const isMagnitudeChar = (char: string): boolean => numeral(char)?.role === 'magnitude'
/** Scales and magnitudes: the characters that multiply. */
export const isMultiplierChar = (char: string): boolean => isScaleChar(char) || isMagnitudeChar(char)

/** One part of a numeral: an Arabic number, or one Chinese numeral character. */
type Token = { kind: 'arabic'; value: number; written: string } | { kind: 'char'; char: string; entry: Numeral }

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = []
  for (const match of text.matchAll(/(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?|./gu)) {
    if (/\d/.test(match[0].at(-1)!)) {
      tokens.push({ kind: 'arabic', value: Number(match[0]), written: match[0] })
      continue
    }
    const entry = numeral(match[0])
    if (!entry) return undefined
    const last = tokens.at(-1)
    // 六万万五千万 (older reports): 万万 is one magnitude, 亿, so the 五千万 after it is added to it, not multiplied
    if (entry.role === 'magnitude' && last?.kind === 'char' && last.entry.role === 'magnitude' && last.char.endsWith(match[0])) {
      tokens[tokens.length - 1] = { kind: 'char', char: last.char + match[0], entry: { ...entry, value: last.entry.value * entry.value } }
      continue
    }
    tokens.push({ kind: 'char', char: match[0], entry })
  }
  return tokens
}

const isZero = (token: Token) => token.kind === 'char' && token.entry.role === 'digit' && token.entry.value === 0
/** 五 or 5: one digit, which after a magnitude stands for its tenth. */
const isSingleDigit = (token: Token) => token.kind === 'char' || /^\d$/.test(token.written)
const digitValue = (token: Token) => (token.kind === 'arabic' ? token.value : token.entry.role === 'digit' ? token.entry.value : undefined)
const scaleValue = (token: Token) => (token.kind === 'char' && token.entry.role === 'scale' ? token.entry.value : undefined)

/** A section below 万: 三千零五, 十三, 一千五 (= 1500), 4千6百. */
function parseSection(tokens: Token[]): number | undefined {
  let total = 0
  let digit: number | undefined
  let lastDigit: Token | undefined
  let lastScale = 0
  let zeroSeen = false
  for (const token of tokens) {
    if (isZero(token)) {
      if (digit !== undefined) return undefined
      zeroSeen = true
      continue
    }
    const scale = scaleValue(token)
    if (scale === undefined) {
      if (digit !== undefined) return undefined // 十四五: two digits in a row
      digit = digitValue(token)
      lastDigit = token
      if (digit === undefined) return undefined
      continue
    }
    if (lastScale && scale >= lastScale) return undefined // 百千 is no number
    if (digit !== undefined && digit >= 10) return undefined // 50千 is no number
    if (digit === undefined && total !== 0) return undefined
    total += (digit ?? 1) * scale
    lastScale = scale
    digit = undefined
    zeroSeen = false
  }
  if (digit === undefined) return total
  if (lastScale >= 100 && !zeroSeen) {
    // 一千五 is 1500 and 一千零五 is 1005; 两 never stands last (两千两 is 2000 两, a weight)
    if (lastDigit?.kind === 'char' && lastDigit.entry.countsOnly) return undefined
    return total + (digit * lastScale) / 10
  }
  if (lastDigit?.kind === 'char' && lastDigit.entry.countsOnly && lastScale > 0) return undefined // 十两
  return total + digit
}

/** Magnitudes split the numeral, the largest last first: 三亿五千万 = 3 × 亿 + 五千 × 万; 四万万 = 四 × 万万. */
function parseInteger(tokens: Token[]): number | undefined {
  if (tokens.length === 0) return undefined
  let split = -1
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]!
    if (token.kind !== 'char' || token.entry.role !== 'magnitude') continue
    const best = split < 0 ? undefined : (tokens[split] as Extract<Token, { kind: 'char' }>)
    if (!best || token.entry.value > best.entry.value) split = index
  }
  if (split < 0) return parseSection(tokens)
  const magnitude = (tokens[split] as Extract<Token, { kind: 'char' }>).entry.value
  const head = tokens.slice(0, split)
  const tail = tokens.slice(split + 1)
  // 万一 (in case) is no number: a numeral opened by its magnitude ends there (万, 万亿)
  if (head.length === 0 && tail.length > 0) return undefined
  const high = head.length === 0 ? 1 : parseInteger(head)
  const lone = tail.length === 1 && head.length > 0 && isSingleDigit(tail[0]!) ? tail[0]! : undefined
  if (lone?.kind === 'char' && lone.entry.countsOnly) return undefined // 两万两: 两 stands last only as a weight
  // 两万五 and 2万5 are 25000, like 一千五; 两万零五 is 20005
  const abbreviated = lone && digitValue(lone) !== undefined ? digitValue(lone)! * (magnitude / 10) : undefined
  const low = tail.length === 0 ? 0 : (abbreviated ?? parseInteger(isZero(tail[0]!) ? tail.slice(1) : tail))
  if (high === undefined || low === undefined || low >= magnitude) return undefined
  return high * magnitude + low
}

/** Written digit by digit, as in years and decimals: 二〇二五, 零六. */
function parsePositional(tokens: Token[]): string | undefined {
  let digits = ''
  for (const token of tokens) {
    if (token.kind !== 'char' || token.entry.role !== 'digit' || token.entry.countsOnly) return undefined
    digits += String(token.entry.value)
  }
  return digits
}

/** 二〇二五 and 一九九九 are read digit by digit; 三四 (三四轮车) is no number. */
function isPositional(tokens: Token[]): boolean {
  const digits = tokens.every((token) => token.kind === 'char' && token.entry.role === 'digit')
  return digits && tokens.length >= 2 && (tokens.length >= 4 || tokens.some(isZero))
}

function magnitudeSuffix(tokens: Token[]): number {
  let at = tokens.length
  while (at > 0 && tokens[at - 1]!.kind === 'char' && (tokens[at - 1] as Extract<Token, { kind: 'char' }>).entry.role === 'magnitude') at--
  return at
}

/**
 * The value of a numeral: 三百零七, 5亿1万4千6百, 4.78万亿, 三点五亿, 二〇二五, 四万万.
 * Undefined when the characters form no number (十四五, 百千, 点).
 */
export function valueOfNumeral(text: string): number | undefined {
  const point = POINT.map((word) => text.indexOf(word)).find((at) => at >= 0) ?? -1
  if (point >= 0) return valueOfDecimal(text.slice(0, point), text.slice(point + 1))
  const tokens = tokenize(text.replaceAll(',', ''))
  if (!tokens || tokens.length === 0) return undefined
  if (isPositional(tokens)) {
    const digits = parsePositional(tokens)
    return digits === undefined ? undefined : Number(digits)
  }
  const value = parseInteger(tokens)
  return value === undefined ? undefined : roundFloat(value)
}

/** 三点五, 五点零六; a magnitude after the decimal part multiplies the whole number (三点五亿). */
function valueOfDecimal(integerPart: string, rest: string): number | undefined {
  const integer = valueOfNumeral(integerPart)
  const tokens = tokenize(rest)
  if (integer === undefined || !tokens) return undefined
  const suffix = magnitudeSuffix(tokens)
  const fraction = parsePositional(tokens.slice(0, suffix))
  if (!fraction) return undefined
  const factor = suffix < tokens.length ? (parseInteger(tokens.slice(suffix)) ?? NaN) : 1
  const value = roundFloat((integer + Number(`0.${fraction}`)) * factor)
  return Number.isFinite(value) ? value : undefined
}

/** The value of a magnitude suffix such as 万, 亿, 万亿 or 千; undefined if it is none. */
export function magnitudeValue(text: string): number | undefined {
  let value = 1
  for (const char of text) {
    const entry = numeral(char)
    if (!entry || entry.role === 'digit') return undefined
    value *= entry.value
  }
  return text === '' ? undefined : value
}
