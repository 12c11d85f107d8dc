// Writes the release into the staging folder: canonical CSVs, Excel copies,
// quantities.json, datapackage.json, fields.csv, README.md, SQLite and the review site.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toCsv } from '../csv.ts'
import type { GoldFile } from '../eval/evaluate.ts'
import type { DocumentResult } from '../machine.ts'
import type { Diagnostic } from '../release.ts'
import { writeReview } from '../review/site.ts'
import { datapackage, profileProblem, type PackageFile } from './datapackage.ts'
import { tableRows, type Row } from './rows.ts'
import { writeSqlite } from './sqlite.ts'
import { columnsOf, TABLES, type Table } from './tables.ts'

/** Cells that a spreadsheet would run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/

function excelRows(table: Table, rows: Row[]): Row[] {
  const freeText = table.fields.filter((field) => field.freeText).map((field) => field.name)
  return rows.map((row) => {
    const copy = { ...row }
    for (const name of freeText) {
      const cell = copy[name]
      if (typeof cell === 'string' && FORMULA_START.test(cell)) copy[name] = `'${cell}`
    }
    return copy
  })
}

const DICTIONARY_COLUMNS = ['table', 'column', 'name_zh', 'name_en', 'type', 'unit', 'description']

function dictionary(): string {
  const rows = TABLES.flatMap((table) =>
    table.fields.map((field) => ({ table: table.name, column: field.name, name_zh: field.title, name_en: field.english, type: field.type, unit: field.unit ?? '', description: field.description })),
  )
  return toCsv(DICTIONARY_COLUMNS, rows)
}

async function readme(counts: Record<string, number>): Promise<string> {
  const template = await readFile(fileURLToPath(new URL('README.template.md', import.meta.url)), 'utf8')
  const tableList = TABLES.map((table) => `| \`${table.name}.csv\` | ${table.title} — ${table.description} | ${table.primaryKey.join(', ')} | ${counts[table.name] ?? 0} |`).join('\n')
  const joins = TABLES.flatMap((table) => table.foreignKeys.map((key) => `- \`${table.name}.${key.fields.join('+')}\` → \`${key.resource}.${key.reference.join('+')}\``)).join('\n')
  return template.replace('{{tables}}', tableList).replace('{{joins}}', joins)
}

/** `gold`: annotations the review site compares documents with (matched by file name). */
export async function writePackage(staging: string, results: DocumentResult[], diagnostics: Diagnostic[], created: string, gold: GoldFile[] = []): Promise<void> {
  const rows = tableRows(results, diagnostics)
  await mkdir(join(staging, 'excel'), { recursive: true })
  const files: PackageFile[] = []
  for (const table of TABLES) {
    const tableRowsOf = rows[table.name] ?? []
    const bytes = Buffer.from(toCsv(columnsOf(table.name), tableRowsOf))
    await writeFile(join(staging, `${table.name}.csv`), bytes)
    await writeFile(join(staging, 'excel', `${table.name}.csv`), `\uFEFF${toCsv(columnsOf(table.name), excelRows(table, tableRowsOf))}`)
    files.push({ table, path: `${table.name}.csv`, bytes })
  }
  await writeFile(join(staging, 'quantities.json'), `${JSON.stringify(rows.quantities, null, 1)}\n`)
  await writeFile(join(staging, 'series.json'), `${JSON.stringify(rows.series, null, 1)}\n`)
  const sources = [...new Set(results.map((result) => result.entry.source).filter(Boolean))].sort().map((title) => ({ title }))
  const descriptor = datapackage(files, sources, created)
  const problem = profileProblem(descriptor)
  if (problem) throw new Error(`datapackage.json fails the Data Package v2 profile: ${problem}`)
  await writeFile(join(staging, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`)
  await writeFile(join(staging, 'fields.csv'), dictionary())
  await writeFile(join(staging, 'README.md'), await readme(Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, list.length]))))
  writeSqlite(join(staging, 'zhengshu.sqlite'), TABLES.map((table) => ({ table, rows: rows[table.name] ?? [] })))
  await writeReview(join(staging, 'review'), rows, gold)
}
