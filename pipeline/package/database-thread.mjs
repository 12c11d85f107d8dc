// The release database on a thread of its own (see DatabaseThread in sqlite.ts):
// it inserts the rows ReleaseWriter.finish sends while that thread writes the
// CSVs, and builds the full-text index while the rest of the release is written.
// Threads start without the parent's flags, so tsx is registered here, as in
// pipeline/worker.mjs.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { ReleaseDatabase } = await import('./sqlite.ts')
const { TABLES } = await import('./tables.ts')

const database = new ReleaseDatabase(workerData.path, TABLES)
let insert
let failed = false

const utf8 = new TextDecoder()

/** @param {{ create?: string, sql?: Uint8Array, finish?: true }} message */
function handle(message) {
  if (message.create !== undefined) insert = database.create(TABLES.find((table) => table.name === message.create))
  if (message.sql !== undefined) {
    for (const values of JSON.parse(utf8.decode(message.sql))) insert(values)
    parentPort.postMessage({ inserted: message.sql.length })
  }
  if (message.finish) {
    database.finish()
    parentPort.postMessage({ finished: true })
  }
}

parentPort.on('message', (message) => {
  if (failed) return
  try {
    handle(message)
  } catch (error) {
    failed = true
    database.abandon()
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
