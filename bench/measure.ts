// One measurement in a fresh process, so its peak RSS is its own: `extract FILE`
// (the pure stages on one document, start-up and a warm-up excluded) or
// `run RAW OUT JOBS` (a whole run). Prints the figures as one JSON line.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { extractText } from '../pipeline/extract-text.ts'
import { runRelease } from '../pipeline/run.ts'

const peakRss = () => process.resourceUsage().maxRSS * 1024

async function measure(task: string, args: string[]): Promise<Record<string, unknown>> {
  if (task === 'extract') {
    const text = readFileSync(args[0]!, 'utf8')
    extractText(text.slice(0, 200_000)) // warm up the JIT and the tables
    const started = performance.now()
    const mentions = extractText(text).length
    return { seconds: (performance.now() - started) / 1000, mentions, bytes: Buffer.byteLength(text), peakRss: peakRss() }
  }
  const started = performance.now()
  const result = await runRelease(args[0]!, args[1]!, { jobs: Number(args[2]) })
  return {
    seconds: (performance.now() - started) / 1000,
    documents: result.documents.length,
    processed: result.processed,
    mentions: result.documents.reduce((sum, document) => sum + document.mentions, 0),
    bytes: result.bytes,
    stages: result.seconds,
    peakRss: peakRss(),
  }
}

const [task = '', ...args] = process.argv.slice(2)
console.log(JSON.stringify(await measure(task, args)))
