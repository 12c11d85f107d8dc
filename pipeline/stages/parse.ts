// parse: folded text to an NLCST tree with the Chinese parser plugin.
import type { Root } from 'nlcst'
import { unified } from 'unified'
import { VFile } from 'vfile'
import retextChinese from '../parse/plugin.ts'

const processor = unified().use(retextChinese).freeze()

export function parse(folded: string): Root {
  return processor.parse(new VFile({ value: folded })) as Root
}
