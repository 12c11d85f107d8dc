// The indicator code of a figure (INDICATORS.md): given only when the phrase names the
// indicator, nothing in it rules the code out, the measure agrees (a change code takes the
// size of a change, a level code a level) and so does the unit. A figure about another
// region (全国 in a city's report, 全球) names none of the report's own indicators.
import { tables, type Change } from '../resources/tables.ts'
import { indicators, timeWords, type Indicator } from '../resources/vocabulary.ts'
import { possibleIn } from './patterns.ts'

export interface CodedFigure {
  /** The indicator phrase as built for the mention. */
  indicator: string
  /** The clause up to the number, where the phrase may stand when the indicator is generic. */
  clauseBefore: string
  change: Change
  unit: string
  /** The report is the national one: 全国 is then its own region. */
  national: boolean
}

const OTHER_REGIONS = tables.contextWords.get('other-region')!
/** 全国: another region in a provincial or city report, the report's own in the national one. */
const NATIONAL_SCOPE = tables.contextWords.get('national-scope')!
/** How far before the number the clause is read for a surface form. */
const CLAUSE_REACH = 30

/** 经济年均增长 is 经济增长 over some years: time words are no part of an indicator's name. */
// a word a removal brings together has its first character in the phrase too, so the words the phrase could hold are all there are
const withoutTimeWords = (phrase: string) => possibleIn(phrase, timeWords, (entry) => entry.word).reduce((text, { word }) => text.replaceAll(word, ''), phrase)

const measureAgrees = (indicator: Indicator, change: Change) => (indicator.measure === 'change' ? change !== 'none' : change === 'none')

/** The surface of `indicator` in `phrase` that no exclusion word undoes, if any. */
function surfaceIn(indicator: Indicator, phrase: string): string | undefined {
  const surface = indicator.surfaces.find((candidate) => phrase.includes(candidate))
  if (!surface) return undefined
  return indicator.excludes.some((word) => phrase.includes(word) && !surface.includes(word)) ? undefined : surface
}

function aboutOtherRegion(figure: CodedFigure): boolean {
  const scope = `${figure.clauseBefore.slice(-CLAUSE_REACH)}${figure.indicator}`
  return OTHER_REGIONS.some((word) => scope.includes(word) && !(figure.national && NATIONAL_SCOPE.includes(word)))
}

/** The code of what the figure measures, or '' when it is none of the known indicators. */
export function indicatorCode(figure: CodedFigure): string {
  if (aboutOtherRegion(figure)) return ''
  const fits = indicators.filter((indicator) => measureAgrees(indicator, figure.change) && indicator.units.includes(figure.unit))
  // the phrase first, then its item of the clause (新增城镇就业 for 城镇就业; 调查失业率稳定在 for 较低水平),
  // never words of an earlier item of a 、 list (单位国内生产总值能耗降低20%、主要污染物排放总量减少10%)
  const item = figure.clauseBefore.slice(figure.clauseBefore.lastIndexOf('、') + 1).slice(-CLAUSE_REACH)
  for (const phrase of [figure.indicator, item].map(withoutTimeWords)) {
    const found = fits.flatMap((indicator) => {
      const surface = surfaceIn(indicator, phrase)
      return surface ? [{ code: indicator.code, surface, at: phrase.indexOf(surface) }] : []
    })
    if (found.length === 0) continue
    // 城镇居民人均可支配收入和农村居民人均纯收入增长超过7%: one figure for two indicators is a value of neither
    if (namesTwo(found)) return ''
    return found.reduce((best, next) => (next.surface.length > best.surface.length ? next : best)).code
  }
  return ''
}

/** Whether the surfaces found stand apart in the phrase, so that it names two indicators, not one inside another. */
function namesTwo(found: readonly { code: string; surface: string; at: number }[]): boolean {
  const apart = (a: (typeof found)[number], b: (typeof found)[number]) => a.code !== b.code && (a.at + a.surface.length <= b.at || b.at + b.surface.length <= a.at)
  return found.some((a) => found.some((b) => apart(a, b)))
}
