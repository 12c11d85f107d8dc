// Every row of the grammar tables and the context word lists is needed by some spec
// case: with the row removed, that case fails. tests/spec/coverage.json names the case
// of each row.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'

type Fields = { text: string } & Record<string, unknown>
interface SpecCase {
  id: string
  input: string
  /** The report's year and whether it is the national one, where periods or codes depend on them. */
  year?: number
  national?: boolean
  /** Every mention with text, value, unit, kind and approx, and any further field the case is about (change, indicator_code, period_start …). */
  mentions: Fields[]
  excluded?: { text: string; rule: string; value?: number; value_max?: number; approx?: string }[]
  /** The case names only some mentions, each with the fields it is about (the tables of periods and codes). */
  partial?: boolean
}
type Extract = typeof import('../pipeline/extract-text.ts')

const spec = (name: string) => JSON.parse(readFileSync(new URL(`spec/${name}`, import.meta.url), 'utf8'))
const specs = new Map(
  [
    ...['quantities.json', 'quantities-regional.json', 'grammar.json', 'indicators.json', 'context.json'].flatMap((name) => spec(name) as SpecCase[]),
    ...['periods.json', 'indicator-codes.json'].flatMap((name) => (spec(name).cases as SpecCase[]).map((partial) => ({ ...partial, partial: true }))),
  ].map((specCase) => [specCase.id, specCase] as const),
)
const { _comment: _, _uncovered: uncovered = {}, ...coverage } = spec('coverage.json') as Record<string, Record<string, string>> & { _uncovered?: Record<string, Record<string, string>> }
const resource = (name: string) => readFileSync(new URL(`../pipeline/resources/${name}`, import.meta.url), 'utf8')
/** Tables whose first column is no key: a context word is its group and the word (list-joiner,和), a sub-unit its part and whole (分,元). */
const KEY_COLUMNS: Record<string, number> = { 'context-words.csv': 2, 'sub-units.csv': 2 }
const keyOf = (name: string, line: string) => line.split(',').slice(0, KEY_COLUMNS[name] ?? 1).join(',')
const rowsOf = (name: string) => resource(name).trim().split('\n').slice(1).map((line) => keyOf(name, line))

/** A field as compared: values to nine significant digits, the rest as they are. */
const field = (mention: Record<string, unknown>, key: string) => (key === 'value' && typeof mention[key] === 'number' ? mention[key].toPrecision(9) : mention[key])
/** Whether a mention found has every field the case gives it. */
const agrees = (found: Record<string, unknown> | undefined, wanted: Fields) => found !== undefined && Object.keys(wanted).every((key) => field(found, key) === field(wanted, key))

/** True when the case comes out as its table says. */
function passes(extract: Extract, spec: SpecCase): boolean {
  let records
  try {
    records = extract.extractRecords(spec.input, 'spec', { ...(spec.year !== undefined ? { year: spec.year } : {}), national: spec.national ?? true })
  } catch {
    return false // without a row the rules may find a unit they cannot look up: that fails too
  }
  const { exclusions } = records
  const mentions = records.mentions as unknown as Fields[]
  if (spec.partial) return spec.mentions.every((wanted) => agrees(mentions.find((found) => found.text === wanted.text), wanted))
  if (mentions.length !== spec.mentions.length || !spec.mentions.every((wanted, index) => agrees(mentions[index], wanted))) return false
  if (!spec.excluded) return true
  const excluded = exclusions.map(({ text, rule, value, value_max, approx }) => ({ text, rule, ...(value === undefined ? {} : { value }), ...(value_max === undefined ? {} : { value_max }), ...(approx === undefined ? {} : { approx }) }))
  return JSON.stringify(excluded) === JSON.stringify(spec.excluded)
}

/** The pipeline loaded afresh with one row of one table left out. */
async function withoutRow(name: string, key: string): Promise<Extract> {
  vi.resetModules()
  vi.doMock('node:fs', async (original) => {
    const fs = await original<typeof import('node:fs')>()
    const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], options?: unknown) => {
      const content = fs.readFileSync(path, options as BufferEncoding) as string | Buffer
      if (!String(path).endsWith(`/resources/${name}`)) return content
      const lines = String(content).split('\n')
      return [lines[0], ...lines.slice(1).filter((line) => keyOf(name, line) !== key)].join('\n')
    }) as typeof fs.readFileSync
    return { ...fs, default: { ...fs, readFileSync }, readFileSync }
  })
  return import('../pipeline/extract-text.ts')
}

afterEach(() => vi.doUnmock('node:fs'))

describe.each(Object.keys(coverage))('every row of %s is needed', (name) => {
  it('has a case for every row, and each case passes with the row', async () => {
    // a row without a case is named in _uncovered with why; a reason for a row that is gone is stale
    const rows = rowsOf(name)
    expect(rows.filter((key) => !coverage[name]![key] && !uncovered[name]?.[key])).toEqual([])
    expect(Object.keys(uncovered[name] ?? {}).filter((key) => !rows.includes(key) || coverage[name]![key])).toEqual([])
    vi.resetModules() // else the import may be the one the table before left without a row
    const extract = await import('../pipeline/extract-text.ts')
    for (const id of Object.values(coverage[name]!)) expect(passes(extract, specs.get(id)!), id).toBe(true)
  })
  it.each(Object.entries(coverage[name]!))('without %s, case %s fails', async (key, id) => {
    expect(passes(await withoutRow(name, key), specs.get(id)!)).toBe(false)
  })
})
