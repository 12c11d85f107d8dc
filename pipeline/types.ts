// Records the pipeline emits; their JSON Schemas live in schemas/.
import type { Approx, Change, Kind, Status } from './resources/tables.ts'
import type { ExclusionRule } from './rules/exclusions.ts'

export type Level = 'national' | 'provincial' | 'prefecture' | 'county'

export interface CatalogEntry {
  doc_id: string
  file: string
  title: string
  region: string
  region_code: string
  level: Level
  year: number
  source: string
}

export interface Mention {
  doc_id: string
  mention_id: string
  section: string
  paragraph: number
  sentence_id: string
  /** Half-open span in code points of the raw text (BOM dropped). */
  start: number
  end: number
  text: string
  value: number
  value_max?: number
  unit: string
  unit_code: string
  /** value in base_unit (亩 → m2), for sums across reports. */
  value_base?: number
  base_unit: string
  kind: Kind
  approx: Approx
  change: Change
  status: Status
  indicator: string
  /** Code of the indicator (indicators.csv), '' when it is none of them. */
  indicator_code: string
  /** Calendar years the figure is about; absent when the report's year is unknown. */
  period_start?: number
  period_end?: number
  /** An average over the period (年均), not one year's figure. */
  per_year?: boolean
  sentence: string
}

export interface SentenceRecord {
  doc_id: string
  sentence_id: string
  section: string
  paragraph: number
  index: number
  start: number
  end: number
  text: string
}

export interface SectionRecord {
  doc_id: string
  section: string
  title: string
  paragraph: number
  start: number
  status: 'actual' | 'target'
}

export interface TermRecord {
  doc_id: string
  term: string
  start: number
  end: number
  occurrences: number
  /** The footnote marker right after the closing quote: ⑥ gives 6. */
  footnote?: number
}

/** A number the scanner saw and set aside, with the rule that did. */
export interface ExclusionRecord {
  doc_id: string
  exclusion_id: string
  sentence_id: string
  start: number
  end: number
  text: string
  rule: ExclusionRule
  /** Its value, where the text is a number. */
  value?: number
  /** The upper bound, where the text is a range of numbers (一千到一千五百). */
  value_max?: number
  /** The bound a bare number's markers set (1000以上: over), where they set one. */
  approx?: Approx
}

export interface Extraction {
  mentions: Mention[]
  exclusions: ExclusionRecord[]
  sentences: SentenceRecord[]
  sections: SectionRecord[]
  terms: TermRecord[]
}
