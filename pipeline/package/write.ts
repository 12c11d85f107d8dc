// Puts the release together in the staging folder. Each finished document is
// added as it comes (its JSON written, its rows stored in the scratch file);
// finish() then writes every table in key order (canonical CSV, Excel copy,
// SQLite, quantities.json) without holding any table in memory, and the
// Data Package, dictionary and README beside them.
import { createHash, type Hash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { csvHeader, toCsv } from '../csv.ts'
import type { ProcessedDocument } from '../document.ts'
import type { GoldFile } from '../eval/evaluate.ts'
import type { Diagnostic } from '../release.ts'
import { writeReview } from '../review/site.ts'
import type { Extraction } from '../types.ts'
import { JSON_TABLE, tableChunk, type Chunk } from './chunks.ts'
import { datapackage, profileProblem, type PackageFile } from './datapackage.ts'
import { compareRows, DOCUMENT_TABLES, runTableRows, sortBy, type DocumentSummary, type Row } from './rows.ts'
import { Scratch } from './scratch.ts'
import { ReleaseDatabase } from './sqlite.ts'
import { TABLES, type Table } from './tables.ts'

/** A file written in order, with its size and SHA-256 kept for the Data Package. */
class HashedFile {
  private readonly fd: number
  private readonly hash: Hash = createHash('sha256')
  size = 0

  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }

  write(text: string): void {
    if (text === '') return
    const bytes = Buffer.from(text)
    writeSync(this.fd, bytes)
    this.hash.update(bytes)
    this.size += bytes.length
  }

  close(): string {
    closeSync(this.fd)
    return this.hash.digest('hex')
  }
}

const DICTIONARY_COLUMNS = ['table', 'column', 'name_zh', 'name_en', 'type', 'unit', 'description']

function dictionary(): string {
  const rows = TABLES.flatMap((table) =>
    table.fields.map((field) => ({ table: table.name, column: field.name, name_zh: field.title, name_en: field.english, type: field.type, unit: field.unit ?? '', description: field.description })),
  )
  return toCsv(DICTIONARY_COLUMNS, rows)
}

async function readme(counts: Record<string, number>): Promise<string> {
  const template = await readFile(fileURLToPath(new URL('README.template.md', import.meta.url)), 'utf8')
  const tableList = TABLES.map((table) => `| \`${table.name}.csv\` | ${table.title} — ${table.description} | ${table.primaryKey.join(', ')} | ${counts[table.name] ?? 0} |`).join('\n')
  const joins = TABLES.flatMap((table) => table.foreignKeys.map((key) => `- \`${table.name}.${key.fields.join('+')}\` → \`${key.resource}.${key.reference.join('+')}\``)).join('\n')
  return template.replace('{{tables}}', tableList).replace('{{joins}}', joins)
}

/**
 * Every table's rows at once, for the review site, read back from the documents' JSON in a
 * release folder. Unlike the tables, this holds the whole release in memory.
 */
export async function allRows(release: string, runRows: Record<string, Row[]>, summaries: DocumentSummary[]): Promise<Record<string, Row[]>> {
  const rows: Record<string, Row[]> = { ...runRows }
  for (const { table } of DOCUMENT_TABLES) rows[table] = []
  for (const summary of summaries.filter((entry) => entry.outcome === 'done')) {
    const body = JSON.parse(await readFile(join(release, 'documents', `${summary.docId}.json`), 'utf8')) as Extraction
    for (const { table, records } of DOCUMENT_TABLES) rows[table]!.push(...(body[records] as unknown as Row[]))
  }
  for (const { table, keys } of DOCUMENT_TABLES) rows[table] = sortBy(rows[table]!, keys)
  return rows
}

export class ReleaseWriter {
  private readonly scratch: Scratch

  /** `scratchPath` lies beside the staging folder, so it is never part of the release. */
  constructor(
    private readonly staging: string,
    private readonly scratchPath: string,
  ) {
    this.scratch = new Scratch(scratchPath)
  }

  static async open(staging: string): Promise<ReleaseWriter> {
    await mkdir(join(staging, 'documents'), { recursive: true })
    await mkdir(join(staging, 'excel'), { recursive: true })
    return new ReleaseWriter(staging, `${staging}.scratch`)
  }

  async add(processed: ProcessedDocument): Promise<void> {
    if (processed.json !== '') await writeFile(join(this.staging, 'documents', `${processed.summary.docId}.json`), processed.json)
    this.scratch.put(processed.summary.docId, processed.chunks)
  }

  /** A document table's chunks in key order, read one document at a time. */
  private *documentChunks(table: string): Generator<Chunk> {
    const keys = DOCUMENT_TABLES.find((entry) => entry.table === table)!.keys
    const order = this.scratch.firsts(table).sort((a, b) => compareRows(a.first, b.first, keys))
    for (const { docId } of order) yield this.scratch.get(table, docId)
  }

  /** Writes one table to its CSV, its Excel copy and the database (and quantities.json); returns its row count. */
  private writeTable(table: Table, chunks: Iterable<Chunk>, database: ReleaseDatabase, files: PackageFile[]): number {
    const path = `${table.name}.csv`
    const csv = new HashedFile(join(this.staging, path))
    const excel = new HashedFile(join(this.staging, 'excel', path))
    const json = table.name === JSON_TABLE ? new HashedFile(join(this.staging, `${JSON_TABLE}.json`)) : undefined
    const insert = database.create(table)
    csv.write(csvHeader(table.fields.map((field) => field.name)))
    excel.write(`\uFEFF${csvHeader(table.fields.map((field) => field.name))}`)
    json?.write('[')
    let rows = 0
    for (const chunk of chunks) {
      csv.write(chunk.csv)
      excel.write(chunk.excel)
      json?.write(`${rows > 0 ? ',' : ''}${chunk.json}`)
      for (const values of chunk.sql) insert(values)
      rows += chunk.rows
    }
    json?.write(rows > 0 ? '\n]\n' : ']\n')
    json?.close()
    excel.close()
    files.push({ table, path, bytes: csv.size, sha256: csv.close() })
    return rows
  }

  /** Writes every table and the files that describe them; `summaries` come in catalog order; `gold` is what the review site compares with. */
  async finish(summaries: DocumentSummary[], diagnostics: Diagnostic[], created: string, gold: GoldFile[]): Promise<void> {
    const runRows = runTableRows(summaries, diagnostics)
    const database = new ReleaseDatabase(join(this.staging, 'zhengshu.sqlite'), TABLES)
    const files: PackageFile[] = []
    const counts: Record<string, number> = {}
    try {
      for (const table of TABLES) {
        const rows = runRows[table.name]
        const chunks = rows ? [tableChunk(table, rows)] : this.documentChunks(table.name)
        counts[table.name] = this.writeTable(table, chunks, database, files)
      }
      database.finish()
    } finally {
      database.abandon()
      await this.discard()
    }
    const sources = [...new Set(summaries.map((summary) => summary.source).filter(Boolean))].sort().map((title) => ({ title }))
    const descriptor = datapackage(files, sources, created)
    const problem = profileProblem(descriptor)
    if (problem) throw new Error(`datapackage.json fails the Data Package v2 profile: ${problem}`)
    await writeFile(join(this.staging, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`)
    await writeFile(join(this.staging, 'fields.csv'), dictionary())
    await writeFile(join(this.staging, 'README.md'), await readme(counts))
    await writeFile(join(this.staging, 'series.json'), `${JSON.stringify(runRows.series, null, 1)}\n`)
    await writeReview(join(this.staging, 'review'), await allRows(this.staging, runRows, summaries), gold)
  }

  /** Closes and removes the scratch file. */
  async discard(): Promise<void> {
    this.scratch.close()
    await rm(this.scratchPath, { force: true })
  }
}
