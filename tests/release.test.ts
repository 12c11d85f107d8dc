// End to end: a raw folder with a good, a bad and a missing document becomes a
// release; the good document keeps its output, and the tables read back whole.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { createdAt, openStaging } from '../pipeline/release.ts'
import { runRelease, type RunResult } from '../pipeline/run.ts'
import type { Mention } from '../pipeline/types.ts'

const root = mkdtempSync(join(tmpdir(), 'zhengshu-release-'))
const raw = join(root, 'raw')
const out = join(root, 'output')
const readCsv = (name: string) => parse(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[]

let run: RunResult
beforeAll(async () => {
  cpSync(new URL('../raw/jurong-2024-review-excerpt.txt', import.meta.url), join(raw, 'jurong.txt'), { recursive: true })
  writeFileSync(join(raw, 'broken.txt'), new Uint8Array([0x41, 0xff, 0xfe, 0x00]))
  writeFileSync(
    join(raw, 'catalog.csv'),
    'doc_id,file,title,region,region_code,level,year,source\n' +
      'jurong,jurong.txt,句容市报告,句容市,321183,county,2024,test\n' +
      'broken,broken.txt,坏文件,句容市,321183,county,2024,test\n' +
      'missing,missing.txt,不存在,句容市,321183,county,2024,test\n' +
      'bad-row,x.txt,报告,句容市,321183,town,2024,test\n',
  )
  run = await runRelease(raw, out)
})

describe('release', () => {
  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    expect(() => createdAt('yesterday')).toThrow(/SOURCE_DATE_EPOCH/)
    expect(createdAt('0')).toBe('1970-01-01T00:00:00.000Z')
  })

  it('names the catalog line of a file that does not exist, and still lists the document as rejected', () => {
    const missing = run.diagnostics.find((diagnostic) => diagnostic.rule_id === 'CATALOG_MISSING_FILE')
    expect(missing).toMatchObject({ file: 'catalog.csv', line: 4, fatal: true })
    expect(missing!.reason).toContain('missing.txt')
    expect(readCsv('documents.csv').find((row) => row.doc_id === 'missing')).toMatchObject({ outcome: 'rejected' })
  })

  it('keeps the good document when others are bad', () => {
    expect(run.documents.map((document) => [document.docId, document.outcome])).toEqual([
      ['jurong', 'done'],
      ['broken', 'rejected'],
      ['missing', 'rejected'],
    ])
    expect(readCsv('quantities.csv').filter((row) => row.doc_id === 'jurong')).toHaveLength(run.documents[0]!.mentions)
  })

  it('reports every problem with file and place', () => {
    const rules = run.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.rule_id])
    expect(rules).toEqual([
      ['catalog.csv', 'CATALOG_MISSING_FILE'],
      ['catalog.csv', 'CATALOG_INVALID_ROW'],
      ['broken.txt', 'READ_BINARY'],
      ['missing.txt', 'READ_MISSING'],
    ])
    expect(run.diagnostics.map((diagnostic) => diagnostic.line)).toEqual([4, 5, 1, undefined])
    expect(readCsv('diagnostics.csv').map((row) => row.fatal)).toEqual(['true', 'true', 'true', 'true'])
    expect(readCsv('documents.csv').find((row) => row.doc_id === 'broken')).toMatchObject({ outcome: 'rejected', encoding: '' })
  })

  it('writes CSVs that read back to the JSON records', () => {
    const json = JSON.parse(readFileSync(join(out, 'quantities.json'), 'utf8')) as Mention[]
    const rows = readCsv('quantities.csv')
    expect(rows).toHaveLength(json.length)
    rows.forEach((row, index) => {
      const record = json[index]!
      expect(row.mention_id).toBe(record.mention_id)
      expect(Number(row.value)).toBe(record.value)
      expect(row.value_max === '' ? undefined : Number(row.value_max)).toBe(record.value_max)
      expect(row.text).toBe(record.text)
      expect(row.sentence).toBe(record.sentence)
      expect(Number(row.start)).toBe(record.start)
    })
  })

  it('writes sentences, sections and terms CSVs that read back to the document JSON', () => {
    const document = JSON.parse(readFileSync(join(out, 'documents', 'jurong.json'), 'utf8')) as Record<string, Record<string, unknown>[]>
    for (const table of ['sentences', 'sections', 'terms']) {
      const rows = readCsv(`${table}.csv`).filter((row) => row.doc_id === 'jurong')
      const records = document[table]!
      expect(rows.length, table).toBe(records.length)
      expect(rows.length, table).toBeGreaterThan(0)
      const byKey = new Map(records.map((record) => [`${record.start}`, record]))
      for (const row of rows) {
        const record = byKey.get(row.start!)!
        for (const [column, cell] of Object.entries(row)) {
          const value = record[column]
          expect(cell, `${table}.${column}`).toBe(value === undefined ? '' : String(value))
        }
      }
    }
  })

  it('uses plain CSV: no BOM, CRLF, ASCII header, no exponents', () => {
    const bytes = readFileSync(join(out, 'quantities.csv'))
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false)
    const text = bytes.toString('utf8')
    expect(text.split('\r\n')[0]).toMatch(/^[a-z_,]+$/)
    expect(text).not.toMatch(/\d[eE][+-]?\d/)
  })

  it('leaves the last release whole when a run dies before swapping, and clears its leftovers next time', async () => {
    const before = readFileSync(join(out, 'quantities.csv'))
    const leftover = await openStaging(out) // a run killed here never reaches commitRelease
    writeFileSync(join(leftover, 'quantities.csv'), 'half,written\r\n')
    expect(readFileSync(join(out, 'quantities.csv'))).toEqual(before)
    await runRelease(raw, out)
    expect(existsSync(leftover)).toBe(false)
    expect(readFileSync(join(out, 'quantities.csv'))).toEqual(before)
  })

  it('puts the last release back when a run died between moving it aside and swapping in the new one', async () => {
    const before = readFileSync(join(out, 'quantities.csv'))
    renameSync(out, `${out}.old-99999`)
    await openStaging(out)
    expect(readFileSync(join(out, 'quantities.csv'))).toEqual(before)
    expect(readdirSync(root).sort()).toEqual(['output', 'output.cache', 'output.tmp-' + process.pid, 'raw'])
    await runRelease(raw, out)
  })

  it('is byte-identical when run again with SOURCE_DATE_EPOCH, every file, and leaves no staging folders', async () => {
    const files = (): Record<string, Buffer> =>
      Object.fromEntries(
        readdirSync(out, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name))]),
      )
    process.env.SOURCE_DATE_EPOCH = '1767225600'
    try {
      await runRelease(raw, out)
      const before = files()
      await runRelease(raw, out)
      expect(files()).toEqual(before)
      expect(Object.keys(before).length).toBeGreaterThan(15)
    } finally {
      delete process.env.SOURCE_DATE_EPOCH
    }
    expect(readdirSync(root).sort()).toEqual(['output', 'output.cache', 'raw'])
    expect(existsSync(join(out, 'documents', 'jurong.json'))).toBe(true)
  })
})
