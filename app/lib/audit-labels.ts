import { cityByCode, cooperationTypeByCode } from '../../db/reference'
import { MESSAGES, taxonomyLabel, translate, type Language, type MessageKey } from './i18n'

const has = (key: string): key is MessageKey => Object.hasOwn(MESSAGES['zh-CN'], key)

/** An audit action as words: 通过认证, 批量暂停 …; an action without a label keeps its code. */
export function auditActionLabel(action: string, lang: Language) {
  const key = `audit.action.${action}`
  return has(key) ? translate(lang, key) : action
}

const STATE_KEYS = ['listing.status.', 'org.']

/** One summary value as a reader would say it: statuses, types and cities by name, yes/no, from → to. */
function valueText(key: string, value: unknown, lang: Language): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return translate(lang, value ? 'common.yes' : 'common.no')
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, lang)).join(translate(lang, 'common.listSeparator'))
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    if ('from' in o || 'to' in o) return `${valueText(key, o.from, lang)} → ${valueText(key, o.to, lang)}`
    return Object.entries(o)
      .map(([k, v]) => `${fieldLabel(k, lang)}: ${valueText(k, v, lang)}`)
      .join('; ')
  }
  const text = String(value)
  if (key === 'fields') return fieldLabel(text, lang)
  if (key === 'type' && cooperationTypeByCode.has(text)) return taxonomyLabel.type(text, lang)
  if ((key === 'city' || key === 'cityCode') && cityByCode.has(text)) return taxonomyLabel.city(text, lang)
  if (key === 'direction' && has(`direction.${text}`)) return translate(lang, `direction.${text}` as MessageKey)
  for (const prefix of STATE_KEYS) if (has(`${prefix}${text}`)) return translate(lang, `${prefix}${text}` as MessageKey)
  return text
}

function fieldLabel(key: string, lang: Language) {
  const audit = `audit.field.${key}`
  if (has(audit)) return translate(lang, audit)
  const detail = `detail.${key}`
  return has(detail) ? translate(lang, detail) : key
}

/** An audit row's summary as labelled lines instead of raw JSON. */
export function auditSummaryLines(summary: Record<string, unknown>, lang: Language) {
  return Object.entries(summary).map(([key, value]) => ({ label: fieldLabel(key, lang), value: valueText(key, value, lang) }))
}
