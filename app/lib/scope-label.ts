import { taxonomyLabel, translate, type Language } from './i18n'

/** A government account's jurisdiction in the reader's language: the province, a regional group or a city. */
export function scopeLabel(scope: { type: string; code: string }, lang: Language) {
  if (scope.type === 'province') return translate(lang, 'auth.scope.province')
  if (scope.type === 'region') return taxonomyLabel.region(scope.code, lang)
  return taxonomyLabel.city(scope.code, lang)
}
