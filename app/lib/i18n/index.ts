import { useRouteLoaderData } from '@remix-run/react'
import { cityByCode, clusterByCode, cooperationTypeByCode, orgKindByCode, regionByCode } from '../../../db/reference'
import { en, zh } from '#i18n-catalogues'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

export type MessageKey = keyof typeof zh
export type Messages = Record<MessageKey, string>
export const MESSAGES: Record<Language, Messages> = { 'zh-CN': zh, en }

/**
 * In the browser the catalogues are empty until the page's messages script has loaded:
 * entry.client hands them over here before it hydrates.
 */
export function registerMessages(lang: Language, messages: Messages | undefined) {
  if (messages && MESSAGES[lang] !== messages) Object.assign(MESSAGES[lang], messages)
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The `lang` cookie, else Chinese: the platform is Chinese first. */
export function getLanguage(request: Request): Language {
  return languageFromCookie(request.headers.get('Cookie'))
}

/** The reader's language from a Cookie header: the `lang` cookie, never Accept-Language (the page cache keys on this). */
export function languageFromCookie(cookieHeader: string | null | undefined): Language {
  const match = /(?:^|;\s*)lang=([^;]*)/.exec(cookieHeader ?? '')
  let value: string | undefined
  try {
    value = match ? decodeURIComponent(match[1]!) : undefined
  } catch {
    value = undefined
  }
  return isLanguage(value) ? value : DEFAULT_LANGUAGE
}

export type MessageVars = Record<string, string | number>

function fill(template: string, vars?: MessageVars) {
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : template
}

export function translate(lang: Language, key: MessageKey, vars?: MessageVars) {
  return fill(MESSAGES[lang]?.[key] ?? zh[key] ?? key, vars)
}

/** `t(lang, key, vars)` for code outside React (loaders, meta). */
export const t = translate

/** Names of taxonomy items in the reader's language: the taxonomy's Chinese `name`, or its `en`. */
export const taxonomyLabel = {
  cluster: (code: string, lang: Language) => {
    const c = clusterByCode.get(code)
    return c ? (lang === 'en' ? c.en : c.name) : code
  },
  clusterShort: (code: string, lang: Language) => {
    const c = clusterByCode.get(code)
    return c ? (lang === 'en' ? c.en : c.short) : code
  },
  type: (code: string, lang: Language) => {
    const type = cooperationTypeByCode.get(code)
    return type ? (lang === 'en' ? type.en : type.name) : code
  },
  city: (code: string, lang: Language) => {
    const city = cityByCode.get(code)
    return city ? (lang === 'en' ? city.en : city.name) : code
  },
  region: (code: string, lang: Language) => {
    const region = regionByCode.get(code)
    return region ? (lang === 'en' ? region.en : region.name) : code
  },
  orgKind: (code: string, lang: Language) => {
    const kind = orgKindByCode.get(code)
    return kind ? (lang === 'en' ? kind.en : kind.name) : code
  },
}

/** The reader's language inside a route's `meta`, from the root loader's data. */
export function langFromMatches(matches: readonly { id: string; data?: unknown }[]): Language {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE
}

type RootData = { lang: Language; messages?: Messages }

/** The translator for the current page, from the root loader's language and strings. */
export function useT() {
  const data = useRouteLoaderData('root') as RootData | undefined
  const lang = data?.lang ?? DEFAULT_LANGUAGE
  const messages = data?.messages
  const translator = (key: MessageKey, vars?: MessageVars) =>
    messages?.[key] !== undefined ? fill(messages[key], vars) : translate(lang, key, vars)
  return Object.assign(translator, { lang })
}
