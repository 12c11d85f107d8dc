// The release in output/: written into a fresh folder beside it and swapped in
// with renames at the end, so a killed run never leaves a half-written release.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { VFileMessage } from 'vfile-message'

export function diagnosticRecord(docId: string, file: string, message: VFileMessage) {
  return {
    doc_id: docId,
    file,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    rule_id: message.ruleId ?? '',
    source: message.source ?? '',
    fatal: message.fatal === true,
    reason: message.reason,
  }
}

export type Diagnostic = ReturnType<typeof diagnosticRecord>

/**
 * Clears what killed runs left beside `out`. A run killed between the two renames of
 * commitRelease left no `out` but a whole `out.old-*`: it is put back.
 */
export async function clearLeftovers(out: string): Promise<void> {
  const parent = dirname(out)
  const staged = `${basename(out)}.tmp-`
  const movedAside = `${basename(out)}.old-`
  await mkdir(parent, { recursive: true })
  const names = await readdir(parent)
  const previous = names.find((name) => name.startsWith(movedAside))
  if (previous && !names.includes(basename(out))) await rename(join(parent, previous), out)
  for (const name of await readdir(parent)) {
    if (name.startsWith(staged) || name.startsWith(movedAside)) await rm(join(parent, name), { recursive: true, force: true })
  }
}

/** A fresh staging folder beside `out`, after clearing what killed runs left. */
export async function openStaging(out: string): Promise<string> {
  await clearLeftovers(out)
  const staging = join(dirname(out), `${basename(out)}.tmp-${process.pid}`)
  await mkdir(join(staging, 'documents'), { recursive: true })
  return staging
}

/**
 * When the release was made: now, or SOURCE_DATE_EPOCH (seconds) for a reproducible
 * build, in which case every file of a rerun is byte-identical, datapackage.json too.
 */
export function createdAt(epoch = process.env.SOURCE_DATE_EPOCH): string {
  if (epoch === undefined || epoch === '') return new Date().toISOString()
  if (!/^\d{1,12}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`)
  return new Date(Number(epoch) * 1000).toISOString()
}

/** Swap the staged release in: the old one is moved aside, then removed. */
export async function commitRelease(staging: string, out: string): Promise<void> {
  const old = `${out}.old-${process.pid}`
  await writeFile(join(staging, '.gitkeep'), '')
  await rename(out, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
  await rename(staging, out)
  await rm(old, { recursive: true, force: true })
}
