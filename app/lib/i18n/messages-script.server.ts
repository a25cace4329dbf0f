import { createHash } from 'node:crypto'
import { LANGUAGES, MESSAGES, type Language } from './index'

/**
 * A language's catalogue as a static script (`/i18n/<lang>.<hash>.js`) rather than root loader
 * data: 63 KB that every page and every root revalidation carried, encoded per request, now
 * downloaded once and cached for a year (the hash changes with the text).
 */
type Script = { file: string; body: string }

const scripts = new Map<Language, Script>()

export const MESSAGES_GLOBAL = '__jcjMessages'

function scriptFor(lang: Language): Script {
  let script = scripts.get(lang)
  if (!script) {
    const json = JSON.stringify(MESSAGES[lang])
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12)
    script = { file: `${lang}.${hash}.js`, body: `(window.${MESSAGES_GLOBAL} ||= {})[${JSON.stringify(lang)}] = ${json};\n` }
    scripts.set(lang, script)
  }
  return script
}

export const messagesScriptHref = (lang: Language) => `/i18n/${scriptFor(lang).file}`

/** The script for a file name, `stale` when the name's hash is not the current text's (an old page asking). */
export function messagesScript(file: string): { body: string; stale: boolean } | null {
  const lang = LANGUAGES.find((l) => file.startsWith(`${l}.`) && file.endsWith('.js'))
  if (!lang) return null
  const script = scriptFor(lang)
  return { body: script.body, stale: script.file !== file }
}
