// A whole run: read the catalog, take every document through its machine (on
// worker threads, or in this thread with one job), add each to the release as
// it finishes, and swap the finished release into place. Documents whose
// bytes, catalog row and pipeline are unchanged come from the cache.
import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Piscina } from 'piscina'
import { DocumentCache, documentKey, processAndKeep, type KeptTask } from './cache.ts'
import { parseCatalog, type Catalog } from './catalog.ts'
import { readGold, type GoldFile } from './eval/evaluate.ts'
import type { ProcessedDocument } from './document.ts'
import type { DocumentSummary } from './package/rows.ts'
import { ReleaseWriter } from './package/write.ts'
import { clearLeftovers, commitRelease, createdAt, openStaging, type Diagnostic } from './release.ts'
import { SOURCE } from './stages/errors.ts'
import type { CatalogEntry } from './types.ts'
import { pipelineVersion } from './version.ts'

export type { Diagnostic }

export interface Progress {
  documents: number
  totalDocuments: number
  bytes: number
  totalBytes: number
  /** Documents taken from the cache so far. */
  cached: number
}

export interface RunOptions {
  /** catalog.csv inside the raw folder unless given. */
  catalog?: string
  /** Gold annotations for the review site; a release built where there are none simply has no comparison. */
  gold?: string
  /** Worker threads; 1 runs every document in this thread. */
  jobs?: number
  onProgress?: (progress: Progress) => void
}

export interface RunResult {
  /** One per catalogued document, in catalog order. */
  documents: DocumentSummary[]
  diagnostics: Diagnostic[]
  catalogSize: number
  /** Documents run through the pipeline (the others came from the cache). */
  processed: number
  bytes: number
  /** Seconds by stage, summed over the documents processed, plus the release's own writing. */
  seconds: Record<string, number>
  /** False when nothing had changed and the release in place was kept. */
  rebuilt: boolean
}

export const defaultJobs = () => availableParallelism()

/** Bad rows, and rows naming a file that is not there (the catalog's problem: say which line), in line order. */
function catalogDiagnostics(catalog: Catalog, rawDir: string): Diagnostic[] {
  const missing = catalog.entries
    .filter((entry) => !existsSync(join(rawDir, entry.file)))
    .map((entry) => ({ line: catalog.lines.get(entry.doc_id)!, reason: `${entry.file} does not exist (the document is listed as rejected)`, ruleId: 'CATALOG_MISSING_FILE' }))
  const problems = [...catalog.problems.map((problem) => ({ line: problem.line, reason: `left out: ${problem.reason}`, ruleId: 'CATALOG_INVALID_ROW' })), ...missing].sort((a, b) => a.line - b.line)
  return problems.map((problem) => ({
    doc_id: '',
    file: 'catalog.csv',
    line: problem.line,
    column: undefined,
    rule_id: problem.ruleId,
    source: SOURCE,
    fatal: true,
    reason: `catalog row at line ${problem.line} ${problem.reason}`,
  }))
}

type Process = (task: KeptTask) => Promise<ProcessedDocument>

async function goldFor(goldDir: string | undefined): Promise<GoldFile[]> {
  if (goldDir === undefined) return []
  return readGold(goldDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
}

/**
 * A document's garbage is short-lived: a small young generation keeps each worker's heap,
 * and so the run's RSS, small (about 70 MB less over 2 workers, at no measurable cost).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 }

/** Runs documents on a pool of `jobs` worker threads, or in this thread. */
function processor(jobs: number): { process: Process; close: () => Promise<void> } {
  if (jobs <= 1) return { process: processAndKeep, close: async () => {} }
  const pool = new Piscina({ filename: new URL('./worker.mjs', import.meta.url).href, minThreads: jobs, maxThreads: jobs, execArgv: [], resourceLimits: WORKER_LIMITS })
  return { process: (task) => pool.run(task), close: () => pool.destroy() }
}

/** Every document's cache key and size, reading one file at a time. */
async function documentKeys(entries: CatalogEntry[], rawDir: string): Promise<{ keys: string[]; sizes: number[] }> {
  const keys: string[] = []
  const sizes: number[] = []
  for (const entry of entries) {
    const bytes = await readFile(join(rawDir, entry.file)).catch(() => undefined)
    keys.push(documentKey(entry, bytes))
    sizes.push(bytes?.length ?? 0)
  }
  return { keys, sizes }
}

/** The catalog's problems first, then each document's, in catalog order. */
const runDiagnostics = (catalogProblems: Diagnostic[], summaries: DocumentSummary[]) => [...catalogProblems, ...summaries.flatMap((summary) => summary.diagnostics)]

/** Runs `task` over `items` with at most `limit` at once, so finished work never waits in memory. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

function addSeconds(total: Record<string, number>, seconds: Record<string, number | undefined>): void {
  for (const [stage, value] of Object.entries(seconds)) total[stage] = (total[stage] ?? 0) + (value ?? 0)
}

/** What the whole release is made from; when it matches the release in place, there is nothing to do. */
const releaseKey = (catalogText: string, keys: string[], gold: GoldFile[]) =>
  createHash('sha256').update(JSON.stringify([pipelineVersion(), catalogText, keys, gold, process.env.SOURCE_DATE_EPOCH ?? ''])).digest('hex')

export async function runRelease(rawDir: string, out: string, options: RunOptions = {}): Promise<RunResult> {
  const catalogText = await readFile(options.catalog ?? join(rawDir, 'catalog.csv'), 'utf8')
  const catalog = parseCatalog(catalogText)
  const catalogProblems = catalogDiagnostics(catalog, rawDir)
  const cache = await DocumentCache.open(join(dirname(out), `${basename(out)}.cache`))
  const created = createdAt()
  const started = performance.now()
  const entries = catalog.entries
  // a worker costs a start-up: no more of them than documents
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), entries.length))
  const { keys, sizes } = await documentKeys(entries, rawDir)
  const progress: Progress = { documents: 0, totalDocuments: entries.length, bytes: 0, totalBytes: sizes.reduce((sum, size) => sum + size, 0), cached: 0 }
  const seconds: Record<string, number> = {}
  const gold = await goldFor(options.gold)
  const key = releaseKey(catalogText, keys, gold)
  await clearLeftovers(out)
  const kept = existsSync(out) ? await cache.release(key) : undefined
  let summaries: DocumentSummary[]
  let processed = 0
  if (kept) {
    summaries = kept
    options.onProgress?.({ ...progress, documents: entries.length, cached: entries.length, bytes: progress.totalBytes })
  } else {
    summaries = new Array(entries.length)
    const staging = await openStaging(out)
    const writer = await ReleaseWriter.open(staging, gold)
    const pool = processor(jobs)
    try {
      // a worker gets its next document while the last one is added; in this thread one at a time, so stage times stay its own
      await eachLimited([...entries.keys()], jobs === 1 ? 1 : jobs * 2, async (index) => {
        const entry = entries[index]!
        let result = await cache.get(entry.doc_id, keys[index]!)
        if (result) progress.cached++
        else {
          result = await pool.process({ entry, path: join(rawDir, entry.file), key: keys[index]!, cache: cache.folder })
          processed++
          addSeconds(seconds, result.seconds)
        }
        const adding = performance.now()
        await writer.add(result)
        addSeconds(seconds, { release: (performance.now() - adding) / 1000 })
        summaries[index] = result.summary
        progress.documents++
        progress.bytes += sizes[index]!
        options.onProgress?.({ ...progress })
      })
    } catch (error) {
      await writer.discard()
      throw error
    } finally {
      await pool.close()
    }
    const finishing = performance.now()
    await writer.finish(summaries, runDiagnostics(catalogProblems, summaries), created)
    await commitRelease(staging, out)
    addSeconds(seconds, { release: (performance.now() - finishing) / 1000 })
    await cache.prune(new Set(entries.map((entry) => entry.doc_id)))
    await cache.setRelease(key, summaries)
  }
  addSeconds(seconds, { total: (performance.now() - started) / 1000 })
  return {
    documents: summaries,
    diagnostics: runDiagnostics(catalogProblems, summaries),
    catalogSize: entries.length + catalog.problems.length,
    processed,
    bytes: progress.totalBytes,
    seconds,
    rebuilt: !kept,
  }
}
