// The release in output/: written into a fresh folder beside it and swapped in
// with renames at the end, so a killed run never leaves a half-written release.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { toCsv } from './csv.ts'
import type { DocumentResult } from './machine.ts'
import { problemOf, validators } from './schemas.ts'
import type { Mention, SentenceRecord } from './types.ts'

export const QUANTITY_COLUMNS = [
  'doc_id', 'mention_id', 'section', 'paragraph', 'sentence_id', 'start', 'end', 'text', 'value', 'value_max',
  'unit', 'unit_code', 'kind', 'approx', 'change', 'status', 'indicator', 'sentence',
] as const satisfies readonly (keyof Mention)[]
export const SENTENCE_COLUMNS = ['doc_id', 'sentence_id', 'section', 'paragraph', 'index', 'start', 'end', 'text'] as const satisfies readonly (keyof SentenceRecord)[]
export const DOCUMENT_COLUMNS = [
  'doc_id', 'file', 'title', 'region', 'region_code', 'level', 'year', 'source',
  'outcome', 'reason', 'encoding', 'characters', 'sentences', 'mentions', 'sha256',
] as const
export const DIAGNOSTIC_COLUMNS = ['doc_id', 'file', 'line', 'column', 'rule_id', 'source', 'fatal', 'reason'] as const

export function documentRecord(result: DocumentResult) {
  return {
    ...result.entry,
    outcome: result.outcome,
    reason: result.reason,
    encoding: result.encoding,
    characters: result.characters,
    sentences: result.extraction.sentences.length,
    mentions: result.extraction.mentions.length,
    sha256: result.sha256,
  }
}

export function diagnosticRecord(docId: string, file: string, message: VFileMessage) {
  return {
    doc_id: docId,
    file,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    rule_id: message.ruleId ?? '',
    source: message.source ?? '',
    fatal: message.fatal ? 'true' : 'false',
    reason: message.reason,
  }
}

export type Diagnostic = ReturnType<typeof diagnosticRecord>

/** A fresh staging folder beside `out`, after clearing ones that killed runs left. */
export async function openStaging(out: string): Promise<string> {
  const parent = dirname(out)
  const prefix = `${basename(out)}.tmp-`
  await mkdir(parent, { recursive: true })
  for (const name of await readdir(parent)) {
    if (name.startsWith(prefix) || name.startsWith(`${basename(out)}.old-`)) await rm(join(parent, name), { recursive: true, force: true })
  }
  const staging = join(parent, `${prefix}${process.pid}`)
  await mkdir(join(staging, 'documents'), { recursive: true })
  return staging
}

/** The writer each document machine ends with: its own JSON in documents/. */
export function stagingWriter(staging: string) {
  return async (result: DocumentResult) => {
    const body = { document: documentRecord(result), mentions: result.extraction.mentions, sentences: result.extraction.sentences }
    await writeFile(join(staging, 'documents', `${result.entry.doc_id}.json`), `${JSON.stringify(body, null, 1)}\n`)
  }
}

const byDocumentThenStart = <T extends { doc_id: string; start: number }>(a: T, b: T) =>
  a.doc_id < b.doc_id ? -1 : a.doc_id > b.doc_id ? 1 : a.start - b.start

export async function writeTables(staging: string, results: DocumentResult[], diagnostics: Diagnostic[]): Promise<void> {
  const mentions = results.flatMap((result) => result.extraction.mentions).sort(byDocumentThenStart)
  const sentences = results.flatMap((result) => result.extraction.sentences).sort(byDocumentThenStart)
  const documents = results.map(documentRecord).sort((a, b) => (a.doc_id < b.doc_id ? -1 : 1))
  for (const document of documents) {
    const problem = problemOf(validators.document, document)
    if (problem) throw new Error(`document record ${document.doc_id} is invalid: ${problem}`)
  }
  await writeFile(join(staging, 'quantities.csv'), toCsv(QUANTITY_COLUMNS, mentions as never))
  await writeFile(join(staging, 'quantities.json'), `${JSON.stringify(mentions, null, 1)}\n`)
  await writeFile(join(staging, 'sentences.csv'), toCsv(SENTENCE_COLUMNS, sentences as never))
  await writeFile(join(staging, 'documents.csv'), toCsv(DOCUMENT_COLUMNS, documents as never))
  await writeFile(join(staging, 'diagnostics.csv'), toCsv(DIAGNOSTIC_COLUMNS, diagnostics as never))
}

/** Swap the staged release in: the old one is moved aside, then removed. */
export async function commitRelease(staging: string, out: string): Promise<void> {
  const old = `${out}.old-${process.pid}`
  await writeFile(join(staging, '.gitkeep'), '')
  await rename(out, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
  await rename(staging, out)
  await rm(old, { recursive: true, force: true })
}
