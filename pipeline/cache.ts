// Each document's processed result, kept beside the release (output.cache/) under
// a key of its raw bytes, its catalog row and the pipeline version, so a rerun
// processes only what changed. A cache file is written whole and renamed into
// place; one that cannot be read or whose key differs is a miss, never a result.
// Files are in V8's serialization format, not JSON: a result is mostly long
// strings (its rows as CSV, JSON and SQL values), which V8 copies as they are
// where JSON escapes and UTF-8 encodes them, several times slower both ways.
// The format may change with Node, which is part of the pipeline version.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { threadId } from 'node:worker_threads'
import { processDocument, type ProcessedDocument } from './document.ts'
import type { DocumentSummary } from './package/rows.ts'
import type { CatalogEntry } from './types.ts'
import { pipelineVersion } from './version.ts'

export function documentKey(entry: CatalogEntry, bytes: Uint8Array | undefined): string {
  const content = bytes ? createHash('sha256').update(bytes).digest('hex') : 'unreadable'
  return createHash('sha256').update(JSON.stringify([pipelineVersion(), entry, content])).digest('hex')
}

const SUFFIX = '.v8'
/** The key and summaries of the release in place; a doc_id never starts with a dot. */
const RELEASE = `.release${SUFFIX}`

export class DocumentCache {
  private constructor(readonly folder: string) {}

  static async open(folder: string): Promise<DocumentCache> {
    await mkdir(folder, { recursive: true })
    return new DocumentCache(folder)
  }

  private async read<T>(name: string): Promise<T | undefined> {
    try {
      return deserialize(await readFile(join(this.folder, name))) as T
    } catch {
      return undefined // missing, or cut short by a killed run
    }
  }

  private async write(name: string, value: unknown): Promise<void> {
    const path = join(this.folder, name)
    // workers share the process id
    const partial = `${path}.tmp-${process.pid}-${threadId}`
    await writeFile(partial, serialize(value))
    await rename(partial, path)
  }

  async get(docId: string, key: string): Promise<ProcessedDocument | undefined> {
    const stored = await this.read<{ key: string; processed: ProcessedDocument }>(`${docId}${SUFFIX}`)
    return stored?.key === key ? stored.processed : undefined
  }

  /** Results of a bug are not kept: the next run tries again. */
  async put(key: string, processed: ProcessedDocument): Promise<void> {
    if (processed.summary.outcome !== 'failed') await this.write(`${processed.summary.docId}${SUFFIX}`, { key, processed })
  }

  /** The summaries of the release last put in place, when it was made from `key`. */
  async release(key: string): Promise<DocumentSummary[] | undefined> {
    const stored = await this.read<{ key: string; summaries: DocumentSummary[] }>(RELEASE)
    return stored?.key === key ? stored.summaries : undefined
  }

  async setRelease(key: string, summaries: DocumentSummary[]): Promise<void> {
    await this.write(RELEASE, { key, summaries })
  }

  /** Removes what no catalogued document uses any more, and what killed runs left half-written. */
  async prune(docIds: Set<string>): Promise<void> {
    for (const name of await readdir(this.folder)) {
      const docId = name.slice(0, -SUFFIX.length)
      if (name === RELEASE || (name.endsWith(SUFFIX) && docIds.has(docId))) continue
      await rm(join(this.folder, name), { force: true })
    }
  }
}

/** A document to process where it runs (a worker thread or this one), and where its result is kept. */
export interface KeptTask {
  entry: CatalogEntry
  path: string
  /** Its cache key, and the cache's folder. */
  key: string
  cache: string
}

/**
 * Processes a document and keeps the result in the cache, in the thread that made it:
 * encoding a result costs about as much as making its rows, and the main thread,
 * which adds every document to the release, is what a run waits on.
 */
export async function processAndKeep({ entry, path, key, cache }: KeptTask): Promise<ProcessedDocument> {
  const processed = await processDocument(entry, path)
  await (await DocumentCache.open(cache)).put(key, processed)
  return processed
}
