// One state machine per document. It only wires the stages together: each
// state invokes one stage function; bad input ends in `rejected`, anything
// else thrown ends in `failed`, and a written document ends in `done`.
import type { Root } from 'nlcst'
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
    read: fromPromise(async ({ input }: { input: { path: string } }) => read(input.path)),
    normalize: fromPromise(async ({ input }: { input: { text: string; html: boolean | undefined } }) => normalize(input.text, { html: input.html })),
    parse: fromPromise(async ({ input }: { input: { folded: string } }) => parse(input.folded)),
    extract: fromPromise(async ({ input }: { input: { tree: Root; normalized: Normalized; facts: DocumentFacts } }) => extract(input.tree, input.normalized, input.facts)),
    validate: fromPromise(async ({ input }: { input: { extraction: Extraction } }) => validate(input.extraction)),
    write: fromPromise(async ({ input }: { input: { write: Writer; result: DocumentResult } }) => input.write(input.result)),
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
  context: ({ input }) => ({ ...input, file: new VFile({ path: input.path }), invalid: [] }),
  initial: 'reading',
  states: {
    reading: {
      invoke: {
        src: 'read',
        input: ({ context }) => ({ path: context.path }),
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
        input: ({ context }) => ({ text: context.read!.text, html: HTML_FILE.test(context.path) || undefined }),
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
        input: ({ context }) => ({ folded: context.normalized!.folded }),
        onDone: { target: 'extracting', actions: assign({ tree: ({ event }) => event.output }) },
        onError: [...onError],
      },
    },
    extracting: {
      invoke: {
        src: 'extract',
        input: ({ context }) => ({ tree: context.tree!, normalized: context.normalized!, facts: factsOf(context.entry) }),
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
        input: ({ context }) => ({ extraction: context.extraction! }),
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
        input: ({ context }) => ({ write: context.write, result: resultOf(context, 'done') }),
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

/** Runs one document to a final state; never throws for a bad document. */
export function runDocument(entry: CatalogEntry, path: string, write: Writer): Promise<DocumentResult> {
  const actor = createActor(documentMachine, { input: { entry, path, write } })
  const done = toPromise(actor)
  actor.start()
  return done
}
