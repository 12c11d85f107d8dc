// Compiled validators for the JSON Schemas in schemas/, built once.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'

const ajv = new Ajv({ allErrors: true, strict: true })

function compile(name: string): ValidateFunction {
  const path = fileURLToPath(new URL(`../schemas/${name}`, import.meta.url))
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')))
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`).join('; ')
}

/** Why `data` fails the schema, or undefined when it passes. */
export function problemOf(validator: ValidateFunction, data: unknown): string | undefined {
  return validator(data) ? undefined : describeErrors(validator.errors)
}

export const validators = {
  quantity: compile('quantity.schema.json'),
  sentence: compile('sentence.schema.json'),
  document: compile('document.schema.json'),
  section: compile('section.schema.json'),
  term: compile('term.schema.json'),
  exclusion: compile('exclusion.schema.json'),
  catalog: compile('catalog.schema.json'),
}
