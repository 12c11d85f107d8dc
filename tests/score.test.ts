import { describe, expect, it } from 'vitest'
import { count, matchMentions, scores, type ScoredMention } from '../pipeline/eval/score.ts'

const mention = (start: number, end: number, extra: Partial<ScoredMention> = {}): ScoredMention => ({ start, end, value: 1, unit: '个', ...extra })

describe('scorer', () => {
  it('matches overlapping spans, largest overlap first, one to one', () => {
    const gold = [mention(0, 4), mention(5, 8)]
    const predicted = [mention(3, 6), mention(0, 3)]
    expect(matchMentions(gold, predicted)).toEqual([[0, 1], [1, 0]])
  })

  it('counts precision, recall and strict F1', () => {
    const gold = [mention(0, 3, { value: 34 }), mention(10, 13)]
    const predicted = [mention(0, 3, { value: 35 }), mention(20, 22)]
    const result = scores(count(gold, predicted))
    expect(result.precision).toBe(0.5)
    expect(result.recall).toBe(0.5)
    expect(result.strictF1).toBe(0)
    expect(result.accuracy.value).toBe(0)
  })

  it('folds full-width units and accepts indicators that contain each other', () => {
    const gold = [mention(0, 3, { unit: '％', indicator: '“飞地”项目', value: 1e9 })]
    const predicted = [mention(0, 3, { unit: '%', indicator: '飞地项目建设', value: 1e9 * (1 + 1e-9) })]
    const result = scores(count(gold, predicted))
    expect(result.accuracy.unit).toBe(1)
    expect(result.accuracy.indicator).toBe(1)
    expect(result.strictF1).toBe(1)
  })

  it('compares change and status only where gold gives them', () => {
    const result = count([mention(0, 3)], [mention(0, 3, { change: 'up' })])
    expect(result.fields.change).toEqual([0, 0])
  })
})
