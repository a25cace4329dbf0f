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
 * A small LRU of computed results for the routes' copy, emptied by the same signals as the page cache: a
 * result is reused only in the generation it was computed in, and not stored if one ended while it was computed.
 */
export function createInvalidatedCache<T>({
  maxEntries,
  maxAgeMs = CACHE_MAX_AGE_MS,
  state = pageInvalidation,
  now = Date.now,
}: {
  maxEntries: number
  maxAgeMs?: number
  state?: () => PageInvalidation
  now?: () => number
}) {
  const entries = new Map<string, { generation: number; storedAt: number; value: T }>()
  return {
    async get(key: string, compute: () => Promise<T>): Promise<T> {
      const shared = state()
      if (!shared.live) return compute()
      const hit = entries.get(key)
      if (hit) {
        entries.delete(key)
        if (hit.generation === shared.generation && now() - hit.storedAt <= maxAgeMs) {
          entries.set(key, hit) // most recently used last
          return hit.value
        }
      }
      const since = shared.generation
      const value = await compute()
      if (shared.live && shared.generation === since) {
        entries.set(key, { generation: since, storedAt: now(), value })
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      }
      return value
    },
  }
}
