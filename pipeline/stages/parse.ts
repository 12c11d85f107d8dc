// parse: folded text to an NLCST tree with the Chinese parser plugin.
import type { Root } from 'nlcst'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import retextChinese from '../parse/plugin.ts'

const processor = unified().use(retextChinese).freeze()

/** `file.value` must hold the folded text. */
export function parse(file: VFile): Root {
  return processor.parse(file) as Root
}
