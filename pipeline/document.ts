// One catalogued document through its machine, to what a run keeps of it: the
// summary for the end-of-run tables, its documents/<doc_id>.json and its rows
// of every document table. Plain data, so it crosses from a worker thread and
// goes into the cache as it is.
import { performance } from 'node:perf_hooks'
import { runTimed, type DocumentResult, type Stage } from './machine.ts'
import { tableChunk } from './package/chunks.ts'
import { DOCUMENT_TABLES, documentRow, sortBy, type DocumentSummary, type Row } from './package/rows.ts'
import type { StoredChunk } from './package/scratch.ts'
import { TABLES } from './package/tables.ts'
import { diagnosticRecord } from './release.ts'
import { problemOf, validators } from './schemas.ts'
import type { CatalogEntry, Mention } from './types.ts'

export interface ProcessedDocument {
  summary: DocumentSummary
  /** The text of documents/<doc_id>.json, or '' when the document was not written. */
  json: string
  chunks: Record<string, StoredChunk>
  /** Its mentions with an indicator code and a period, which the series table pairs across documents. */
  coded: Mention[]
  /** Seconds spent in each stage of the machine, and in turning records into rows. */
  seconds: Partial<Record<Stage | 'rows', number>>
}

export function messagesOf(result: DocumentResult) {
  return result.file.messages.map((message) => diagnosticRecord(result.entry.doc_id, result.entry.file, message))
}

/** The writer each document machine ends with: its JSON, checked first. */
function documentJson(result: DocumentResult): string {
  const document = documentRow(result)
  const problem = problemOf(validators.document, document)
  if (problem) throw new Error(`document record ${result.entry.doc_id} is invalid: ${problem}`)
  return `${JSON.stringify({ document, ...result.extraction }, null, 1)}\n`
}

function chunksOf(result: DocumentResult): Record<string, StoredChunk> {
  const chunks: Record<string, StoredChunk> = {}
  for (const { table, records, keys } of DOCUMENT_TABLES) {
    const rows = sortBy(result.extraction[records] as unknown as Row[], keys)
    const first = rows[0] ? Object.fromEntries(keys.map((key) => [key, rows[0]![key]])) : {}
    chunks[table] = { ...tableChunk(TABLES.find((entry) => entry.name === table)!, rows), first }
  }
  return chunks
}

function summaryOf(result: DocumentResult): DocumentSummary {
  return {
    docId: result.entry.doc_id,
    entry: result.entry,
    source: result.entry.source,
    outcome: result.outcome,
    reason: result.reason,
    mentions: result.extraction.mentions.length,
    document: documentRow(result),
    diagnostics: messagesOf(result),
    units: [...new Set(result.extraction.mentions.map((mention) => mention.unit))],
  }
}

export async function processDocument(entry: CatalogEntry, path: string): Promise<ProcessedDocument> {
  let json = ''
  const { result, seconds } = await runTimed(entry, path, async (done) => {
    json = documentJson(done)
  })
  const started = performance.now()
  const chunks = chunksOf(result)
  const coded = result.extraction.mentions.filter((mention) => mention.indicator_code !== '' && mention.period_start !== undefined)
  return { summary: summaryOf(result), json, chunks, coded, seconds: { ...seconds, rows: (performance.now() - started) / 1000 } }
}
