// The units table: every unit of the table, plus the rates quantities built.
import { tables } from '../resources/tables.ts'
import { resolveUnit } from '../rules/scan.ts'

export interface UnitRow extends Record<string, string | number> {
  unit: string
  unit_code: string
  kind: string
  base_unit: string
  factor: number
}

/** Every unit of the table, and the units used (as written) that it lacks. */
export function unitRows(usedUnits: string[]): UnitRow[] {
  const rows = new Map<string, UnitRow>()
  const used = new Set(usedUnits.filter(Boolean))
  const listed = tables.units.map((unit) => unit.unit)
  for (const name of [...listed, ...used]) {
    const unit = resolveUnit(name)
    if (!unit || rows.has(unit.unit)) continue
    rows.set(unit.unit, { unit: unit.unit, unit_code: unit.unitCode, kind: unit.kind, base_unit: unit.baseUnit, factor: unit.factor })
  }
  return [...rows.values()]
}
