// The release as other tools read it. csv-parse reads our CSVs back whatever we do,
// so every canonical CSV, its excel/ copy and the SQLite tables are read here with
// Python's csv module and DuckDB's strict RFC 4180 reader, and each must give the
// rows and cells that the JSON records hold.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DuckDBInstance } from '@duckdb/node-api'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { runRelease } from '../pipeline/run.ts'

type Rows = string[][]
interface Resource {
  name: string
  path: string
  schema: { fields: { name: string; type: string }[]; primaryKey: string[] }
}

/** The release's row order: by primary key, numbers as numbers, text by UTF-16 code units. */
function byKey(keys: string[]) {
  return (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const key of keys) {
      const [left, right] = [a[key] as string | number, b[key] as string | number]
      if (left !== right) return left < right ? -1 : 1
    }
    return 0
  }
}

const root = mkdtempSync(join(tmpdir(), 'zhengshu-readers-'))
const raw = join(root, 'raw')
const out = join(root, 'output')
const python = spawnSync('python3', ['--version']).status === 0
/** Text that every reader has split or refused at some point: bare LF and CR, U+2028, quotes, commas, formulas. */
const AWKWARD = '一、2023年工作回顾\r全年新增就业"1244"万人,完成投资5亿元。\n=SUM(1)增长3%，\t外贸额达1.2\n\u200b\n万亿元；\u2028居民收入增长5%。\n'

let resources: Resource[] = []
const csvFiles = () => [...resources.map((resource) => resource.path), 'fields.csv']

beforeAll(async () => {
  mkdirSync(raw)
  copyFileSync(new URL('../raw/national/2017.txt', import.meta.url), join(raw, 'national-2017.txt'))
  copyFileSync(new URL('../raw/jurong-2024-review-excerpt.txt', import.meta.url), join(raw, 'jurong.txt'))
  writeFileSync(join(raw, 'awkward.txt'), AWKWARD)
  writeFileSync(
    join(raw, 'catalog.csv'),
    'doc_id,file,title,region,region_code,level,year,source\n' +
      'national-2017,national-2017.txt,2017年国务院政府工作报告,全国,100000,national,2017,test\n' +
      'jurong,jurong.txt,"句容市报告, 节选",句容市,321183,county,2024,test\n' +
      'awkward,awkward.txt,"=1+1 ""报告""",某县,012345,county,2024,"a\nb"\n',
  )
  await runRelease(raw, out)
  resources = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).resources
}, 120_000)

function readWithPython(paths: string[]): Record<string, Rows> {
  const script = fileURLToPath(new URL('readers/read_csv.py', import.meta.url))
  const result = spawnSync('python3', [script, ...paths], { encoding: 'utf8', maxBuffer: 1 << 30 })
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}

async function readWithDuckDb(path: string): Promise<Rows> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  // new_line='\r\n' reads no rows at all in DuckDB 1.5.6, so the line end is left to the sniffer,
  // which in strict mode refuses a row that a bare line feed splits
  const options = "header=true, delim=',', quote='\"', escape='\"', strict_mode=true, all_varchar=true, null_padding=false"
  const reader = await connection.runAndReadAll(`SELECT * FROM read_csv('${path.replaceAll("'", "''")}', ${options})`)
  const rows = reader.getRowsJS().map((row) => row.map((cell) => (cell === null ? '' : String(cell))))
  connection.closeSync()
  return [reader.columnNames(), ...rows]
}

/** What each cell of a table should read as, from the JSON records (the excel/ copies aside). */
function expectedCells(resource: Resource): Rows | undefined {
  const documents = readdirSync(join(out, 'documents')).sort().map((name) => JSON.parse(readFileSync(join(out, 'documents', name), 'utf8')))
  const fromDocuments: Record<string, () => Record<string, unknown>[]> = {
    quantities: () => JSON.parse(readFileSync(join(out, 'quantities.json'), 'utf8')),
    documents: () => documents.map((document) => document.document),
    sentences: () => documents.flatMap((document) => document.sentences),
    sections: () => documents.flatMap((document) => document.sections),
    terms: () => documents.flatMap((document) => document.terms),
    exclusions: () => documents.flatMap((document) => document.exclusions),
  }
  const records = fromDocuments[resource.name]?.()
  if (!records) return undefined
  const names = resource.schema.fields.map((field) => field.name)
  return [names, ...records.sort(byKey(resource.schema.primaryKey)).map((record) => names.map((name) => (record[name] === undefined ? '' : String(record[name]))))]
}

/** Cells compared as their types say: 1e21 and 1000000000000000000000 are one number. */
function typedEqual(resource: Resource, actual: Rows, expected: Rows): void {
  expect(actual.length, `${resource.name}: rows`).toBe(expected.length)
  expect(actual[0]).toEqual(expected[0])
  const types = resource.schema.fields.map((field) => field.type)
  for (let row = 1; row < expected.length; row++) {
    types.forEach((type, column) => {
      const [got, want] = [actual[row]![column]!, expected[row]![column]!]
      if (type === 'number' && want !== '') expect(Number(got), `${resource.name} row ${row} column ${column}`).toBe(Number(want))
      else expect(got, `${resource.name} row ${row} column ${column}`).toBe(want)
    })
  }
}

/** An excel/ cell is the canonical one, or it with a leading ' where a spreadsheet would run a formula. */
function excelCopyEqual(name: string, excel: Rows, canonical: Rows): void {
  expect(excel.length, `excel/${name}: rows`).toBe(canonical.length)
  excel.forEach((row, index) => {
    row.forEach((cell, column) => {
      const plain = canonical[index]![column]!
      expect(cell === plain || cell === `'${plain}`, `excel/${name} row ${index}: ${cell} for ${plain}`).toBe(true)
    })
  })
}

describe('the release read by other tools', () => {
  it('has the awkward text in it: lone line feeds and carriage returns, U+2028, quotes and commas', () => {
    const sentences = readFileSync(join(out, 'sentences.csv'), 'utf8')
    const quantities = readFileSync(join(out, 'quantities.csv'), 'utf8')
    expect(quantities).toContain('"74.4\n\u200b\n万亿元"')
    expect(sentences).toContain('""1244""')
    expect(readFileSync(join(out, 'documents.csv'), 'utf8')).toContain('"a\nb"')
  })

  it('reads the same with csv-parse as in the JSON', () => {
    for (const resource of resources) {
      const expected = expectedCells(resource)
      if (expected) typedEqual(resource, parse(readFileSync(join(out, resource.path)), { relax_column_count: false }), expected)
    }
  })

  it.skipIf(!python)('reads the same with Python’s csv module as in the JSON, every CSV and its excel/ copy', () => {
    const canonical = readWithPython(csvFiles().map((path) => join(out, path)))
    const excel = readWithPython(csvFiles().map((path) => join(out, 'excel', path)).filter((path) => !path.endsWith('fields.csv')))
    for (const resource of resources) {
      const rows = canonical[join(out, resource.path)]!
      const expected = expectedCells(resource)
      if (expected) typedEqual(resource, rows, expected)
      excelCopyEqual(resource.path, excel[join(out, 'excel', resource.path)]!, rows)
    }
    expect(canonical[join(out, 'fields.csv')]!.length).toBeGreaterThan(50)
  })

  it('reads the same with DuckDB’s strict RFC 4180 reader as with Python’s csv module and csv-parse', async () => {
    const viaPython = python ? readWithPython(csvFiles().map((path) => join(out, path))) : undefined
    for (const path of csvFiles()) {
      const duck = await readWithDuckDb(join(out, path))
      const viaParse = parse(readFileSync(join(out, path))) as Rows
      expect(duck, path).toEqual(viaParse)
      if (viaPython) expect(duck, path).toEqual(viaPython[join(out, path)])
      const resource = resources.find((candidate) => candidate.path === path)
      const expected = resource && expectedCells(resource)
      if (expected) typedEqual(resource, duck, expected)
      if (path !== 'fields.csv') excelCopyEqual(path, await readWithDuckDb(join(out, 'excel', path)), viaParse)
    }
  })

  it('holds the same rows and text in SQLite', () => {
    const database = new Database(join(out, 'zhengshu.sqlite'), { readonly: true })
    try {
      for (const resource of resources) {
        const csvRows = parse(readFileSync(join(out, resource.path)), { columns: true }) as Record<string, string>[]
        const sqlRows = database.prepare(`SELECT * FROM "${resource.name}" ORDER BY rowid`).all() as Record<string, unknown>[]
        expect(sqlRows.length, resource.name).toBe(csvRows.length)
        const textFields = resource.schema.fields.filter((field) => field.type === 'string').map((field) => field.name)
        csvRows.forEach((row, index) => {
          for (const name of textFields) expect(sqlRows[index]![name] ?? '', `${resource.name}.${name}`).toBe(row[name])
        })
      }
    } finally {
      database.close()
    }
  })
})

if (!python) console.warn('python3 is missing: the Python csv reader checks are skipped, not passed')
