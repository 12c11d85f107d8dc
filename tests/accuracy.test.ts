// CI's accuracy gate: every gold document must stay above the floors in floors.json.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../pipeline/eval/evaluate.ts'

const floors = JSON.parse(readFileSync(new URL('floors.json', import.meta.url), 'utf8')) as Record<string, number>
const evaluation = await evaluate(fileURLToPath(new URL('gold/', import.meta.url)), fileURLToPath(new URL('../raw/', import.meta.url)))
const synthetic = await evaluate(fileURLToPath(new URL('synthetic/gold/', import.meta.url)), fileURLToPath(new URL('synthetic/raw/', import.meta.url)))

function expectAboveFloors(document: (typeof evaluation.documents)[number]) {
  const { f1, strictF1, accuracy } = document.scores
  const measured: Record<string, number> = { f1, strictF1, ...accuracy }
  for (const [metric, floor] of Object.entries(floors)) {
    if (metric.startsWith('_')) continue
    expect(measured[metric], `${metric} of ${document.document}`).toBeGreaterThanOrEqual(floor)
  }
}

describe('accuracy against gold', () => {
  it('scores all three gold documents', () => {
    expect(evaluation.documents.map((document) => document.document).sort()).toEqual(['beijing-2026.txt', 'jurong-2024-review-excerpt.txt', 'national-2025.txt'])
  })

  it.each(evaluation.documents.map((document) => [document.document, document] as const))('%s stays above the floors', (_, document) => {
    expectAboveFloors(document)
  })

  it.each(synthetic.documents.map((document) => [document.document, document] as const))('synthetic %s holds the floors too', (_, document) => {
    expectAboveFloors(document)
  })

  it('reads the three synthetic reports', () => {
    expect(synthetic.documents.map((document) => document.document)).toEqual(['city-2024.txt', 'county-2025.txt', 'province-2025.txt'])
  })

  it('emits spans whose text is the raw text at their offsets', () => {
    for (const document of evaluation.documents) {
      const raw = [...readFileSync(new URL(`../raw/${document.document}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '')]
      for (const mention of document.mentions) expect(raw.slice(mention.start, mention.end).join('')).toBe(mention.text)
    }
  })
})
