import fc from 'fast-check'
import type { Paragraph, Root, Sentence } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { unified } from 'unified'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import retextChinese from '../pipeline/parse/plugin.ts'
import { corpusFiles, readCorpusFile } from './corpus.ts'

const processor = unified().use(retextChinese)
const parse = (text: string) => processor.parse(new VFile({ value: text })) as Root


describe('retext-chinese parser', () => {
  it('is lossless on every raw report', () => {
    for (const text of corpusFiles().map(readCorpusFile)) {
      const tree = parse(text)
      expect(toString(tree)).toBe(text)
      expect(processor.stringify(tree)).toBe(text)
    }
  })

  it('is lossless on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => toString(parse(text)) === text))
    fc.assert(fc.property(fc.stringMatching(/^[一二三。，；！？\n 5%“”（）]{0,80}$/), (text) => toString(parse(text)) === text))
  })

  it('builds Root > Paragraph > Sentence > Word with positions that slice the input', () => {
    const text = '各位代表：\n国内生产总值增长5%；城镇新增就业1256万人。成绩来之不易！'
    const tree = parse(text)
    const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'ParagraphNode')
    expect(paragraphs).toHaveLength(2)
    const sentences = paragraphs[1]!.children.filter((node): node is Sentence => node.type === 'SentenceNode')
    expect(sentences.map((sentence) => toString(sentence))).toEqual(['国内生产总值增长5%；', '城镇新增就业1256万人。', '成绩来之不易！'])
    expect(sentences[0]!.children.map((node) => node.type)).toContain('WordNode')
    visit(tree as Node, (node: Node) => {
      const { start, end } = node.position!
      expect(text.slice(start.offset, end.offset)).toBe(toString(node as Root))
    })
  })

  it('keeps closing quotes with their sentence and numbers whole', () => {
    const tree = parse('他说：“增长5.2%。”然后303.5亿元。')
    const sentences = (tree.children[0] as Paragraph).children.filter((node): node is Sentence => node.type === 'SentenceNode')
    expect(sentences.map((sentence) => toString(sentence))).toEqual(['他说：“增长5.2%。”', '然后303.5亿元。'])
    expect(sentences[1]!.children.map((node) => toString(node))).toContain('303.5')
  })
})
