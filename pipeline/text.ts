// Slicing text for output without cutting a surrogate pair in two.
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff

/** text.slice(start, end), with both ends moved off the middle of a surrogate pair. */
export function clip(text: string, start: number, end: number): string {
  const from = start > 0 && isHigh(text.charCodeAt(start - 1)) ? start - 1 : start
  const to = end < text.length && isHigh(text.charCodeAt(end - 1)) ? end - 1 : end
  return text.slice(Math.max(0, from), Math.max(from, to))
}
