import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runDocument, type DocumentResult } from '../pipeline/machine.ts'
import type { CatalogEntry } from '../pipeline/types.ts'

const dir = mkdtempSync(join(tmpdir(), 'zhengshu-machine-'))
const entry = (file: string): CatalogEntry => ({ doc_id: 'doc', file, title: '报告', region: '句容市', region_code: '321183', level: 'county', year: 2024, source: '' })

function fileWith(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

describe('document machine', () => {
  it('ends in done after writing, with the records of the document', async () => {
    const written: DocumentResult[] = []
    const path = fileWith('good.txt', '全年完成投资135亿元。\n')
    const result = await runDocument(entry('good.txt'), path, async (done) => {
      written.push(done)
    })
    expect(result.outcome).toBe('done')
    expect(written).toHaveLength(1)
    expect(result.extraction.mentions.map((mention) => mention.value)).toEqual([13500000000])
    expect(result.encoding).toBe('utf-8')
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('ends in rejected for bad input, with a message naming the place', async () => {
    const path = fileWith('binary.txt', new Uint8Array([0xe5, 0xa2, 0x9e, 0x0a, 0x41, 0x00, 0x42]))
    const result = await runDocument(entry('binary.txt'), path, async () => {})
    expect(result.outcome).toBe('rejected')
    const [message] = result.file.messages
    expect(message).toMatchObject({ ruleId: 'READ_BINARY', source: 'zhengshu', line: 2, column: 2, fatal: true })
    expect(message!.reason).toContain('byte 5')
    expect(message!.file).toBe(path)
  })

  it('ends in rejected for a missing file', async () => {
    const result = await runDocument(entry('missing.txt'), join(dir, 'missing.txt'), async () => {})
    expect(result.outcome).toBe('rejected')
    expect(result.file.messages[0]!.ruleId).toBe('READ_MISSING')
  })

  it('ends in failed when a stage throws something that is not a rejection', async () => {
    const path = fileWith('ok.txt', '增长5%。')
    const result = await runDocument(entry('ok.txt'), path, async () => {
      throw new TypeError('disk full')
    })
    expect(result.outcome).toBe('failed')
    expect(result.file.messages[0]).toMatchObject({ ruleId: 'INTERNAL_ERROR', fatal: true })
    expect(result.extraction.mentions).toEqual([]) // nothing of a failed document reaches the tables
  })
})
