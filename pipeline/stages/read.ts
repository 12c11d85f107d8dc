// read: a file's bytes to text. UTF-8 (with or without BOM), UTF-16 (LE or BE, with a
// BOM, or without one when its NUL bytes show it) or GB18030/GBK; anything else is
// rejected with the byte offset where decoding failed. Choices made on the way are notes.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Rejection, type BytePlace, type Note, type RejectionCode } from './errors.ts'

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030'
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']

export interface Decoded {
  text: string
  encoding: Encoding
  notes: Note[]
}

export interface ReadResult extends Decoded {
  /** SHA-256 of the file's bytes, so a release says exactly what it was made from. */
  sha256: string
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]
/** A few stray NUL bytes are damage in a text file; more than this share of them is binary data. */
const MAX_NUL_SHARE = 0.001
/** UTF-16 without a BOM: NUL bytes (the high bytes of ASCII; a few CJK characters such as 一 end in one) stand mostly at one parity. */
const MIN_PARITY_SHARE = 0.8
/** Even a Chinese text has digits and line ends: UTF-16 without BOM shows at least this share of NUL bytes. */
const MIN_UTF16_NUL_SHARE = 0.01

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0
  while (at < bytes.length) {
    const lead = bytes[at]!
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0 || at + length > bytes.length) return at
    for (let next = 1; next < length; next++) if ((bytes[at + next]! & 0xc0) !== 0x80) return at
    const second = bytes[at + 1] ?? 0
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return at
    at += length
  }
  return -1
}

/** Byte offset of the first unpaired surrogate (or a dangling odd byte) in UTF-16, or -1. */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (at: number) => (littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!)
  let at = 0
  for (; at + 1 < bytes.length; at += 2) {
    const code = unit(at)
    if (code >= 0xdc00 && code <= 0xdfff) return at
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = at + 3 < bytes.length ? unit(at + 2) : 0
      if (next < 0xdc00 || next > 0xdfff) return at
      at += 2
    }
  }
  return at < bytes.length ? at : -1
}

/** Control bytes other than tab, line feed, form feed, carriage return and NUL mean binary data. */
function firstControlByte(bytes: Uint8Array): number {
  return bytes.findIndex((byte) => (byte < 0x20 && byte !== 0x00 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f)
}

/** Line and byte column of a byte offset, so a message can point into an undecodable file. */
function placeOf(bytes: Uint8Array, offset: number): BytePlace {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: offset - lineStart + 1, offset }
}

function reject(bytes: Uint8Array, code: RejectionCode, reason: string, offset: number): never {
  throw new Rejection(code, `${reason} (byte ${offset})`, placeOf(bytes, offset))
}

/** Where the NUL bytes stand: which parity holds them, if almost all stand at one. */
function nulParity(bytes: Uint8Array): { count: number; first: number; littleEndian?: boolean } {
  const atParity = [0, 0]
  let first = -1
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] !== 0) continue
    if (first < 0) first = at
    atParity[at % 2]!++
  }
  const count = atParity[0]! + atParity[1]!
  if (count < Math.max(2, MIN_UTF16_NUL_SHARE * bytes.length)) return { count, first }
  // ASCII in UTF-16LE is "a\0": its NULs stand at odd offsets; in UTF-16BE at even ones
  if (atParity[1]! >= MIN_PARITY_SHARE * count) return { count, first, littleEndian: true }
  if (atParity[0]! >= MIN_PARITY_SHARE * count) return { count, first, littleEndian: false }
  return { count, first }
}

function decodeUtf16(bytes: Uint8Array, body: Uint8Array, littleEndian: boolean, bomLength: number): string {
  const invalid = firstInvalidUtf16(body, littleEndian)
  if (invalid >= 0) reject(bytes, 'READ_UNDECODABLE', `not valid UTF-16${littleEndian ? 'LE' : 'BE'}`, invalid + bomLength)
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(body)
}

/** Binary data: a control byte, or more NUL bytes than damage leaves (normalize reports the few). */
function rejectBinary(bytes: Uint8Array, body: Uint8Array, bomLength: number, nuls = nulParity(body)): void {
  if (nuls.count > MAX_NUL_SHARE * body.length) {
    reject(bytes, 'READ_BINARY', 'binary data: many NUL bytes (if this is UTF-16 text, convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8)', nuls.first + bomLength)
  }
  const control = firstControlByte(body)
  if (control >= 0) reject(bytes, 'READ_BINARY', `binary data: control byte 0x${body[control]!.toString(16).padStart(2, '0')}`, control + bomLength)
}

function decodeWithoutBom(bytes: Uint8Array): Decoded {
  const nuls = nulParity(bytes)
  if (nuls.littleEndian !== undefined) {
    const text = decodeUtf16(bytes, bytes, nuls.littleEndian, 0)
    const encoding = nuls.littleEndian ? 'utf-16le' : 'utf-16be'
    return { text, encoding, notes: [{ ruleId: 'READ_UTF16_WITHOUT_BOM', reason: `read as ${encoding.toUpperCase()}: the file has no BOM, but its NUL bytes stand at one parity` }] }
  }
  rejectBinary(bytes, bytes, 0, nuls)
  if (firstInvalidUtf8(bytes) < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notes: [] }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', notes: [] }
  } catch {
    return reject(bytes, 'READ_UNDECODABLE', 'not valid UTF-8 (nor GB18030)', firstInvalidUtf8(bytes))
  }
}

export function decode(bytes: Uint8Array): Decoded {
  const utf8Bom = UTF8_BOM.every((byte, index) => bytes[index] === byte)
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  const bomLength = utf8Bom ? 3 : utf16Bom ? 2 : 0
  const body = bytes.subarray(bomLength)
  if (body.length === 0) reject(bytes, 'READ_EMPTY', 'the file is empty', 0)
  if (utf16Bom) {
    const littleEndian = bytes[0] === 0xff
    return { text: decodeUtf16(bytes, body, littleEndian, 2), encoding: littleEndian ? 'utf-16le' : 'utf-16be', notes: [] }
  }
  if (!utf8Bom) return decodeWithoutBom(bytes)
  rejectBinary(bytes, body, 3)
  const invalid = firstInvalidUtf8(body)
  if (invalid >= 0) reject(bytes, 'READ_UNDECODABLE', 'not valid UTF-8 after a UTF-8 BOM', invalid + 3)
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8-bom', notes: [] }
}

export async function read(path: string): Promise<ReadResult> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new Rejection('READ_MISSING', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  return { ...decode(bytes), sha256: createHash('sha256').update(bytes).digest('hex') }
}
