// Runs at scale: the release is the same for any number of workers, a rerun
// over an unchanged corpus processes nothing, a changed or added document is
// processed alone, and a broken cache never gives a wrong release.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRelease } from '../pipeline/run.ts'

const project = fileURLToPath(new URL('..', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'zhengshu-scale-'))
const raw = join(root, 'raw')
const HEADER = 'doc_id,file,title,region,region_code,level,year,source\n'
const ROWS = [
  'jurong,jurong.txt,句容市报告,句容市,321183,county,2024,test\n',
  'county-2025,county.txt,县政府工作报告,某县,321183,county,2025,test\n',
  'county-2025-copy,county.txt,县政府工作报告副本,某县,321183,county,2025,test\n',
  'missing,missing.txt,不存在,句容市,321183,county,2024,test\n',
]
const ADDED = 'city-2024,city.txt,市政府工作报告,某市,320100,prefecture,2024,test\n'

/** The SHA-256 of every file of a release, by path inside it (comparing whole buffers is slow in expect). */
function releaseFiles(out: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path.slice(out.length), createHash('sha256').update(readFileSync(path)).digest('hex')]
      }),
  )
}

const writeCatalog = (rows: string[]) => writeFileSync(join(raw, 'catalog.csv'), HEADER + rows.join(''))
const cacheOf = (out: string) => `${out}.cache`

beforeAll(() => {
  mkdirSync(raw, { recursive: true })
  copyFileSync(join(project, 'raw/jurong-2024-review-excerpt.txt'), join(raw, 'jurong.txt'))
  copyFileSync(join(project, 'tests/synthetic/raw/county-2025.txt'), join(raw, 'county.txt'))
  copyFileSync(join(project, 'tests/synthetic/raw/city-2024.txt'), join(raw, 'city.txt'))
  writeCatalog(ROWS)
  process.env.SOURCE_DATE_EPOCH = '1767225600'
})

afterAll(() => {
  delete process.env.SOURCE_DATE_EPOCH
  rmSync(root, { recursive: true, force: true })
})

describe('runs at scale', () => {
  it('writes a byte-identical release with one job and with two worker threads', async () => {
    const one = await runRelease(raw, join(root, 'one'), { jobs: 1 })
    const two = await runRelease(raw, join(root, 'two'), { jobs: 2 })
    expect(one.processed).toBe(4)
    expect(two.processed).toBe(4)
    const files = releaseFiles(join(root, 'one'))
    expect(Object.keys(files).length).toBeGreaterThan(15)
    expect(releaseFiles(join(root, 'two'))).toEqual(files)
  }, 60_000)

  it('processes nothing again over an unchanged corpus, and only what was added or changed', async () => {
    const out = join(root, 'incremental')
    expect((await runRelease(raw, out, { jobs: 1 })).processed).toBe(4)
    const first = releaseFiles(out)
    const rerun = await runRelease(raw, out, { jobs: 1 })
    expect([rerun.processed, rerun.rebuilt]).toEqual([0, false])
    expect(releaseFiles(out)).toEqual(first)

    writeCatalog([...ROWS, ADDED])
    const added = await runRelease(raw, out, { jobs: 1 })
    expect([added.processed, added.rebuilt]).toEqual([1, true])
    expect(added.documents.map((document) => document.docId)).toContain('city-2024')

    writeCatalog([...ROWS.slice(0, 2), ROWS[2]!.replace('副本', '复本'), ADDED])
    expect((await runRelease(raw, out, { jobs: 1 })).processed).toBe(1)
    writeCatalog(ROWS)
  }, 60_000)

  it('never takes a release from a broken or stale cache', async () => {
    const out = join(root, 'broken-cache')
    await runRelease(raw, out, { jobs: 1 })
    const fresh = releaseFiles(out)
    const cache = cacheOf(out)
    // a cache file cut short by a killed run, one of another key, and a partial write left behind
    const jurong = join(cache, 'jurong.v8')
    writeFileSync(jurong, readFileSync(jurong).subarray(0, 100))
    const stale = deserialize(readFileSync(join(cache, 'county-2025.v8'))) as { key: string; processed: { summary: { mentions: number } } }
    stale.processed.summary.mentions = -1
    writeFileSync(join(cache, 'county-2025.v8'), serialize({ ...stale, key: 'stale' }))
    writeFileSync(join(cache, 'county-2025-copy.v8.tmp-1'), '{"key":')
    rmSync(join(cache, '.release.v8')) // else the release in place, still whole, is simply kept
    const rerun = await runRelease(raw, out, { jobs: 1 })
    expect(rerun.processed).toBe(2)
    expect(releaseFiles(out)).toEqual(fresh)
    expect(readdirSync(cache).some((name) => name.includes('.tmp-'))).toBe(false)

    rmSync(join(cache, '.release.v8'))
    expect((await runRelease(raw, out, { jobs: 1 })).processed).toBe(0)
    expect(releaseFiles(out)).toEqual(fresh)
  }, 60_000)
})

describe('the zhengshu command', () => {
  const zhengshu = (...args: string[]) => spawnSync(process.execPath, [join(project, 'bin/zhengshu.mjs'), ...args], { cwd: root, encoding: 'utf8' })

  it('has --help for every command and --version, and exits 2 on bad usage', () => {
    for (const command of [[], ['run'], ['extract'], ['eval']]) {
      const result = zhengshu(...command, '--help')
      expect(result.status).toBe(0)
      expect(result.stdout).toMatch(/^usage: zhengshu/)
    }
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { version: string }
    expect(zhengshu('--version').stdout.trim()).toBe(manifest.version)
    expect(zhengshu('run', '--jobs', '0').status).toBe(2)
    expect(zhengshu('run', '--no-such-option').status).toBe(2)
  }, 60_000)

  it('runs with --catalog, --jobs and --quiet: exit 1 for the missing document, nothing on stdout and nothing on stderr but its problems', () => {
    const catalog = join(root, 'other-catalog.csv')
    writeFileSync(catalog, HEADER + ROWS[0]! + ROWS[3]!)
    const result = zhengshu('run', '--raw', raw, '--out', join(root, 'cli'), '--catalog', catalog, '--jobs', '1', '--quiet')
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    const problems = result.stderr.trim().split('\n')
    expect(problems).toContain(problems.find((line) => line.includes('READ_MISSING')))
    expect(problems.every((line) => line.includes('missing.txt'))).toBe(true)
    const loud = zhengshu('run', '--raw', raw, '--out', join(root, 'cli'), '--catalog', catalog, '--jobs', '1')
    expect(loud.stdout).toContain('1 of 2 documents written')
    expect(loud.stderr).toMatch(/1 done, 1 rejected, 0 failed; \d+ mentions; .* 0 processed, 2 from the cache; nothing changed/)
  }, 30_000)
})
