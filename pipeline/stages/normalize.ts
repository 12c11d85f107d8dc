// normalize: fold full-width forms (digits, letters, punctuation, ideographic
// space) to ASCII for matching. Folding is one UTF-16 unit for one, so every
// offset into the folded text is an offset into the raw text; OffsetMap turns
// those into the code-point offsets that records carry.
export interface Normalized {
  raw: string
  folded: string
  offsets: OffsetMap
}

const FULL_WIDTH_FIRST = 0xff01
const FULL_WIDTH_LAST = 0xff5e
const FULL_TO_ASCII = 0xfee0
const IDEOGRAPHIC_SPACE = 0x3000

export function fold(text: string): string {
  let folded = ''
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) folded += String.fromCharCode(code - FULL_TO_ASCII)
    else if (code === IDEOGRAPHIC_SPACE) folded += ' '
    else folded += text[index]
  }
  return folded
}

/** UTF-16 offsets to code-point offsets (they differ only after astral characters). */
export class OffsetMap {
  private readonly codePoints: Uint32Array | undefined

  constructor(text: string) {
    if (!/[\uD800-\uDBFF]/.test(text)) return
    this.codePoints = new Uint32Array(text.length + 1)
    let count = 0
    for (let index = 0; index < text.length; index++) {
      this.codePoints[index] = count
      const pair = (text.charCodeAt(index) & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00
      if (pair) this.codePoints[++index] = count
      count++
    }
    this.codePoints[text.length] = count
  }

  toCodePoint(offset: number): number {
    return this.codePoints ? this.codePoints[offset]! : offset
  }
}

export function normalize(raw: string): Normalized {
  return { raw, folded: fold(raw), offsets: new OffsetMap(raw) }
}
