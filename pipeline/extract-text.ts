// The pure stages on a string, without file, catalog or machine: for the spec
// tables, property tests and the benchmark.
import { extract, type DocumentFacts } from './stages/extract.ts'
import { normalize } from './stages/normalize.ts'
import { parse } from './stages/parse.ts'
import type { Extraction, Mention } from './types.ts'

export function extractRecords(text: string, docId = 'text', facts: Omit<DocumentFacts, 'docId'> = { national: true }): Extraction {
  const normalized = normalize(text)
  const { notes, year, ...extraction } = extract(parse(normalized.folded), normalized, { docId, ...facts })
  return extraction
}

export function extractText(text: string, docId = 'text'): Mention[] {
  return extractRecords(text, docId).mentions
}
