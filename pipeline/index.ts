// The numeral API: read numbers and quantities from any Chinese text, without
// files, catalog or release. Offsets are code points into the text given.
import { extractRecords } from './extract-text.ts'
import { fold } from './stages/normalize.ts'
import { scan } from './rules/scan.ts'
import type { Mention } from './types.ts'

/** A quantity found in a text: the fields of a mention that do not depend on a document. */
export type Quantity = Omit<Mention, 'doc_id' | 'mention_id' | 'sentence_id' | 'section' | 'paragraph' | 'sentence'>

/**
 * The value of a number written alone, in any form Chinese writes one: 三百零七, 2,040,000,
 * 两亿三千五百万, 負一千二百零三萬, 三分之一, 2又三分之一, 6 万 3 千. Undefined when the text
 * is not one number (十四五, 一切, 5元: a unit makes it a quantity, see findQuantities).
 */
export function parseNumber(text: string): number | undefined {
  const folded = fold(text.trim())
  const [first] = scan(folded).candidates
  if (!first || first.start !== 0 || first.end !== folded.length) return undefined
  // a fraction is a number (its unit 分之 only marks the form); any other unit makes a quantity
  return first.unit === '' || first.form === 'fraction' ? first.value : undefined
}

/**
 * Every quantity in a text (a number with its unit, or a figure the guideline counts without one),
 * with value, unit, kind, approx, indicator, change and status, as the pipeline finds them in reports.
 */
export function findQuantities(text: string): Quantity[] {
  return extractRecords(text).mentions.map(({ doc_id, mention_id, sentence_id, section, paragraph, sentence, ...quantity }) => quantity)
}

export type { Approx, Change, Kind, Status } from './resources/tables.ts'
