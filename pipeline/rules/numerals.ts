// Parsing (not finding) of written numbers: Chinese numerals in everyday,
// financial and traditional forms, and Arabic numbers with Chinese magnitudes.
import { tables } from '../resources/tables.ts'

const DECIMAL_POINT = '点'

/** Multiplying decimals leaves float noise (303.5 × 1e8); 15 significant digits drop it. */
export const roundFloat = (value: number): number => Number(value.toPrecision(15))

function role(char: string) {
  return tables.numerals.get(char)
}

/** True for every character that may appear inside a Chinese numeral. */
export function isNumeralChar(char: string): boolean {
  return char === DECIMAL_POINT || tables.numerals.has(char)
}

/** A section below 万: 三千零五, 十三, 一千五 (= 1500). */
function parseSection(text: string): number | undefined {
  let total = 0
  let digit: number | undefined
  let lastScale = 0
  let zeroSeen = false
  for (const char of text) {
    const entry = role(char)
    if (!entry || entry.role === 'magnitude') return undefined
    if (entry.role === 'digit') {
      if (entry.value === 0) {
        if (digit !== undefined) return undefined
        zeroSeen = true
        continue
      }
      if (digit !== undefined) return undefined // 十四五: two digits in a row
      digit = entry.value
    } else {
      if (lastScale && entry.value >= lastScale) return undefined // 百千 is no number
      total += (digit ?? (total === 0 ? 1 : NaN)) * entry.value
      if (Number.isNaN(total)) return undefined
      lastScale = entry.value
      digit = undefined
      zeroSeen = false
    }
  }
  if (digit !== undefined) {
    // 一千五 is 1500, but 一千零五 is 1005
    total += lastScale >= 100 && !zeroSeen ? (digit * lastScale) / 10 : digit
  }
  return total
}

/** Magnitudes split the numeral: 三亿五千万 = 3 × 亿 + 五千 × 万. */
function parseInteger(text: string): number | undefined {
  if (text === '') return undefined
  for (const [char, magnitude] of [['亿', 1e8], ['億', 1e8], ['万', 1e4], ['萬', 1e4]] as const) {
    const at = text.lastIndexOf(char)
    if (at < 0) continue
    const head = text.slice(0, at)
    const high = head === '' ? 1 : parseInteger(head)
    const tail = text.slice(at + 1)
    // 两万五 is 25000, like 一千五; 两万零五 is 20005
    const lone = [...tail].length === 1 && role(tail)?.role === 'digit' && head !== '' ? role(tail)!.value * (magnitude / 10) : undefined
    const low = tail === '' ? 0 : (lone ?? parseInteger(tail.replace(/^[零〇○]/u, '')))
    if (high === undefined || low === undefined || low >= magnitude) return undefined
    return high * magnitude + low
  }
  return parseSection(text)
}

/** Written digit by digit, as in years: 二〇二五. */
function parsePositional(text: string): number | undefined {
  let value = 0
  for (const char of text) {
    const entry = role(char)
    if (!entry || entry.role !== 'digit' || char === '两' || char === '兩') return undefined
    value = value * 10 + entry.value
  }
  return value
}

export function parseChineseNumeral(text: string): number | undefined {
  // 三点五亿: a magnitude after the decimal part multiplies the whole number
  const magnitudes = /[万萬亿億]+$/u.exec(text)
  if (magnitudes && text.includes(DECIMAL_POINT)) {
    const base = parseChineseNumeral(text.slice(0, magnitudes.index))
    return base === undefined ? undefined : roundFloat(base * magnitudeValue(magnitudes[0])!)
  }
  const [integerPart = '', fractionPart, ...rest] = text.split(DECIMAL_POINT)
  if (rest.length > 0) return undefined
  // 二〇二五 and 一九九九 are read digit by digit; 三四 (三四轮车) is no number
  const digits = [...integerPart]
  const allDigits = digits.length >= 2 && digits.every((char) => role(char)?.role === 'digit')
  const positional = allDigits && (digits.length >= 4 || /[零〇○]/u.test(integerPart))
  const integer = positional ? parsePositional(integerPart) : parseInteger(integerPart)
  if (integer === undefined) return undefined
  if (fractionPart === undefined) return integer
  const fraction = parsePositional(fractionPart)
  if (fraction === undefined || fractionPart === '') return undefined
  const value = integer + Number(`0.${[...fractionPart].map((char) => role(char)!.value).join('')}`)
  return Number.isFinite(value) ? value : undefined
}

/** Arabic digits with Chinese scales between them: 1万6千 = 16000, 10亿5000万 = 1050000000. */
export function parseMixed(text: string): number {
  let result = 0
  let section = 0
  let current = 0
  for (const token of text.match(/\d+|\D/gu) ?? []) {
    const entry = role(token)
    if (!entry) {
      current = Number(token)
    } else if (entry.value === 1e8) {
      result = (result + section + current) * 1e8
      section = 0
      current = 0
    } else if (entry.role === 'magnitude') {
      section = (section + current) * entry.value
      current = 0
    } else {
      section += (current || 1) * entry.value
      current = 0
    }
  }
  return result + section + current
}

/** 5,960,281,000 or 303.5; commas are thousands separators only in groups of three. */
export function parseArabic(text: string): number {
  return Number(text.replaceAll(',', ''))
}

/** The value of a magnitude suffix such as 万, 亿, 万亿 or 千; undefined if it is none. */
export function magnitudeValue(text: string): number | undefined {
  let value = 1
  for (const char of text) {
    const entry = role(char)
    if (!entry || entry.role === 'digit') return undefined
    value *= entry.value
  }
  return text === '' ? undefined : value
}
