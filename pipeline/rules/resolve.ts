// Resolving (not finding): the value of a span from the parts the scanner found
// in it. scan.ts says what is written (a numeral, a sign, 半, a denominator, the
// parts of a compound sum, a range's upper end); this module says what it is worth.
import { isMagnitudeChar, isMultiplierChar, magnitudeValue, roundFloat, valueOfNumeral } from './numerals.ts'

/** What a span is made of, as written; numerals without gaps or inner markers. */
export interface Parts {
  /** The numeral (三百零七, 5亿1万4千6百); a word quantity has its listed value instead. */
  numeral: string
  listed?: number
  /** 负, or a minus before the number. */
  negative?: boolean
  /** 两吨半, 一个半小时: and a half of the unit. */
  half?: boolean
  /** 3.5×10^4: the power of ten the numeral is multiplied by. */
  exponent?: number
  /** 2^5: the power the numeral itself is raised to. */
  raisedTo?: number
  /** 翻两番: the numeral counts doublings. */
  doubling?: boolean
  /** 三分之一 (the numeral is the numerator), 2又三分之一 (with a whole part). */
  fraction?: { denominator: string; whole?: string }
  /** 三元五角, 1公里200米: smaller parts after the first, each with its share of the first unit. */
  addends?: { numeral: string; share: number }[]
  /** The upper end of a range: 3至5万元, 百分之八至九, 三四十. */
  upper?: Parts
  /** The upper end's multiplier applies to a lower end written without one (3至5万元 is 30000–50000). */
  sharesMultiplier?: boolean
}

const numeral = (written: string) => valueOfNumeral(written) ?? NaN

/**
 * The multiplier a range's lower end shares with its upper end: 万 of 3至5万 and of 一百至二百万 (a
 * magnitude after a whole numeral), 千 of 3至5千 (a scale after a digit); 1 when there is none.
 */
function sharedMultiplier(lower: string, upper: string): number {
  let at = upper.length
  while (at > 0 && isMagnitudeChar(upper[at - 1]!)) at--
  if (at === upper.length) {
    if ([...lower].some(isMultiplierChar)) return 1
    while (at > 0 && isMultiplierChar(upper[at - 1]!)) at--
  } else if ([...lower].some(isMagnitudeChar)) return 1
  return magnitudeValue(upper.slice(at)) ?? 1
}

function valueOf(parts: Parts): number {
  let value = parts.listed ?? numeral(parts.numeral)
  if (parts.raisedTo !== undefined) value **= parts.raisedTo
  if (parts.exponent !== undefined) value *= 10 ** parts.exponent
  if (parts.doubling) value = 2 ** value
  if (parts.fraction) value = value / numeral(parts.fraction.denominator) + (parts.fraction.whole ? numeral(parts.fraction.whole) : 0)
  if (parts.half) value += 0.5
  for (const addend of parts.addends ?? []) value += numeral(addend.numeral) * addend.share
  return roundFloat(parts.negative ? -value : value)
}

/** Value and, for a range, upper bound of a span. */
export function resolve(parts: Parts): { value: number; valueMax?: number } {
  const value = valueOf(parts)
  if (!parts.upper) return { value }
  const upper = valueOf(parts.upper)
  const shared = parts.sharesMultiplier ? roundFloat(value * sharedMultiplier(parts.numeral, parts.upper.numeral)) : value
  // 3千至5万 keeps its 千: a lower end the multiplier would lift above the upper had its own
  return { value: shared <= upper ? shared : value, valueMax: upper }
}
