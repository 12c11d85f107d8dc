// Command line: `run` (the default) turns raw/ into output/, `extract FILE`
// prints one document's mentions as JSON, `eval` scores against tests/gold.
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { evaluate, formatReport } from './eval/evaluate.ts'
import { runDocument } from './machine.ts'
import { messagesOf, runRelease, type Diagnostic } from './run.ts'
import { uncataloguedEntry } from './catalog.ts'

function report(diagnostic: Diagnostic, rawDir: string): string {
  const place = diagnostic.line ? `:${diagnostic.line}:${diagnostic.column ?? 1}` : ''
  return `${join(rawDir, diagnostic.file)}${place}: ${diagnostic.reason.split('\n')[0]} [${diagnostic.rule_id}]`
}

async function run(rawDir: string, out: string, goldDir: string): Promise<number> {
  const { results, diagnostics, catalogSize } = await runRelease(rawDir, out, goldDir)
  for (const result of results) {
    const detail = result.outcome === 'done' ? `${result.extraction.mentions.length} mentions` : `${result.outcome}: ${result.reason.split('\n')[0]}`
    console.log(`${result.entry.doc_id.padEnd(32)} ${detail}`)
  }
  for (const diagnostic of diagnostics) console.error(report(diagnostic, rawDir))
  const done = results.filter((result) => result.outcome === 'done').length
  console.log(`\n${done} of ${catalogSize} documents written to ${out}/`)
  return !diagnostics.some((diagnostic) => diagnostic.fatal) && done === catalogSize ? 0 : 1
}


/** One file, no catalog: what outside checks call. */
async function extractOne(path: string, year: number | undefined): Promise<number> {
  let printed = false
  const result = await runDocument(uncataloguedEntry(path, year), path, async (done) => {
    const mentions = done.extraction.mentions.map(({ doc_id, mention_id, sentence_id, sentence, ...mention }) => mention)
    const excluded = done.extraction.exclusions.map(({ start, end, text, rule, value }) => ({ start, end, text, rule, ...(value !== undefined ? { value } : {}) }))
    process.stdout.write(`${JSON.stringify({ document: basename(path), mentions, excluded }, null, 1)}\n`)
    printed = true
  })
  for (const diagnostic of messagesOf(result)) console.error(report(diagnostic, ''))
  return printed && result.outcome === 'done' && result.invalid.length === 0 ? 0 : 1
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { raw: { type: 'string', default: 'raw' }, out: { type: 'string', default: 'output' }, gold: { type: 'string', default: 'tests/gold' }, year: { type: 'string' } },
  })
  const [command = 'run', ...rest] = positionals
  switch (command) {
    case 'run':
      return run(resolve(values.raw), resolve(values.out), resolve(values.gold))
    case 'extract':
      if (rest.length !== 1) throw new Error('usage: cli.ts extract FILE [--year YYYY]')
      if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new Error(`--year must be a year such as 2025, not "${values.year}"`)
      return extractOne(rest[0]!, values.year === undefined ? undefined : Number(values.year))
    case 'eval': {
      const evaluation = await evaluate(resolve(values.gold), resolve(values.raw))
      console.log(formatReport(evaluation))
      return 0
    }
    default:
      console.error(`unknown command "${command}": use run, extract FILE or eval`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 2
  },
)
