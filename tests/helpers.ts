// Runs the pure stages on a string, as the document machine does on a file.
import { VFile } from 'vfile'
import { extract } from '../pipeline/stages/extract.ts'
import { normalize } from '../pipeline/stages/normalize.ts'
import { parse } from '../pipeline/stages/parse.ts'
import type { Mention } from '../pipeline/types.ts'

export function extractText(text: string, docId = 'spec'): Mention[] {
  const normalized = normalize(text)
  const tree = parse(new VFile({ value: normalized.folded }))
  return extract(tree, normalized, docId).mentions
}
