import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'

type Report = (measure: string, figure: string, notes: string) => void

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const ms = (n: number) => `${n.toFixed(1)} ms`

async function timed(runs: number, work: () => Promise<unknown>) {
  await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await work()
    times.push(performance.now() - t)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/**
 * `npm run bench -- dashboard [--matches=20000]`: adds matches with three stage changes each through the
 * rollup triggers (their write cost is reported), then times the province overview loader against the raw
 * SQL it runs over the rollup tables, side by side, and streams an XLSX export.
 */
export async function benchDashboard({ db, report, matches }: { db: Database; report: Report; matches: number }) {
  const rows = async <T>(statement: ReturnType<typeof sql>) => {
    const result = (await db.execute(statement)) as unknown
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
  }
  console.log(`\ndashboard: ${matches.toLocaleString()} more matches, 3 stage changes each, through the rollup triggers`)
  let t = performance.now()
  const [{ before }] = await rows<{ before: number }>(sql`select coalesce(max(id), 0)::int as before from matches`)
  await db.execute(sql`
    with ls as (select array_agg(id) as a from listings where status <> 'draft'),
         os as (select array_agg(id) as a from organisations where kind <> 'government')
    insert into matches (listing_id, initiator_organisation_id, partner_organisation_id, type, stage, created_at, outcome)
    select ls.a[1 + (g::bigint * 7919) % array_length(ls.a, 1)], os.a[1 + (g::bigint * 104729) % array_length(os.a, 1)], os.a[1 + (g::bigint * 15485863) % array_length(os.a, 1)],
      (array['internship', 'teacher_practice', 'joint_lab', 'industry_college', 'tech_transfer'])[1 + g % 5], 'signed',
      now() - ((g % 1000) || ' days')::interval, jsonb_build_object('internsPlaced', g % 10, 'internDays', (g % 10) * 30)
    from generate_series(1, ${matches}) g, ls, os`)
  const insertMatches = performance.now() - t
  t = performance.now()
  await db.execute(sql`
    insert into match_events (match_id, kind, from_stage, to_stage, created_at)
    select m.id, 'stage_change', s.f, s.t, m.created_at + s.k * interval '3 days'
    from matches m cross join (values (null, 'contact', 0), ('contact', 'negotiation', 1), ('negotiation', 'signed', 2)) s(f, t, k)
    where m.id > ${before}`)
  const insertEvents = performance.now() - t
  report(
    'dashboard: insert matches (triggers)',
    ms(insertMatches),
    `${matches.toLocaleString()} rows, ${((insertMatches / matches) * 1000).toFixed(0)} µs each`,
  )
  report(
    'dashboard: insert stage changes (triggers)',
    ms(insertEvents),
    `${(matches * 3).toLocaleString()} rows, ${((insertEvents / (matches * 3)) * 1000).toFixed(0)} µs each`,
  )
  const [counts] = await rows<
    Record<string, number>
  >(sql`select (select count(*) from organisations)::int as orgs, (select count(*) from listings)::int as listings,
    (select count(*) from match_events)::int as events, (select count(*) from metric_daily)::int as rollup_rows, (select count(*) from metric_ledger)::int as ledger_rows`)
  report(
    'dashboard: data',
    `${counts!.events.toLocaleString()} match events`,
    `${counts!.orgs} orgs, ${counts!.listings} listings, ${counts!.rollup_rows} rollup rows, ${counts!.ledger_rows} ledger rows`,
  )

  const { createUserSession } = await import('../../app/domain/accounts/session.server')
  const [official] = await rows<{ id: number }>(sql`select id from users where gov_scope_type = 'province' limit 1`)
  const cookie = (await createUserSession({ userId: official!.id, activeOrganisationId: null })).split(';')[0]!
  const { loader } = await import('../../app/routes/gov._index')
  const { parseGovQuery } = await import('../../app/domain/metrics/gov-query.server')
  const { rollupSlice } = await import('../../app/domain/metrics/rollups.server')
  const { inList } = await import('../../app/domain/metrics/sql.server')
  const { OUTCOME_FIGURES } = await import('../../app/lib/gov-figures')
  const OVERVIEW_MEASURES = ['listings', 'entered', 'income', ...OUTCOME_FIGURES.flatMap((f) => f.measures.map((m) => `outcome:${m}`))]
  const { actorFrom, getSessionUser } = await import('../../app/domain/accounts/session.server')
  const request = () => new Request('http://localhost/gov?preset=last_12_months', { headers: { Cookie: cookie } })
  const actor = actorFrom(await getSessionUser(request()))
  const q = parseGovQuery({ actor: actor as never, params: { preset: 'last_12_months' } })
  const p = q.period
  const raw = () =>
    Promise.all([
      db.execute(sql`select measure, type, direction, stage,
        sum(value) filter (where day between ${p.from} and ${p.to}) as current,
        sum(value) filter (where day between ${p.previous.from} and ${p.previous.to}) as previous
        from metric_daily where ${rollupSlice(q)} and measure in ${inList(OVERVIEW_MEASURES)}
          and day between ${p.previous.from} and ${p.to} group by 1, 2, 3, 4`),
      db.execute(sql`select count(distinct organisation_id) from metric_org_daily where day between ${p.from} and ${p.to} and value > 0`),
      db.execute(
        sql`select count(distinct organisation_id) from metric_org_daily where day between ${p.previous.from} and ${p.previous.to} and value > 0`,
      ),
    ])
  const runs = 40
  const loaderTimes = await timed(runs, () => loader({ request: request(), params: {}, context: {} }))
  const rawTimes = await timed(runs, raw)
  report(
    'dashboard: province overview loader',
    `p50 ${ms(loaderTimes.p50)}, p95 ${ms(loaderTimes.p95)}`,
    `${runs} runs, last 12 months, session + scope + rollups`,
  )
  report(
    'dashboard: raw SQL over rollups',
    `p50 ${ms(rawTimes.p50)}, p95 ${ms(rawTimes.p95)}`,
    `same queries, same run; loader/raw p95 = ${(loaderTimes.p95 / rawTimes.p95).toFixed(2)}×`,
  )

  const { buildTable } = await import('../../app/domain/metrics/tables.server')
  const { xlsxStreamResponse } = await import('../../app/domain/metrics/export.server')
  t = performance.now()
  const heapBefore = process.memoryUsage().rss
  const table = await buildTable(q, 'records', new URLSearchParams('figure=stage&stage=contact'), 'zh-CN')
  const response = xlsxStreamResponse(table, 'bench')
  let bytes = 0
  const reader = response.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
  }
  report(
    'dashboard: XLSX export of records',
    ms(performance.now() - t),
    `${table.rows.length.toLocaleString()} rows, ${(bytes / 1e6).toFixed(1)} MB, RSS +${((process.memoryUsage().rss - heapBefore) / 1e6).toFixed(0)} MB`,
  )
}
