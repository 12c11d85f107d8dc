// One state machine per document. It only wires the stages together: each
// state invokes one stage function; bad input ends in `rejected`, anything
// else thrown ends in `failed`, and a written document ends in `done`.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Root } from 'nlcst'
import { VFile } from 'vfile'
import { assign, createActor, fromPromise, setup, toPromise, type DoneActorEvent, type ErrorActorEvent } from 'xstate'
import { isRejection, Rejection } from './stages/errors.ts'
import { extract } from './stages/extract.ts'
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
  bytes?: Uint8Array
  read?: ReadResult
  normalized?: Normalized
  tree?: Root
  extraction?: Extraction
  invalid: Invalid[]
  error?: unknown
  outcome?: Outcome
}

const SOURCE = 'zhengshu'

async function loadBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    throw new Rejection('READ_MISSING', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
}

function resultOf(context: Context, outcome: Outcome): DocumentResult {
  const error = context.error
  return {
    entry: context.entry,
    outcome,
    reason: error === undefined ? '' : error instanceof Error ? error.message : String(error),
    encoding: context.read?.encoding ?? '',
    characters: context.normalized ? [...context.normalized.raw].length : 0,
    sha256: context.bytes ? createHash('sha256').update(context.bytes).digest('hex') : '',
    extraction: context.extraction ?? { mentions: [], sentences: [], sections: [], terms: [] },
    invalid: context.invalid,
    file: context.file,
  }
}

/** Every stage ends the same way on an error: bad input is rejected, anything else failed. */
const onError = [
  { guard: 'isRejection', target: 'rejected', actions: 'recordRejection' },
  { target: 'failed', actions: 'recordFailure' },
] as const

export const documentMachine = setup({
  types: {
    context: {} as Context,
    input: {} as { entry: CatalogEntry; path: string; write: Writer },
    output: {} as DocumentResult,
  },
  actors: {
    read: fromPromise(async ({ input }: { input: { path: string } }) => {
      const bytes = await loadBytes(input.path)
      return { bytes, read: read(bytes) }
    }),
    normalize: fromPromise(async ({ input }: { input: { text: string } }) => normalize(input.text)),
    parse: fromPromise(async ({ input }: { input: { file: VFile; folded: string } }) => {
      input.file.value = input.folded
      return parse(input.file)
    }),
    extract: fromPromise(async ({ input }: { input: { tree: Root; normalized: Normalized; docId: string } }) =>
      extract(input.tree, input.normalized, input.docId),
    ),
    validate: fromPromise(async ({ input }: { input: { extraction: Extraction } }) => validate(input.extraction)),
    write: fromPromise(async ({ input }: { input: { write: Writer; result: DocumentResult } }) => input.write(input.result)),
  },
  guards: {
    isRejection: ({ event }) => isRejection((event as ErrorActorEvent).error),
  },
  actions: {
    recordRejection: assign(({ context, event }) => {
      const rejection = (event as ErrorActorEvent).error as Rejection
      const { line, column } = rejection.place ?? {}
      context.file.message(rejection.message, { ...(line && column ? { place: { line, column } } : {}), ruleId: rejection.code, source: SOURCE })
      return { error: rejection }
    }),
    recordFailure: assign(({ context, event }) => {
      const error = (event as ErrorActorEvent).error
      const reason = error instanceof Error ? (error.stack ?? error.message) : String(error)
      context.file.message(`internal error: ${reason}`, { ruleId: 'INTERNAL_ERROR', source: SOURCE })
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
          actions: assign(({ event }: { event: DoneActorEvent<{ bytes: Uint8Array; read: ReadResult }> }) => event.output),
        },
        onError: [...onError],
      },
    },
    normalizing: {
      invoke: {
        src: 'normalize',
        input: ({ context }) => ({ text: context.read!.text }),
        onDone: { target: 'parsing', actions: assign({ normalized: ({ event }) => event.output }) },
        onError: [...onError],
      },
    },
    parsing: {
      invoke: {
        src: 'parse',
        input: ({ context }) => ({ file: context.file, folded: context.normalized!.folded }),
        onDone: { target: 'extracting', actions: assign({ tree: ({ event }) => event.output }) },
        onError: [...onError],
      },
    },
    extracting: {
      invoke: {
        src: 'extract',
        input: ({ context }) => ({ tree: context.tree!, normalized: context.normalized!, docId: context.entry.doc_id }),
        onDone: { target: 'validating', actions: assign({ extraction: ({ event }) => event.output }) },
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
              context.file.message(`${problem.table} record at code point ${problem.start} set aside: ${problem.reason}`, { ruleId: 'SCHEMA_INVALID', source: SOURCE })
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
  output: ({ context }) => resultOf(context, context.outcome ?? 'failed'),
})

/** Runs one document to a final state; never throws for a bad document. */
export function runDocument(entry: CatalogEntry, path: string, write: Writer): Promise<DocumentResult> {
  const actor = createActor(documentMachine, { input: { entry, path, write } })
  const done = toPromise(actor)
  actor.start()
  return done
}
