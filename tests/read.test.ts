import { describe, expect, it } from 'vitest'
import { Rejection } from '../pipeline/stages/errors.ts'
import { decode, firstInvalidUtf8 } from '../pipeline/stages/read.ts'

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

function rejectionOf(bytes: Uint8Array): Rejection {
  try {
    decode(bytes)
  } catch (error) {
    if (error instanceof Rejection) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('read', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decode(utf8('总投资7亿元'))).toEqual({ text: '总投资7亿元', encoding: 'utf-8' })
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('增长5%')]))).toEqual({ text: '增长5%', encoding: 'utf-8' })
  })

  it('detects and decodes GB18030', () => {
    // 中文 增长5% in GB18030
    const gb = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x20, 0xd4, 0xf6, 0xb3, 0xa4, 0x35, 0x25])
    expect(decode(gb)).toEqual({ text: '中文 增长5%', encoding: 'gb18030' })
  })

  it('rejects empty input, a lone BOM included', () => {
    expect(rejectionOf(new Uint8Array()).code).toBe('READ_EMPTY')
    expect(rejectionOf(new Uint8Array([0xef, 0xbb, 0xbf])).code).toBe('READ_EMPTY')
  })

  it('rejects binary data and names the byte', () => {
    const rejection = rejectionOf(new Uint8Array([...utf8('报告'), 0x00, 0x01, 0x02]))
    expect(rejection.code).toBe('READ_BINARY')
    expect(rejection.place).toEqual({ line: 1, column: 7, offset: 6 })
  })

  it('rejects UTF-16 with a hint', () => {
    expect(rejectionOf(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e])).code).toBe('READ_UNSUPPORTED_ENCODING')
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
