// The release as a statistician meets it: every CSV row checked against its
// Table Schema in datapackage.json, Excel copies, SQLite, and the dictionary.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { profileProblem } from '../pipeline/package/datapackage.ts'
import { runRelease } from '../pipeline/run.ts'

interface FieldDescriptor {
  name: string
  type: string
  title: string
  description: string
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number; pattern?: string }
}
interface ResourceDescriptor {
  name: string
  path: string
  bytes: number
  hash: string
  schema: { fields: FieldDescriptor[]; primaryKey: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[] }
}

const root = mkdtempSync(join(tmpdir(), 'zhengshu-package-'))
const raw = join(root, 'raw')
const out = join(root, 'output')
let descriptor: { resources: ResourceDescriptor[] }
const tables: Record<string, Record<string, string>[]> = {}

beforeAll(async () => {
  mkdirSync(raw)
  copyFileSync(new URL('../raw/jurong-2024-review-excerpt.txt', import.meta.url), join(raw, 'jurong.txt'))
  copyFileSync(new URL('../raw/national-2025.txt', import.meta.url), join(raw, 'national.txt'))
  writeFileSync(join(raw, 'formula.txt'), '=HYPERLINK("http://x")全年完成投资5亿元。\n-增长3%。\n')
  writeFileSync(
    join(raw, 'catalog.csv'),
    'doc_id,file,title,region,region_code,level,year,source\n' +
      'jurong,jurong.txt,句容市报告,句容市,321183,county,2024,test\n' +
      'national,national.txt,国务院报告,全国,100000,national,2025,test\n' +
      'formula,formula.txt,=1+1,某县,012345,county,2024,test\n',
  )
  await runRelease(raw, out)
  descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'))
  for (const resource of descriptor.resources) tables[resource.name] = parse(readFileSync(join(out, resource.path)), { columns: true })
})

function typedValue(field: FieldDescriptor, cell: string): unknown {
  if (cell === '') return null
  switch (field.type) {
    case 'integer':
      return /^-?\d+$/.test(cell) ? Number(cell) : Symbol('bad integer')
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : Symbol('bad number')
    case 'boolean':
      return cell === 'true' ? true : cell === 'false' ? false : Symbol('bad boolean')
    default:
      return cell
  }
}

describe('data package', () => {
  it('passes the official Data Package v2 profile', () => {
    expect(profileProblem(descriptor)).toBeUndefined()
  })

  it('describes documents, sections, sentences, quantities, terms and units', () => {
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(expect.arrayContaining(['documents', 'sections', 'sentences', 'quantities', 'terms', 'units']))
    for (const resource of descriptor.resources) {
      for (const field of resource.schema.fields) {
        expect(field.name).toMatch(/^[a-z][a-z0-9_]{0,31}$/)
        expect(field.title).toMatch(/\p{Script=Han}/u)
        expect(field.description.length).toBeGreaterThan(5)
      }
    }
  })

  it('gives each resource its true size and sha256', () => {
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(out, resource.path))
      expect(resource.bytes).toBe(bytes.length)
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
    }
  })

  it('has every row match its Table Schema: types, required, enums, minimum, pattern', () => {
    for (const resource of descriptor.resources) {
      const rows = tables[resource.name]!
      expect(Object.keys(rows[0] ?? {})).toEqual(rows.length ? resource.schema.fields.map((field) => field.name) : [])
      for (const row of rows) {
        for (const field of resource.schema.fields) {
          const value = typedValue(field, row[field.name]!)
          const where = `${resource.name}.${field.name} = ${row[field.name]}`
          expect(typeof value === 'symbol', where).toBe(false)
          const constraints = field.constraints ?? {}
          if (constraints.required) expect(value, where).not.toBeNull()
          if (value === null) continue
          if (constraints.enum) expect(constraints.enum, where).toContain(value)
          if (constraints.minimum !== undefined) expect(value as number, where).toBeGreaterThanOrEqual(constraints.minimum)
          if (constraints.pattern) expect(String(value), where).toMatch(new RegExp(`^(?:${constraints.pattern})$`))
        }
      }
    }
  })

  it('has unique primary keys, rows sorted by them, and foreign keys that resolve', () => {
    for (const resource of descriptor.resources) {
      const rows = tables[resource.name]!
      const keyOf = (row: Record<string, string>, fields: string[]) => JSON.stringify(fields.map((field) => row[field]))
      const keys = rows.map((row) => keyOf(row, resource.schema.primaryKey))
      expect(new Set(keys).size, resource.name).toBe(keys.length)
      if (resource.schema.primaryKey.length === 1 && resource.schema.fields.find((field) => field.name === resource.schema.primaryKey[0])!.type === 'string') {
        expect(keys, `${resource.name} sorted by key`).toEqual([...keys].sort())
      }
      for (const foreignKey of resource.schema.foreignKeys ?? []) {
        const target = new Set(tables[foreignKey.reference.resource]!.map((row) => keyOf(row, foreignKey.reference.fields)))
        for (const row of rows) {
          if (foreignKey.fields.every((field) => row[field] === '')) continue
          expect(target.has(keyOf(row, foreignKey.fields)), `${resource.name} ${keyOf(row, foreignKey.fields)}`).toBe(true)
        }
      }
    }
  })

  it('keeps codes with leading zeros as text', () => {
    expect(tables.documents!.find((row) => row.doc_id === 'formula')!.region_code).toBe('012345')
  })

  it('converts to base units: 亩 to m2', () => {
    const mu = tables.quantities!.find((row) => row.unit === '亩' && row.value === '4000')!
    expect(mu).toMatchObject({ base_unit: 'm2', unit_code: 'mu' })
    expect(Number(mu.value_base)).toBeCloseTo(4000 * 666.6666666666666, 3)
  })

  it('finds quoted terms with their footnotes', () => {
    const terms = tables.terms!.filter((row) => row.doc_id === 'jurong')
    expect(terms.find((row) => row.term === '两群三链')).toMatchObject({ footnote: '6', occurrences: '1' })
    expect(terms.find((row) => row.term === '飞地经济')).toMatchObject({ footnote: '8' })
  })
})

describe('excel copies', () => {
  it('start with a BOM and escape formulas in free-text cells only', () => {
    const bytes = readFileSync(join(out, 'excel', 'documents.csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes, { columns: true, bom: true }) as Record<string, string>[]
    expect(rows.find((row) => row.doc_id === 'formula')!.title).toBe("'=1+1")
    const sentences = parse(readFileSync(join(out, 'excel', 'sentences.csv')), { columns: true, bom: true }) as Record<string, string>[]
    expect(sentences.filter((row) => row.doc_id === 'formula').map((row) => row.text![0])).toEqual(["'", "'"])
  })

  it('leave the canonical files as they are', () => {
    expect(tables.documents!.find((row) => row.doc_id === 'formula')!.title).toBe('=1+1')
  })
})

describe('sqlite', () => {
  it('holds the same tables with working keys and a full-text index', () => {
    const database = new Database(join(out, 'zhengshu.sqlite'), { readonly: true })
    try {
      const count = (table: string) => (database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      for (const name of Object.keys(tables)) expect(count(name), name).toBe(tables[name]!.length)
      expect(database.pragma('foreign_key_check')).toEqual([])
      const hits = database.prepare(`SELECT s.sentence_id FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid WHERE sentences_fts MATCH ?`).all('高标准农田')
      expect(hits.length).toBeGreaterThan(0)
    } finally {
      database.close()
    }
  })
})

describe('data dictionary and README', () => {
  it('lists every column of every table', () => {
    const dictionary = parse(readFileSync(join(out, 'fields.csv')), { columns: true }) as Record<string, string>[]
    const listed = new Set(dictionary.map((row) => `${row.table}.${row.column}`))
    for (const resource of descriptor.resources) for (const field of resource.schema.fields) expect(listed).toContain(`${resource.name}.${field.name}`)
    expect(Object.keys(dictionary[0]!)).toEqual(['table', 'column', 'name_zh', 'name_en', 'type', 'unit', 'description'])
  })

  it('tells how to load and join the tables', () => {
    const readme = readFileSync(join(out, 'README.md'), 'utf8')
    expect(readme).toContain('quantities.csv')
    expect(readme).toContain('pd.read_csv')
    expect(readme).toContain('`quantities.doc_id` → `documents.doc_id`')
  })
})

describe('review site', () => {
  it('is written beside the tables: an index linking one page per document, with its stylesheet and script', () => {
    const review = join(out, 'review')
    const index = readFileSync(join(review, 'index.html'), 'utf8')
    for (const document of tables.documents!) {
      expect(index).toContain(`<a href="${document.doc_id}.html">`)
      const page = readFileSync(join(review, `${document.doc_id}.html`), 'utf8')
      expect(page.split('data-mention-id="').length - 1).toBe(Number(document.mentions))
    }
    expect(readFileSync(join(review, 'review.css'), 'utf8')).toContain('[data-k="money"]')
    expect(readFileSync(join(review, 'review.js'), 'utf8')).toContain('showDetail')
  })

  it('escapes text from the catalog and the reports', () => {
    const index = readFileSync(join(out, 'review', 'index.html'), 'utf8')
    expect(index).toContain('<a href="formula.html">=1+1</a>')
    // the web address inside is set aside as a code, so the page marks it between the escaped quotes
    const page = readFileSync(join(out, 'review', 'formula.html'), 'utf8')
    expect(page).toContain('=HYPERLINK(&quot;<span')
    expect(page).toContain('>http://x</span>&quot;)')
  })
})
