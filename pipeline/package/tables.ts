// Every table of the release, described once: the CSV columns, the Table
// Schemas of datapackage.json, the SQLite tables and fields.csv all come from here.
import { KINDS } from '../resources/tables.ts'
import { ENCODINGS } from '../stages/read.ts'
import { indicators } from '../resources/vocabulary.ts'
import { EXCLUSION_RULES } from '../rules/exclusions.ts'

/** The key series rows are sorted by: a region without a code is told apart by its name. */
export const SERIES_KEYS = ['region_code', 'region', 'indicator_code', 'period_start', 'period_end', 'per_year']

export type FieldType = 'string' | 'integer' | 'number' | 'boolean'

export interface Field {
  name: string
  type: FieldType
  /** Chinese name, shown to statisticians as the field's title. */
  title: string
  english: string
  description: string
  unit?: string
  required?: boolean
  unique?: boolean
  enum?: string[]
  minimum?: number
  pattern?: string
  /** Free text written by people, escaped against formula injection in excel/ copies. */
  freeText?: boolean
}

export interface ForeignKey {
  fields: string[]
  resource: string
  reference: string[]
}

export interface Table {
  name: string
  title: string
  description: string
  fields: Field[]
  primaryKey: string[]
  foreignKeys: ForeignKey[]
}

const DOC_ID = '^[a-z0-9][a-z0-9-]*$'
/** The empty string is a missing value in the Table Schema, so the enum lists the codes alone. */
const INDICATOR_CODES = indicators.map((indicator) => indicator.code)

const docId: Field = { name: 'doc_id', type: 'string', title: '文档编号', english: 'document id', description: 'Key of the report in documents.', required: true, pattern: DOC_ID }
const start: Field = { name: 'start', type: 'integer', title: '起始位置', english: 'start offset', description: 'Start of the span, in Unicode code points of the raw text (a leading BOM dropped).', unit: 'code point', required: true, minimum: 0 }
const end: Field = { name: 'end', type: 'integer', title: '结束位置', english: 'end offset', description: 'End of the span (exclusive), in code points of the raw text.', unit: 'code point', required: true, minimum: 1 }
const section: Field = { name: 'section', type: 'string', title: '章节', english: 'section', description: 'Section markers as written, outermost first (一/（三）); empty before the first marker.', freeText: true }
const paragraph: Field = { name: 'paragraph', type: 'integer', title: '段落序号', english: 'paragraph number', description: 'Paragraph number within the document, from 1 (a paragraph is a line).', required: true, minimum: 1 }
const toDocuments: ForeignKey = { fields: ['doc_id'], resource: 'documents', reference: ['doc_id'] }
const toIndicators: ForeignKey = { fields: ['indicator_code'], resource: 'indicators', reference: ['code'] }
const period = (side: string): Field[] => [
  { name: 'period_start', type: 'integer', title: '所属期起', english: 'period start', description: `First calendar year ${side}.`, unit: 'year', required: true, minimum: 1949 },
  { name: 'period_end', type: 'integer', title: '所属期止', english: 'period end', description: 'Last calendar year; equal to period_start for one year.', unit: 'year', required: true, minimum: 1949 },
  { name: 'per_year', type: 'boolean', title: '年均', english: 'per year', description: 'true for an average over the period (年均增长): such rows never mix with one year’s figure.', required: true },
]
/** The target and the actual columns of a series row, alike but for their side. */
function seriesSide(side: 'target' | 'actual', zh: string): Field[] {
  const source = side === 'target' ? 'the report of the period’s (first) year' : 'the nearest later report of the region'
  return [
    { name: `${side}_value`, type: 'number', title: `${zh}值`, english: `${side} value`, description: `The ${side} in the row’s unit, multipliers applied; the lower bound of a range. From ${source}.` },
    { name: `${side}_value_max`, type: 'number', title: `${zh}上限`, english: `${side} upper bound`, description: `Upper bound when the ${side} is a range (6%—6.5%); empty otherwise.` },
    { name: `${side}_approx`, type: 'string', title: `${zh}近似`, english: `${side} approximation`, description: `How the ${side} is bounded: exact, about (左右), over (以上), under (以内); a bound stays a bound.`, enum: ['exact', 'over', 'under', 'about'] },
    { name: `${side}_doc_id`, type: 'string', title: `${zh}来源报告`, english: `${side} document`, description: `Report the ${side} was read from.`, pattern: DOC_ID },
    { name: `${side}_mention_id`, type: 'string', title: `${zh}来源数量`, english: `${side} mention`, description: `The mention (quantities.mention_id) the ${side} is, so its sentence can be opened.` },
  ]
}

export const TABLES: Table[] = [
  {
    name: 'documents',
    title: '报告',
    description: 'One row per catalogued report, with how its run ended.',
    primaryKey: ['doc_id'],
    foreignKeys: [],
    fields: [
      { ...docId, unique: true },
      { name: 'file', type: 'string', title: '文件', english: 'file', description: 'Path of the raw text under raw/.', required: true },
      { name: 'title', type: 'string', title: '标题', english: 'title', description: 'Title of the report.', required: true, freeText: true },
      { name: 'region', type: 'string', title: '地区', english: 'region', description: 'Administrative region the report is for.', required: true, freeText: true },
      { name: 'region_code', type: 'string', title: '行政区划代码', english: 'region code', description: 'GB/T 2260 administrative division code (100000 for national); kept as text so leading zeros stay.', pattern: '^[0-9]{6}$' },
      { name: 'level', type: 'string', title: '行政级别', english: 'level', description: 'Level of government.', required: true, enum: ['national', 'provincial', 'prefecture', 'county'] },
      { name: 'year', type: 'integer', title: '报告年份', english: 'report year', description: 'Year the report was delivered (it reviews the year before).', required: true, minimum: 1949 },
      { name: 'source', type: 'string', title: '来源', english: 'source', description: 'Where the text was taken from.', freeText: true },
      { name: 'outcome', type: 'string', title: '处理结果', english: 'outcome', description: 'done: written; rejected: bad input; failed: a pipeline bug.', required: true, enum: ['done', 'rejected', 'failed'] },
      { name: 'reason', type: 'string', title: '原因', english: 'reason', description: 'Why the document was rejected or failed; empty when done.', freeText: true },
      { name: 'encoding', type: 'string', title: '编码', english: 'encoding', description: 'Encoding the raw file was read in (utf-8-bom: UTF-8 with a byte order mark).', enum: [...ENCODINGS] },
      { name: 'characters', type: 'integer', title: '字符数', english: 'characters', description: 'Length of the raw text in code points.', unit: 'code point', required: true, minimum: 0 },
      { name: 'sentences', type: 'integer', title: '句子数', english: 'sentences', description: 'Number of sentences.', required: true, minimum: 0 },
      { name: 'mentions', type: 'integer', title: '数量数', english: 'mentions', description: 'Number of quantity mentions.', required: true, minimum: 0 },
      { name: 'sha256', type: 'string', title: '文件摘要', english: 'sha256', description: 'SHA-256 of the raw file bytes.', pattern: '^[0-9a-f]{64}$' },
    ],
  },
  {
    name: 'sections',
    title: '章节',
    description: 'Sections opened by markers such as 一、 and （三）, with the status their heading implies.',
    primaryKey: ['doc_id', 'start'],
    foreignKeys: [toDocuments],
    fields: [
      docId,
      { ...section, required: true },
      { name: 'title', type: 'string', title: '标题', english: 'title', description: 'Heading line, or the first clause of the paragraph the marker opens.', required: true, freeText: true },
      paragraph,
      start,
      { name: 'status', type: 'string', title: '默认状态', english: 'default status', description: 'actual for a review, target for a plan, as read from the heading.', required: true, enum: ['actual', 'target'] },
    ],
  },
  {
    name: 'sentences',
    title: '句子',
    description: 'Sentences, ended by 。！？； or a line end.',
    primaryKey: ['sentence_id'],
    foreignKeys: [toDocuments],
    fields: [
      docId,
      { name: 'sentence_id', type: 'string', title: '句子编号', english: 'sentence id', description: 'doc_id:s followed by the sentence number, zero-padded to 5 digits.', required: true, unique: true },
      section,
      paragraph,
      { name: 'index', type: 'integer', title: '句子序号', english: 'sentence number', description: 'Sentence number within the document, from 1.', required: true, minimum: 1 },
      start,
      end,
      { name: 'text', type: 'string', title: '句子', english: 'text', description: 'The sentence as written.', required: true, freeText: true },
    ],
  },
  {
    name: 'units',
    title: '计量单位',
    description: 'Every unit used in quantities, with its code and the factor to its base unit.',
    primaryKey: ['unit'],
    foreignKeys: [],
    fields: [
      { name: 'unit', type: 'string', title: '单位', english: 'unit', description: 'Unit as written, without multiplier (元, 亩, 微克/立方米).', required: true, unique: true },
      { name: 'unit_code', type: 'string', title: '单位代码', english: 'unit code', description: 'ISO 4217 for money, UCUM where it has one (km, m2, kW.h, %), else a local code in braces or mu (亩), pp (百分点).', required: true },
      { name: 'kind', type: 'string', title: '类别', english: 'kind', description: 'What the unit measures.', required: true, enum: [...KINDS] },
      { name: 'base_unit', type: 'string', title: '基本单位', english: 'base unit', description: 'Unit that values of this kind are converted to for sums across reports.', required: true },
      { name: 'factor', type: 'number', title: '换算系数', english: 'factor', description: 'value × factor = value in the base unit.', required: true },
    ],
  },
  {
    name: 'indicators',
    title: '指标',
    description: 'The indicator codes that figures are given when phrase, measure and unit agree (INDICATORS.md).',
    primaryKey: ['code'],
    foreignKeys: [],
    fields: [
      { name: 'code', type: 'string', title: '指标代码', english: 'code', description: 'The indicator code, snake_case.', required: true, unique: true, pattern: '^[a-z][a-z0-9_]*$' },
      { name: 'name_zh', type: 'string', title: '中文名称', english: 'Chinese name', description: 'The indicator’s name as reports write it.', required: true },
      { name: 'name_en', type: 'string', title: '英文名称', english: 'English name', description: 'The indicator in English.', required: true },
      { name: 'measure', type: 'string', title: '度量', english: 'measure', description: 'level (the figure itself), change (the size of a rise or fall) or share.', required: true, enum: ['level', 'change', 'share'] },
      { name: 'positive', type: 'string', title: '正向变化', english: 'positive change', description: 'For a change code, the change its positive series values stand for: up for growth, down for a reduction; so 居民消费价格下降0.7% is cpi_growth -0.7 in series. Empty for levels.', enum: ['up', 'down'] },
      { name: 'units', type: 'string', title: '单位', english: 'units', description: 'Units its figures are written in, separated by |.', required: true },
      { name: 'better', type: 'string', title: '优向', english: 'better', description: 'Which way a result beats its target: higher, lower, or none (a level that is no goal in itself, such as a deficit).', required: true, enum: ['higher', 'lower', 'none'] },
    ],
  },
  {
    name: 'quantities',
    title: '数量',
    description: 'One row per quantity mention: the figure, its unit, what it measures, and where it stands.',
    primaryKey: ['mention_id'],
    foreignKeys: [toDocuments, { fields: ['sentence_id'], resource: 'sentences', reference: ['sentence_id'] }, { fields: ['unit', 'unit_code'], resource: 'units', reference: ['unit', 'unit_code'] }, toIndicators],
    fields: [
      docId,
      { name: 'mention_id', type: 'string', title: '数量编号', english: 'mention id', description: 'doc_id:start, the start zero-padded to 7 digits; stable while the document text is unchanged.', required: true, unique: true },
      section,
      paragraph,
      { name: 'sentence_id', type: 'string', title: '句子编号', english: 'sentence id', description: 'Key of the sentence in sentences.', required: true },
      start,
      end,
      { name: 'text', type: 'string', title: '原文', english: 'text', description: 'The span as written: number, multiplier and unit.', required: true, freeText: true },
      { name: 'value', type: 'number', title: '数值', english: 'value', description: 'The number with Chinese multipliers applied (303.5亿元 → 30350000000); the lower bound of a range.', required: true },
      { name: 'value_max', type: 'number', title: '上限', english: 'upper bound', description: 'Upper bound of a range (5%—6% → 6); empty otherwise.' },
      { name: 'unit', type: 'string', title: '单位', english: 'unit', description: 'Unit as written, without multiplier; empty for a plain number such as an index.' },
      { name: 'unit_code', type: 'string', title: '单位代码', english: 'unit code', description: 'Code of the unit (see units).' },
      { name: 'value_base', type: 'number', title: '基本单位数值', english: 'value in base unit', description: 'value converted to base_unit (亩 → m2), so sums across reports are possible.' },
      { name: 'base_unit', type: 'string', title: '基本单位', english: 'base unit', description: 'Unit of value_base.' },
      { name: 'kind', type: 'string', title: '类别', english: 'kind', description: 'What the unit measures.', required: true, enum: [...KINDS] },
      { name: 'approx', type: 'string', title: '近似', english: 'approximation', description: 'exact; over (超, 余, 多, 以上); under (近, 不足, 以内); about (约, 左右).', required: true, enum: ['exact', 'over', 'under', 'about'] },
      { name: 'change', type: 'string', title: '变化', english: 'change', description: 'up or down when the number is the size of a rise or fall; none for a level.', required: true, enum: ['up', 'down', 'none'] },
      { name: 'status', type: 'string', title: '状态', english: 'status', description: 'actual (achieved), target (planned) or estimate (预计).', required: true, enum: ['actual', 'target', 'estimate'] },
      { name: 'indicator', type: 'string', title: '指标', english: 'indicator', description: 'Phrase of the sentence naming what is measured.', freeText: true },
      { name: 'indicator_code', type: 'string', title: '指标代码', english: 'indicator code', description: 'Code of the indicator measured (see indicators), given only when phrase, measure and unit agree; empty for the many figures that are none of them.', enum: INDICATOR_CODES },
      { name: 'period_start', type: 'integer', title: '所属期起', english: 'period start', description: 'First calendar year the figure is about (a 2024 report reviews 2023); empty when the report year is unknown.', unit: 'year', minimum: 1949 },
      { name: 'period_end', type: 'integer', title: '所属期止', english: 'period end', description: 'Last calendar year the figure is about; equal to period_start for one year.', unit: 'year', minimum: 1949 },
      { name: 'per_year', type: 'boolean', title: '年均', english: 'per year', description: 'true for an average over the period (年均增长), false for one figure of the period.' },
      { name: 'sentence', type: 'string', title: '句子', english: 'sentence', description: 'The sentence the mention stands in.', required: true, freeText: true },
    ],
  },
  {
    name: 'exclusions',
    title: '排除的数字',
    description: 'Every number the scanner saw that is not a quantity mention, with the rule that set it aside, so what was left out can be audited.',
    primaryKey: ['exclusion_id'],
    foreignKeys: [toDocuments, { fields: ['sentence_id'], resource: 'sentences', reference: ['sentence_id'] }],
    fields: [
      docId,
      { name: 'exclusion_id', type: 'string', title: '排除编号', english: 'exclusion id', description: 'doc_id:start, the start zero-padded to 7 digits.', required: true, unique: true },
      { name: 'sentence_id', type: 'string', title: '句子编号', english: 'sentence id', description: 'Key of the sentence in sentences.', required: true },
      start,
      end,
      { name: 'text', type: 'string', title: '原文', english: 'text', description: 'The characters set aside, as written.', required: true, freeText: true },
      { name: 'rule', type: 'string', title: '排除规则', english: 'rule', description: `Why it is not a quantity: ${Object.entries(EXCLUSION_RULES).map(([rule, meaning]) => `${rule}: ${meaning}`).join('; ')}.`, required: true, enum: Object.keys(EXCLUSION_RULES) },
      { name: 'value', type: 'number', title: '数值', english: 'value', description: 'Its value where the text reads as a number (multipliers applied); empty otherwise.' },
      { name: 'value_max', type: 'number', title: '上限', english: 'upper bound', description: 'Upper bound where the text is a range of numbers (一千到一千五百 → 1500); empty otherwise.' },
      { name: 'approx', type: 'string', title: '近似', english: 'approximation', description: 'For a bare number (no-unit), the bound its markers set: over (1000以上, 大于10), under (小于20, 1500以下), about (约50); empty otherwise.', enum: ['over', 'under', 'about'] },
    ],
  },
  {
    name: 'series',
    title: '目标与实绩序列',
    description: 'One row per region, indicator code and period: the target the region set and the result it later reported, each traceable to its mention.',
    primaryKey: [...SERIES_KEYS],
    foreignKeys: [
      toIndicators,
      { fields: ['target_doc_id'], resource: 'documents', reference: ['doc_id'] },
      { fields: ['target_mention_id'], resource: 'quantities', reference: ['mention_id'] },
      { fields: ['actual_doc_id'], resource: 'documents', reference: ['doc_id'] },
      { fields: ['actual_mention_id'], resource: 'quantities', reference: ['mention_id'] },
    ],
    fields: [
      { name: 'region_code', type: 'string', title: '行政区划代码', english: 'region code', description: 'GB/T 2260 code of the region (100000 national).', required: true },
      { name: 'region', type: 'string', title: '地区', english: 'region', description: 'The region, as the catalog names it.', required: true, freeText: true },
      { name: 'level', type: 'string', title: '行政级别', english: 'level', description: 'Level of government.', required: true, enum: ['national', 'provincial', 'prefecture', 'county'] },
      { name: 'indicator_code', type: 'string', title: '指标代码', english: 'indicator code', description: 'The indicator (see indicators).', required: true },
      ...period('the row is about'),
      { name: 'unit', type: 'string', title: '单位', english: 'unit', description: 'Unit of both values: the mentions’ unit, or the base unit (units.base_unit) when target and actual are written in different units of one kind.', required: true },
      ...seriesSide('target', '目标'),
      ...seriesSide('actual', '实绩'),
      { name: 'met', type: 'string', title: '是否完成', english: 'met', description: 'yes or no: whether the actual reached the target. Where higher is better (indicators.better) the actual must reach the target’s lower end, whether the target says 左右 (about), 以上 (over) or a range; where lower is better it must not pass the upper end (5.5%以内, 3%左右). An actual that is itself a bound counts only when all it allows falls on one side. Empty when either side is missing, the indicator has no better direction, or the bound leaves it open.', enum: ['yes', 'no'] },
      { name: 'note', type: 'string', title: '说明', english: 'note', description: 'Figures stated twice and held once, competing figures (named with their mention ids), estimates, and unit conversions.', freeText: true },
    ],
  },
  {
    name: 'terms',
    title: '政策术语',
    description: 'Quoted policy terms, each with its first position, how often it is quoted, and the footnote that follows it.',
    primaryKey: ['doc_id', 'term'],
    foreignKeys: [toDocuments],
    fields: [
      docId,
      { name: 'term', type: 'string', title: '术语', english: 'term', description: 'The term inside its quotation marks.', required: true, freeText: true },
      { ...start, description: 'Start of its first occurrence (inside the quotes), in code points.' },
      { ...end, description: 'End of its first occurrence, in code points.' },
      { name: 'occurrences', type: 'integer', title: '出现次数', english: 'occurrences', description: 'Times the term is quoted in the document.', required: true, minimum: 1 },
      { name: 'footnote', type: 'integer', title: '注释编号', english: 'footnote', description: 'Number of the circled footnote marker after the term (⑥ → 6); empty if none.', minimum: 1 },
    ],
  },
  {
    name: 'diagnostics',
    title: '诊断信息',
    description: 'Problems found while reading the catalog and the reports: bad rows, unreadable files, records set aside.',
    primaryKey: ['number'],
    foreignKeys: [],
    fields: [
      { name: 'number', type: 'integer', title: '序号', english: 'number', description: 'Order in which the problem was found, from 1.', required: true, unique: true, minimum: 1 },
      { name: 'doc_id', type: 'string', title: '文档编号', english: 'document id', description: 'Report the problem is in; empty for the catalog.' },
      { name: 'file', type: 'string', title: '文件', english: 'file', description: 'File the problem is in, under raw/.', required: true },
      { name: 'line', type: 'integer', title: '行', english: 'line', description: 'Line of the problem, from 1; empty when it has no single place.', minimum: 1 },
      { name: 'column', type: 'integer', title: '列', english: 'column', description: 'Column of the problem, from 1 (bytes for undecodable input).', minimum: 1 },
      { name: 'rule_id', type: 'string', title: '规则', english: 'rule id', description: 'Code of the problem, such as READ_BINARY or CATALOG_INVALID_ROW.', required: true },
      { name: 'source', type: 'string', title: '来源', english: 'source', description: 'What reported it.', required: true },
      { name: 'fatal', type: 'boolean', title: '致命', english: 'fatal', description: 'true when the record or document was not written.', required: true },
      { name: 'reason', type: 'string', title: '说明', english: 'reason', description: 'What is wrong.', required: true, freeText: true },
    ],
  },
]

export const columnsOf = (name: string): string[] => TABLES.find((table) => table.name === name)!.fields.map((field) => field.name)
