import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCatalog } from '../pipeline/catalog.ts'

const header = 'doc_id,file,title,region,region_code,level,year,source\n'

describe('catalog', () => {
  it('reads raw/catalog.csv whole', () => {
    const catalog = parseCatalog(readFileSync(new URL('../raw/catalog.csv', import.meta.url), 'utf8'))
    expect(catalog.problems).toEqual([])
    expect(catalog.entries.find((entry) => entry.doc_id === 'jurong-2024-review-excerpt')).toMatchObject({ region_code: '321183', level: 'county', year: 2024 })
  })

  it('names the line of each bad row and keeps the good ones', () => {
    const catalog = parseCatalog(
      header +
        'good,good.txt,报告,句容市,321183,county,2024,src\n' +
        'bad-level,a.txt,报告,句容市,321183,city,2024,src\n' +
        'bad-code,b.txt,报告,句容市,3211,county,2024,src\n' +
        'good,c.txt,报告,句容市,321183,county,2024,src\n' +
        'escape,../etc/passwd,报告,句容市,321183,county,2024,src\n',
    )
    expect(catalog.entries.map((entry) => entry.doc_id)).toEqual(['good'])
    expect(catalog.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6])
    expect(catalog.problems[0]!.reason).toMatch(/level/)
    expect(catalog.problems[2]!.reason).toMatch(/used twice/)
  })

  it('refuses a bad year and a doc_id that is no safe file name, naming each line', () => {
    const catalog = parseCatalog(
      header +
        'good,good.txt,报告,句容市,321183,county,2024,src\n' +
        '../x,a.txt,报告,句容市,321183,county,2024,src\n' +
        'a/b,b.txt,报告,句容市,321183,county,2024,src\n' +
        ',c.txt,报告,句容市,321183,county,2024,src\n' +
        'Upper,d.txt,报告,句容市,321183,county,2024,src\n' +
        'old,e.txt,报告,句容市,321183,county,1800,src\n' +
        'soon,f.txt,报告,句容市,321183,county,二〇二四,src\n' +
        'abs,/etc/passwd,报告,句容市,321183,county,2024,src\n',
    )
    expect(catalog.entries.map((entry) => entry.doc_id)).toEqual(['good'])
    expect(catalog.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(catalog.problems[4]!.reason).toMatch(/year/)
    expect(catalog.lines.get('good')).toBe(2)
  })

  it('sets aside malformed rows instead of stopping: extra fields, an unclosed quote', () => {
    const catalog = parseCatalog(
      header +
        'good,good.txt,报告,句容市,321183,county,2024,src\n' +
        'extra,e.txt,报告,句容市,321183,county,2024,src,stray\n' +
        'quote,"q.txt,报告,句容市,321183,county,2024,src\n',
    )
    expect(catalog.entries.map((entry) => entry.doc_id)).toEqual(['good'])
    expect(catalog.problems.map((problem) => problem.reason)).toEqual([expect.stringMatching(/Record Length/), expect.stringMatching(/Quote Not Closed/)])
    expect(catalog.problems[0]!.line).toBe(3)
  })
})
