import { taxonomyLabel, type Language, type MessageKey, type MessageVars } from './i18n'

export type ReasonView = { key: string; vars: MessageVars; weight: number }

/** A recommendation reason in the reader's language: taxonomy codes in its vars become names. */
export function reasonText(t: (key: MessageKey, vars?: MessageVars) => string, lang: Language, reason: ReasonView) {
  const vars: MessageVars = { ...reason.vars }
  if (typeof vars.cluster === 'string') vars.cluster = taxonomyLabel.cluster(vars.cluster, lang)
  if (typeof vars.city === 'string') vars.city = taxonomyLabel.city(vars.city, lang)
  if (typeof vars.region === 'string') vars.region = taxonomyLabel.region(vars.region, lang)
  return t(reason.key as MessageKey, vars)
}

export const percent = (share: number) => `${Math.round(share * 100)}%`
