// datapackage.json (Frictionless Data Package v2), written from the table
// definitions and checked against the official profile.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { describeErrors } from '../schemas.ts'
import type { Field, Table } from './tables.ts'

const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json'
const RESOURCE_PROFILE = 'https://datapackage.org/profiles/2.0/dataresource.json'
const SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json'
const DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json'

function fieldDescriptor(field: Field) {
  const constraints = {
    ...(field.required ? { required: true } : {}),
    ...(field.unique ? { unique: true } : {}),
    ...(field.enum ? { enum: field.enum } : {}),
    ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
    ...(field.pattern ? { pattern: field.pattern } : {}),
  }
  return {
    name: field.name,
    type: field.type,
    title: field.title,
    description: field.unit ? `${field.description} Unit: ${field.unit}.` : field.description,
    ...(field.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  }
}

function tableSchema(table: Table) {
  return {
    $schema: SCHEMA_PROFILE,
    fields: table.fields.map(fieldDescriptor),
    missingValues: [''],
    primaryKey: table.primaryKey,
    ...(table.foreignKeys.length > 0
      ? { foreignKeys: table.foreignKeys.map((key) => ({ fields: key.fields, reference: { resource: key.resource, fields: key.reference } })) }
      : {}),
  }
}

export interface PackageFile {
  table: Table
  path: string
  bytes: number
  sha256: string
}

export function datapackage(files: PackageFile[], sources: { title: string; path?: string }[], created: string) {
  return {
    $schema: PROFILE,
    name: 'zhengshu-quantities',
    title: '政府工作报告数量数据 (zhengshu)',
    description: 'Every figure in the Chinese government work reports of raw/catalog.csv: value, unit, indicator, status, and its span in the source text.',
    version: '0.1.0',
    created,
    licenses: [{ name: 'ODC-PDDL-1.0', path: 'https://opendatacommons.org/licenses/pddl/', title: 'Open Data Commons Public Domain Dedication and License' }],
    sources,
    resources: files.map(({ table, path, bytes, sha256 }) => ({
      $schema: RESOURCE_PROFILE,
      name: table.name,
      title: table.title,
      description: table.description,
      path,
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes,
      hash: `sha256:${sha256}`,
      dialect: { $schema: DIALECT_PROFILE, header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' },
      schema: tableSchema(table),
    })),
  }
}

let profile: ValidateFunction | undefined

/** The official profile is large: compile it once, when a release is checked. */
function compileProfile(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats.default(ajv)
  ajv.addFormat('textarea', true) // an editor hint in the profiles, not a constraint
  const path = fileURLToPath(new URL('../../schemas/frictionless/datapackage.json', import.meta.url))
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')))
}

/** Why the descriptor fails the official v2 profile, or undefined. */
export function profileProblem(descriptor: unknown): string | undefined {
  profile ??= compileProfile()
  return profile(descriptor) ? undefined : describeErrors(profile.errors)
}
