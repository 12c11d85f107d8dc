// The resource tables are data that people edit by hand: a row written twice is a slip that
// no rule notices, so each table holds every row once.
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

const folder = new URL('../pipeline/resources/', import.meta.url)
const tables = readdirSync(folder).filter((name) => name.endsWith('.csv'))

describe('resource tables', () => {
  it.each(tables)('%s holds each row once', (name) => {
    const rows = parse(readFileSync(new URL(name, folder), 'utf8'), { relax_column_count: true }) as string[][]
    const keys = rows.map((row) => JSON.stringify(row))
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index)
    expect(repeated).toEqual([])
  })
})
