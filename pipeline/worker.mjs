// Piscina runs this file in each worker thread. Workers start without the
// parent's flags, so tsx is registered here, and the pipeline's TypeScript
// loads in them as it does under `tsx pipeline/cli.ts` or vitest.
import { register } from 'tsx/esm/api'

register()
const { processDocument } = await import('./document.ts')

/** @param {{ entry: import('./types.ts').CatalogEntry, path: string }} task */
export default function processTask({ entry, path }) {
  return processDocument(entry, path)
}
