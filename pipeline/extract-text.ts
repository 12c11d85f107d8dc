// The pure stages on a string, without file, catalog or machine: for the spec
// tables, property tests and the benchmark.
import { extract } from './stages/extract.ts'
import { normalize } from './stages/normalize.ts'
import { parse } from './stages/parse.ts'
import type { Extraction, Mention } from './types.ts'

export function extractRecords(text: string, docId = 'text'): Extraction {
  const normalized = normalize(text)
  return extract(parse(normalized.folded), normalized, docId)
}

export function extractText(text: string, docId = 'text'): Mention[] {
  return extractRecords(text, docId).mentions
}
