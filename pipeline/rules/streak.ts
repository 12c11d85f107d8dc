// 连续第7年: after 连续 an ordinal of years counts how long a streak has run (7年);
// it ranks nothing, so the figure is the years and 连续第 is the cue before them.
import { tables } from '../resources/tables.ts'

const STREAK_BEFORE = tables.contextWords.get('streak-before')!
const ORDINALS = tables.numeralWords.get('ordinal')!.map((entry) => entry.word)

/** The streak word and ordinal (连续第) that end at `at`, if they do. */
export function streakLead(text: string, at: number): string | undefined {
  const ordinal = ORDINALS.find((word) => text.endsWith(word, at))
  const streak = ordinal && STREAK_BEFORE.find((word) => text.endsWith(word, at - ordinal.length))
  return streak ? streak + ordinal : undefined
}
