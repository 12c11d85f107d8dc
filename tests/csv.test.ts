// The CSV records the release writes are those csv-stringify writes with every line break quoted.
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvRecords } from '../pipeline/csv.ts'

const reference = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n\u2028\u2029\u0085]/ })

describe('csv records', () => {
  it('match csv-stringify on any text, quotes, commas and line breaks included', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', '"', ',', '\r', '\n', '\r\n', 'a\u2028b', '\u0085', '=1+1', ' x '))
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), (rows) => {
        const records = rows.map(([a, b, c]) => ({ a, b, c }))
        expect(csvRecords(['a', 'b', 'c'], records)).toBe(reference(rows))
      }),
      { numRuns: 500 },
    )
  })
})
