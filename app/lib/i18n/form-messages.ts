import { MESSAGES, type Language, type MessageKey, type MessageVars } from './index'

/**
 * Validation messages travel as message keys (with their variables), not as text, so one zod
 * schema serves the browser, the server and the importer in either language. A message is
 * `key` or `key|{"var":…}`; a variable written `{ "k": "<key>" }` is itself translated (a field's label).
 */
export type FormVar = string | number | { k: MessageKey }

export function formMessage(key: MessageKey, vars?: Record<string, FormVar>): string {
  return vars ? `${key}|${JSON.stringify(vars)}` : key
}

/** A field's label as a translatable variable. */
export const label = (key: MessageKey): FormVar => ({ k: key })

const isKey = (key: string): key is MessageKey => Object.hasOwn(MESSAGES['zh-CN'], key)

/** The text of a validation message (or of an already translated one, returned as it is). */
export function translateMessage(lang: Language, message: string): string {
  const bar = message.indexOf('|')
  const key = bar < 0 ? message : message.slice(0, bar)
  if (!isKey(key)) return message
  let vars: Record<string, unknown> = {}
  if (bar >= 0) {
    try {
      vars = JSON.parse(message.slice(bar + 1)) as Record<string, unknown>
    } catch {
      return message
    }
  }
  const filled: MessageVars = {}
  for (const [name, value] of Object.entries(vars)) {
    if (typeof value === 'number') filled[name] = value.toLocaleString(lang)
    else if (typeof value === 'string') filled[name] = value
    else if (value && typeof value === 'object' && 'k' in value && typeof value.k === 'string' && isKey(value.k))
      filled[name] = MESSAGES[lang][value.k]
  }
  const template = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key]
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(filled[name] ?? ''))
}
