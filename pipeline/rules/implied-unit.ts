// A number with a multiplier but no unit takes the unit its noun implies:
// 经济总量迈上4万亿 is 元, 十亿人口 is 人 (guideline: "the unit the noun implies").
import { tables, type Unit } from '../resources/tables.ts'

export function impliedUnit(indicator: string): Unit | undefined {
  const noun = tables.impliedUnits.find((entry) => indicator.endsWith(entry.noun))
  return noun ? tables.unitBySurface.get(noun.unit) : undefined
}
