// Puts the release together in the staging folder. Each finished document is
// added as it comes (its JSON and review page written, its rows stored in the
// scratch file);
// finish() then writes every table in key order (canonical CSV, Excel copy,
// SQLite on a thread of its own, quantities.json and series.json) without holding
// any table in memory, and the Data Package, dictionary and README beside them.
import { createHash, type Hash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { csvHeader, toCsv } from '../csv.ts'
import type { ProcessedDocument } from '../document.ts'
import type { GoldFile } from '../eval/evaluate.ts'
import type { Diagnostic } from '../release.ts'
import { ReviewSite } from '../review/site.ts'
import type { Extraction } from '../types.ts'
import { JSON_TABLES, tableChunk, type Chunk } from './chunks.ts'
import { datapackage, profileProblem, type PackageFile } from './datapackage.ts'
import { compareRows, DOCUMENT_TABLES, runTableRows, sortBy, type DocumentSummary, type Row } from './rows.ts'
import { seriesRows } from './series.ts'
import { Scratch } from './scratch.ts'
import { DatabaseThread } from './sqlite.ts'
import { SERIES_KEYS, TABLES, type Table } from './tables.ts'

/** A file written in order, with its size and SHA-256 kept for the Data Package. */
class HashedFile {
  private readonly fd: number
  private readonly hash: Hash = createHash('sha256')
  size = 0

  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }

  write(text: string | Uint8Array): void {
    const bytes = typeof text === 'string' ? Buffer.from(text) : text
    if (bytes.length === 0) return
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

export class ReleaseWriter {
  private readonly scratch: Scratch

  /** `scratchPath` lies beside the staging folder, so it is never part of the release. */
  constructor(
    private readonly staging: string,
    private readonly scratchPath: string,
    private readonly review: ReviewSite,
  ) {
    this.scratch = new Scratch(scratchPath)
  }

  /** `gold` is what the review site compares with. */
  static async open(staging: string, gold: GoldFile[]): Promise<ReleaseWriter> {
    await mkdir(join(staging, 'documents'), { recursive: true })
    await mkdir(join(staging, 'excel'), { recursive: true })
    return new ReleaseWriter(staging, `${staging}.scratch`, await ReviewSite.open(join(staging, 'review'), gold))
  }

  /** Writes a document's JSON and review page, and keeps its rows in the scratch file. */
  async add(processed: ProcessedDocument): Promise<void> {
    const { summary, json } = processed
    const body = json === '' ? undefined : (JSON.parse(json) as Extraction)
    if (body) await writeFile(join(this.staging, 'documents', `${summary.docId}.json`), json)
    await this.review.addDocument(summary.document, Object.fromEntries(DOCUMENT_TABLES.map(({ table, records }) => [table, body ? (body[records] as unknown as Row[]) : []])))
    this.scratch.put(summary.docId, processed.chunks, { entry: summary.entry, mentions: summary.outcome === 'done' ? processed.coded : [] })
  }

  /** A document table's chunks in key order, read one document at a time. */
  private *documentChunks(table: string): Generator<Chunk> {
    const keys = DOCUMENT_TABLES.find((entry) => entry.table === table)!.keys
    const order = this.scratch.firsts(table).sort((a, b) => compareRows(a.first, b.first, keys))
    for (const { docId } of order) yield this.scratch.get(table, docId)
  }

  /** The series table's chunks, a region at a time (its rows sorted, kept for the review site). */
  private *seriesChunks(table: Table): Generator<Chunk> {
    for (const documents of this.scratch.codedByRegion()) {
      const rows = sortBy(seriesRows(documents), SERIES_KEYS)
      this.scratch.putSeries(rows)
      yield tableChunk(table, rows)
    }
  }

  private chunksOf(table: Table, runRows: Record<string, Row[]>): Iterable<Chunk> {
    const rows = runRows[table.name]
    if (rows) return [tableChunk(table, rows)]
    return table.name === 'series' ? this.seriesChunks(table) : this.documentChunks(table.name)
  }

  /** Writes one table to its CSV, its Excel copy, the database and its JSON copy if it has one; returns its row count. */
  private async writeTable(table: Table, chunks: Iterable<Chunk>, database: DatabaseThread, files: PackageFile[]): Promise<number> {
    const path = `${table.name}.csv`
    const csv = new HashedFile(join(this.staging, path))
    const excel = new HashedFile(join(this.staging, 'excel', path))
    const json = JSON_TABLES.includes(table.name) ? new HashedFile(join(this.staging, `${table.name}.json`)) : undefined
    database.create(table)
    csv.write(csvHeader(table.fields.map((field) => field.name)))
    excel.write(`\uFEFF${csvHeader(table.fields.map((field) => field.name))}`)
    json?.write('[')
    let rows = 0
    for (const chunk of chunks) {
      csv.write(chunk.csv)
      excel.write(chunk.excel)
      if (rows > 0) json?.write(',')
      json?.write(chunk.json)
      await database.insert(chunk.sql)
      rows += chunk.rows
    }
    json?.write(rows > 0 ? '\n]\n' : ']\n')
    json?.close()
    excel.close()
    files.push({ table, path, bytes: csv.size, sha256: csv.close() })
    return rows
  }

  /** The review site's index and series pages, the Data Package, the dictionary and the README. */
  private async describe(summaries: DocumentSummary[], runRows: Record<string, Row[]>, files: PackageFile[], counts: Record<string, number>, created: string): Promise<void> {
    await this.review.finish(runRows.documents!.map((row) => String(row.doc_id)), this.scratch.seriesByCode())
    const sources = [...new Set(summaries.map((summary) => summary.source).filter(Boolean))].sort().map((title) => ({ title }))
    const descriptor = datapackage(files, sources, created)
    const problem = profileProblem(descriptor)
    if (problem) throw new Error(`datapackage.json fails the Data Package v2 profile: ${problem}`)
    await writeFile(join(this.staging, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`)
    await writeFile(join(this.staging, 'fields.csv'), dictionary())
    await writeFile(join(this.staging, 'README.md'), await readme(counts))
  }

  /** Writes every table and the files that describe them; `summaries` come in catalog order. */
  async finish(summaries: DocumentSummary[], diagnostics: Diagnostic[], created: string): Promise<void> {
    const runRows = runTableRows(summaries, diagnostics)
    const database = new DatabaseThread(join(this.staging, 'zhengshu.sqlite'))
    const files: PackageFile[] = []
    const counts: Record<string, number> = {}
    try {
      for (const table of TABLES) counts[table.name] = await this.writeTable(table, this.chunksOf(table, runRows), database, files)
      // the full-text index takes longest: the rest of the release is written meanwhile
      await Promise.all([database.finish(), this.describe(summaries, runRows, files, counts, created)])
    } finally {
      await database.close()
      await this.discard()
    }
  }

  /** Closes and removes the scratch file. */
  async discard(): Promise<void> {
    this.scratch.close()
    await rm(this.scratchPath, { force: true })
  }
}
