// output/review/: the static review site, written from the same rows as the
// CSVs. One page per document keeps the index light however large the corpus.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GoldFile } from '../eval/evaluate.ts'
import type { Row } from '../package/rows.ts'
import { documentPage } from './document-page.ts'
import { compareGold } from './gold.ts'
import { groupBy } from './group.ts'
import { indexPage, type IndexEntry, type SeriesLink } from './index-page.ts'
import { documentFile, INDEX, seriesFile } from './paths.ts'
import { seriesPage } from './series-page.ts'
import { stylesheet } from './style.ts'

const byDocument = (rows: Row[] | undefined) => groupBy(rows ?? [], (row) => String(row.doc_id))

const hasValue = (row: Row) => [row.target_value, row.actual_value].some((cell) => cell !== undefined && cell !== null && cell !== '')

/** Series pages for every indicator code with a target or an actual value; none until the series table lands. */
async function writeSeries(dir: string, series: Row[]): Promise<SeriesLink[]> {
  const withData = series.filter((row) => row.indicator_code && hasValue(row))
  const codes = [...groupBy(withData, (row) => String(row.indicator_code)).entries()].sort(([a], [b]) => a.localeCompare(b))
  if (codes.length > 0) await mkdir(join(dir, 'series'), { recursive: true })
  const links: SeriesLink[] = []
  for (const [code, rows] of codes) {
    const file = seriesFile(code)
    await writeFile(join(dir, file), seriesPage(code, rows))
    links.push({ code, file, rows: rows.length })
  }
  return links
}

/** Writes index.html, one page per written document, the series pages, review.css and review.js into `dir`. */
export async function writeReview(dir: string, rows: Record<string, Row[]>, gold: GoldFile[]): Promise<void> {
  await mkdir(dir, { recursive: true })
  const goldByFile = new Map(gold.map((file) => [file.document, file]))
  const sentences = byDocument(rows.sentences)
  const sections = byDocument(rows.sections)
  const mentions = byDocument(rows.quantities)
  const exclusions = byDocument(rows.exclusions)
  const entries: IndexEntry[] = []
  for (const document of rows.documents ?? []) {
    const docId = String(document.doc_id)
    const own = { mentions: mentions.get(docId) ?? [], exclusions: rows.exclusions ? (exclusions.get(docId) ?? []) : undefined }
    const written = document.outcome === 'done'
    const goldFile = goldByFile.get(String(document.file))
    const comparison = goldFile && written ? compareGold(goldFile, own.mentions) : undefined
    if (written) {
      await writeFile(join(dir, documentFile(docId)), documentPage({ document, sentences: sentences.get(docId) ?? [], sections: sections.get(docId) ?? [], ...own, gold: comparison }))
    }
    entries.push({ document, targets: own.mentions.filter((mention) => mention.status === 'target').length, exclusions: own.exclusions?.length, scores: comparison?.scores, page: written })
  }
  const series = await writeSeries(dir, rows.series ?? [])
  await writeFile(join(dir, INDEX), indexPage(entries, series))
  await writeFile(join(dir, 'review.css'), stylesheet())
  await copyFile(fileURLToPath(new URL('review.js', import.meta.url)), join(dir, 'review.js'))
}
