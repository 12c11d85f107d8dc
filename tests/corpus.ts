// The real reports in raw/, for robustness tests and the benchmark.
import { readdirSync, readFileSync } from 'node:fs'

const raw = new URL('../raw/', import.meta.url)

export function corpusFiles(): string[] {
  const top = readdirSync(raw).filter((name) => name.endsWith('.txt'))
  const folders = ['national', 'national-old'].flatMap((folder) => readdirSync(new URL(`${folder}/`, raw)).map((name) => `${folder}/${name}`))
  return [...top, ...folders].sort()
}

export const readCorpusFile = (name: string): string => readFileSync(new URL(name, raw), 'utf8')
