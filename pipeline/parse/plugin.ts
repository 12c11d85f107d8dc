// retext-style parser plugin for Chinese: text in, NLCST out, every node positioned.
import type { Root } from 'nlcst'
import { toString } from 'nlcst-to-string'
import type { Processor } from 'unified'
import type { Node, Point } from 'unist'
import { lastAtOrBefore } from '../text.ts'
import { tokenize } from './tokenize.ts'

type Offsets = { start: number; end: number }
type Tokenized = Node & { data?: Offsets; children?: Tokenized[] }

/** Offsets of every line start, so a point is one binary search away. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

function pointAt(starts: number[], offset: number): Point {
  const line = lastAtOrBefore(starts, offset)
  return { line: line + 1, column: offset - starts[line]! + 1, offset }
}

/** Turns the tokenizer's offsets into unist positions (a plain walk: the tree is large). */
function position(node: Tokenized, starts: number[]): void {
  const { start, end } = node.data!
  node.position = { start: pointAt(starts, start), end: pointAt(starts, end) }
  delete node.data
  for (const child of node.children ?? []) position(child, starts)
}

export default function retextChinese(this: Processor) {
  const self = this as unknown as Processor<Root, undefined, undefined, Root, string>
  self.parser = (document) => {
    const tree = tokenize(document)
    position(tree as Tokenized, lineStarts(document))
    return tree
  }
  self.compiler = (tree) => toString(tree)
}
