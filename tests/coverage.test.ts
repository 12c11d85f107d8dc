// Every row of the numeral grammar tables is needed by some spec case: with the
// row removed, that case fails. tests/spec/coverage.json names the case of each row.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'

interface SpecCase {
  id: string
  input: string
  mentions: { text: string; value: number; unit: string; kind: string; approx: string }[]
  excluded?: { text: string; rule: string; value?: number }[]
}
type Extract = typeof import('../pipeline/extract-text.ts')

const specs = new Map(
  ['quantities.json', 'quantities-regional.json', 'grammar.json'].flatMap((name) =>
    (JSON.parse(readFileSync(new URL(`spec/${name}`, import.meta.url), 'utf8')) as SpecCase[]).map((spec) => [spec.id, spec] as const),
  ),
)
const { _comment: _, ...coverage } = JSON.parse(readFileSync(new URL('spec/coverage.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>
const resource = (name: string) => readFileSync(new URL(`../pipeline/resources/${name}`, import.meta.url), 'utf8')
/** A row's key: its first column. */
const rowsOf = (name: string) => resource(name).trim().split('\n').slice(1).map((line) => line.split(',')[0]!)

/** True when the case comes out as its table says. */
function passes(extract: Extract, spec: SpecCase): boolean {
  let records
  try {
    records = extract.extractRecords(spec.input)
  } catch {
    return false // without a row the rules may find a unit they cannot look up: that fails too
  }
  const { mentions, exclusions } = records
  const fields = (mention: SpecCase['mentions'][number]) => [mention.text, mention.value.toPrecision(9), mention.unit, mention.kind, mention.approx]
  const found = mentions.map(fields)
  const wanted = spec.mentions.map(fields)
  if (JSON.stringify(found) !== JSON.stringify(wanted)) return false
  if (!spec.excluded) return true
  const excluded = exclusions.map(({ text, rule, value }) => ({ text, rule, ...(value === undefined ? {} : { value }) }))
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
      return [lines[0], ...lines.slice(1).filter((line) => line.split(',')[0] !== key)].join('\n')
    }) as typeof fs.readFileSync
    return { ...fs, default: { ...fs, readFileSync }, readFileSync }
  })
  return import('../pipeline/extract-text.ts')
}

afterEach(() => vi.doUnmock('node:fs'))

describe.each(Object.keys(coverage))('every row of %s is needed', (name) => {
  it('has a case for every row, and each case passes with the row', async () => {
    expect(rowsOf(name).filter((key) => !coverage[name]![key])).toEqual([])
    const extract = await import('../pipeline/extract-text.ts')
    for (const id of Object.values(coverage[name]!)) expect(passes(extract, specs.get(id)!), id).toBe(true)
  })
  it.each(Object.entries(coverage[name]!))('without %s, case %s fails', async (key, id) => {
    expect(passes(await withoutRow(name, key), specs.get(id)!)).toBe(false)
  })
})
