// output/review/: the static review site, written from the same rows as the
// CSVs. Each document's page is written as the document is added, so the site
// never holds more than one document's rows; one page per document also keeps
// the index light however large the corpus.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GoldFile } from '../eval/evaluate.ts'
import { DOCUMENT_TABLES, sortBy, type Row } from '../package/rows.ts'
import { documentPage } from './document-page.ts'
import { compareGold } from './gold.ts'
import { groupBy } from './group.ts'
import { indexPage, type IndexEntry, type SeriesLink } from './index-page.ts'
import { documentFile, INDEX, seriesFile } from './paths.ts'
import { seriesPage } from './series-page.ts'
import { stylesheet } from './style.ts'

/** One document's rows of the document tables, by table name. */
export type DocumentRows = Partial<Record<string, Row[]>>

const hasValue = (row: Row) => [row.target_value, row.actual_value].some((cell) => cell !== undefined && cell !== null && cell !== '')

/** A series page for every indicator code with a target or an actual value, given its rows a code at a time in code order. */
async function writeSeries(dir: string, codes: Iterable<[string, Row[]]>): Promise<SeriesLink[]> {
  const links: SeriesLink[] = []
  for (const [code, all] of codes) {
    const rows = all.filter(hasValue)
    if (code === '' || rows.length === 0) continue
    const file = seriesFile(code)
    await mkdir(join(dir, 'series'), { recursive: true })
    await writeFile(join(dir, file), seriesPage(code, rows))
    links.push({ code, file, rows: rows.length })
  }
  return links
}

export class ReviewSite {
  private readonly entries = new Map<string, IndexEntry>()

  private constructor(
    private readonly dir: string,
    private readonly gold: Map<string, GoldFile>,
  ) {}

  static async open(dir: string, gold: GoldFile[]): Promise<ReviewSite> {
    await mkdir(dir, { recursive: true })
    return new ReviewSite(dir, new Map(gold.map((file) => [file.document, file])))
  }

  /** Writes a finished document's page and keeps its index row; a rejected or failed document has only the row. */
  async addDocument(document: Row, rows: DocumentRows): Promise<void> {
    const docId = String(document.doc_id)
    const own = Object.fromEntries(DOCUMENT_TABLES.map(({ table, keys }) => [table, rows[table] && sortBy(rows[table], keys)]))
    const mentions = own.quantities ?? []
    const written = document.outcome === 'done'
    const goldFile = this.gold.get(String(document.file))
    const comparison = goldFile && written ? compareGold(goldFile, mentions) : undefined
    if (written) {
      const input = { document, sentences: own.sentences ?? [], sections: own.sections ?? [], mentions, exclusions: own.exclusions, gold: comparison }
      await writeFile(join(this.dir, documentFile(docId)), documentPage(input))
    }
    this.entries.set(docId, { document, targets: mentions.filter((mention) => mention.status === 'target').length, exclusions: own.exclusions?.length, scores: comparison?.scores, page: written })
  }

  /** Writes index.html (documents in the order given), the series pages, review.css and review.js. */
  async finish(docIds: string[], series: Iterable<[string, Row[]]>): Promise<void> {
    const links = await writeSeries(this.dir, series)
    await writeFile(join(this.dir, INDEX), indexPage(docIds.map((docId) => this.entries.get(docId)!), links))
    await writeFile(join(this.dir, 'review.css'), stylesheet())
    await copyFile(fileURLToPath(new URL('review.js', import.meta.url)), join(this.dir, 'review.js'))
  }
}

/** The whole site at once from every table's rows (a release read back, or rows made by hand). */
export async function writeReview(dir: string, rows: Record<string, Row[]>, gold: GoldFile[]): Promise<void> {
  const site = await ReviewSite.open(dir, gold)
  const byDocument = Object.fromEntries(DOCUMENT_TABLES.map(({ table }) => [table, rows[table] && groupBy(rows[table], (row) => String(row.doc_id))]))
  const documents = rows.documents ?? []
  for (const document of documents) {
    const docId = String(document.doc_id)
    await site.addDocument(document, Object.fromEntries(DOCUMENT_TABLES.map(({ table }) => [table, byDocument[table] && (byDocument[table].get(docId) ?? [])])))
  }
  const series = [...groupBy(rows.series ?? [], (row) => String(row.indicator_code ?? '')).entries()].sort(([a], [b]) => a.localeCompare(b))
  await site.finish(documents.map((document) => String(document.doc_id)), series)
}
