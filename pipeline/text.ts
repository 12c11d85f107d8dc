// Small text helpers: slicing without cutting a surrogate pair, and finding an offset's place.
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff

/** text.slice(start, end), with both ends moved off the middle of a surrogate pair. */
export function clip(text: string, start: number, end: number): string {
  const from = start > 0 && isHigh(text.charCodeAt(start - 1)) ? start - 1 : start
  const to = end < text.length && isHigh(text.charCodeAt(end - 1)) ? end - 1 : end
  return text.slice(Math.max(0, from), Math.max(from, to))
}

/** Index of the last item of a sorted list that is <= value (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (sorted[middle]! <= value) low = middle
    else high = middle - 1
  }
  return low
}
