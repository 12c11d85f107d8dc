// A number with a multiplier but no unit takes the unit its noun implies:
// 经济总量迈上4万亿 is 元, 十亿人口 is 人 (guideline: "the unit the noun implies").
import { tables, type Unit } from '../resources/tables.ts'

export function impliedUnit(phrase: string): Unit | undefined {
  // a phrase names its head noun last (农民收入 is money); failing that, first (群众喜迁新居), then anywhere (农村人口转移)
  const nouns = tables.impliedUnits
  const noun = nouns.find((entry) => phrase.endsWith(entry.noun)) ?? nouns.find((entry) => phrase.startsWith(entry.noun)) ?? nouns.find((entry) => entry.noun.length > 1 && phrase.includes(entry.noun))
  return noun ? tables.unitBySurface.get(noun.unit) : undefined
}
