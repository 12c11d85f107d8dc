// output/zhengshu.sqlite: the same tables with their keys, and a full-text
// index over sentences, ready for Datasette or direct queries.
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { Field, Table } from './tables.ts'

const SQL_TYPES: Record<Field['type'], string> = { string: 'TEXT', integer: 'INTEGER', number: 'REAL', boolean: 'INTEGER' }
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** SQLite wants the columns a foreign key references to be unique together. */
function referencedColumns(table: Table, all: Table[]): string[][] {
  return all
    .flatMap((other) => other.foreignKeys)
    .filter((key) => key.resource === table.name && key.reference.join() !== table.primaryKey.join())
    .map((key) => key.reference)
}

function createStatement(table: Table, all: Table[]): string {
  const columns = table.fields.map((field) => `${quote(field.name)} ${SQL_TYPES[field.type]}${field.required ? ' NOT NULL' : ''}`)
  const keys = [
    `PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})`,
    ...referencedColumns(table, all).map((columns) => `UNIQUE (${columns.map(quote).join(', ')})`),
    ...table.foreignKeys.map((key) => `FOREIGN KEY (${key.fields.map(quote).join(', ')}) REFERENCES ${quote(key.resource)} (${key.reference.map(quote).join(', ')})`),
  ]
  return `CREATE TABLE ${quote(table.name)} (\n  ${[...columns, ...keys].join(',\n  ')}\n)`
}

export function sqlValue(field: Field, value: unknown): unknown {
  if (value === undefined || value === '') return field.type === 'string' && value === '' && field.required ? '' : null
  if (field.type === 'boolean') return value === true || value === 'true' ? 1 : 0
  return value
}

/**
 * The release database, written table by table in one transaction; referenced tables must
 * come before the tables that reference them. The full-text index is built in bulk at the end.
 */
export class ReleaseDatabase {
  private readonly database: Database.Database

  constructor(path: string, private readonly tables: Table[]) {
    this.database = new Database(path)
    // a database in the staging folder is thrown away if the run dies: no journal, no syncs (the file's bytes are the same)
    this.database.pragma('journal_mode = OFF')
    this.database.pragma('synchronous = OFF')
    this.database.pragma('foreign_keys = ON')
    this.database.exec('BEGIN')
  }

  /** Creates the table; the function it returns inserts one row of SQL values. */
  create(table: Table): (values: unknown[]) => void {
    this.database.exec(createStatement(table, this.tables))
    const insert = this.database.prepare(`INSERT INTO ${quote(table.name)} VALUES (${table.fields.map(() => '?').join(', ')})`)
    return (values) => insert.run(...values)
  }

  finish(): void {
    this.database.exec(`CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid', tokenize='trigram')`)
    this.database.exec(`INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')`)
    this.database.exec('COMMIT')
    this.database.close()
  }

  abandon(): void {
    if (this.database.open) this.database.close()
  }
}

/** Most bytes of SQL values sent and not yet inserted; the writer waits beyond them, so memory stays bounded. */
const MAX_PENDING = 16 * 2 ** 20

type Reply = { inserted: number } | { finished: true } | { error: string }

/**
 * The release database written on a thread of its own (package/database-thread.mjs): its
 * inserts and full-text index are the longest part of writing a release, and they run beside
 * the CSVs, the review site and the Data Package on the other core. The thread takes the tables
 * in the order they are created, so the file's bytes are those of one thread writing them.
 */
export class DatabaseThread {
  private readonly worker: Worker
  private pending = 0
  private finished = false
  private failure: Error | undefined
  private wake: (() => void) | undefined

  constructor(path: string) {
    this.worker = new Worker(new URL('./database-thread.mjs', import.meta.url), { workerData: { path }, execArgv: [] })
    this.worker.on('message', (reply: Reply) => {
      if ('inserted' in reply) this.pending -= reply.inserted
      if ('finished' in reply) this.finished = true
      if ('error' in reply) this.failure = new Error(`writing the release database: ${reply.error}`)
      this.signal()
    })
    this.worker.on('error', (error) => {
      this.failure = error
      this.signal()
    })
    this.worker.on('exit', () => {
      if (!this.finished) this.failure ??= new Error('the release database thread stopped')
      this.signal()
    })
  }

  private signal(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  /** Waits until `ready` holds; fails with the thread's error. */
  private async until(ready: () => boolean): Promise<void> {
    while (this.failure === undefined && !ready()) await new Promise<void>((resolve) => (this.wake = resolve))
    if (this.failure) throw this.failure
  }

  create(table: Table): void {
    this.worker.postMessage({ create: table.name })
  }

  /** Sends rows of the table created last, as a chunk's JSON of SQL values. */
  async insert(sql: Uint8Array): Promise<void> {
    this.pending += sql.length
    this.worker.postMessage({ sql })
    await this.until(() => this.pending <= MAX_PENDING)
  }

  /** Builds the full-text index and closes the file. */
  async finish(): Promise<void> {
    this.worker.postMessage({ finish: true })
    await this.until(() => this.finished)
  }

  /** Ends the thread, whether or not it finished (the staging folder is then thrown away). */
  async close(): Promise<void> {
    await this.worker.terminate()
  }
}
