// Where the rows of finished documents wait, on disk, until the release is
// put together: documents finish in any order, and memory must not grow with
// their number. One record per table and document, with the first row's key,
// which says where the document's rows go in the table.
import Database from 'better-sqlite3'
import type { Chunk } from './chunks.ts'
import type { Row } from './rows.ts'

export interface StoredChunk extends Chunk {
  /** The key fields of the chunk's first row. */
  first: Row
}

export class Scratch {
  private readonly database: Database.Database
  private readonly insert: Database.Statement
  private readonly select: Database.Statement

  constructor(path: string) {
    this.database = new Database(path)
    // a scratch file is thrown away when a run is killed: no journal, no syncs
    this.database.pragma('journal_mode = OFF')
    this.database.pragma('synchronous = OFF')
    this.database.exec('CREATE TABLE chunks (table_name TEXT, doc_id TEXT, first TEXT, body TEXT, PRIMARY KEY (table_name, doc_id)) WITHOUT ROWID')
    this.insert = this.database.prepare('INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?)')
    this.select = this.database.prepare('SELECT body FROM chunks WHERE table_name = ? AND doc_id = ?')
  }

  /** Stores a document's chunks, leaving out empty ones. */
  put(docId: string, chunks: Record<string, StoredChunk>): void {
    this.database.transaction(() => {
      for (const [table, { first, ...chunk }] of Object.entries(chunks)) {
        if (chunk.rows > 0) this.insert.run(table, docId, JSON.stringify(first), JSON.stringify(chunk))
      }
    })()
  }

  /** The documents holding rows of `table`, with the key of their first row. */
  firsts(table: string): { docId: string; first: Row }[] {
    const rows = this.database.prepare('SELECT doc_id, first FROM chunks WHERE table_name = ?').all(table) as { doc_id: string; first: string }[]
    return rows.map((row) => ({ docId: row.doc_id, first: JSON.parse(row.first) as Row }))
  }

  get(table: string, docId: string): Chunk {
    const row = this.select.get(table, docId) as { body: string }
    return JSON.parse(row.body) as Chunk
  }

  close(): void {
    this.database.close()
  }
}
