// retext-style parser plugin for Chinese: text in, NLCST out, every node positioned.
import type { Root } from 'nlcst'
import { toString } from 'nlcst-to-string'
import type { Processor } from 'unified'
import { tokenize, type OpensParagraph, type SegmentWhen } from './tokenize.ts'

export interface Options {
  /** Which sentences to split into words (all by default); the rest stay one SourceNode each. */
  segmentWhen?: SegmentWhen
  /** Which lines open a paragraph even after a line that stops in mid-sentence (a section heading). */
  opensParagraph?: OpensParagraph
}

export default function retextChinese(this: Processor, options: Options = {}) {
  const self = this as unknown as Processor<Root, undefined, undefined, Root, string>
  self.parser = (document) => tokenize(document, options.segmentWhen, options.opensParagraph)
  self.compiler = (tree) => toString(tree)
}
