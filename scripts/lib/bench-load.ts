import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import autocannon, { type Result } from 'autocannon'
import getPort from 'get-port'
import { Meilisearch } from 'meilisearch'
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/client'
import { parseSearchParams } from '../../app/lib/search-params'
import { searchListingIndex } from '../../search/listing-search'
import type { SearchEndpoint } from '../../search/client'
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

function rssMegabytes(pid: number) {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb ?? 0) / 1024
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

/**
 * `npm run bench -- load`: the production server (compiled, as `npm start` runs it) on loopback, on the
 * bench's database and Meilisearch, under autocannon at 10 connections for a bounded time per page,
 * beside the floor: raw Meilisearch answering the search page's own multi-search at the same concurrency.
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
  const databaseUrl = handle.driver === 'postgres' ? process.env.DATABASE_URL : undefined
  if (!databaseUrl) await handle.close()

  const compiled = existsSync('build/serve.js') && process.env.LOAD_SERVER !== 'tsx'
  const [command, args] = compiled ? [process.execPath, ['build/serve.js']] : [path.resolve('node_modules/.bin/tsx'), ['scripts/serve.ts']]
  const port = await getPort()
  const baseUrl = `http://127.0.0.1:${port}`
  let exited = false
  const server = spawn(command, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      MEILI_URL: endpoint.url,
      MEILI_MASTER_KEY: endpoint.apiKey ?? '',
      SEARCH_INDEX_PREFIX: prefix,
      SEED_ON_START: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  server.once('exit', () => (exited = true))
  try {
    await waitForHealth(baseUrl, () => exited)
    const rawBody = await pageMultiSearchBody(endpoint.url, indexName, 'q=煤机')
    const key = searchKey ?? endpoint.apiKey
    const floor = {
      url: new URL('multi-search', endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`).href,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: rawBody,
    }
    const targets: [string, Parameters<typeof autocannon>[0]][] = [
      ['floor: raw Meilisearch, the search page’s multi-search', floor],
      ['/search?q=煤机', { url: `${baseUrl}/search?q=${encodeURIComponent('煤机')}`, headers: BROWSER }],
      ['/', { url: `${baseUrl}/`, headers: BROWSER }],
      [`/listings/:id`, { url: `${baseUrl}/listings/${listing!.id}`, headers: BROWSER }],
      ['/healthz', { url: `${baseUrl}/healthz`, headers: BROWSER }],
    ]
    const results = new Map<string, Result>()
    // The bench's own Meilisearch is this process's child; the server under test uses it too.
    const engine = processTree(process.pid).filter((pid) => processName(pid) === 'meilisearch')
    console.log(`\nload test: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target, ${compiled ? 'node build/serve.js' : 'tsx'}`)
    for (const [name, options] of targets) {
      await autocannon({ ...options, connections: CONNECTIONS, duration: 1 }) // warm-up
      const before = { app: cpuMilliseconds(processTree(server.pid!)), engine: cpuMilliseconds(engine), client: process.cpuUsage() }
      const result = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS })
      const perRequest = (ms: number) => (ms / Math.max(1, result.requests.total)).toFixed(1)
      const client = process.cpuUsage(before.client)
      const cpu = `CPU per request: server ${perRequest(cpuMilliseconds(processTree(server.pid!)) - before.app)} ms, Meilisearch ${perRequest(
        cpuMilliseconds(engine) - before.engine,
      )} ms, autocannon ${perRequest((client.user + client.system) / 1000)} ms`
      results.set(name, result)
      const failed = result.non2xx + result.errors + result.timeouts
      const vsFloor =
        name.startsWith('/search') && results.size > 1
          ? `; ${(result.requests.average / results.values().next().value!.requests.average).toFixed(2)}× floor req/s`
          : ''
      report(
        `load ${name}`,
        `${result.requests.average.toFixed(0)} req/s`,
        `p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms${vsFloor}; ${cpu}; ${(
          result.throughput.average /
          Math.max(1, result.requests.average) /
          1024
        ).toFixed(1)} KB per response${failed ? `; ${failed} failed!` : ''}`,
      )
    }
    const tree = processTree(server.pid!)
    const node = tree.filter((pid) => processName(pid).startsWith('node'))
    const total = node.reduce((sum, pid) => sum + rssMegabytes(pid), 0)
    report(
      'server RSS after the load test',
      `${total.toFixed(0)} MB`,
      `${node.length} node process(es): ${node.map((pid) => `${rssMegabytes(pid).toFixed(0)}`).join(' + ')} MB`,
    )
  } finally {
    const gone = new Promise((r) => (exited ? r(null) : server.once('exit', r)))
    server.kill('SIGTERM')
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))])
    if (!exited) server.kill('SIGKILL')
  }
}
