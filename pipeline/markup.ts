// HTML read as its text, one UTF-16 unit for one: a block tag becomes a line end and
// spaces (paragraphs stay paragraphs), an inline tag zero-width spaces (<b>1244</b>万人
// stays one figure), and an entity zero-width spaces then its character (a span
// that ends at the character ends at the entity's end), so every offset still points
// into the raw file.
const ZERO_WIDTH = '\u200b'
const TAG = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<![^<>]*>/g
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g
const BLOCKS = new Set(['p', 'br', 'div', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'hr', 'title', 'body', 'html', 'head'])
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', divide: '÷', deg: '°', permil: '‰', ensp: ' ', emsp: ' ', thinsp: ' ' }
/** An HTML page or fragment: a doctype or html tag at the start, or several paragraph-level tags. */
const PAGE_START = /^\s*(?:<!doctype html|<html[\s>])/i
const FRAGMENT_TAGS = /<(?:p|br|div|span|td|li|strong|b)[\s/>]/gi
const MIN_FRAGMENT_TAGS = 3

export function looksLikeHtml(text: string): boolean {
  if (PAGE_START.test(text)) return true
  let tags = 0
  for (const _ of text.matchAll(FRAGMENT_TAGS)) if (++tags >= MIN_FRAGMENT_TAGS) return true
  return false
}

const blank = (length: number, block: boolean) => (block ? `\n${' '.repeat(length - 1)}` : ZERO_WIDTH.repeat(length))

function entityText(match: string, decimal?: string, hex?: string, name?: string): string {
  const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : undefined
  const char = code !== undefined ? (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined) : NAMED[name!.toLowerCase()]
  if (char === undefined) return match
  return ZERO_WIDTH.repeat(match.length - char.length) + char
}

/** The text of an HTML document, of the same length; counts of what was replaced, for the message. */
export function stripMarkup(html: string): { text: string; tags: number; entities: number } {
  let tags = 0
  let entities = 0
  const text = html
    .replace(TAG, (match: string, raw?: string, name?: string) => {
      tags++
      // comments, scripts and styles hold no text; a block tag ends a line
      return blank(match.length, raw !== undefined || match.startsWith('<!') || BLOCKS.has((name ?? '').toLowerCase()))
    })
    .replace(ENTITY, (match: string, decimal?: string, hex?: string, name?: string) => {
      const replaced = entityText(match, decimal, hex, name)
      if (replaced !== match) entities++
      return replaced
    })
  return { text, tags, entities }
}
