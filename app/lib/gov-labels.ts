import { cityByCode, regionByCode } from '../../db/reference'
import type { Language } from './i18n'

export const cityLabel = (code: string, lang: Language) => {
  const c = cityByCode.get(code)
  return c ? (lang === 'en' ? c.en : c.name) : code
}
export const regionLabel = (code: string, lang: Language) => {
  const g = regionByCode.get(code)
  return g ? (lang === 'en' ? g.en : g.name) : code
}
/** 山西省 / 晋南城镇圈 / 太原市, for headings and file names. */
export function scopeLabel(scope: { type: string; code: string }, lang: Language, province: string) {
  if (scope.type === 'city') return cityLabel(scope.code, lang)
  if (scope.type === 'region') return regionLabel(scope.code, lang)
  return province
}
/** 太原 for 太原市 (every city name in the taxonomy ends in the one character 市), for small map tiles. */
export const cityShortLabel = (code: string, lang: Language) => {
  const c = cityByCode.get(code)
  return c ? (lang === 'en' ? c.en : c.name.slice(0, -1)) : code
}
