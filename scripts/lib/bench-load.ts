import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import autocannon, { type Request as AutocannonRequest, type Result } from 'autocannon'
import getPort from 'get-port'
import { Meilisearch } from 'meilisearch'
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/client'
import { taxonomy } from '../../db/reference'
import { parseSearchParams } from '../../app/lib/search-params'
import { searchListingIndex } from '../../search/listing-search'
import type { SearchEndpoint } from '../../search/client'
import { enqueueSearchSync } from '../../db/outbox'
import { groupMemory } from './memory'
import { cpuMilliseconds, processName, processTree } from './process-cpu'

type Report = (measure: string, figure: string, notes: string) => void

const CONNECTIONS = 10
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10)
// What a browser sends: the server compresses as it would for a reader.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9' }

/** The exact multi-search body the search page sends for `query`, captured from the app's own request builder. */
export async function pageMultiSearchBody(host: string, index: string, query: string) {
  let body = ''
  const recorder = new Meilisearch({
    host,
    httpClient: async (_url, init) => {
      body = init!.body as string
      return { results: [{ hits: [], facetDistribution: {}, processingTimeMs: 0, query: '' }] }
    },
  })
  await searchListingIndex(recorder, index, parseSearchParams(new URLSearchParams(query)))
  return body
}

async function waitForHealth(baseUrl: string, exited: () => boolean) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the server under load test exited during start-up')
    try {
      const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as { database?: { ok: boolean }; search?: { ok: boolean } }
      if (health.database?.ok && health.search?.ok) return
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error('the server under load test did not become healthy in 120 s')
}

/** How many distinct search queries the rotating load runs cycle through. */
export const ROTATING_QUERIES = 200

/**
 * Distinct queries as readers type them, from the demo's own vocabulary: the majors its listings name, the
 * clusters' keywords and short names, the cities. Deterministic for a given database.
 */
export async function searchVocabulary(handle: DatabaseHandle, count = ROTATING_QUERIES) {
  const majors = (await handle.db.execute(
    sql`select m from (select distinct unnest(majors) as m from listings where status = 'published') v order by m`,
  )) as unknown as { m: string }[]
  const words = [
    ...taxonomy.clusters.flatMap((c) => [c.short, ...(c.keywords ?? [])]),
    ...majors.map((r) => r.m),
    ...taxonomy.regions.cities.map((c) => c.name),
  ]
  const distinct = [...new Set(words.map((w) => w.trim()).filter(Boolean))]
  for (const city of taxonomy.regions.cities)
    for (const cluster of taxonomy.clusters) if (distinct.length < count) distinct.push(`${city.name} ${cluster.short}`)
  return distinct.slice(0, count)
}

type Server = { baseUrl: string; pid: number; stop(): Promise<void> }

async function startServer(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await getPort()
  const baseUrl = `http://127.0.0.1:${port}`
  let exited = false
  const server = spawn(command, args, { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit'] })
  server.once('exit', () => (exited = true))
  const stop = async () => {
    const gone = new Promise((r) => (exited ? r(null) : server.once('exit', r)))
    server.kill('SIGTERM')
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))])
    if (!exited) server.kill('SIGKILL')
  }
  try {
    await waitForHealth(baseUrl, () => exited)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, pid: server.pid!, stop }
}

/** Counts the page cache's verdicts (X-Page-Cache) over a run. */
function cacheCounter() {
  const counts = { hit: 0, miss: 0, bypass: 0, none: 0 }
  return {
    counts,
    onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string | string[]>) => {
      const value = String(headers['X-Page-Cache'] ?? headers['x-page-cache'] ?? 'none') as keyof typeof counts
      counts[value in counts ? value : 'none']++
    },
    summary() {
      const total = counts.hit + counts.miss + counts.bypass
      return total ? `page cache hit ratio ${((100 * counts.hit) / total).toFixed(1)} % (${counts.hit} hits, ${counts.miss} misses)` : ''
    },
  }
}

/** How often the trickle of writes edits a listing while the rotating queries run with the page cache on. */
export const TRICKLE_INTERVAL_MS = 1_000

/**
 * One listing edit every `intervalMs` for as long as `during` runs, as an editor saving a listing would: the
 * row and its outbox entry in one transaction, which the server's indexer then applies (both notify).
 */
export async function withWriteTrickle<T>(handle: DatabaseHandle, listingId: number, intervalMs: number, during: () => Promise<T>) {
  let writes = 0
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`update listings set updated_at = now() where id = ${listingId}`)
        await enqueueSearchSync(tx, 'listing', [listingId])
      })
      writes++
      await new Promise((r) => setTimeout(r, intervalMs))
    }
  })()
  try {
    return { result: await during(), writes }
  } finally {
    stopped = true
    await loop
  }
}

/** One request definition per connection turn, cycling through `variants` in one order shared by all connections. */
function rotating<T>(variants: T[], apply: (variant: T) => Partial<AutocannonRequest>): Pick<AutocannonRequest, 'setupRequest'> {
  let next = 0
  return { setupRequest: (request) => ({ ...request, ...apply(variants[next++ % variants.length]!) }) }
}

/**
 * `npm run bench -- load`: the production server (compiled, as `npm start` runs it) on loopback, on the
 * bench's database and Meilisearch, under autocannon at 10 connections for a bounded time per page,
 * beside the floor: raw Meilisearch answering the search page's own multi-search at the same concurrency.
 * Each page is measured with the page cache on and off (two servers, one after the other, in the same run),
 * and the search page also over 200 distinct queries in rotation, beside raw Meilisearch over the same 200,
 * so the figure carries the hit ratio such traffic gets rather than one hot URL's.
 * With PGlite the bench's handle is closed first (one process per data directory), so this runs last.
 */
export async function benchLoad({
  handle,
  endpoint,
  searchKey,
  indexName,
  prefix,
  dataDir,
  report,
}: {
  handle: DatabaseHandle
  endpoint: SearchEndpoint
  searchKey?: string
  indexName: string
  prefix: string
  dataDir: string
  report: Report
}) {
  const [listing] = (await handle.db.execute(sql`select id from listings where status = 'published' order by id limit 1`)) as unknown as {
    id: number
  }[]
  const queries = await searchVocabulary(handle)
  const databaseUrl = handle.driver === 'postgres' ? process.env.DATABASE_URL : undefined
  if (!databaseUrl) await handle.close()

  const compiled = existsSync('build/serve.js') && process.env.LOAD_SERVER !== 'tsx'
  const [command, args] = compiled ? [process.execPath, ['build/serve.js']] : [path.resolve('node_modules/.bin/tsx'), ['scripts/serve.ts']]
  const serverEnv = (pageCache: 'on' | 'off', searchCache: 'on' | 'off'): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'production' as const,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    MEILI_URL: endpoint.url,
    MEILI_MASTER_KEY: endpoint.apiKey ?? '',
    SEARCH_INDEX_PREFIX: prefix,
    SEED_ON_START: 'false',
    PAGE_CACHE: pageCache,
    SEARCH_CACHE: searchCache,
  })
  const key = searchKey ?? endpoint.apiKey
  const multiSearch = {
    url: new URL('multi-search', endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`).href,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  }
  const rawBody = await pageMultiSearchBody(endpoint.url, indexName, 'q=煤机')
  const rawBodies = await Promise.all(queries.map((q) => pageMultiSearchBody(endpoint.url, indexName, `q=${encodeURIComponent(q)}`)))
  // The bench's own Meilisearch is this process's child; the server under test uses it too.
  const engine = processTree(process.pid).filter((pid) => processName(pid) === 'meilisearch')
  const results = new Map<string, Result>()
  console.log(
    `\nload test: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target, ${compiled ? 'node build/serve.js' : 'tsx'}; ` +
      `page cache on, then off with the search cache off and on; ${queries.length} rotating queries` +
      (databaseUrl ? `, also with one listing edit every ${TRICKLE_INTERVAL_MS} ms` : ''),
  )

  async function measure(
    name: string,
    options: Parameters<typeof autocannon>[0],
    server: Server | null,
    floor?: string,
    during: (run: () => Promise<Result>) => Promise<{ result: Result; writes?: number }> = async (run) => ({ result: await run() }),
  ) {
    const counter = cacheCounter()
    const withCounter = server
      ? { ...options, requests: (options.requests ?? [{}]).map((r) => ({ ...r, onResponse: counter.onResponse })) }
      : options
    await autocannon({ ...withCounter, connections: CONNECTIONS, duration: 1 }) // warm-up
    const warm = { ...counter.counts }
    Object.assign(counter.counts, { hit: 0, miss: 0, bypass: 0, none: 0 })
    const tree = () => (server ? processTree(server.pid) : [])
    const before = { app: cpuMilliseconds(tree()), engine: cpuMilliseconds(engine), client: process.cpuUsage() }
    const { result, writes } = await during(() => autocannon({ ...withCounter, connections: CONNECTIONS, duration: SECONDS }))
    const perRequest = (ms: number) => (ms / Math.max(1, result.requests.total)).toFixed(1)
    const client = process.cpuUsage(before.client)
    const cpu = `CPU per request: server ${perRequest(cpuMilliseconds(tree()) - before.app)} ms, Meilisearch ${perRequest(
      cpuMilliseconds(engine) - before.engine,
    )} ms, autocannon ${perRequest((client.user + client.system) / 1000)} ms`
    results.set(name, result)
    const failed = result.non2xx + result.errors + result.timeouts
    const floorResult = floor ? results.get(floor) : undefined
    const vsFloor = floorResult ? `; ${(result.requests.average / floorResult.requests.average).toFixed(2)}× floor req/s` : ''
    const hits = counter.summary()
    report(
      `load ${name}`,
      `${result.requests.average.toFixed(0)} req/s`,
      `p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms${vsFloor}; ${hits ? `${hits} (warm-up: ${warm.miss} misses); ` : ''}${writes === undefined ? '' : `${writes} listing edits meanwhile; `}${cpu}; ${(
        result.throughput.average /
        Math.max(1, result.requests.average) /
        1024
      ).toFixed(1)} KB per response${failed ? `; ${failed} failed!` : ''}`,
    )
  }

  const floorOne = 'floor: raw Meilisearch, the search page’s multi-search'
  const floorRotating = `floor: raw Meilisearch, ${queries.length} rotating queries`
  await measure(floorOne, { ...multiSearch, body: rawBody }, null)
  await measure(floorRotating, { ...multiSearch, requests: [{ ...rotating(rawBodies, (body) => ({ body })) }] }, null)

  // Signed-in readers are never served from the page cache, but do share the engine answers: the page cache off is
  // measured with the search cache off (every request asks the engine) and on, one after the other.
  const modes = [
    { pageCache: 'on', searchCache: 'on', label: 'page cache on' },
    { pageCache: 'off', searchCache: 'off', label: 'page cache off, search cache off' },
    { pageCache: 'off', searchCache: 'on', label: 'page cache off, search cache on' },
  ] as const
  for (const mode of modes) {
    const server = await startServer(command, args, serverEnv(mode.pageCache, mode.searchCache))
    try {
      const page = (pathname: string) => ({ url: server.baseUrl, headers: BROWSER, requests: [{ method: 'GET', path: pathname }] })
      const paths = queries.map((q) => `/search?q=${encodeURIComponent(q)}`)
      const rotatingPage = { ...page('/search'), requests: [{ method: 'GET', ...rotating(paths, (p) => ({ path: p })) }] }
      type Target = [string, Parameters<typeof autocannon>[0], string?]
      // The home page asks the engine nothing: the search cache changes nothing there, nor on /healthz.
      const engineFree = mode.searchCache === 'on' && mode.pageCache === 'off'
      const targets: Target[] = [
        ['/search?q=煤机', page(`/search?q=${encodeURIComponent('煤机')}`), floorOne],
        [`/search, ${queries.length} rotating queries`, rotatingPage, floorRotating],
        ...(engineFree ? [] : [['/', page('/')] as Target]),
        ['/listings/:id', page(`/listings/${listing!.id}`)],
        ...(engineFree ? [] : [['/healthz', page('/healthz')] as Target]),
      ]
      for (const [name, options, floor] of targets) await measure(`${name} (${mode.label})`, options, server, floor)
      if (mode.pageCache === 'on' && databaseUrl)
        await measure(
          `/search, ${queries.length} rotating queries, a listing edit every ${TRICKLE_INTERVAL_MS} ms (${mode.label})`,
          rotatingPage,
          server,
          floorRotating,
          (run) => withWriteTrickle(handle, listing!.id, TRICKLE_INTERVAL_MS, run),
        )
      const node = processTree(server.pid).filter((pid) => processName(pid).startsWith('node'))
      const memory = groupMemory(node)
      report(
        `server memory after the load test (${mode.label})`,
        `RSS sum ${memory.rss.toFixed(0)} MB, PSS sum ${memory.pss.toFixed(0)} MB`,
        `${node.length} node process(es), RSS / PSS / anonymous: ${memory.each
          .map((p) => `${p.rss.toFixed(0)} / ${p.pss.toFixed(0)} / ${p.anonymous.toFixed(0)}`)
          .join(' + ')} MB (RSS counts the shared node binary once per process; PSS shares it out)`,
      )
    } finally {
      await server.stop()
    }
  }
}
