import type { Language } from './i18n'

/** Counts the way Chinese officials read them: separators, and 万 for large ones. */
export function formatCount(n: number, lang: Language) {
  if (lang === 'zh-CN' && n >= 100_000) return `${(n / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}万`
  return n.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US')
}

/** 2026年11月23日 in Chinese, ISO 2026-11-23 in English. */
export function formatDate(value: string | Date | number, lang: Language) {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : typeof value === 'number' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return ''
  if (lang === 'en') return date.toISOString().slice(0, 10)
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`
}

/** Search documents keep dates as day numbers since 1970. */
export const dayNumberToDate = (day: number) => new Date(day * 86_400_000)

export function formatYuan(n: number, lang: Language) {
  if (lang === 'zh-CN' && n >= 10_000) return `${(n / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`
  return `${n.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US')} ${lang === 'zh-CN' ? '元' : 'CNY'}`
}
