// The one-file command that outside checks call: `npx tsx pipeline/cli.ts extract FILE`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const project = fileURLToPath(new URL('..', import.meta.url))
const tsx = join(project, 'node_modules/.bin/tsx')

describe('cli extract', () => {
  it('prints the document and its mentions with the guideline fields', () => {
    const output = execFileSync(tsx, ['pipeline/cli.ts', 'extract', 'raw/jurong-2024-review-excerpt.txt'], { cwd: project, encoding: 'utf8' })
    const parsed = JSON.parse(output) as { document: string; mentions: Record<string, unknown>[] }
    expect(parsed.document).toBe('jurong-2024-review-excerpt.txt')
    expect(parsed.mentions.length).toBeGreaterThan(50)
    for (const field of ['start', 'end', 'text', 'value', 'unit', 'kind', 'approx', 'indicator', 'change', 'status']) {
      expect(parsed.mentions[0]).toHaveProperty(field)
    }
  })

  it('exits non-zero and names the file and byte for bad input', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zhengshu-cli-')), 'bad.txt')
    writeFileSync(path, new Uint8Array([0x61, 0x0a, 0x62, 0x00]))
    const result = spawnSync(tsx, ['pipeline/cli.ts', 'extract', path], { cwd: project, encoding: 'utf8' })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain(`${path}:2:2`)
    expect(result.stderr).toContain('READ_BINARY')
  })
})
