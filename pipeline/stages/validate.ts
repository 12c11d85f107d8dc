// validate: every record is checked against its schema before it is written.
// A failing record is set aside with its reason, never dropped silently.
import type { ValidateFunction } from 'ajv'
import { problemOf, validators } from '../schemas.ts'
import type { Extraction } from '../types.ts'

type Table = keyof Extraction

export interface Invalid {
  table: Table
  /** Code-point offset of the record in the raw text. */
  start: number
  reason: string
}

export interface Validated {
  extraction: Extraction
  invalid: Invalid[]
}

const SCHEMAS: Record<Table, ValidateFunction> = {
  mentions: validators.quantity,
  sentences: validators.sentence,
  sections: validators.section,
  terms: validators.term,
  exclusions: validators.exclusion,
}

/** Checks the schema cannot state: a span is not empty, a value is finite. */
function spanProblem(record: { start: number; end?: number; value?: number }): string | undefined {
  if (record.end !== undefined && record.end <= record.start) return 'the span is empty'
  if (record.value !== undefined && !Number.isFinite(record.value)) return 'the value is not finite'
  return undefined
}

function keep<T extends { start: number; end?: number; value?: number }>(table: Table, records: T[], invalid: Invalid[]): T[] {
  return records.filter((record) => {
    const reason = problemOf(SCHEMAS[table], record) ?? spanProblem(record)
    if (reason) invalid.push({ table, start: record.start, reason })
    return reason === undefined
  })
}

export function validate(extraction: Extraction): Validated {
  const invalid: Invalid[] = []
  const sentences = keep('sentences', extraction.sentences, invalid)
  // a mention must keep its sentence, or its sentence_id would point at nothing
  const kept = new Set(sentences.map((sentence) => sentence.sentence_id))
  const inKeptSentence = <T extends { sentence_id: string; start: number }>(table: Table, records: T[]): T[] =>
    records.filter((record) => {
      if (!kept.has(record.sentence_id)) invalid.push({ table, start: record.start, reason: `its sentence ${record.sentence_id} was set aside` })
      return kept.has(record.sentence_id)
    })
  return {
    extraction: {
      mentions: keep('mentions', inKeptSentence('mentions', extraction.mentions), invalid),
      exclusions: keep('exclusions', inKeptSentence('exclusions', extraction.exclusions), invalid),
      sentences,
      sections: keep('sections', extraction.sections, invalid),
      terms: keep('terms', extraction.terms, invalid),
    },
    invalid,
  }
}
