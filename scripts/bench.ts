import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { startBenchResults } from './lib/bench-results'
import { createDatabase, dropDatabase, postgresAnswers } from './lib/postgres-admin'

/**
 * `npm run bench [-- search|import|publish]`; `npm run bench -- scale search publish [--listings=500000]`
 * grows the data first, so search and publish are measured at scale — prints figures side by side, never fails on a time.
 * Runs on a throwaway database (local Postgres when it answers, else PGlite) and a private
 * Meilisearch, so it never touches the data of `npm start`. `--generated` fills it with the generator instead of the demo seed
 * (see scripts/lib/bench-generated.ts); `recommend --database=<url>` measures recommendations on an existing database. Every run writes its rows and the machine to test/bench-results/latest.json.
 */
const sections = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const DASHBOARD_MATCHES = Number(process.argv.find((a) => a.startsWith('--matches='))?.split('=')[1] ?? 20_000)
// `scale` (500,000 listings), `matches` (5,000,000 match events) and `dashboard` (writes through the rollup
// triggers) are heavy: only when asked for by name.
const wants = (name: string) =>
  (sections.length === 0 && !['scale', 'matches', 'dashboard', 'export'].includes(name)) || sections.includes(name)
const MATCH_EVENTS = Number(process.argv.find((a) => a.startsWith('--events='))?.split('=')[1] ?? 5_000_000)
const SCALE_LISTINGS = Number(process.argv.find((a) => a.startsWith('--listings='))?.split('=')[1] ?? 500_000)
// --generated: the data comes from the generator at --orgs/--listings/--events (scripts/lib/bench-generated.ts), nothing is grown.
const GENERATED = process.argv.includes('--generated')
// --database=postgres://…: an existing, filled database (the shared scale one, npm run data:generate) instead of a
// throwaway one: nothing seeded, generated, grown or dropped; only the read-only sections (dashboard, export, matches) run.
const EXISTING = process.argv.find((a) => a.startsWith('--database='))?.slice('--database='.length)
const EXPORT_ROWS = Number(process.argv.find((a) => a.startsWith('--export-rows='))?.split('=')[1] ?? 50_000)
const readOnly = (names: string[]) => names.length > 0 && names.every((s) => s === 'dashboard' || s === 'export' || s === 'matches')
if (EXISTING && !readOnly(sections) && !(sections.length === 1 && sections[0] === 'recommend')) {
  console.error(
    '✖ --database=… runs only the read-only sections: npm run bench -- dashboard export matches --database=…, or npm run bench -- recommend --database=…',
  )
  process.exit(1)
}
const results = startBenchResults()

// Matching's pure allocation section needs no database (scripts/lib/bench-matching.ts).
const { benchAllocation, benchRecommend, growForRecommend } = await import('./lib/bench-matching')
const allocationRows = wants('allocation') ? benchAllocation(([m, f, n]) => console.log(`  ${m}: ${f} (${n})`)) : []
if (sections.length && sections.every((s) => s === 'allocation')) {
  results.finish(allocationRows)
  process.exit(0)
}

// `recommend --database=<url>`: recommendation latency on a database someone else filled (e.g. the scale
// engineer's 500,000 listings), which the bench migrates and analyses but never writes rows to or drops.
if (EXISTING && !readOnly(sections)) {
  const { benchRecommendExisting } = await import('./lib/bench-matching')
  results.finish([...allocationRows, ...(await benchRecommendExisting(EXISTING))], { existing: true })
  process.exit(0)
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-bench-'))
const databaseName = `jcj_bench_${process.pid}`
const usePostgres = !EXISTING && (await postgresAnswers())
process.env.DATA_DIR = dataDir
process.env.SEARCH_INDEX_PREFIX = 'bench_'
delete process.env.MEILI_URL
if (EXISTING) process.env.DATABASE_URL = EXISTING
else if (usePostgres) process.env.DATABASE_URL = await createDatabase(databaseName)
else delete process.env.DATABASE_URL

const { openMigratedDatabase } = await import('./lib/boot')
const { startSearch } = await import('./lib/search')
const { seedDemoData } = await import('../db/seed')
const { createOutboxIndexer } = await import('../search/indexer')
const { searchListings } = await import('../app/search.server')
const { blankSearch } = await import('../app/lib/search-params')
const { checkImportFile, commitImport } = await import('../app/domain/listings/import.server')
const { createListing } = await import('../app/domain/listings/mutations.server')
const { importColumns } = await import('../app/lib/import-columns')
const { ListingSchema } = await import('../app/lib/schemas/listing')
const schema = await import('../db/schema')

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const ms = (n: number) => `${n.toFixed(1)} ms`
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(2)} s`
const rows: [string, string, string][] = [...allocationRows]
const report = (measure: string, figure: string, notes: string) => {
  rows.push([measure, figure, notes])
  console.log(`  ${measure}: ${figure} (${notes})`)
}

const { env, handle } = await openMigratedDatabase()
const search = await startSearch(env, handle.db, { autoReindex: false })
if (!search) throw new Error('search unavailable')
const indexer = createOutboxIndexer({ db: handle.db, client: search.indexingClient, names: search.runtime.names, idleDelayMs: 20 })

let t = performance.now()
if (EXISTING) console.log(`→ existing database ${handle.location}`)
else if (GENERATED) {
  const { prepareGenerated } = await import('./lib/bench-generated')
  await prepareGenerated({ handle, client: search.indexingClient, names: search.runtime.names, report })
} else {
  const summary = await seedDemoData({ db: handle.db })
  report(
    'demo seed',
    seconds(t),
    `${summary.organisations} orgs, ${summary.listings} listings, ${summary.matches} matches on ${handle.driver}`,
  )
  t = performance.now()
  const drained = await indexer.drainAll()
  report('outbox → index, demo data', seconds(t), `${drained} outbox rows`)
}

// An enterprise member to act as, for import and publish (never written into an existing database).
const [org] = EXISTING
  ? []
  : await handle.db
      .insert(schema.organisations)
      .values({
        kind: 'enterprise',
        name: '基准测试示例煤机有限公司',
        cityCode: 'jinzhong',
        verification: 'verified',
        staffCount: 5000,
        technicalPostCount: 1500,
        isDemo: true,
      })
      .returning()
const [user] = EXISTING
  ? []
  : await handle.db
      .insert(schema.users)
      .values({ email: 'bench@demo.jcj.example.cn', name: '基准测试', emailConfirmedAt: new Date() })
      .returning()
if (org && user) await handle.db.insert(schema.memberships).values({ userId: user.id, organisationId: org.id, role: 'admin' })
const actor = {
  kind: 'user' as const,
  userId: user?.id ?? 0,
  platformRole: 'user' as const,
  govScope: null,
  activeOrganisationId: org?.id ?? 0,
  memberships: [{ organisationId: org?.id ?? 0, role: 'admin' as const }],
}

if (wants('scale')) {
  const { growListings } = await import('./lib/scale')
  const { reindexAll } = await import('../search/reindex')
  const { loadListingDocuments } = await import('../search/documents')
  const { listingIndexSettings } = await import('../search/settings')
  const { createProgress } = await import('./lib/progress')
  const { sql: rawSql } = await import('drizzle-orm')
  console.log(`\nscale: ${SCALE_LISTINGS.toLocaleString()} published listings`)
  const progress = createProgress()
  const [{ n: published }] = (await handle.db
    .select({ n: rawSql<number>`count(*)::int` })
    .from(schema.listings)
    .where(rawSql`status = 'published'`)) as { n: number }[]
  t = performance.now()
  await growListings(handle, GENERATED ? 0 : Math.max(0, SCALE_LISTINGS - published), progress.update)
  progress.stop()
  report(`grow to ${SCALE_LISTINGS.toLocaleString()} listings`, seconds(t), 'COPY with triggers off, rollups rebuilt set-based')

  // Raw bulk add: the same documents, built and serialised beforehand (5,000 a batch, as JSON text: 500,000
  // document objects outgrow a 4 GB heap), straight into a fresh index.
  const ids = (
    await handle.db
      .select({ id: schema.listings.id })
      .from(schema.listings)
      .where(rawSql`status = 'published'`)
      .orderBy(schema.listings.id)
  ).map((r) => r.id)
  const batches: string[] = []
  for (let i = 0; i < ids.length; i += 5000) batches.push(JSON.stringify(await loadListingDocuments(handle.db, ids.slice(i, i + 5000))))
  const rawUid = `${search.runtime.names.listings}_raw`
  await search.indexingClient.createIndex(rawUid, { primaryKey: 'id' }).waitTask()
  await search.indexingClient.index(rawUid).updateSettings(listingIndexSettings).waitTask()
  t = performance.now()
  await Promise.all(
    batches.map((batch) =>
      search.indexingClient.index(rawUid).addDocumentsFromString(batch, 'application/json', { primaryKey: 'id' }).waitTask(),
    ),
  )
  const rawAdd = (performance.now() - t) / 1000
  report('raw bulk add', `${rawAdd.toFixed(1)} s`, `${ids.length.toLocaleString()} documents prebuilt and serialised in memory`)
  batches.length = 0

  t = performance.now()
  const counts = await reindexAll({
    db: handle.db,
    client: search.indexingClient,
    names: search.runtime.names,
    onProgress: progress.update,
  })
  progress.stop()
  const reindexTime = (performance.now() - t) / 1000
  report(
    'npm run search:reindex equivalent',
    `${reindexTime.toFixed(1)} s`,
    `${counts.listings.toLocaleString()} listings; ${(reindexTime / rawAdd).toFixed(2)}× raw bulk add (reads Postgres too)`,
  )

  await search.indexingClient.deleteIndex(rawUid).waitTask()
}

// `recommend-scale` grows to --listings (default 500,000) first and measures latency only; by name only.
if (wants('recommend') || sections.includes('recommend-scale')) {
  if (sections.includes('recommend-scale') && !GENERATED) await growForRecommend(SCALE_LISTINGS)
  const evaluate = !wants('scale') && !sections.includes('recommend-scale')
  rows.push(...(await benchRecommend({ searchListings, blankSearch, evaluate, log: ([m, f, n]) => console.log(`  ${m}: ${f} (${n})`) })))
}

if (wants('search')) {
  console.log('\nsearch page: app loader against the engine floor, same requests, same run')
  const { Meilisearch } = await import('meilisearch')
  const { Agent, request } = await import('undici')
  const { pageMultiSearchBody } = await import('./lib/bench-load')
  const { loader } = await import('../app/routes/search')
  const cases = [
    ...['煤机', '智能制造', '信创', '碳化硅', '实习', '新能源汽车', '液压支架', '镁合金', '大数据', '教师实践', '产业学院', '太原', ''].map(
      (q) => `q=${encodeURIComponent(q)}`,
    ),
    // Typos cost the page more than one search (the query as typed finds nothing, then the corrected one);
    // the floor is the first body only, so these count the correction's round trips against the page.
    ...['碳化归', '点运标注', 'Jave 开发'].map((q) => `q=${encodeURIComponent(q)}`),
    // Queries all in pinyin: fajiao is also run spelt in Chinese (发酵), two searches against the floor's one.
    ...['fajiao', 'xny'].map((q) => `q=${encodeURIComponent(q)}`),
    // Selected facets add one facet-count query each to the page's multi-search.
    `q=${encodeURIComponent('实习')}&type=internship&city=jinzhong`,
    'cluster=coal_machinery&cluster=nev&dir=offer',
  ]
  const { host, apiKey } = search.runtime.client.config as { host: string; apiKey?: string }
  // The exact multi-search body the page sends for each case, captured from the app's own request builder.
  const bodies = new Map<string, string>()
  for (const query of cases) bodies.set(query, await pageMultiSearchBody(host, search.runtime.names.listings, query))
  const floorPool = new Agent({ keepAliveTimeout: 30_000, connections: 8 })
  const headers = { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) }
  const multiSearchUrl = new URL('multi-search', host.endsWith('/') ? host : `${host}/`)
  async function rawMultiSearch(body: string) {
    const response = await request(multiSearchUrl, { method: 'POST', headers, body, dispatcher: floorPool })
    const json = (await response.body.json()) as { results: { processingTimeMs: number }[] }
    return json.results.reduce((sum, r) => sum + r.processingTimeMs, 0)
  }
  // meilisearch-js on its default transport (fetch, keep-alive dispatcher), what the app used before.
  const onFetch = new Meilisearch({ host, apiKey, requestInit: { dispatcher: new Agent({ keepAliveTimeout: 30_000 }) } as RequestInit })
  const loadPage = async (query: string) =>
    (await loader({ request: new Request(`http://bench.local/search?${query}`), params: {}, context: {} } as never)) as {
      result: { engine?: string }
    }

  const engine: number[] = []
  const raw: number[] = []
  const viaFetch: number[] = []
  const app: number[] = []
  let fallbacks = 0
  const ROUNDS = 20
  for (let round = -1; round < ROUNDS; round++) {
    for (const query of cases) {
      const body = bodies.get(query)!
      t = performance.now()
      const processing = await rawMultiSearch(body)
      const rawTime = performance.now() - t
      t = performance.now()
      await onFetch.multiSearch(JSON.parse(body))
      const fetchTime = performance.now() - t
      t = performance.now()
      const page = await loadPage(query)
      const appTime = performance.now() - t
      if (round < 0) continue // warm-up
      if (page.result.engine !== 'meilisearch') fallbacks++
      engine.push(processing)
      raw.push(rawTime)
      viaFetch.push(fetchTime)
      app.push(appTime)
    }
  }
  const p = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`
  const n = `${cases.length} requests × ${ROUNDS} rounds`
  report('engine processingTimeMs p50 / p95', p(engine), `${n}, summed over each multi-search's queries`)
  report('floor: raw undici.request p50 / p95', p(raw), 'keep-alive pool, the exact multi-search body the page sends')
  report(
    'meilisearch-js on fetch p50 / p95',
    p(viaFetch),
    `${(percentile(viaFetch, 95) / percentile(raw, 95)).toFixed(2)}× floor p95 (default transport)`,
  )
  report(
    'app search page loader p50 / p95',
    p(app),
    `${(percentile(app, 50) / percentile(raw, 50)).toFixed(2)}× floor p50, ${(percentile(app, 95) / percentile(raw, 95)).toFixed(2)}× floor p95 (target ≤ 1.5×)${fallbacks ? `; ${fallbacks} fell back to Postgres!` : ''}`,
  )
}

if (wants('publish')) {
  console.log('\npublish → searchable')
  indexer.start()
  const latencies: number[] = []
  for (let i = 0; i < 100; i++) {
    const marker = `基准${i.toString(36)}${Date.now().toString(36)}`
    const input = ListingSchema.parse({
      direction: 'offer',
      type: 'internship',
      title: `综采液压支架装配实习 ${marker}`,
      description: '面向机电一体化技术专业学生，提供液压支架装配与调试岗位，配带教师傅，包住宿。',
      clusters: ['coal_machinery'],
      cityCode: 'jinzhong',
      capacity: '10',
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
      details: {
        majors: '机电一体化技术',
        headcount: '10',
        period: '春季学期',
        location: '晋中市',
        dailyHours: '8',
        stipendYuanPerMonth: '2000',
      },
    })
    t = performance.now()
    const id = await createListing({ actor, organisationId: org!.id, input, publish: true })
    indexer.kick()
    for (;;) {
      const { hits } = await search.runtime.client
        .index(search.runtime.names.listings)
        .search(marker, { hitsPerPage: 1, attributesToRetrieve: ['id'] })
      if (hits.some((h) => h.id === id)) break
      await new Promise((r) => setTimeout(r, 5))
    }
    latencies.push(performance.now() - t)
  }
  await indexer.stop()
  report(
    'publish → searchable p50 / p95',
    `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`,
    '100 publishes, indexer in process',
  )
}

if (wants('import')) {
  console.log('\nimport 10,000 rows')
  const file = path.join(dataDir, 'import-10000.xlsx')
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file })
  const sheet = writer.addWorksheet('导入')
  const columns = importColumns('internship')
  sheet.addRow(columns.map((c) => c.header)).commit()
  for (let i = 0; i < 10_000; i++) {
    sheet
      .addRow(
        columns.map((c) =>
          c.path === 'reference'
            ? `BENCH-${i}`
            : c.path === 'title'
              ? `液压支架装配实习 第 ${i} 批`
              : c.path === 'capacity' || c.path === 'details.headcount'
                ? String(5 + (i % 40))
                : c.exampleText,
        ),
      )
      .commit()
  }
  sheet.commit()
  await writer.commit()
  const bytes = new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(file)))
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
  t = performance.now()
  const check = await checkImportFile({ type: 'internship', file: { name: 'import.xlsx', bytes } })
  const checkTime = seconds(t)
  if (check.errors.length) console.log('import errors:', check.errors.slice(0, 3))
  const result = await commitImport({ actor, organisationId: org!.id, check })
  const total = seconds(t)
  clearInterval(sampler)
  report(
    'import 10,000-row XLSX (check + commit)',
    total,
    `check ${checkTime}; ${result.created} created, ${check.errors.length} errors; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
  )
  t = performance.now()
  await indexer.drainAll()
  report('imported rows → index', seconds(t), '10,000 listings through the outbox')
}

if (wants('dashboard')) {
  const { benchDashboard, generateSizes } = await import('./lib/bench-dashboard')
  await benchDashboard({
    handle,
    report,
    matches: DASHBOARD_MATCHES,
    generate: EXISTING ? null : generateSizes(process.argv),
    existing: !!EXISTING,
  })
}

if (wants('export')) {
  const { benchExport } = await import('./lib/bench-export')
  await benchExport({ handle, report, rows: EXPORT_ROWS })
}

if (wants('matches')) {
  const { growMatches } = await import('./lib/grow-matches')
  const { listMatches, getMatch } = await import('../app/domain/matches/queries.server')
  const { sql } = await import('drizzle-orm')
  t = performance.now()
  if (!GENERATED && !EXISTING) await growMatches(handle.db, { matches: 100_000, events: MATCH_EVENTS })
  const [{ events, matchCount }] = (await handle.db.execute(
    sql`select (select count(*)::int from match_events) as events, (select count(*)::int from matches) as "matchCount"`,
  )) as unknown as { events: number; matchCount: number }[]
  report('grow match events', seconds(t), `${events.toLocaleString('en')} events on ${matchCount.toLocaleString('en')} matches`)

  // The busiest organisation, and the match with the longest history among its matches.
  const [busiest] = (await handle.db.execute(sql`
    select o.id, count(*)::int as n from organisations o join matches m on o.id in (m.initiator_organisation_id, m.partner_organisation_id)
    group by o.id order by n desc limit 1`)) as unknown as { id: number; n: number }[]
  const [longest] = (await handle.db.execute(sql`
    select m.id from matches m where m.initiator_organisation_id = ${busiest!.id} or m.partner_organisation_id = ${busiest!.id}
    order by (select count(*) from match_events e where e.match_id = m.id) desc limit 1`)) as unknown as { id: number }[]
  const member = { ...actor, activeOrganisationId: busiest!.id, memberships: [{ organisationId: busiest!.id, role: 'admin' as const }] }
  const time = async (label: string, runs: number, work: () => Promise<unknown>, notes: string) => {
    for (let i = 0; i < 3; i++) await work()
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const s = performance.now()
      await work()
      times.push(performance.now() - s)
    }
    report(label, `p95 ${ms(percentile(times, 95))}`, `p50 ${ms(percentile(times, 50))}, ${runs} runs; ${notes}`)
  }
  await time(
    'match list loader (我的合作, page 1 + tab counts)',
    50,
    () => listMatches({ actor: member, organisationId: busiest!.id }),
    `organisation with ${busiest!.n.toLocaleString('en')} matches`,
  )
  await time(
    'match list, awaiting my confirmation',
    50,
    () => listMatches({ actor: member, organisationId: busiest!.id, filters: { tab: 'awaiting' } }),
    'same organisation',
  )
  await time('match page loader (timeline ≤ 300 events)', 50, () => getMatch({ actor: member, id: longest!.id }), `match ${longest!.id}`)
  const rawList = sql`select m.id, m.stage, m.last_activity_at from matches m
    where m.initiator_organisation_id = ${busiest!.id} or m.partner_organisation_id = ${busiest!.id} order by m.last_activity_at desc limit 20`
  const rawTimeline = sql`select * from match_events where match_id = ${longest!.id} order by created_at desc, id desc limit 300`
  await time('raw SQL: list page 1', 50, () => handle.db.execute(rawList), 'the list query alone')
  await time('raw SQL: timeline', 50, () => handle.db.execute(rawTimeline), 'the timeline query alone')
  for (const [name, query] of [
    ['list', rawList],
    ['timeline', rawTimeline],
  ] as const) {
    const plan = (await handle.db.execute(sql`explain (analyze, buffers, costs off) ${query}`)) as unknown as Record<string, string>[]
    console.log(`\nEXPLAIN ANALYZE ${name}:\n${plan.map((r) => Object.values(r)[0]).join('\n')}`)
  }
  const indexes = (await handle.db.execute(
    sql`select indexdef from pg_indexes where tablename in ('matches', 'match_events', 'match_proposals') order by tablename, indexname`,
  )) as unknown as { indexdef: string }[]
  console.log(`\nIndexes:\n${indexes.map((r) => r.indexdef).join('\n')}`)
}

// Last: with PGlite it hands the database over to the server it starts.
if (wants('load')) {
  const { benchLoad } = await import('./lib/bench-load')
  const { apiKey: searchKey } = search.runtime.client.config as { apiKey?: string }
  await benchLoad({
    handle,
    endpoint: search.endpoint,
    searchKey,
    indexName: search.runtime.names.listings,
    prefix: 'bench_',
    dataDir,
    report,
  })
}

results.finish(rows, { driver: handle.driver, generated: GENERATED })

await search.stop()
await handle.close().catch(() => {}) // the load test may have closed it already (PGlite)
if (usePostgres) await dropDatabase(databaseName)
rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
