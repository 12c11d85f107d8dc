// A number with a multiplier but no unit takes the unit its noun implies:
// 经济总量迈上4万亿 is 元, 十亿人口 is 人 (guideline: "the unit the noun implies").
import { tables, type Unit } from '../resources/tables.ts'

export function impliedUnit(indicator: string): Unit | undefined {
  // a phrase before the number ends with its noun (农民收入); the noun after it starts one (群众喜迁新居)
  const noun = tables.impliedUnits.find((entry) => indicator.endsWith(entry.noun)) ?? tables.impliedUnits.find((entry) => indicator.startsWith(entry.noun))
  return noun ? tables.unitBySurface.get(noun.unit) : undefined
}
