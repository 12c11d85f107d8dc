// A whole run: read the catalog, take every document through its machine,
// and swap the finished release into place.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseCatalog } from './catalog.ts'
import { runDocument, type DocumentResult } from './machine.ts'
import { writePackage } from './package/write.ts'
import { SOURCE } from './stages/errors.ts'
import { commitRelease, createdAt, diagnosticRecord, openStaging, stagingWriter, type Diagnostic } from './release.ts'

export type { Diagnostic }

export interface RunResult {
  results: DocumentResult[]
  diagnostics: Diagnostic[]
  catalogSize: number
}

export function messagesOf(result: DocumentResult): Diagnostic[] {
  return result.file.messages.map((message) => diagnosticRecord(result.entry.doc_id, result.entry.file, message))
}

export async function runRelease(rawDir: string, out: string): Promise<RunResult> {
  const catalog = parseCatalog(await readFile(join(rawDir, 'catalog.csv'), 'utf8'))
  const diagnostics: Diagnostic[] = catalog.problems.map((problem) => ({
    doc_id: '',
    file: 'catalog.csv',
    line: problem.line,
    column: undefined,
    rule_id: 'CATALOG_INVALID_ROW',
    source: SOURCE,
    fatal: true,
    reason: `catalog row at line ${problem.line} left out: ${problem.reason}`,
  }))
  const created = createdAt()
  const staging = await openStaging(out)
  const results: DocumentResult[] = []
  for (const entry of catalog.entries) results.push(await runDocument(entry, join(rawDir, entry.file), stagingWriter(staging)))
  diagnostics.push(...results.flatMap(messagesOf))
  await writePackage(staging, results, diagnostics, created)
  await commitRelease(staging, out)
  return { results, diagnostics, catalogSize: catalog.entries.length + catalog.problems.length }
}
