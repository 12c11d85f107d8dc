// `make eval`: run every gold document through the pipeline and score it.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { parseCatalog, uncataloguedEntry } from '../catalog.ts'
import { runDocument } from '../machine.ts'
import type { CatalogEntry, Mention } from '../types.ts'
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
}

/** The catalog's entries by file, so a gold document is read with its year and level as `run` reads it. */
async function catalogEntries(rawDir: string): Promise<Map<string, CatalogEntry>> {
  const path = join(rawDir, 'catalog.csv')
  if (!existsSync(path)) return new Map()
  return new Map(parseCatalog(await readFile(path, 'utf8')).entries.map((entry) => [entry.file, entry]))
}

/** Runs one raw file through the document machine and returns its mentions. */
async function extractFile(path: string, entry: CatalogEntry | undefined): Promise<Mention[]> {
  const result = await runDocument(entry ?? uncataloguedEntry(path), path, async () => {})
  if (result.outcome !== 'done') throw new Error(`${path}: ${result.outcome}: ${result.reason}`)
  return result.extraction.mentions
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
    const mentions = await extractFile(join(rawDir, gold.document), catalog.get(gold.document))
    const counts = count(gold.mentions, mentions)
    total = add(total, counts)
    documents.push({ document: gold.document, counts, scores: scores(counts), mentions, gold })
  }
  return { documents, overall: scores(total) }
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
  return [header, ...rows].map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n')
}
