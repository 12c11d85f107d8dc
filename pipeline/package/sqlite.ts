// output/zhengshu.sqlite: the same tables with their keys, and a full-text
// index over sentences, ready for Datasette or direct queries.
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
