// make bench: extraction alone on large documents, whole runs over a generated
// corpus (first run, split by stage, rerun with nothing changed), and scaling
// on worst-case inputs (1 MB of digits, 1 MB of 万, one long run-on sentence, lines joined by zero-width lines).
// Figures depend on the machine, and on what else it runs: the header names it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { extractText } from '../pipeline/extract-text.ts'
import { corpusFiles, readCorpusFile } from '../tests/corpus.ts'
import { MEGABYTE, reportLike, writeCorpus } from './corpus.ts'

const project = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'zhengshu-bench-'))
const jobs = availableParallelism()

interface Measured {
  seconds: number
  bytes: number
  mentions: number
  peakRss: number
  documents?: number
  processed?: number
  stages?: Record<string, number>
}

/** Runs bench/measure.ts in a fresh process, so the peak RSS is that task's alone. */
function measure(...args: string[]): Measured {
  const child = spawnSync(join(project, 'node_modules/.bin/tsx'), [join(project, 'bench/measure.ts'), ...args], { encoding: 'utf8', maxBuffer: 2 ** 26 })
  if (child.status !== 0) throw new Error(`bench/measure.ts ${args.join(' ')} failed:\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured
}

const mb = (bytes: number) => (bytes / MEGABYTE).toFixed(1)
const rate = (bytes: number, seconds: number) => (bytes / MEGABYTE / seconds).toFixed(2)

function extraction(): void {
  console.log('\nextraction alone, one document, one thread (normalize, parse, extract; start-up and warm-up excluded):')
  const text = reportLike(10 * MEGABYTE)
  const inputs = { '10 MB of report copies': text, '10 MB on one line': text.replaceAll('\n', '') }
  for (const [name, input] of Object.entries(inputs)) {
    const path = join(work, 'document.txt')
    writeFileSync(path, input)
    const result = measure('extract', path)
    console.log(`  ${name.padEnd(24)} ${mb(result.bytes)} MB  ${result.seconds.toFixed(2)} s  ${rate(result.bytes, result.seconds)} MB/s  ${result.mentions} mentions  peak RSS ${mb(result.peakRss)} MB`)
  }
}

function stageSplit(stages: Record<string, number>): string {
  const { total = 0, ...parts } = stages
  const sum = Object.values(parts).reduce((all, seconds) => all + seconds, 0)
  return Object.entries(parts)
    .map(([stage, seconds]) => `${stage} ${seconds.toFixed(1)} s (${Math.round((100 * seconds) / sum)}%)`)
    .join(', ') + ` [of ${total.toFixed(1)} s wall]`
}

function wholeRuns(): void {
  console.log(`\nwhole run (every output, SQLite and its full-text index included), --jobs ${jobs}, corpus of digit-shifted copies of raw/:`)
  for (const size of [10, 100]) {
    const raw = join(work, `raw-${size}`)
    const out = join(work, `out-${size}`)
    const documents = writeCorpus(raw, size * MEGABYTE)
    const first = measure('run', raw, out, String(jobs))
    console.log(
      `  ${String(documents).padStart(5)} documents ${mb(first.bytes).padStart(6)} MB: ${first.seconds.toFixed(1)} s, ${rate(first.bytes, first.seconds)} MB/s, ` +
        `${(documents / first.seconds).toFixed(1)} documents/s, ${first.mentions} mentions, peak RSS ${mb(first.peakRss)} MB`,
    )
    if (size === 100) {
      console.log(`  time by stage (thread-seconds summed over documents; release = adding rows and writing the tables): ${stageSplit(first.stages!)}`)
      const rerun = measure('run', raw, out, String(jobs))
      console.log(`  rerun with nothing changed: ${rerun.seconds.toFixed(1)} s, ${rerun.processed} documents processed, peak RSS ${mb(rerun.peakRss)} MB`)
    }
    rmSync(raw, { recursive: true, force: true })
    rmSync(out, { recursive: true, force: true })
    rmSync(`${out}.cache`, { recursive: true, force: true })
  }
}

function time(text: string): { seconds: number; mentions: number } {
  const started = performance.now()
  const mentions = extractText(text).length
  return { seconds: (performance.now() - started) / 1000, mentions }
}

function scaling(): void {
  const corpus = corpusFiles().map(readCorpusFile)
  time(corpus[0]!) // warm up the JIT and the tables
  const all = corpus.join('\n')
  const whole = time(all)
  console.log(`\ncorpus in raw/: ${corpus.length} reports, ${[...all].length} characters, ${whole.mentions} mentions, ${whole.seconds.toFixed(2)} s, ${Math.round([...all].length / whole.seconds)} characters/s`)
  const worst: Record<string, (size: number) => string> = {
    'digits': (size) => '1'.repeat(size),
    '万': (size) => '万'.repeat(size),
    'run-on sentence': (size) => '增长5%，完成投资3.5亿元、'.repeat(Math.ceil(size / 16)).slice(0, size),
    '分别 list of items': (size) => {
      const items = Math.floor(size / 12) // item names and figures take about half the text each
      return `${Array.from({ length: items }, (_, index) => `产业${index}`).join('、')}分别增长${Array.from({ length: items }, (_, index) => `${index % 9}%`).join('、')}。`.slice(0, size)
    },
    // web copies join lines across lines of only zero-width spaces; a paragraph so joined was rescanned at every line
    'lines joined by zero-width lines': (size) => '完成投资3.5亿元\n\u200b\n'.repeat(Math.ceil(size / 12)).slice(0, size),
    'corpus without full stops': (size) => all.replaceAll('。', '，').replaceAll('\n', '，').repeat(Math.ceil(size / all.length)).slice(0, size),
  }
  console.log('\nscaling (seconds; linear time keeps the last column near 1):')
  console.log('input (characters)'.padEnd(28), '  0.25M', '   0.5M', '     1M', '   1M/0.5M')
  for (const [name, make] of Object.entries(worst)) {
    const seconds = [MEGABYTE / 4, MEGABYTE / 2, MEGABYTE].map((size) => time(make(size)).seconds)
    console.log(name.padEnd(28), ...seconds.map((value) => value.toFixed(2).padStart(7)), ((seconds[2]! / seconds[1]!) / 2).toFixed(2).padStart(10))
  }
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; other work on it makes figures noisy`)
try {
  extraction()
  wholeRuns()
  scaling()
} finally {
  rmSync(work, { recursive: true, force: true })
}
