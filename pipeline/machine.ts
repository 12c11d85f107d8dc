// One state machine per document. It only wires the stages together: each
// state invokes one stage function; bad input ends in `rejected`, anything
// else thrown ends in `failed`, and a written document ends in `done`.
import type { Root } from 'nlcst'
import { performance } from 'node:perf_hooks'
import { VFile } from 'vfile'
import { assign, createActor, fromPromise, setup, toPromise, type ErrorActorEvent } from 'xstate'
import { isRejection, reportEnd, reportNotes, reportProblem } from './stages/errors.ts'
import { extract, type DocumentFacts } from './stages/extract.ts'
import { normalize, type Normalized } from './stages/normalize.ts'
import { parse } from './stages/parse.ts'
import { read, type ReadResult } from './stages/read.ts'
import { validate, type Invalid } from './stages/validate.ts'
import type { CatalogEntry, Extraction } from './types.ts'

export type Outcome = 'done' | 'rejected' | 'failed'

export interface DocumentResult {
  entry: CatalogEntry
  outcome: Outcome
  reason: string
  encoding: ReadResult['encoding'] | ''
  characters: number
  sha256: string
  extraction: Extraction
  invalid: Invalid[]
  file: VFile
}

/** Where a finished document goes: a release folder, or standard output. */
export type Writer = (result: DocumentResult) => Promise<void>

interface Context {
  entry: CatalogEntry
  path: string
  file: VFile
  write: Writer
  read?: ReadResult
  normalized?: Normalized
  tree?: Root
  extraction?: Extraction
  invalid: Invalid[]
  error?: unknown
  outcome?: Outcome
  seconds: StageSeconds
}

function resultOf(context: Context, outcome: Outcome): DocumentResult {
  const error = context.error
  return {
    entry: context.entry,
    outcome,
    reason: error === undefined ? '' : error instanceof Error ? error.message : String(error),
    encoding: context.read?.encoding ?? '',
    characters: context.normalized ? context.normalized.offsets.toCodePoint(context.normalized.raw.length) : 0,
    sha256: context.read?.sha256 ?? '',
    // only a written document contributes records; a failed one may hold half its output
    extraction: outcome === 'done' && context.extraction ? context.extraction : { mentions: [], exclusions: [], sentences: [], sections: [], terms: [] },
    invalid: context.invalid,
    file: context.file,
  }
}

/** An uncatalogued file's entry has year 0: its year is then read from its text. */
const factsOf = (entry: CatalogEntry): DocumentFacts => ({ docId: entry.doc_id, ...(entry.year > 0 ? { year: entry.year } : {}), national: entry.level === 'national' })

/** A file named .html or .htm is read as HTML; any other is when its content is markup. */
const HTML_FILE = /\.x?html?$/i

/** The states that run a stage, as the time split names them. */
export type Stage = 'reading' | 'normalizing' | 'parsing' | 'extracting' | 'validating' | 'writing'
export type StageSeconds = Partial<Record<Stage, number>>

/** A stage as an actor that adds the time it took to the document's record of them. */
function timed<Input, Output>(stage: Stage, run: (input: Input) => Output | Promise<Output>) {
  return fromPromise(async ({ input }: { input: Input & { seconds: StageSeconds } }) => {
    const started = performance.now()
    try {
      return await run(input)
    } finally {
      input.seconds[stage] = (input.seconds[stage] ?? 0) + (performance.now() - started) / 1000
    }
  })
}

/** Every stage ends the same way on an error: bad input is rejected, anything else failed. */
const onError = [
  { guard: 'isRejection', target: 'rejected', actions: 'recordEnd' },
  { target: 'failed', actions: 'recordEnd' },
] as const

const documentMachine = setup({
  types: {
    context: {} as Context,
    input: {} as { entry: CatalogEntry; path: string; write: Writer },
    output: {} as DocumentResult,
  },
  actors: {
    read: timed('reading', ({ path }: { path: string }) => read(path)),
    normalize: timed('normalizing', ({ text, html }: { text: string; html: boolean | undefined }) => normalize(text, { html })),
    parse: timed('parsing', ({ folded }: { folded: string }) => parse(folded)),
    extract: timed('extracting', ({ tree, normalized, facts }: { tree: Root; normalized: Normalized; facts: DocumentFacts }) => extract(tree, normalized, facts)),
    validate: timed('validating', ({ extraction }: { extraction: Extraction }) => validate(extraction)),
    write: timed('writing', ({ write, result }: { write: Writer; result: DocumentResult }) => write(result)),
  },
  guards: {
    isRejection: ({ event }) => isRejection((event as ErrorActorEvent).error),
  },
  actions: {
    recordEnd: assign(({ context, event }) => {
      const { error } = event as ErrorActorEvent
      reportEnd(context.file, error)
      return { error }
    }),
  },
}).createMachine({
  id: 'document',
  context: ({ input }) => ({ ...input, file: new VFile({ path: input.path }), invalid: [], seconds: {} }),
  initial: 'reading',
  states: {
    reading: {
      invoke: {
        src: 'read',
        input: ({ context }) => ({ path: context.path, seconds: context.seconds }),
        onDone: {
          target: 'normalizing',
          actions: assign(({ context, event }) => {
            reportNotes(context.file, event.output.notes, event.output.text)
            return { read: event.output }
          }),
        },
        onError: [...onError],
      },
    },
    normalizing: {
      invoke: {
        src: 'normalize',
        input: ({ context }) => ({ text: context.read!.text, html: HTML_FILE.test(context.path) || undefined, seconds: context.seconds }),
        onDone: {
          target: 'parsing',
          actions: assign(({ context, event }) => {
            reportNotes(context.file, event.output.notes, event.output.raw)
            return { normalized: event.output }
          }),
        },
        onError: [...onError],
      },
    },
    parsing: {
      invoke: {
        src: 'parse',
        input: ({ context }) => ({ folded: context.normalized!.folded, seconds: context.seconds }),
        onDone: { target: 'extracting', actions: assign({ tree: ({ event }) => event.output }) },
        onError: [...onError],
      },
    },
    extracting: {
      invoke: {
        src: 'extract',
        input: ({ context }) => ({ tree: context.tree!, normalized: context.normalized!, facts: factsOf(context.entry), seconds: context.seconds }),
        onDone: {
          target: 'validating',
          actions: assign(({ context, event }) => {
            const { notes, year, ...extraction } = event.output
            reportNotes(context.file, notes, context.normalized!.raw)
            return { extraction }
          }),
        },
        onError: [...onError],
      },
    },
    validating: {
      invoke: {
        src: 'validate',
        input: ({ context }) => ({ extraction: context.extraction!, seconds: context.seconds }),
        onDone: {
          target: 'writing',
          actions: assign(({ context, event }) => {
            for (const problem of event.output.invalid) {
              reportProblem(context.file, `${problem.table} record at code point ${problem.start} set aside: ${problem.reason}`, 'SCHEMA_INVALID')
            }
            return { extraction: event.output.extraction, invalid: event.output.invalid }
          }),
        },
        onError: [...onError],
      },
    },
    writing: {
      invoke: {
        src: 'write',
        input: ({ context }) => ({ write: context.write, result: resultOf(context, 'done'), seconds: context.seconds }),
        onDone: { target: 'done' },
        onError: [...onError],
      },
    },
    done: { type: 'final', entry: assign({ outcome: 'done' as const }) },
    rejected: { type: 'final', entry: assign({ outcome: 'rejected' as const }) },
    failed: { type: 'final', entry: assign({ outcome: 'failed' as const }) },
  },
  output: ({ context }) => resultOf(context, context.outcome!), // every final state sets it on entry
})

export interface TimedResult {
  result: DocumentResult
  seconds: StageSeconds
}

/** Runs one document to a final state, with the time each stage took; never throws for a bad document. */
export function runTimed(entry: CatalogEntry, path: string, write: Writer): Promise<TimedResult> {
  const actor = createActor(documentMachine, { input: { entry, path, write } })
  const done = toPromise(actor)
  actor.start()
  return done.then((result) => ({ result, seconds: actor.getSnapshot().context.seconds }))
}

/** Runs one document to a final state; never throws for a bad document. */
export const runDocument = (entry: CatalogEntry, path: string, write: Writer): Promise<DocumentResult> => runTimed(entry, path, write).then(({ result }) => result)
