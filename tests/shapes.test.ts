// Every input shape a report arrives in gives the same figures at the same code-point
// offsets of its raw text: encodings, line ends, invisible characters, HTML.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runDocument, type DocumentResult } from '../pipeline/machine.ts'
import type { CatalogEntry } from '../pipeline/types.ts'

const dir = mkdtempSync(join(tmpdir(), 'zhengshu-shapes-'))
const entry = (file: string): CatalogEntry => ({ doc_id: 'doc', file, title: '报告', region: '全国', region_code: '100000', level: 'national', year: 2024, source: '' })
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/encodings/${name}`, import.meta.url))

async function run(path: string): Promise<DocumentResult> {
  const result = await runDocument(entry(path), path, async () => {})
  expect(result.outcome, result.reason).toBe('done')
  return result
}

async function runText(name: string, text: string): Promise<DocumentResult> {
  const path = join(dir, name)
  writeFileSync(path, text)
  return run(path)
}

const figures = (result: DocumentResult) => result.extraction.mentions.map(({ start, end, text, value, unit }) => ({ start, end, text, value, unit }))
const rulesOf = (result: DocumentResult) => result.file.messages.map((message) => message.ruleId)
const values = (result: DocumentResult) => result.extraction.mentions.map((mention) => mention.value)

describe('encodings', () => {
  it('gives the same mentions at the same offsets in UTF-8, UTF-8 with BOM, UTF-16 LE and BE, and GB18030', async () => {
    const reference = await run(fixture('utf-8.txt'))
    expect(figures(reference).map((figure) => figure.text)).toEqual(['5.2%', '126万亿元', '1244万人', '1.39万亿斤', '5%', '3%', '3个'])
    for (const [name, encoding] of [
      ['utf-8-bom.txt', 'utf-8-bom'],
      ['utf-16le.txt', 'utf-16le'],
      ['utf-16be.txt', 'utf-16be'],
      ['utf-16le-nobom.txt', 'utf-16le'],
      ['gb18030.txt', 'gb18030'],
    ] as const) {
      const result = await run(fixture(name))
      expect(result.encoding, name).toBe(encoding)
      expect(figures(result), name).toEqual(figures(reference))
    }
  })
})

describe('text shapes', () => {
  it('reads CRLF, lone CR and U+2028/2029 as line ends, and says so for the unusual ones', async () => {
    const lines = ['一、2023年工作回顾', '全年新增就业1244万人。', '二、2024年主要目标', '城镇新增就业1200万人以上。']
    const crlf = await runText('crlf.txt', lines.join('\r\n'))
    const cr = await runText('cr.txt', lines.join('\r'))
    const separators = await runText('separators.txt', lines.join('\u2029'))
    for (const result of [crlf, cr, separators]) {
      expect(result.extraction.mentions.map((mention) => [mention.value, mention.status, mention.paragraph])).toEqual([
        [12440000, 'actual', 2],
        [12000000, 'target', 4],
      ])
    }
    expect(rulesOf(cr)).toContain('TEXT_CR_LINE_ENDS')
    expect(rulesOf(separators)).toContain('TEXT_SEPARATORS')
    expect(rulesOf(crlf)).toEqual([])
  })

  it('does not split a figure at invisible characters or spaces, and keeps the raw text as the span', async () => {
    const text = '国内生产总值达到74.4\n\u200b\n万亿元，增长6.9%。进出口增长1.5\u2060倍。投资3000\u00ad亿元。总人口14\u3000亿人，耕地1\u00a0万亩。\n'
    const result = await runText('invisible.txt', text)
    expect(result.extraction.mentions.map((mention) => [mention.text, mention.value])).toEqual([
      ['74.4\n\u200b\n万亿元', 74.4e12],
      ['6.9%', 6.9],
      ['1.5\u2060倍', 1.5],
      ['3000\u00ad亿元', 3e11],
      ['14\u3000亿人', 1.4e9],
      ['1\u00a0万亩', 1e4],
    ])
    const raw = [...text]
    for (const mention of result.extraction.mentions) expect(raw.slice(mention.start, mention.end).join('')).toBe(mention.text)
    expect(rulesOf(result)).toContain('TEXT_INVISIBLE')
  })

  it('reads a stray NUL as a space, with a message naming its line', async () => {
    const filler = '各位代表：现在，我代表国务院，向大会报告政府工作。\n'.repeat(40)
    const result = await runText('nul.txt', `${filler}全年新增就业1244万人\0。\n`)
    expect(values(result)).toEqual([12440000])
    const message = result.file.messages.find((entry) => entry.ruleId === 'TEXT_NUL')
    expect(message).toMatchObject({ fatal: false, line: 41 })
  })

  it('reads an HTML page as its text, with offsets into the HTML', async () => {
    const html = '<!DOCTYPE html><html><head><title>报告</title><style>p{color:red}</style></head><body>\n<p>全年新增就业1244&nbsp;万人，</p><p>粮食产量1.39&#x4e07;亿斤<br>增长1.5&#37;</p></body></html>\n'
    const result = await runText('page.html', html)
    expect(result.extraction.mentions.map((mention) => [mention.text, mention.value, mention.unit])).toEqual([
      ['1244&nbsp;万人', 12440000, '人'],
      ['1.39&#x4e07;亿斤', 1.39e12, '斤'],
      ['1.5&#37;', 1.5, '%'],
    ])
    expect(result.extraction.sentences.map((sentence) => sentence.text).join('')).not.toContain('color')
    expect(rulesOf(result)).toContain('TEXT_HTML')
  })

  it('reads an HTML fragment in a .txt file as HTML too, and plain text with a stray < as text', async () => {
    const fragment = await runText('fragment.txt', '<p>城镇新增就业<strong>1244</strong>万人</p>\n<p>增长5%</p><br>\n')
    expect(rulesOf(fragment)).toContain('TEXT_HTML')
    expect(values(fragment)).toEqual([12440000, 5])
    const plain = await runText('plain.txt', '增速<5%的地区有3个。\n')
    expect(rulesOf(plain)).not.toContain('TEXT_HTML')
  })
})
