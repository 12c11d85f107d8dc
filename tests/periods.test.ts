// The spec tables of periods and indicator codes: each case is a sentence (or a heading
// and sentences) with the report's year, and what its figures must say.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractRecords } from '../pipeline/extract-text.ts'

interface Case {
  id: string
  input: string
  year?: number
  national?: boolean
  mentions: ({ text: string } & Record<string, unknown>)[]
}

const table = (name: string) => (JSON.parse(readFileSync(new URL(`spec/${name}`, import.meta.url), 'utf8')) as { cases: Case[] }).cases

function check(spec: Case) {
  const facts = { ...(spec.year !== undefined ? { year: spec.year } : {}), national: spec.national ?? true }
  const { mentions } = extractRecords(spec.input, 'spec', facts)
  for (const expected of spec.mentions) {
    const mention = mentions.find((candidate) => candidate.text === expected.text)
    expect(mention, `${expected.text} is a mention`).toBeDefined()
    expect(mention).toMatchObject(expected)
  }
}

describe('spec table periods.json', () => {
  it.each(table('periods.json').map((spec) => [spec.id, spec] as const))('%s', (_, spec) => check(spec))
})

describe('spec table indicator-codes.json', () => {
  it.each(table('indicator-codes.json').map((spec) => [spec.id, { year: 2024, ...spec }] as const))('%s', (_, spec) => check(spec))
})
