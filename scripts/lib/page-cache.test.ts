import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Listen, ListenState } from '../../db/session'
import { pageCompression } from './compression'
import { SEARCH_APPLIED_CHANNEL } from '../../db/outbox'
import { PAGE_CACHE_CHANNELS, createPageCache, listenForSearchApplied, pageCacheMiddleware, type PageCache } from './page-cache'
import { securityHeaders } from './security'

/**
 * The middleware in the serving order (compression, security headers with their nonce, the cache) in front
 * of a stand-in renderer that prints the nonce the way Remix's scripts carry it and counts its renders.
 * The channels are driven by hand here; test/integration/page-cache.test.ts has them on Postgres.
 */
let base: string
let close: () => void
let cache: PageCache
let renders = 0
let version = 1
let hold: Promise<void> | undefined
const listingViews: number[] = []
const channels = new Map<string, { onNotify: () => void; state?: ListenState }>()
const fakeListen: Listen = async (channel, onNotify, state) => {
  channels.set(channel, { onNotify, state })
  state?.onListening?.()
  return async () => void channels.delete(channel)
}

beforeAll(async () => {
  const app = express()
  app.use(pageCompression())
  app.use(securityHeaders)
  app.use((req, res, next) => pageCacheMiddleware(cache, { onListingView: (id) => listingViews.push(id) })(req, res, next))
  app.get(['/', '/search', '/search.data', '/listings/:id', '/dashboard'], async (req, res) => {
    renders++
    await hold
    const nonce = res.locals.cspNonce as string
    const lang = /lang=en/.test(req.headers.cookie ?? '') ? 'en' : 'zh-CN'
    if (req.query.cookie) res.setHeader('Set-Cookie', 'x=1')
    if (req.query.private) res.setHeader('Cache-Control', 'private, max-age=0')
    if (req.query.missing) res.status(404)
    res.type('html')
    const page = `<html lang="${lang}"><script nonce="${nonce}">1</script><p>v${version} ${req.originalUrl} ${'页'.repeat(2000)}</p><script nonce="${nonce}">2</script></html>`
    res.write(page.slice(0, 100))
    res.end(page.slice(100))
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())
beforeEach(async () => {
  cache = createPageCache({ maxBytes: 1024 * 1024 })
  await cache.listen(fakeListen)
  renders = 0
  version = 1
  hold = undefined
  listingViews.length = 0
})

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'br', ...headers } })
  const body = await response.text()
  const header = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
  const nonces = [...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])
  return { status: response.status, cache: response.headers.get('x-page-cache'), body, header, nonces, headers: response.headers }
}

describe('page cache', () => {
  it('serves a hit without rendering, each response with its own nonce, the same in the header and the page', async () => {
    const first = await get('/search?q=煤机')
    const second = await get('/search?q=煤机')
    const third = await get('/search?q=煤机')
    expect([first.cache, second.cache, third.cache]).toEqual(['miss', 'hit', 'hit'])
    expect(renders).toBe(1)
    for (const r of [first, second, third]) expect(r.nonces).toEqual([r.header, r.header])
    expect(new Set([first.header, second.header, third.header]).size).toBe(3)
    expect(second.body).not.toContain(first.header)
    expect(second.body.replaceAll(second.header!, '')).toBe(first.body.replaceAll(first.header!, ''))
    expect(second.headers.get('content-encoding')).toBe('br') // compressed per response, as before
    expect(second.headers.get('content-type')).toMatch(/text\/html/)
    expect(second.headers.get('x-frame-options')).toBe('DENY')
    // Uncompressed, the length sent is the page's with the new nonce.
    const plain = await get('/search?q=煤机', { 'accept-encoding': 'identity' })
    expect([plain.cache, plain.nonces]).toEqual(['hit', [plain.header, plain.header]])
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(plain.body))
  })

  it('never serves a signed-in request from the cache, nor fills it from one', async () => {
    await get('/search?q=a')
    const signedIn = await get('/search?q=a', { cookie: 'jcj_session=abc' })
    expect(signedIn.cache).toBe('bypass')
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    await get('/search?q=b', { cookie: 'lang=en; jcj_session=abc' })
    expect((await get('/search?q=b')).cache).toBe('miss')
    // Any other cookie and an Authorization header bypass it as well.
    expect((await get('/search?q=a', { cookie: 'jcj_device=1' })).cache).toBe('bypass')
    expect((await get('/search?q=a', { authorization: 'Bearer t' })).cache).toBe('bypass')
    expect(renders).toBe(6)
  })

  it('keeps the languages apart', async () => {
    const zh = await get('/search?q=煤机')
    const en = await get('/search?q=煤机', { cookie: 'lang=en' })
    expect(en.cache).toBe('miss')
    expect((await get('/search?q=煤机', { cookie: 'lang=en' })).body).toContain('lang="en"')
    expect((await get('/search?q=煤机')).body).toContain('lang="zh-CN"')
    expect(zh.body).toContain('lang="zh-CN"')
    expect(renders).toBe(2)
  })

  it('does not store a response with Set-Cookie, a private Cache-Control or a status other than 200, nor an unlisted route', async () => {
    for (const path of ['/search?cookie=1', '/search?private=1', '/search?missing=1', '/dashboard']) {
      await get(path)
      await get(path)
    }
    expect(renders).toBe(8)
    expect(cache.stats.stores).toBe(0)
  })

  it('renders afresh after a notification, and stores nothing rendered while one arrived', async () => {
    await get('/')
    version = 2
    expect((await get('/')).body).toContain('v1')
    channels.get(PAGE_CACHE_CHANNELS[0])!.onNotify()
    expect((await get('/')).body).toContain('v2')
    // A render that read the data before a commit whose notification arrives while it is still rendering.
    let release!: () => void
    hold = new Promise((r) => (release = r))
    const rendered = renders
    const inFlight = get('/search?q=x')
    while (renders === rendered) await new Promise((r) => setTimeout(r, 5)) // the render has begun
    channels.get(PAGE_CACHE_CHANNELS[1])!.onNotify()
    release()
    await inFlight
    expect((await get('/search?q=x')).cache).toBe('miss')
  })

  it('serves nothing from the cache while a channel is lost, and drops what it had when it is back', async () => {
    await get('/')
    expect((await get('/')).cache).toBe('hit')
    channels.get(PAGE_CACHE_CHANNELS[1])!.state!.onLost!()
    version = 2
    expect((await get('/')).cache).toBe('bypass')
    expect((await get('/')).cache).toBe('bypass')
    channels.get(PAGE_CACHE_CHANNELS[1])!.state!.onListening!()
    const back = await get('/')
    expect([back.cache, back.body.includes('v2')]).toEqual(['miss', true])
    expect((await get('/')).cache).toBe('hit')
  })

  it('renders a page once for readers arriving while it renders, each with its own nonce; not one begun before a notification', async () => {
    let release!: () => void
    hold = new Promise((r) => (release = r))
    const first = get('/search?q=同时')
    while (renders === 0) await new Promise((r) => setTimeout(r, 5))
    const others = [get('/search?q=同时'), get('/search?q=同时')]
    await new Promise((r) => setTimeout(r, 50))
    release()
    const pages = [await first, ...(await Promise.all(others))]
    expect(renders).toBe(1)
    expect(pages.map((p) => p.cache)).toEqual(['miss', 'hit', 'hit'])
    for (const p of pages) expect(p.nonces).toEqual([p.header, p.header])
    // One that stores nothing (Set-Cookie) leaves its waiters to render for themselves.
    hold = new Promise((r) => (release = r))
    const cookie = get('/search?q=饼干&cookie=1')
    while (renders === 1) await new Promise((r) => setTimeout(r, 5))
    const waiter = get('/search?q=饼干&cookie=1')
    await new Promise((r) => setTimeout(r, 50))
    release()
    await Promise.all([cookie, waiter])
    expect(renders).toBe(3)
    // A rendering begun before a notification is not joined.
    hold = new Promise((r) => (release = r))
    const stale = get('/search?q=旧')
    while (renders === 3) await new Promise((r) => setTimeout(r, 5))
    channels.get(PAGE_CACHE_CHANNELS[0])!.onNotify()
    hold = undefined
    const after = get('/search?q=旧')
    await new Promise((r) => setTimeout(r, 50))
    release()
    expect([(await stale).cache, (await after).cache]).toEqual(['miss', 'miss'])
    expect(renders).toBe(5)
  })

  it('counts a listing page view on a hit, as the loader does on a miss', async () => {
    await get('/listings/42')
    await get('/listings/42')
    expect(listingViews).toEqual([42])
  })

  it('keeps to its size, dropping the least recently used page, and drops pages older than its maximum age', async () => {
    let clock = 0
    cache = createPageCache({ maxBytes: 60_000, maxAgeMs: 30_000, now: () => clock })
    await cache.listen(fakeListen)
    for (const q of ['a', 'b', 'c', 'd']) await get(`/search?q=${q}`) // ~6 KB each
    await get('/search?q=a') // a is now the most recently used
    for (const q of ['e', 'f', 'g', 'h', 'i', 'j']) await get(`/search?q=${q}`)
    expect(cache.size()).toBeLessThanOrEqual(60_000)
    expect((await get('/search?q=b')).cache).toBe('miss')
    expect((await get('/search?q=a')).cache).toBe('hit')
    clock += 30_001
    expect((await get('/search?q=a')).cache).toBe('miss')
  })
})

describe('the engine answers’ invalidation (listenForSearchApplied)', () => {
  it('follows only the search-applied channel: live while listened to, a new generation on each notice and loss', async () => {
    const heard = new Map<string, { onNotify: () => void; state?: ListenState }>()
    const listen: Listen = async (channel, onNotify, state) => {
      heard.set(channel, { onNotify, state })
      state?.onListening?.()
      return async () => void heard.delete(channel)
    }
    const state = { generation: 0, live: false }
    const stop = await listenForSearchApplied(listen, state)
    expect([...heard.keys()]).toEqual([SEARCH_APPLIED_CHANNEL])
    expect(state).toEqual({ generation: 1, live: true })
    heard.get(SEARCH_APPLIED_CHANNEL)!.onNotify()
    expect(state).toEqual({ generation: 2, live: true })
    heard.get(SEARCH_APPLIED_CHANNEL)!.state!.onLost!()
    expect(state).toEqual({ generation: 3, live: false })
    heard.get(SEARCH_APPLIED_CHANNEL)!.state!.onListening!()
    expect(state).toEqual({ generation: 4, live: true })
    await stop()
    expect(state).toEqual({ generation: 5, live: false })
  })
})
