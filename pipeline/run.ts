// A whole run: read the catalog, take every document through its machine,
// and swap the finished release into place.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseCatalog } from './catalog.ts'
import { readGold, type GoldFile } from './eval/evaluate.ts'
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

/** Gold annotations for the review site; a release built where there are none simply has no comparison. */
async function goldFor(goldDir: string | undefined): Promise<GoldFile[]> {
  if (goldDir === undefined) return []
  return readGold(goldDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
}

export async function runRelease(rawDir: string, out: string, goldDir?: string): Promise<RunResult> {
  const catalog = parseCatalog(await readFile(join(rawDir, 'catalog.csv'), 'utf8'))
  // a row naming a file that is not there is the catalog's problem: say which line
  const missing = catalog.entries
    .filter((entry) => !existsSync(join(rawDir, entry.file)))
    .map((entry) => ({ line: catalog.lines.get(entry.doc_id)!, reason: `${entry.file} does not exist (the document is listed as rejected)`, ruleId: 'CATALOG_MISSING_FILE' }))
  const problems = [...catalog.problems.map((problem) => ({ line: problem.line, reason: `left out: ${problem.reason}`, ruleId: 'CATALOG_INVALID_ROW' })), ...missing].sort((a, b) => a.line - b.line)
  const diagnostics: Diagnostic[] = problems.map((problem) => ({
    doc_id: '',
    file: 'catalog.csv',
    line: problem.line,
    column: undefined,
    rule_id: problem.ruleId,
    source: SOURCE,
    fatal: true,
    reason: `catalog row at line ${problem.line} ${problem.reason}`,
  }))
  const created = createdAt()
  const staging = await openStaging(out)
  const results: DocumentResult[] = []
  for (const entry of catalog.entries) results.push(await runDocument(entry, join(rawDir, entry.file), stagingWriter(staging)))
  diagnostics.push(...results.flatMap(messagesOf))
  await writePackage(staging, results, diagnostics, created, await goldFor(goldDir))
  await commitRelease(staging, out)
  return { results, diagnostics, catalogSize: catalog.entries.length + catalog.problems.length }
}
