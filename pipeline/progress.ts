// Progress of a run on stderr: a bar with documents, MB, rate and time left on
// a terminal; elsewhere (CI, logs) one plain line every few seconds.
import cliProgress from 'cli-progress'
import type { Progress } from './run.ts'

const MEGABYTE = 2 ** 20
/** How often a log gets a line. */
const LINE_EVERY_MS = 5000

export interface ProgressView {
  update: (progress: Progress) => void
  stop: () => void
}

const megabytes = (bytes: number) => (bytes / MEGABYTE).toFixed(1)

function bar(stream: NodeJS.WriteStream): ProgressView {
  const view = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} documents | {mb}/{totalMb} MB | {rate} MB/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = Date.now()
  let begun = false
  return {
    update: (progress) => {
      const payload = { mb: megabytes(progress.bytes), totalMb: megabytes(progress.totalBytes), rate: (progress.bytes / MEGABYTE / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(2) }
      if (!begun) view.start(progress.totalDocuments, 0, payload)
      begun = true
      view.update(progress.documents, payload)
    },
    stop: () => view.stop(),
  }
}

function lines(stream: NodeJS.WriteStream): ProgressView {
  const started = Date.now()
  let last = started
  return {
    update: (progress) => {
      const now = Date.now()
      if (now - last < LINE_EVERY_MS) return
      last = now
      const rate = progress.bytes / MEGABYTE / ((now - started) / 1000)
      const left = rate > 0 ? (progress.totalBytes - progress.bytes) / MEGABYTE / rate : 0
      stream.write(`${progress.documents}/${progress.totalDocuments} documents, ${megabytes(progress.bytes)}/${megabytes(progress.totalBytes)} MB, ${rate.toFixed(2)} MB/s, about ${Math.ceil(left)} s left\n`)
    },
    stop: () => {},
  }
}

export function progressView(stream: NodeJS.WriteStream = process.stderr): ProgressView {
  return stream.isTTY ? bar(stream) : lines(stream)
}
