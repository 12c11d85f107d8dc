// make bench: throughput of the stages on the real corpus, and scaling on
// worst-case inputs (1 MB of digits, 1 MB of 万, one long run-on sentence).
// Figures depend on the machine; the header says which one they came from.
import { cpus, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import { extractText } from '../pipeline/extract-text.ts'
import { corpusFiles, readCorpusFile } from '../tests/corpus.ts'

function time(text: string): { seconds: number; mentions: number } {
  const started = performance.now()
  const mentions = extractText(text).length
  return { seconds: (performance.now() - started) / 1000, mentions }
}

const corpus = corpusFiles().map(readCorpusFile)
const MEGABYTE = 1 << 20

console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`)

time(corpus[0]!) // warm up the JIT and the tables
const all = corpus.join('\n')
const whole = time(all)
console.log(`corpus: ${corpus.length} reports, ${[...all].length} characters, ${whole.mentions} mentions, ${whole.seconds.toFixed(2)} s, ${Math.round([...all].length / whole.seconds)} characters/s`)

const worst: Record<string, (size: number) => string> = {
  'digits': (size) => '1'.repeat(size),
  '万': (size) => '万'.repeat(size),
  'run-on sentence': (size) => '增长5%，完成投资3.5亿元、'.repeat(Math.ceil(size / 16)).slice(0, size),
  '分别 list of items': (size) => {
    const items = Math.floor(size / 12) // item names and figures take about half the text each
    return `${Array.from({ length: items }, (_, index) => `产业${index}`).join('、')}分别增长${Array.from({ length: items }, (_, index) => `${index % 9}%`).join('、')}。`.slice(0, size)
  },
  'corpus without full stops': (size) => all.replaceAll('。', '，').replaceAll('\n', '，').repeat(Math.ceil(size / all.length)).slice(0, size),
}
console.log('\nscaling (seconds; linear time keeps the last column near 1):')
console.log('input (characters)'.padEnd(28), '  0.25M', '   0.5M', '     1M', '   1M/0.5M')
for (const [name, make] of Object.entries(worst)) {
  const seconds = [MEGABYTE / 4, MEGABYTE / 2, MEGABYTE].map((size) => time(make(size)).seconds)
  console.log(name.padEnd(28), ...seconds.map((value) => value.toFixed(2).padStart(7)), ((seconds[2]! / seconds[1]!) / 2).toFixed(2).padStart(10))
}
