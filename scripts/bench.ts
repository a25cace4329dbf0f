import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDatabase, dropDatabase, postgresAnswers } from '../test/setup/postgres'

/**
 * `npm run bench` — prints figures, never fails on a time. Measures on a throwaway database
 * and a private Meilisearch: demo seed time, outbox→index time for the demo data, and search
 * latency through the app's search facade side by side with raw Meilisearch for the same queries.
 */
const QUERIES = ['煤机', '智能制造', '信创', '碳化硅', '实习', '新能源汽车', '液压支架', '镁合金', '大数据', '教师实践', '产业学院', '太原', '']
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20)

const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-bench-'))
const databaseName = `jcj_bench_${process.pid}`
const usePostgres = await postgresAnswers()
process.env.DATA_DIR = dataDir
process.env.SEARCH_INDEX_PREFIX = 'bench_'
delete process.env.MEILI_URL
if (usePostgres) process.env.DATABASE_URL = await createDatabase(databaseName)
else delete process.env.DATABASE_URL

const { openMigratedDatabase } = await import('./lib/boot')
const { startSearch } = await import('./lib/search')
const { seedDemoData } = await import('../db/seed')
const { createOutboxIndexer } = await import('../search/indexer')
const { searchListings } = await import('../app/search.server')

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const ms = (n: number) => `${n.toFixed(1)} ms`

const { env, handle } = await openMigratedDatabase()
const search = await startSearch(env)
if (!search) throw new Error('search unavailable')
const results: [string, string, string][] = []

let t = performance.now()
const summary = await seedDemoData({ db: handle.db })
results.push(['demo seed', `${((performance.now() - t) / 1000).toFixed(2)} s`, `${summary.organisations} orgs, ${summary.listings} listings, ${summary.matches} matches (${handle.driver})`])

t = performance.now()
const indexer = createOutboxIndexer({ db: handle.db, client: search.runtime.client, names: search.runtime.names })
const indexed = await indexer.drainAll()
results.push(['outbox → index (demo data)', `${((performance.now() - t) / 1000).toFixed(2)} s`, `${indexed} outbox rows`])

const params = (q: string) => ({ q, clusters: [], types: [], cities: [], orgKinds: [], directions: [], sort: 'relevance' as const, page: 1, perPage: 20 })
const raw: number[] = []
const facade: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  for (const q of QUERIES) {
    t = performance.now()
    await search.runtime.client.index(search.runtime.names.listings).search(q, { hitsPerPage: 20, facets: ['clusters', 'type', 'city', 'organisationKind', 'direction'] })
    raw.push(performance.now() - t)
    t = performance.now()
    await searchListings(params(q))
    facade.push(performance.now() - t)
  }
}
results.push(['raw Meilisearch search p50 / p95', `${ms(percentile(raw, 50))} / ${ms(percentile(raw, 95))}`, `${raw.length} queries, keep-alive client`])
results.push(['app searchListings p50 / p95', `${ms(percentile(facade, 50))} / ${ms(percentile(facade, 95))}`, `ratio p95 ${(percentile(facade, 95) / percentile(raw, 95)).toFixed(2)}× (adds highlighting, disjunctive facets)`])

console.log('\n| measure | figure | notes |\n|---|---|---|')
for (const [name, figure, notes] of results) console.log(`| ${name} | ${figure} | ${notes} |`)

await search.stop()
await handle.close()
if (usePostgres) await dropDatabase(databaseName)
rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
