// validate: every record is checked against its schema before it is written.
// A failing record is set aside with its reason, never dropped silently.
import { problemOf, validators } from '../schemas.ts'
import type { Extraction, Mention, SentenceRecord } from '../types.ts'

export interface Invalid {
  table: 'quantities' | 'sentences'
  id: string
  /** Code-point offset of the record in the raw text. */
  start: number
  reason: string
}

export interface Validated {
  extraction: Extraction
  invalid: Invalid[]
}

export function validate(extraction: Extraction): Validated {
  const invalid: Invalid[] = []
  const mentions = extraction.mentions.filter((mention: Mention) => {
    const reason = problemOf(validators.quantity, mention) ?? (mention.end > mention.start && Number.isFinite(mention.value) ? undefined : 'empty span or value not finite')
    if (reason) invalid.push({ table: 'quantities', id: mention.mention_id, start: mention.start, reason })
    return reason === undefined
  })
  const sentences = extraction.sentences.filter((sentence: SentenceRecord) => {
    const reason = problemOf(validators.sentence, sentence)
    if (reason) invalid.push({ table: 'sentences', id: sentence.sentence_id, start: sentence.start, reason })
    return reason === undefined
  })
  return { extraction: { mentions, sentences }, invalid }
}
