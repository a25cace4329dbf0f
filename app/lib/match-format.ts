import type { Language, MessageKey } from './i18n'
import { formatDate } from './format'

const shanghaiTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })

/** 2026年11月23日 14:05 (Shanxi time). */
export function formatDateTime(value: string | Date, lang: Language) {
  const date = value instanceof Date ? value : new Date(value)
  return `${formatDate(date, lang)} ${shanghaiTime.format(date)}`
}

/** The message key of an end reason: declined_* codes are the counterpart's 谢绝 reasons. */
export function endReasonKey(code: string | null | undefined): MessageKey | null {
  if (!code) return null
  return (code.startsWith('declined_') ? `match.declineReason.${code.slice(9)}` : `match.endReason.${code}`) as MessageKey
}
