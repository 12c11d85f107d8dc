// The pipeline version a cached document result is valid for: a hash of the
// code, the resources and schemas, the locked dependencies, and the Node and ICU
// that segment the words. Any change to them and every document runs again.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const project = fileURLToPath(new URL('..', import.meta.url))
const INPUTS = ['pipeline', 'schemas', 'package-lock.json']

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)]))
      .sort()
  } catch {
    return [path] // a file, not a folder
  }
}

let version: string | undefined

export function pipelineVersion(): string {
  if (version) return version
  const hash = createHash('sha256').update(`node ${process.version} icu ${process.versions.icu ?? ''}\n`)
  for (const file of INPUTS.flatMap((input) => filesUnder(join(project, input)))) {
    hash.update(`${relative(project, file)}\n`).update(readFileSync(file))
  }
  version = hash.digest('hex')
  return version
}
