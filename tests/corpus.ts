// The real reports in raw/, for robustness tests and the benchmark.
import { readdirSync, readFileSync } from 'node:fs'

const raw = new URL('../raw/', import.meta.url)

export function corpusFiles(): string[] {
  const top = readdirSync(raw).filter((name) => name.endsWith('.txt'))
  const national = readdirSync(new URL('national/', raw)).map((name) => `national/${name}`)
  return [...top, ...national].sort()
}

export const readCorpusFile = (name: string): string => readFileSync(new URL(name, raw), 'utf8')
