// Command line (`zhengshu`, or `tsx pipeline/cli.ts`): `run` (the default) turns
// raw/ into output/, `extract FILE` prints one document's mentions as JSON,
// `eval` scores against tests/gold.
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { evaluate, formatReport } from './eval/evaluate.ts'
import { readFile } from 'node:fs/promises'
import { uncataloguedEntry } from './catalog.ts'
import { messagesOf } from './document.ts'
import { runDocument } from './machine.ts'
import { progressView } from './progress.ts'
import { defaultJobs, runRelease, type Diagnostic, type RunResult } from './run.ts'

function report(diagnostic: Diagnostic, rawDir: string): string {
  const place = diagnostic.line ? `:${diagnostic.line}:${diagnostic.column ?? 1}` : ''
  return `${join(rawDir, diagnostic.file)}${place}: ${diagnostic.reason.split('\n')[0]} [${diagnostic.rule_id}]`
}

const MEGABYTE = 2 ** 20

function summaryLine(result: RunResult, out: string): string {
  const count = (outcome: string) => result.documents.filter((document) => document.outcome === outcome).length
  const mentions = result.documents.reduce((sum, document) => sum + document.mentions, 0)
  const seconds = result.seconds.total ?? 0
  const megabytes = result.bytes / MEGABYTE
  const where = result.rebuilt ? `release written to ${out}/` : `nothing changed: the release in ${out}/ is kept`
  return (
    `${count('done')} done, ${count('rejected')} rejected, ${count('failed')} failed; ${mentions} mentions; ` +
    `${megabytes.toFixed(1)} MB in ${seconds.toFixed(1)} s (${(megabytes / Math.max(seconds, 0.001)).toFixed(2)} MB/s); ` +
    `${result.processed} processed, ${result.documents.length - result.processed} from the cache; ${where}`
  )
}

async function run(rawDir: string, out: string, options: { catalog?: string; gold: string; jobs: number; quiet: boolean }): Promise<number> {
  const view = options.quiet ? undefined : progressView()
  let result: RunResult
  try {
    result = await runRelease(rawDir, out, { ...(options.catalog ? { catalog: options.catalog } : {}), gold: options.gold, jobs: options.jobs, ...(view ? { onProgress: view.update } : {}) })
  } finally {
    view?.stop()
  }
  const done = result.documents.filter((document) => document.outcome === 'done').length
  if (!options.quiet) {
    for (const document of result.documents) {
      const detail = document.outcome === 'done' ? `${document.mentions} mentions` : `${document.outcome}: ${document.reason.split('\n')[0]}`
      console.log(`${document.docId.padEnd(32)} ${detail}`)
    }
    console.log(`\n${done} of ${result.catalogSize} documents written to ${out}/`)
  }
  // problems are printed even when quiet: they name what went wrong and where
  for (const diagnostic of result.diagnostics) console.error(report(diagnostic, rawDir))
  if (!options.quiet) console.error(summaryLine(result, out))
  return !result.diagnostics.some((diagnostic) => diagnostic.fatal) && done === result.catalogSize ? EXIT.ok : EXIT.problems
}

/** One file, no catalog: what outside checks call. */
async function extractOne(path: string, year: number | undefined): Promise<number> {
  let printed = false
  const result = await runDocument(uncataloguedEntry(path, year), path, async (done) => {
    const mentions = done.extraction.mentions.map(({ doc_id, mention_id, sentence_id, sentence, ...mention }) => mention)
    const excluded = done.extraction.exclusions.map(({ start, end, text, rule, value, value_max, approx }) => ({ start, end, text, rule, ...(value !== undefined ? { value } : {}), ...(value_max !== undefined ? { value_max } : {}), ...(approx !== undefined ? { approx } : {}) }))
    process.stdout.write(`${JSON.stringify({ document: basename(path), mentions, excluded }, null, 1)}\n`)
    printed = true
  })
  for (const diagnostic of messagesOf(result)) console.error(report(diagnostic, ''))
  return printed && result.outcome === 'done' && result.invalid.length === 0 ? 0 : 1
}

/** Exit codes, as the README lists them. */
const EXIT = { ok: 0, problems: 1, usage: 2 } as const

const USAGE: Record<string, string> = {
  zhengshu: `usage: zhengshu <command> [options]

commands:
  run            turn the raw folder into a release (the default)
  extract FILE   print one document's mentions and exclusions as JSON
  eval           score the extraction against the gold annotations

options:
  --help         this text, or a command's with zhengshu <command> --help
  --version      the version

exit codes: 0 all written, 1 a document or catalog row was not, 2 bad usage or an internal error`,
  run: `usage: zhengshu run [--raw DIR] [--out DIR] [--catalog FILE] [--gold DIR] [--jobs N] [--quiet]

  --raw DIR       folder of the raw texts (default raw)
  --out DIR       where the release goes (default output); output.cache/ beside it keeps
                  each document's results, so a rerun processes only what changed
  --catalog FILE  the catalog (default DIR/catalog.csv of --raw)
  --gold DIR      gold annotations the review site compares with (default tests/gold)
  --jobs N        documents processed at once, on worker threads (default: the core count)
  --quiet         no progress, no list of documents and no summary: only problems, on stderr`,
  extract: `usage: zhengshu extract FILE [--year YYYY]

  prints {"document", "mentions", "excluded"} for one file, without a catalog
  --year YYYY  the report's year (else read from its text)`,
  eval: `usage: zhengshu eval [--gold DIR] [--raw DIR]

  --gold DIR   gold annotations (default tests/gold)
  --raw DIR    the raw texts they annotate (default raw)`,
}

class UsageError extends Error {}

function jobsOf(text: string | undefined): number {
  if (text === undefined) return defaultJobs()
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--jobs takes a whole number of at least 1, not "${text}"`)
  return Number(text)
}

async function version(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      raw: { type: 'string', default: 'raw' },
      out: { type: 'string', default: 'output' },
      gold: { type: 'string', default: 'tests/gold' },
      year: { type: 'string' },
      catalog: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      version: { type: 'boolean', default: false },
    },
  })
  const [command = 'run', ...rest] = positionals
  if (values.version) {
    console.log(await version())
    return EXIT.ok
  }
  if (values.help) {
    console.log(USAGE[positionals.length === 0 ? 'zhengshu' : command] ?? USAGE.zhengshu)
    return EXIT.ok
  }
  switch (command) {
    case 'run':
      return run(resolve(values.raw), resolve(values.out), { ...(values.catalog ? { catalog: resolve(values.catalog) } : {}), gold: resolve(values.gold), jobs: jobsOf(values.jobs), quiet: values.quiet })
    case 'extract':
      if (rest.length !== 1) throw new UsageError(USAGE.extract!)
      if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`--year must be a year such as 2025, not "${values.year}"`)
      return extractOne(rest[0]!, values.year === undefined ? undefined : Number(values.year))
    case 'eval': {
      const evaluation = await evaluate(resolve(values.gold), resolve(values.raw))
      console.log(formatReport(evaluation))
      return EXIT.ok
    }
    default:
      throw new UsageError(`unknown command "${command}": use run, extract FILE or eval (zhengshu --help)`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // a usage error (UsageError, or parseArgs on an unknown option) says what to type; anything else is a bug
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = EXIT.usage
  },
)
