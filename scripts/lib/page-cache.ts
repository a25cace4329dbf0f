import type { NextFunction, Request, Response } from 'express'
import { languageFromCookie } from '../../app/lib/i18n'
import { CACHE_MAX_AGE_MS, type PageInvalidation } from '../../app/lib/page-invalidation.server'
import { OUTBOX_CHANNEL, SEARCH_APPLIED_CHANNEL } from '../../db/outbox'
import type { Listen } from '../../db/session'

/** Every entry is dropped this long after it was rendered, whatever the signals say (see CACHE_MAX_AGE_MS). */
export const PAGE_CACHE_MAX_AGE_MS = CACHE_MAX_AGE_MS

/** What invalidates: a committed searchable write (the outbox), and the indexer having changed what search answers. */
export const PAGE_CACHE_CHANNELS = [OUTBOX_CHANNEL, SEARCH_APPLIED_CHANNEL] as const

/**
 * The public pages whose anonymous rendering is the same for every reader: home, listing search,
 * organisation search, a listing, an organisation, and their single-fetch `.data` loader requests
 * (client navigation and search-as-you-type; the home page's is `/_root.data`).
 */
const CACHEABLE_PATH = /^\/(?:_root\.data|search(?:\.data)?|orgs(?:\.data)?|(?:listings|orgs)\/\d{1,9}(?:\.data)?)?$/
const LISTING_PATH = /^\/listings\/(\d{1,9})(?:\.data)?$/

/** Cookies that may be present on a cacheable request: only the language, which is part of the key. */
const ANONYMOUS_COOKIES = new Set(['lang'])

/**
 * Headers of the stored response that are not replayed: set afresh for every response by the security
 * middleware (the CSP carries the nonce) and the compressor, or describing one transfer.
 */
const PER_RESPONSE_HEADERS = new Set([
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'vary',
  'connection',
  'keep-alive',
  'date',
  'x-page-cache',
])

type Entry = {
  key: string
  /** The body cut at every occurrence of the nonce it was rendered with. */
  parts: Buffer[]
  headers: [string, string | string[]][]
  storedAt: number
  bytes: number
}

export type PageCache = ReturnType<typeof createPageCache>

/**
 * One process's cache of rendered anonymous pages, shared with no other process: each one drops its own
 * entries when Postgres tells it (NOTIFY reaches every listening process at commit), so N processes and N
 * machines stay as fresh as one. LRU by bytes. While a channel is not being listened to (the connection
 * was lost, or not yet up) nothing is served or stored, since a notification may be missed; when it is
 * back everything is dropped.
 */
export function createPageCache({
  maxBytes,
  maxAgeMs = PAGE_CACHE_MAX_AGE_MS,
  now = Date.now,
  shared,
}: {
  maxBytes: number
  maxAgeMs?: number
  now?: () => number
  /** Told of every invalidation and whether the channels are live, for the routes' own caches (similar listings). */
  shared?: PageInvalidation
}) {
  const entries = new Map<string, Entry>()
  const filling = new Map<string, { since: number; done: Promise<Entry | undefined> }>()
  const live = new Set<string>()
  let bytes = 0
  let generation = 0
  const stats = { hits: 0, misses: 0, bypasses: 0, stores: 0, invalidations: 0 }

  const enabled = () => PAGE_CACHE_CHANNELS.every((channel) => live.has(channel))

  function invalidate() {
    generation++
    entries.clear()
    bytes = 0
    stats.invalidations++
    if (shared) {
      shared.generation++
      shared.live = enabled()
    }
  }

  return {
    stats,
    enabled,
    /** Bytes held now. */
    size: () => bytes,
    generation: () => generation,
    invalidate,
    /** Subscribes to the invalidation channels; returns their unsubscription. */
    async listen(listen: Listen) {
      const unlisten = await Promise.all(
        PAGE_CACHE_CHANNELS.map((channel) =>
          listen(channel, invalidate, {
            onListening() {
              live.add(channel)
              invalidate()
            },
            onLost() {
              live.delete(channel)
              invalidate()
            },
          }),
        ),
      )
      return async () => {
        for (const stop of unlisten) await stop()
        live.clear()
        invalidate()
      }
    },
    lookup(key: string) {
      if (!enabled()) return undefined
      const entry = entries.get(key)
      if (!entry) return undefined
      entries.delete(key)
      if (now() - entry.storedAt > maxAgeMs) {
        bytes -= entry.bytes
        return undefined
      }
      entries.set(key, entry) // most recently used last
      return entry
    },
    /** Stores a rendering begun at `since` (a generation): not if anything was invalidated meanwhile. */
    store(key: string, since: number, { body, nonce, headers }: { body: Buffer; nonce: string | undefined; headers: Entry['headers'] }) {
      if (!enabled() || since !== generation) return undefined
      const parts = splitAt(body, nonce)
      const size = body.length + key.length + 256
      if (size > maxBytes / 4) return undefined
      const old = entries.get(key)
      if (old) {
        entries.delete(key)
        bytes -= old.bytes
      }
      const entry: Entry = { key, parts, headers, storedAt: now(), bytes: size }
      entries.set(key, entry)
      bytes += size
      for (const [oldest, entry] of entries) {
        if (bytes <= maxBytes) break
        entries.delete(oldest)
        bytes -= entry.bytes
      }
      stats.stores++
      return entry
    },
    /**
     * The rendering of `key` under way in this generation, if any: a request arriving meanwhile waits for it
     * instead of rendering the same page again (after an invalidation, every reader of a hot page would).
     * Never one begun before the last invalidation: it may have read what has changed since.
     */
    join(key: string) {
      const fill = filling.get(key)
      return fill && fill.since === generation ? fill.done : undefined
    },
    /** Marks `key` as being rendered from generation `since`; call the result with what was stored, or undefined. */
    lead(key: string, since: number) {
      let settle!: (entry: Entry | undefined) => void
      const fill = { since, done: new Promise<Entry | undefined>((resolve) => (settle = resolve)) }
      filling.set(key, fill)
      return (entry: Entry | undefined) => {
        if (filling.get(key) === fill) filling.delete(key)
        settle(entry)
      }
    },
  }
}

/**
 * Drives `state` (the routes' cache of engine answers, app/search.server.ts) from SEARCH_APPLIED_CHANNEL alone:
 * a committed write changes no engine answer until the indexer has applied it, and then says so. Live only
 * while the channel is listened to; every change of that, and every notification, starts a new generation.
 */
export async function listenForSearchApplied(listen: Listen, state: PageInvalidation) {
  const bump = (live: boolean) => {
    state.generation++
    state.live = live
  }
  const stop = await listen(SEARCH_APPLIED_CHANNEL, () => bump(state.live), {
    onListening: () => bump(true),
    onLost: () => bump(false),
  })
  return async () => {
    await stop()
    bump(false)
  }
}

function splitAt(body: Buffer, token: string | undefined) {
  if (!token) return [body]
  const needle = Buffer.from(token)
  const parts: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at))
    from = at + needle.length
  }
  parts.push(body.subarray(from))
  return parts
}

/**
 * Sends the stored body with this response's nonce where the stored one's was, piece by piece: a hit allocates
 * no copy of the page (~100 KB of short-lived memory per response otherwise, which glibc keeps as RSS under load).
 */
function sendWith(res: Response, entry: Entry, nonce: string | undefined) {
  const glue = Buffer.from(nonce ?? '')
  const length = entry.parts.reduce((sum, part) => sum + part.length, 0) + (entry.parts.length - 1) * glue.length
  res.setHeader('Content-Length', length)
  res.cork()
  entry.parts.forEach((part, i) => {
    if (i > 0) res.write(glue)
    res.write(part)
  })
  res.end()
  res.uncork()
}

function isAnonymous(req: Request) {
  if (req.headers.authorization !== undefined) return false
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const name = pair.split('=', 1)[0]!.trim()
    if (name && !ANONYMOUS_COOKIES.has(name)) return false
  }
  return true
}

/**
 * Everything the cached pages' loaders and the root loader read from the request: the full URL (path,
 * query, host and protocol: the share block prints absolute links) and the language (the `lang` cookie).
 * A session or any other cookie, or an Authorization header, never reaches the cache at all.
 */
export function pageCacheKey(req: Request) {
  return `${languageFromCookie(req.headers.cookie)}\0${req.protocol}://${(req.headers.host ?? '').toLowerCase()}${req.originalUrl}`
}

/**
 * The middleware, after the security headers (a fresh nonce in `res.locals.cspNonce`) and before the
 * Remix handler. A hit replays the stored page with this response's nonce; the compressor before it
 * compresses each response as usual. `onListingView` counts a listing page's view, as its loader would.
 */
export function pageCacheMiddleware(
  cache: PageCache,
  { onListingView }: { onListingView?: (listingId: number, req: Request) => void } = {},
) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CACHEABLE_PATH.test(req.path)) return next()
    if (!isAnonymous(req) || !cache.enabled()) {
      cache.stats.bypasses++
      res.setHeader('X-Page-Cache', 'bypass')
      return next()
    }
    const key = pageCacheKey(req)
    const nonce = res.locals.cspNonce as string | undefined
    const serve = (entry: Entry) => {
      cache.stats.hits++
      const listingId = LISTING_PATH.exec(req.path)?.[1]
      if (listingId) onListingView?.(Number(listingId), req)
      res.status(200)
      for (const [name, value] of entry.headers) res.setHeader(name, value)
      res.setHeader('X-Page-Cache', 'hit')
      sendWith(res, entry, nonce)
    }
    const render = () => {
      cache.stats.misses++
      res.setHeader('X-Page-Cache', 'miss')
      if (req.method === 'HEAD') return next()
      const since = cache.generation()
      const settle = cache.lead(key, since)
      capture(res, (body, headers) => {
        const cacheControl = String(res.getHeader('cache-control') ?? '')
        const storable =
          body !== undefined &&
          res.statusCode === 200 &&
          res.getHeader('set-cookie') === undefined &&
          !/private|no-store|no-cache/i.test(cacheControl)
        settle(storable ? cache.store(key, since, { body, nonce, headers: headers! }) : undefined)
      })
      next()
    }
    const entry = cache.lookup(key)
    if (entry) return serve(entry)
    const pending = cache.join(key)
    // What the other rendering stored is as fresh as one of this request's own; if it stored nothing, render.
    if (pending) return void pending.then((stored) => (stored ? serve(stored) : render()))
    render()
  }
}

/**
 * Collects what the handler writes (before the compressor sees it) and the headers as they stood at the first
 * write, before the compressor changed them; `done` gets both once the response ends, or no body if it grew too
 * big or the connection closed before the end.
 */
function capture(res: Response, done: (body: Buffer | undefined, headers?: Entry['headers']) => void, limit = 4 * 1024 * 1024) {
  const chunks: Buffer[] = []
  let size = 0
  let finished = false
  let headers: Entry['headers'] | undefined
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  const finish = (body: Buffer | undefined) => {
    if (finished) return
    finished = true
    done(body, headers ?? [])
  }
  const collect = (chunk: unknown, encoding: unknown) => {
    headers ??= Object.entries(res.getHeaders())
      .filter(([name, value]) => value !== undefined && !PER_RESPONSE_HEADERS.has(name))
      .map(([name, value]) => [name, typeof value === 'number' ? String(value) : (value as string | string[])])
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > limit) return
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    chunks.push(buffer)
  }
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    return write(chunk, ...rest)
  }) as typeof res.write
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    finish(size <= limit ? Buffer.concat(chunks) : undefined)
    return end(chunk, ...rest)
  }) as typeof res.end
  // A reader who leaves mid-render: whoever waits for this page renders it instead.
  res.once('close', () => finish(undefined))
}
