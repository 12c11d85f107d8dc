import fc from 'fast-check'
import type { Paragraph, Root, Sentence } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { unified } from 'unified'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import retextChinese from '../pipeline/parse/plugin.ts'
import { opensSection } from '../pipeline/rules/sections.ts'
import { corpusFiles, readCorpusFile } from './corpus.ts'

const processor = unified().use(retextChinese)
const parse = (text: string) => processor.parse(new VFile({ value: text })) as Root
const unparagraphed = (text: string) => parse(text).children.filter((node) => node.type === 'ParagraphNode')


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

  describe('paragraphs across the line breaks of web copies', () => {
    const headed = unified().use(retextChinese, { opensParagraph: opensSection })
    const paragraphsOf = (text: string) =>
      (headed.parse(new VFile({ value: text })) as Root).children.filter((node): node is Paragraph => node.type === 'ParagraphNode').map((node) => toString(node))

    it('joins a line that stops in mid-sentence to the lines that finish it', () => {
      expect(paragraphsOf('经济稳中向好。广义货币M\n2\n增长13.6%。\n下一段。')).toEqual(['经济稳中向好。广义货币M\n2\n增长13.6%。', '下一段。'])
      expect(paragraphsOf('工作有进展。制定了《\n建议\n》，确定目标。')).toEqual(['工作有进展。制定了《\n建议\n》，确定目标。'])
    })

    it('keeps apart lines that end a sentence, a lead-in or a heading, and blank lines', () => {
      expect(paragraphsOf('政府工作报告\n国务院总理\n各位代表：\n增长5%。')).toEqual(['政府工作报告', '国务院总理', '各位代表：', '增长5%。'])
      expect(paragraphsOf('增长5%。“十四五”\n\n开局良好。')).toEqual(['增长5%。“十四五”', '开局良好。'])
      expect(paragraphsOf('抓好以下七方面工作：\t\n（一）加强宏观调控')).toEqual(['抓好以下七方面工作：\t', '（一）加强宏观调控'])
    })

    it('keeps apart the lines of a list of one item a line, which no sentence end follows', () => {
      const items = ['百分之2.4', '百分之2', '百分之1,669', '五百分之2.2', '百万', '7.２成', '7 2 折']
      expect(paragraphsOf(['增长5%。共有', ...items].join('\n'))).toEqual(['增长5%。共有', ...items])
      // the sentence end that would finish them lies past a blank line or a heading
      expect(paragraphsOf('增长5%。共有\n百分之2\n\n增长6%。')).toEqual(['增长5%。共有', '百分之2', '增长6%。'])
      expect(paragraphsOf('增长5%。共有\n百分之2\n百分之3\n二、主要任务\n增长6%。')).toEqual(['增长5%。共有', '百分之2', '百分之3', '二、主要任务', '增长6%。'])
    })

    it('opens a paragraph at a section or part heading even after a sentence left unfinished', () => {
      expect(paragraphsOf('增长5%。取得新进展\n二、2024年主要任务\n增长6%。')).toEqual(['增长5%。取得新进展', '二、2024年主要任务', '增长6%。'])
      expect(paragraphsOf('增长5%。取得新进展\n今后五年主要目标\n增长6%。')).toEqual(['增长5%。取得新进展', '今后五年主要目标', '增长6%。'])
      // without a heading rule the parser cannot tell a heading from the rest of a sentence
      expect(unparagraphed('增长5%。取得新进展\n二、2024年主要任务\n增长6%。')).toHaveLength(1)
    })
  })
})
