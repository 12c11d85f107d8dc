// parse: folded text to an NLCST tree with the Chinese parser plugin. Only
// sentences that hold a quantity are split into words: no rule reads the words
// of any other, and segmenting is most of a parse's cost.
import type { Root } from 'nlcst'
import { unified } from 'unified'
import { VFile } from 'vfile'
import retextChinese from '../parse/plugin.ts'
import { holdsQuantity, startDocument } from '../rules/candidates.ts'
import { opensSection } from '../rules/sections.ts'

const processor = unified()
  .use(retextChinese, { segmentWhen: holdsQuantity, opensParagraph: opensSection })
  .freeze()

export function parse(folded: string): Root {
  startDocument()
  return processor.parse(new VFile({ value: folded })) as Root
}
