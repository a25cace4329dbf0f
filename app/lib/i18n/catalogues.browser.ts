import type { en as allEn, zh as allZh } from './catalogues'

/**
 * The browser's side of `#i18n-catalogues`: no strings in the bundle. The root loader sends the
 * reader's language (see `registerMessages`), so a page ships one language, once, not every
 * catalogue in both.
 */
export const zh = {} as typeof allZh
export const en = {} as typeof allEn
