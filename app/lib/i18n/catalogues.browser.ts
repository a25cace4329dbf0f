import type { en as allEn, zh as allZh } from './catalogues'

/**
 * The browser's side of `#i18n-catalogues`: no strings in the bundle. The page loads the reader's
 * language as a cached script (`/i18n/<lang>.<hash>.js`, see messages-script.server.ts) and
 * entry.client registers it before hydrating, so a browser fetches one language, once.
 */
export const zh = {} as typeof allZh
export const en = {} as typeof allEn
