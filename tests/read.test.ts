import { describe, expect, it } from 'vitest'
import { Rejection } from '../pipeline/stages/errors.ts'
import { decode, firstInvalidUtf8, firstInvalidUtf16 } from '../pipeline/stages/read.ts'

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'))
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16())

function rejectionOf(bytes: Uint8Array): Rejection {
  try {
    decode(bytes)
  } catch (error) {
    if (error instanceof Rejection) return error
    throw error
  }
  throw new Error('expected a rejection')
}

const REPORT = '一、2024年工作回顾\n全年地区生产总值增长5.2%，城镇新增就业28万人。\n'

describe('read', () => {
  it('decodes UTF-8 and drops a BOM, naming which it was', () => {
    expect(decode(utf8('总投资7亿元'))).toEqual({ text: '总投资7亿元', encoding: 'utf-8', notes: [] })
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('增长5%')]))).toEqual({ text: '增长5%', encoding: 'utf-8-bom', notes: [] })
  })

  it('detects and decodes GB18030', () => {
    // 中文 增长5% in GB18030
    const gb = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x20, 0xd4, 0xf6, 0xb3, 0xa4, 0x35, 0x25])
    expect(decode(gb)).toMatchObject({ text: '中文 增长5%', encoding: 'gb18030' })
  })

  it('decodes UTF-16 with a BOM, little and big endian', () => {
    expect(decode(new Uint8Array([0xff, 0xfe, ...utf16le(REPORT)]))).toEqual({ text: REPORT, encoding: 'utf-16le', notes: [] })
    expect(decode(new Uint8Array([0xfe, 0xff, ...utf16be(REPORT)]))).toEqual({ text: REPORT, encoding: 'utf-16be', notes: [] })
  })

  it('detects UTF-16 without a BOM by where its NUL bytes stand, and says so', () => {
    const little = decode(utf16le(REPORT))
    expect(little).toMatchObject({ text: REPORT, encoding: 'utf-16le' })
    expect(little.notes.map((note) => note.ruleId)).toEqual(['READ_UTF16_WITHOUT_BOM'])
    expect(decode(utf16be(REPORT))).toMatchObject({ text: REPORT, encoding: 'utf-16be' })
  })

  it('rejects UTF-16 with an unpaired surrogate at its byte', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...utf16le('增长'), 0x00, 0xd8, ...utf16le('5%')])
    const rejection = rejectionOf(bytes)
    expect(rejection.code).toBe('READ_UNDECODABLE')
    expect(rejection.place?.offset).toBe(6)
    expect(firstInvalidUtf16(utf16le('a𠮷b'), true)).toBe(-1)
    expect(firstInvalidUtf16(new Uint8Array([0x61, 0x00, 0x62]), true)).toBe(2) // a dangling byte
  })

  it('rejects empty input, a lone BOM included', () => {
    expect(rejectionOf(new Uint8Array()).code).toBe('READ_EMPTY')
    expect(rejectionOf(new Uint8Array([0xef, 0xbb, 0xbf])).code).toBe('READ_EMPTY')
    expect(rejectionOf(new Uint8Array([0xff, 0xfe])).code).toBe('READ_EMPTY')
  })

  it('rejects binary data and names the byte', () => {
    const rejection = rejectionOf(new Uint8Array([...utf8('报告'), 0x41, 0x01, 0x02]))
    expect(rejection.code).toBe('READ_BINARY')
    expect(rejection.place).toEqual({ line: 1, column: 8, offset: 7 })
  })

  it('keeps a stray NUL in a long text for normalize to report, but many NULs are binary', () => {
    const text = '各位代表：'.repeat(100)
    expect(decode(new Uint8Array([...utf8(text), 0x00, ...utf8(text)])).text).toBe(`${text}\0${text}`)
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])
    expect(rejectionOf(png).code).toBe('READ_BINARY')
    const scattered = new Uint8Array(400).map((_, at) => (at % 7 === 0 ? 0 : 0x41))
    expect(rejectionOf(scattered).message).toContain('NUL')
  })

  it('rejects bytes that are neither UTF-8 nor GB18030, at the first bad byte', () => {
    const rejection = rejectionOf(new Uint8Array([...utf8('ab'), 0xff, 0xff, 0xff]))
    expect(rejection.code).toBe('READ_UNDECODABLE')
    expect(rejection.place?.offset).toBe(2)
  })

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(utf8('句容市'))).toBe(-1)
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1) // truncated sequence
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0) // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0) // surrogate
  })
})
