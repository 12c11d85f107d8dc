// The review site in a real browser: Debian's Chromium, driven by playwright-core,
// on a small release built once here (two gold documents and a hand-made series).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readGold } from '../pipeline/eval/evaluate.ts'
import { DOCUMENT_TABLES, runTableRows, type Row } from '../pipeline/package/rows.ts'
import { writeReview } from '../pipeline/review/site.ts'
import { runRelease } from '../pipeline/run.ts'
import type { Extraction } from '../pipeline/types.ts'
import { HANDMADE_MISSED, HANDMADE_VALUES, handmadeSeries } from './review-fixture.ts'

const CHROMIUM = '/usr/bin/chromium'
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`review browser test SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium)`)

const repo = fileURLToPath(new URL('..', import.meta.url))
const screenshots = join(repo, 'output', 'review', 'screenshots')
const root = mkdtempSync(join(tmpdir(), 'zhengshu-review-'))
const site = join(root, 'output', 'review')
const DOC = 'national-2025'
let quantities: Row[] = []
let context: BrowserContext
let page: Page
const requests: string[] = []
const pageErrors: string[] = []

const url = (file: string) => pathToFileURL(join(site, file)).href
const mentionsOf = (docId: string) => quantities.filter((row) => row.doc_id === docId)
const visibleRows = () => page.locator('#mentions tbody tr:not([hidden])').count()
const shoot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false })

/** Every table's rows, the document tables read back from the release's documents/<doc_id>.json. */
function releaseRows(release: string, run: Awaited<ReturnType<typeof runRelease>>): Record<string, Row[]> {
  const rows = runTableRows(run.documents, run.diagnostics)
  const bodies = run.documents.filter((summary) => summary.outcome === 'done').map((summary) => JSON.parse(readFileSync(join(release, 'documents', `${summary.docId}.json`), 'utf8')) as Extraction)
  for (const { table, records } of DOCUMENT_TABLES) rows[table] = bodies.flatMap((body) => body[records] as unknown as Row[])
  return rows
}

async function buildRelease(): Promise<void> {
  const raw = join(root, 'raw')
  mkdirSync(raw)
  for (const file of ['national-2025.txt', 'jurong-2024-review-excerpt.txt']) copyFileSync(join(repo, 'raw', file), join(raw, file))
  writeFileSync(
    join(raw, 'catalog.csv'),
    'doc_id,file,title,region,region_code,level,year,source\n' +
      'jurong-2024-review-excerpt,jurong-2024-review-excerpt.txt,句容市2024年政府工作报告（节选）,句容市,321183,county,2024,test\n' +
      'national-2025,national-2025.txt,2025年国务院政府工作报告,全国,100000,national,2025,test\n',
  )
  const goldDir = join(repo, 'tests', 'gold')
  const run = await runRelease(raw, join(root, 'output'), { gold: goldDir })
  quantities = JSON.parse(readFileSync(join(root, 'output', 'quantities.json'), 'utf8'))
  // the site is written again from the same rows with a hand-made series, whose chart the tests know
  const [target, actual] = mentionsOf(DOC).filter((row) => row.kind === 'percent') as unknown as { doc_id: string; mention_id: string }[]
  await writeReview(site, { ...releaseRows(join(root, 'output'), run), series: handmadeSeries(target!, actual!) }, await readGold(goldDir))
}

describe.skipIf(!hasChromium)(`review site in Chromium${hasChromium ? '' : ` (SKIPPED: ${CHROMIUM} is missing)`}`, () => {
  beforeAll(async () => {
    await buildRelease()
    mkdirSync(screenshots, { recursive: true })
    context = await chromium.launchPersistentContext(join(root, 'chromium-profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 900 } })
    context.on('request', (request) => requests.push(request.url()))
    page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
  }, 60_000) // a release and a browser start take seconds on two busy cores, more than the 10 s default

  afterAll(async () => {
    await context?.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('lists the documents on the index with gold scores and a search', async () => {
    await page.goto(url('index.html'))
    await expect(page.locator('#documents tbody tr').count()).resolves.toBe(2)
    const national = page.locator('#documents tbody tr', { hasText: '国务院' })
    await expect(national.locator('td').nth(8).textContent()).resolves.toMatch(/^0\.\d{3}$|^1\.000$/)
    await page.fill('#search', '句容')
    await expect(page.locator('#documents tbody tr:not([hidden])').count()).resolves.toBe(1)
    await shoot('index')
    await page.fill('#search', '')
  })

  it('highlights exactly the mentions quantities.json has for a document', async () => {
    await page.click(`a[href="${DOC}.html"]`)
    const ids = await page.locator('[data-mention-id]').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-mention-id')))
    expect(ids.length).toBe(mentionsOf(DOC).length)
    expect(new Set(ids)).toEqual(new Set(mentionsOf(DOC).map((row) => row.mention_id)))
    const counted = await page.locator('.section-chart rect.bar').evaluateAll((bars) => bars.reduce((sum, bar) => sum + Number(bar.getAttribute('data-count')), 0))
    expect(counted).toBe(ids.length)
  })

  it('shows a mention\'s details when it is clicked, and when it is reached by keyboard', async () => {
    const mention = mentionsOf(DOC).find((row) => row.unit === '元')!
    await page.click(`[data-mention-id="${mention.mention_id}"]`)
    const details = page.locator('#detail dl')
    await expect(details.textContent()).resolves.toContain(String(mention.value))
    await expect(details.textContent()).resolves.toContain(String(mention.value_base))
    await expect(details.textContent()).resolves.toContain(`单位代码 unit code${mention.unit_code}`)
    await expect(details.textContent()).resolves.toContain(`时期 period${mention.period_start}`)
    await shoot('document')
    // Tab moves on to the next figure in the text, and the panel follows the focus.
    const next = mentionsOf(DOC)[mentionsOf(DOC).indexOf(mention) + 1]!
    await page.keyboard.press('Tab')
    await expect(page.locator(':focus').getAttribute('data-mention-id')).resolves.toBe(next.mention_id)
    await expect(details.textContent()).resolves.toContain(`原文 text${next.text}`)
  })

  it('shows the rule of a number set aside', async () => {
    const exclusion = page.locator('.text .excl[data-rule]').first()
    const rule = await exclusion.getAttribute('data-rule')
    await exclusion.click()
    await expect(page.locator('#detail dl').textContent()).resolves.toContain(`set aside 排除: ${rule} — `)
  })

  it('filters and sorts the mentions table', async () => {
    const all = mentionsOf(DOC)
    await expect(visibleRows()).resolves.toBe(all.length)
    await page.selectOption('select[data-filter="kind"]', 'percent')
    await page.selectOption('select[data-filter="status"]', 'target')
    const expected = all.filter((row) => row.kind === 'percent' && row.status === 'target').length
    expect(expected).toBeGreaterThan(0)
    await expect(visibleRows()).resolves.toBe(expected)
    await expect(page.locator('#shown').textContent()).resolves.toBe(String(expected))
    await page.selectOption('select[data-filter="kind"]', '')
    await page.selectOption('select[data-filter="status"]', '')
    const growth = all.filter((row) => String(row.indicator_code ?? '').includes('gdp_growth')).length
    expect(growth).toBeGreaterThan(0)
    await page.fill('input[data-filter="code"]', 'gdp_growth')
    await expect(visibleRows()).resolves.toBe(growth)
    await page.fill('input[data-filter="code"]', '')
    await page.fill('input[data-filter="text"]', '%')
    await expect(visibleRows()).resolves.toBe(all.filter((row) => String(row.text).includes('%')).length)
    await page.selectOption('select[data-filter="kind"]', 'percent')
    await page.selectOption('select[data-filter="status"]', 'target')
    await page.fill('input[data-filter="text"]', '')
    await page.click('#mentions thead button:has-text("数值")')
    const column = await page.locator('#mentions thead th').evaluateAll((headings) => headings.findIndex((th) => th.getAttribute('data-label') === '数值 value'))
    const values = (await page.locator(`#mentions tbody tr:not([hidden]) td:nth-child(${column + 1})`).allTextContents()).map(Number)
    expect(values).toHaveLength(expected)
    expect(values.every(Number.isFinite)).toBe(true)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    await page.locator('#mentions').scrollIntoViewIfNeeded()
    await shoot('mentions-filtered')
    await page.click('#mentions tbody tr:not([hidden]) a')
    expect(page.url()).toContain('#national-2025:')
  })

  it('draws a series chart with one mark per value, each linking to its sentence', async () => {
    await page.goto(url('index.html'))
    await page.click('a[href="series/gdp_growth.html"]')
    await expect(page.locator('.series-chart .mark').count()).resolves.toBe(HANDMADE_VALUES)
    await expect(page.locator('.series-chart .missed').count()).resolves.toBe(HANDMADE_MISSED)
    await shoot('series')
    await page.locator('.series-chart a').first().click()
    expect(page.url()).toContain(`${DOC}.html#${DOC}:`)
    // the link opens another page: its panel fills once that page has run its script
    await page.locator('#detail dl', { hasText: 'percent' }).waitFor({ timeout: 10_000 })
  })

  it('stays on disk: no request leaves file://, and no script error', () => {
    expect(requests.filter((request) => !request.startsWith('file://'))).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
