// `make eval`: run every gold document through the pipeline and score it.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { parseCatalog, uncataloguedEntry } from '../catalog.ts'
import { runDocument } from '../machine.ts'
import type { DocumentResult } from '../machine.ts'
import type { CatalogEntry, Mention } from '../types.ts'
import { readSeriesGold, scoreSeries, type SeriesScore } from './series.ts'
import { add, count, emptyCounts, FIELDS, scores, type Counts, type ScoredMention, type Scores } from './score.ts'

export interface GoldFile {
  document: string
  mentions: (ScoredMention & { text: string; kind?: string; value_max?: number })[]
}

export interface DocumentEvaluation {
  document: string
  counts: Counts
  scores: Scores
  mentions: Mention[]
  gold: GoldFile
}

export interface Evaluation {
  documents: DocumentEvaluation[]
  overall: Scores
  series: SeriesScore[]
}

/** The catalog's entries by file, so a gold document is read with its year and level as `run` reads it. */
async function catalogEntries(rawDir: string): Promise<Map<string, CatalogEntry>> {
  const path = join(rawDir, 'catalog.csv')
  if (!existsSync(path)) return new Map()
  return new Map(parseCatalog(await readFile(path, 'utf8')).entries.map((entry) => [entry.file, entry]))
}

/** Runs one raw file through the document machine, as `run` would. */
async function runFile(path: string, entry: CatalogEntry | undefined): Promise<DocumentResult> {
  const result = await runDocument(entry ?? uncataloguedEntry(path), path, async () => {})
  if (result.outcome !== 'done') throw new Error(`${path}: ${result.outcome}: ${result.reason}`)
  return result
}

/** Every series gold scored on the series its documents make. */
async function evaluateSeries(goldDir: string, rawDir: string, catalog: Map<string, CatalogEntry>): Promise<SeriesScore[]> {
  const golds = await readSeriesGold(join(goldDir, 'series'))
  const byId = new Map([...catalog.values()].map((entry) => [entry.doc_id, entry]))
  const ids = [...new Set(golds.flatMap((gold) => gold.documents))].sort()
  const results: DocumentResult[] = []
  for (const id of ids) {
    const entry = byId.get(id)
    if (!entry) throw new Error(`series gold names ${id}, which raw/catalog.csv does not list`)
    results.push(await runFile(join(rawDir, entry.file), entry))
  }
  return golds.map((gold) => scoreSeries(gold, results))
}

export async function readGold(goldDir: string): Promise<GoldFile[]> {
  const names = (await readdir(goldDir)).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(join(goldDir, name), 'utf8')) as GoldFile))
}

export async function evaluate(goldDir: string, rawDir: string): Promise<Evaluation> {
  const documents: DocumentEvaluation[] = []
  let total = emptyCounts()
  const catalog = await catalogEntries(rawDir)
  for (const gold of await readGold(goldDir)) {
    const { mentions } = (await runFile(join(rawDir, gold.document), catalog.get(gold.document))).extraction
    const counts = count(gold.mentions, mentions)
    total = add(total, counts)
    documents.push({ document: gold.document, counts, scores: scores(counts), mentions, gold })
  }
  return { documents, overall: scores(total), series: await evaluateSeries(goldDir, rawDir, catalog) }
}

const percent = (value: number) => value.toFixed(3)

export function formatReport(evaluation: Evaluation): string {
  const header = ['document', 'gold', 'pred', 'P', 'R', 'F1', 'strictF1', ...FIELDS, 'codeP', 'codeR']
  const rows = evaluation.documents.map((document) => [
    document.document,
    String(document.counts.gold),
    String(document.counts.predicted),
    ...[document.scores.precision, document.scores.recall, document.scores.f1, document.scores.strictF1].map(percent),
    ...FIELDS.map((field) => percent(document.scores.accuracy[field])),
    percent(document.scores.codePrecision),
    percent(document.scores.codeRecall),
  ])
  const overall = evaluation.overall
  rows.push(['overall', '', '', ...[overall.precision, overall.recall, overall.f1, overall.strictF1].map(percent), ...FIELDS.map((field) => percent(overall.accuracy[field])), percent(overall.codePrecision), percent(overall.codeRecall)])
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)))
  const series = evaluation.series.map((score) => `series ${score.name}: ${score.right} of ${score.gold} gold cells found, ${score.predicted} predicted; precision ${percent(score.precision)}, recall ${percent(score.recall)}`)
  const table = [header, ...rows].map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
  return [...table, '', ...series].join('\n')
}
