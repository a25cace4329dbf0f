/**
 * A page that works entirely without JavaScript (links, GET search, POST forms with reloadDocument)
 * says so in its route handle, and the server sends it without scripts: the home page is where
 * visitors arrive on a phone, and the ~84 KB (gzipped) of React and Remix buy it nothing. The next
 * page they open loads the framework as usual.
 */
export type HydrationHandle = { hydrate?: boolean }

export const withoutScripts: HydrationHandle = { hydrate: false }

export function pageNeedsScripts(matches: readonly { handle?: unknown }[]): boolean {
  // In the browser the document is already running (a client navigation): keep what is there.
  if (typeof document !== 'undefined' || import.meta.env?.DEV) return true
  return !matches.some((match) => (match.handle as HydrationHandle | undefined)?.hydrate === false)
}
