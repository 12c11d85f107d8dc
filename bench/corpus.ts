// Inputs the benchmark makes from the reports in raw/: large documents, and a
// corpus of any size in a folder of its own. Each copy has its digits shifted
// by its own amount, so no two copies share their figures (and no memo of a
// sentence helps across them); the wording stays that of real reports.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { corpusFiles, readCorpusFile } from '../tests/corpus.ts'

export const MEGABYTE = 2 ** 20

const reports = corpusFiles().map(readCorpusFile)

/** The text with every ASCII digit shifted by `shift` plus its place, modulo 10. */
export function shiftDigits(text: string, shift: number): string {
  return text.replace(/\d/g, (digit, at: number) => String((Number(digit) + shift + (at % 7)) % 10))
}

/** Copies of the reports, each shifted its own way, until `bytes` of UTF-8 are reached. */
export function reportLike(bytes: number): string {
  const parts: string[] = []
  let size = 0
  for (let copy = 0; size < bytes; copy++) {
    const text = shiftDigits(reports[copy % reports.length]!, copy)
    parts.push(text)
    size += Buffer.byteLength(text) + 1
  }
  return parts.join('\n')
}

/** A raw folder of report copies with its catalog, at least `bytes` in all; returns the number of documents. */
export function writeCorpus(folder: string, bytes: number): number {
  mkdirSync(folder, { recursive: true })
  const rows = ['doc_id,file,title,region,region_code,level,year,source']
  let size = 0
  let count = 0
  for (; size < bytes; count++) {
    const text = shiftDigits(reports[count % reports.length]!, count)
    const docId = `doc-${String(count).padStart(5, '0')}`
    writeFileSync(join(folder, `${docId}.txt`), text)
    rows.push(`${docId},${docId}.txt,报告${count},全国,100000,national,${2000 + (count % 26)},bench`)
    size += Buffer.byteLength(text)
  }
  writeFileSync(join(folder, 'catalog.csv'), `${rows.join('\n')}\n`)
  return count
}
