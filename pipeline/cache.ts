// Each document's processed result, kept beside the release (output.cache/) under
// a key of its raw bytes, its catalog row and the pipeline version, so a rerun
// processes only what changed. A cache file is written whole and renamed into
// place; one that cannot be read or whose key differs is a miss, never a result.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProcessedDocument } from './document.ts'
import type { DocumentSummary } from './package/rows.ts'
import type { CatalogEntry } from './types.ts'
import { pipelineVersion } from './version.ts'

export function documentKey(entry: CatalogEntry, bytes: Uint8Array | undefined): string {
  const content = bytes ? createHash('sha256').update(bytes).digest('hex') : 'unreadable'
  return createHash('sha256').update(JSON.stringify([pipelineVersion(), entry, content])).digest('hex')
}

/** The key and summaries of the release in place; a doc_id never starts with a dot. */
const RELEASE = '.release.json'

export class DocumentCache {
  private constructor(private readonly folder: string) {}

  static async open(folder: string): Promise<DocumentCache> {
    await mkdir(folder, { recursive: true })
    return new DocumentCache(folder)
  }

  private async read<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(join(this.folder, name), 'utf8')) as T
    } catch {
      return undefined // missing, or cut short by a killed run
    }
  }

  private async write(name: string, value: unknown): Promise<void> {
    const path = join(this.folder, name)
    const partial = `${path}.tmp-${process.pid}`
    await writeFile(partial, JSON.stringify(value))
    await rename(partial, path)
  }

  async get(docId: string, key: string): Promise<ProcessedDocument | undefined> {
    const stored = await this.read<{ key: string; processed: ProcessedDocument }>(`${docId}.json`)
    return stored?.key === key ? stored.processed : undefined
  }

  /** Results of a bug are not kept: the next run tries again. */
  async put(key: string, processed: ProcessedDocument): Promise<void> {
    if (processed.summary.outcome !== 'failed') await this.write(`${processed.summary.docId}.json`, { key, processed })
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
      const docId = name.replace(/\.json$/, '')
      if (name === RELEASE || (name.endsWith('.json') && docIds.has(docId))) continue
      await rm(join(this.folder, name), { force: true })
    }
  }
}
