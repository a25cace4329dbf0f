import { remember } from './remember'

/**
 * Whatever the signals say, a cached page or result is dropped this long after it was made. It bounds what
 * the invalidation does not see: figures that change without an outbox row (an organisation's responsiveness
 * and partners, a listing's attachments, dates turning over at midnight), and a LISTEN connection that died
 * silently (TCP keep-alive notices that only after minutes).
 */
export const CACHE_MAX_AGE_MS = 30_000

/**
 * The page cache's invalidation state, shared through globalThis by the server script's copy of the code
 * (scripts/lib/page-cache.ts drives it from Postgres NOTIFY) and the routes' copy in the Remix build.
 * `live` is false while nobody listens (cache off, development, LISTEN lost): then nothing may be reused.
 */
export type PageInvalidation = { generation: number; live: boolean }

export const pageInvalidation = () => remember('page-invalidation', (): PageInvalidation => ({ generation: 0, live: false }))

/**
 * The same for what the search engine answers: bumped only by SEARCH_APPLIED_CHANNEL (an indexer batch or a
 * reindex swap reached the engine), not by every committed write, and live whenever the server listens for it,
 * whether or not the page cache is on (scripts/lib/page-cache.ts, listenForSearchApplied).
 */
export const searchInvalidation = () => remember('search-invalidation', (): PageInvalidation => ({ generation: 0, live: false }))

/**
 * A small LRU of computed results for the routes' copy, emptied by the same signals as the page cache (or
 * those of `state`): a result is reused only in the generation it was computed in, and not stored if one ended
 * while it was computed. Bounded by count, and by `maxBytes` of `sizeOf` when given.
 */
export function createInvalidatedCache<T>({
  maxEntries,
  maxBytes = Infinity,
  sizeOf = () => 0,
  maxAgeMs = CACHE_MAX_AGE_MS,
  state = pageInvalidation,
  now = Date.now,
}: {
  maxEntries: number
  maxBytes?: number
  sizeOf?: (value: T) => number
  maxAgeMs?: number
  state?: () => PageInvalidation
  now?: () => number
}) {
  const entries = new Map<string, { generation: number; storedAt: number; value: T; bytes: number }>()
  let bytes = 0
  const drop = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return undefined
    entries.delete(key)
    bytes -= entry.bytes
    return entry
  }
  return {
    /** Bytes held now (by `sizeOf`). */
    size: () => bytes,
    async get(key: string, compute: () => Promise<T>): Promise<T> {
      const shared = state()
      if (!shared.live) return compute()
      const hit = drop(key)
      if (hit && hit.generation === shared.generation && now() - hit.storedAt <= maxAgeMs) {
        entries.set(key, hit) // most recently used last
        bytes += hit.bytes
        return hit.value
      }
      const since = shared.generation
      const value = await compute()
      const size = sizeOf(value) + key.length
      if (shared.live && shared.generation === since && size <= maxBytes / 4) {
        drop(key)
        entries.set(key, { generation: since, storedAt: now(), value, bytes: size })
        bytes += size
        while (entries.size > maxEntries || bytes > maxBytes) drop(entries.keys().next().value!)
      }
      return value
    },
  }
}
