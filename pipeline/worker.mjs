// Piscina runs this file in each worker thread. Workers start without the
// parent's flags, so tsx is registered here, and the pipeline's TypeScript
// loads in them as it does under `tsx pipeline/cli.ts` or vitest.
import { register } from 'tsx/esm/api'

register()
const { processAndKeep } = await import('./cache.ts')

/** @param {import('./cache.ts').KeptTask} task */
export default function processTask(task) {
  return processAndKeep(task)
}
