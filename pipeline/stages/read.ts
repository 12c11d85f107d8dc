// read: a file's bytes to text. UTF-8 (with or without BOM) or GB18030/GBK;
// anything else is rejected with the byte offset where decoding failed.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Rejection, type BytePlace, type RejectionCode } from './errors.ts'

export interface Decoded {
  text: string
  encoding: 'utf-8' | 'gb18030'
}

export interface ReadResult extends Decoded {
  /** SHA-256 of the file's bytes, so a release says exactly what it was made from. */
  sha256: string
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]

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

/** Control bytes other than tab, line feed, form feed and carriage return mean binary data in both encodings. */
function firstControlByte(bytes: Uint8Array): number {
  return bytes.findIndex((byte) => (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f)
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

export function decode(bytes: Uint8Array): Decoded {
  const bom = UTF8_BOM.every((byte, index) => bytes[index] === byte)
  const body = bom ? bytes.subarray(3) : bytes
  if (body.length === 0) reject(bytes, 'READ_EMPTY', 'the file is empty', 0)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    reject(bytes, 'READ_UNSUPPORTED_ENCODING', 'UTF-16 is not supported: convert the file to UTF-8', 0)
  }
  const control = firstControlByte(body)
  if (control >= 0) reject(bytes, 'READ_BINARY', `binary data: control byte 0x${body[control]!.toString(16).padStart(2, '0')}`, control + (bom ? 3 : 0))
  const invalid = firstInvalidUtf8(body)
  if (invalid < 0) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' }
  if (!bom) {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' }
    } catch {
      // neither encoding fits: report where UTF-8 broke
    }
  }
  return reject(bytes, 'READ_UNDECODABLE', 'not valid UTF-8 (nor GB18030)', invalid + (bom ? 3 : 0))
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
