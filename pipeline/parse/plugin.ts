// retext-style parser plugin for Chinese: text in, NLCST out, every node positioned.
import type { Root } from 'nlcst'
import type { Node } from 'unist'
import { toString } from 'nlcst-to-string'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'
import { location } from 'vfile-location'
import { tokenize } from './tokenize.ts'

type Offsets = { start: number; end: number }

export default function retextChinese(this: Processor) {
  const self = this as unknown as Processor<Root, undefined, undefined, Root, string>
  self.parser = (document, file) => {
    const tree = tokenize(document)
    const place = location(file)
    visit(tree as Node, (node: Node) => {
      const { start, end } = node.data as Offsets
      node.position = { start: place.toPoint(start)!, end: place.toPoint(end)! }
      delete node.data
    })
    return tree
  }
  self.compiler = (tree) => toString(tree)
}
