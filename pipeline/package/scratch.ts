// Where the rows of finished documents wait, on disk, until the release is
// put together: documents finish in any order, and memory must not grow with
// their number. One record per table and document, its parts in columns as the
// worker made them (stored and read back as they are, not as one JSON), with the
// first row's key, which says where the document's rows go in the table; each document's coded
// mentions, which the series pairs region by region; and the series rows, which
// the review site reads back code by code.
import Database from 'better-sqlite3'
import type { CatalogEntry, Mention } from '../types.ts'
import type { Chunk } from './chunks.ts'
import type { Row } from './rows.ts'

export interface StoredChunk extends Chunk {
  /** The key fields of the chunk's first row. */
  first: Row
}

export interface CodedDocument {
  entry: CatalogEntry
  mentions: Mention[]
}

const SCHEMA = `
  CREATE TABLE chunks (table_name TEXT, doc_id TEXT, first TEXT, rows INTEGER, csv BLOB, excel BLOB, json BLOB, sql BLOB, PRIMARY KEY (table_name, doc_id)) WITHOUT ROWID;
  CREATE TABLE coded (region_code TEXT, region TEXT, doc_id TEXT, body TEXT, PRIMARY KEY (region_code, region, doc_id)) WITHOUT ROWID;
  CREATE TABLE series (code TEXT, body TEXT);
`

export class Scratch {
  private readonly database: Database.Database
  private readonly insertChunk: Database.Statement
  private readonly selectChunk: Database.Statement
  private readonly insertCoded: Database.Statement
  private readonly selectCoded: Database.Statement
  private readonly insertSeries: Database.Statement

  constructor(path: string) {
    this.database = new Database(path)
    // a scratch file is thrown away when a run is killed: no journal, no syncs
    this.database.pragma('journal_mode = OFF')
    this.database.pragma('synchronous = OFF')
    this.database.exec(SCHEMA)
    this.insertChunk = this.database.prepare('INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    this.selectChunk = this.database.prepare('SELECT rows, csv, excel, json, sql FROM chunks WHERE table_name = ? AND doc_id = ?')
    this.insertCoded = this.database.prepare('INSERT OR REPLACE INTO coded VALUES (?, ?, ?, ?)')
    this.selectCoded = this.database.prepare('SELECT body FROM coded WHERE region_code = ? AND (region_code <> \'\' OR region = ?) ORDER BY doc_id')
    this.insertSeries = this.database.prepare('INSERT INTO series VALUES (?, ?)')
  }

  /** Stores a document's chunks, leaving out empty ones, and its coded mentions. */
  put(docId: string, chunks: Record<string, StoredChunk>, coded: CodedDocument): void {
    this.database.transaction(() => {
      for (const [table, { first, ...chunk }] of Object.entries(chunks)) {
        // an Excel copy that is the CSV's own bytes is stored once
        if (chunk.rows > 0) this.insertChunk.run(table, docId, JSON.stringify(first), chunk.rows, chunk.csv, chunk.excel === chunk.csv ? null : chunk.excel, chunk.json, chunk.sql)
      }
      if (coded.mentions.length > 0) this.insertCoded.run(coded.entry.region_code, coded.entry.region, docId, JSON.stringify(coded))
    })()
  }

  /** The documents holding rows of `table`, with the key of their first row. */
  firsts(table: string): { docId: string; first: Row }[] {
    const rows = this.database.prepare('SELECT doc_id, first FROM chunks WHERE table_name = ?').all(table) as { doc_id: string; first: string }[]
    return rows.map((row) => ({ docId: row.doc_id, first: JSON.parse(row.first) as Row }))
  }

  get(table: string, docId: string): Chunk {
    const chunk = this.selectChunk.get(table, docId) as Omit<Chunk, 'excel'> & { excel: Uint8Array | null }
    return { ...chunk, excel: chunk.excel ?? chunk.csv }
  }

  /** Each region's coded documents, a region at a time, ordered by code and then name (a region is its code, or its name where it has none). */
  *codedByRegion(): Generator<CodedDocument[]> {
    const regions = this.database.prepare("SELECT DISTINCT region_code, CASE WHEN region_code = '' THEN region ELSE '' END AS name FROM coded ORDER BY region_code, name").all() as { region_code: string; name: string }[]
    for (const { region_code, name } of regions) {
      yield (this.selectCoded.all(region_code, name) as { body: string }[]).map((row) => JSON.parse(row.body) as CodedDocument)
    }
  }

  putSeries(rows: Row[]): void {
    this.database.transaction(() => {
      for (const row of rows) this.insertSeries.run(String(row.indicator_code), JSON.stringify(row))
    })()
  }

  /** The series rows stored, one indicator code at a time, each in the order stored. */
  *seriesByCode(): Generator<[string, Row[]]> {
    const codes = (this.database.prepare('SELECT DISTINCT code FROM series').pluck().all() as string[]).sort((a, b) => a.localeCompare(b))
    const select = this.database.prepare('SELECT body FROM series WHERE code = ? ORDER BY rowid').pluck()
    for (const code of codes) yield [code, (select.all(code) as string[]).map((body) => JSON.parse(body) as Row)]
  }

  close(): void {
    this.database.close()
  }
}
