// A document's predictions beside its gold annotation, with the scorer of
// pipeline/eval: which mentions were missed, which are false positives, and
// which fields of a matched mention disagree with the gold.
import type { GoldFile } from '../eval/evaluate.ts'
import { count, FIELDS, matchMentions, scores, type ScoredMention, type Scores } from '../eval/score.ts'
import type { Row } from '../package/rows.ts'
import { cellText } from './columns.ts'

export type GoldMention = GoldFile['mentions'][number]

export interface MentionVerdict {
  gold?: GoldMention
  /** Fields the gold gives otherwise; empty for a right match. */
  wrong: string[]
}

/**
 * Fields the gold files carry that the scorer counts apart from the matched pairs'
 * fields (codes have their own precision and recall): shown where the gold gives one.
 */
const UNSCORED_FIELDS = ['indicator_code']

export interface GoldComparison {
  scores: Scores
  /** Per predicted mention_id; a mention without gold is a false positive. */
  verdicts: Map<string, MentionVerdict>
  misses: GoldMention[]
}

const scored = (row: Row) => row as unknown as ScoredMention

/** Fields of one matched pair that the scorer counts as wrong (count() of the pair alone), then the unscored ones. */
function wrongFields(gold: GoldMention, predicted: Row): string[] {
  const { fields } = count([gold], [scored(predicted)])
  const goldRow = gold as unknown as Row
  const unscored = UNSCORED_FIELDS.filter((field) => goldRow[field] !== undefined && goldRow[field] !== (predicted[field] ?? ''))
  return [...FIELDS.filter((field) => fields[field][1] === 1 && fields[field][0] === 0), ...unscored]
}

export function compareGold(gold: GoldFile, mentions: Row[]): GoldComparison {
  const pairs = matchMentions(gold.mentions, mentions.map(scored))
  const verdicts = new Map<string, MentionVerdict>(mentions.map((mention) => [String(mention.mention_id), { wrong: [] }]))
  const matchedGold = new Set<number>()
  for (const [g, p] of pairs) {
    matchedGold.add(g)
    const predicted = mentions[p]!
    verdicts.set(String(predicted.mention_id), { gold: gold.mentions[g]!, wrong: wrongFields(gold.mentions[g]!, predicted) })
  }
  return {
    scores: scores(count(gold.mentions, mentions.map(scored))),
    verdicts,
    misses: gold.mentions.filter((_, index) => !matchedGold.has(index)),
  }
}

/** The gold beside the prediction: "value 6; status target", or "false positive". */
export function verdictText(verdict: MentionVerdict): string {
  if (!verdict.gold) return 'false positive'
  const gold = verdict.gold
  return verdict.wrong.map((field) => `${field} ${cellText(gold as unknown as Row, field) || '—'}`).join('; ')
}
