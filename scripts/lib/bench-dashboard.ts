import { sql } from 'drizzle-orm'
import type { Database, DatabaseHandle } from '../../db/client'

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

/** `--generate --orgs=50000 --listings=500000 --events=5000000`: the data generator's sizes instead of grown demo matches. */
export function generateSizes(argv: string[]) {
  if (!argv.includes('--generate')) return null
  const size = (name: string, fallback: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
  return { orgs: size('orgs', 50_000), listings: size('listings', 500_000), events: size('events', 5_000_000) }
}

/**
 * `npm run bench -- dashboard [--matches=20000 | --generate --orgs=… --listings=… --events=…]`: either adds
 * matches with three stage changes each through the rollup triggers (their write cost is reported) or
 * replaces the demo data with `npm run data:generate`'s at the sizes given; then times the province overview
 * loader against the raw SQL it runs over the rollup tables, side by side, for three periods and a city
 * (exports: scripts/lib/bench-export.ts).
 */
export async function benchDashboard({
  handle,
  report,
  matches,
  generate,
  existing = false,
}: {
  handle: DatabaseHandle
  report: Report
  matches: number
  generate: { orgs: number; listings: number; events: number } | null
  /** The database is already filled (bench --database=…): nothing is grown or generated. */
  existing?: boolean
}) {
  const { db } = handle
  const rows = async <T>(statement: ReturnType<typeof sql>) => {
    const result = (await db.execute(statement)) as unknown
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
  }
  const t = performance.now()
  if (generate) {
    const { generateData } = await import('./generate')
    console.log(`\ndashboard: generating ${JSON.stringify(generate)}`)
    let shown = 0
    const summary = await generateData({
      handle,
      ...generate,
      force: true,
      onProgress: (step, done, total) => {
        if (performance.now() - shown < 10_000) return
        shown = performance.now()
        console.log(`  ${step} ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`)
      },
    })
    report(
      'dashboard: data:generate',
      `${((performance.now() - t) / 1000).toFixed(0)} s`,
      summary.phases.map((p) => `${p.phase} ${p.seconds.toFixed(0)} s`).join(', '),
    )
  } else if (!existing) await growThroughTriggers(db, report, matches)
  const [counts] = await rows<Record<string, number>>(sql`select (select count(*) from organisations)::int as orgs,
    (select count(*) from listings)::int as listings, (select count(*) from match_events)::int as events,
    (select count(*) from metric_daily)::int as daily_rows, (select count(*) from metric_monthly)::int as monthly_rows,
    (select count(*) from metric_org_daily)::int as org_daily_rows, (select count(*) from metric_org_monthly)::int as org_monthly_rows,
    (select count(*) from metric_org_active)::int as org_active_rows`)
  const n = (v: number) => v.toLocaleString('en')
  report(
    'dashboard: data',
    `${n(counts!.events)} match events`,
    `${n(counts!.orgs)} orgs, ${n(counts!.listings)} listings; rollup rows: ${n(counts!.daily_rows)} daily, ${n(counts!.monthly_rows)} monthly, ` +
      `${n(counts!.org_daily_rows)} org-daily, ${n(counts!.org_monthly_rows)} org-monthly, ${n(counts!.org_active_rows)} org-active`,
  )
  await db.execute(
    sql`analyze metric_daily; analyze metric_monthly; analyze metric_org_daily; analyze metric_org_monthly; analyze metric_org_active`,
  )

  const { createUserSession, actorFrom, getSessionUser } = await import('../../app/domain/accounts/session.server')
  const [official] = await rows<{ id: number }>(sql`select id from users where gov_scope_type = 'province' limit 1`)
  const cookie = (await createUserSession({ userId: official!.id, activeOrganisationId: null })).split(';')[0]!
  const { loader } = await import('../../app/routes/gov._index')
  const { parseGovQuery } = await import('../../app/domain/metrics/gov-query.server')
  const { overviewStatements } = await import('../../app/domain/metrics/overview.server')
  const runs = 40
  const cases = [
    ['this_year', {}],
    ['last_12_months', {}],
    ['last_year', {}],
    ['last_12_months', { city: 'taiyuan' }],
  ] as const
  for (const [preset, narrow] of cases) {
    const params = { preset, ...narrow }
    const request = () => new Request(`http://localhost/gov?${new URLSearchParams(params)}`, { headers: { Cookie: cookie } })
    const actor = actorFrom(await getSessionUser(request()))
    const q = parseGovQuery({ actor: actor as never, params })
    const scope = 'city' in narrow ? `, city ${narrow.city}` : ''
    // The floor: the loader's own statements over the rollup tables, sent straight to the database, as the loader sends them (in
    // parallel): metric_monthly and a few days of metric_daily for the sums; metric_org_active for the whole months, plus an edge
    // month of metric_org_monthly and a few days of metric_org_daily, for organisations active.
    const raw = () => Promise.all(overviewStatements(q).map((statement) => db.execute(statement)))
    const loaderTimes = await timed(runs, () => loader({ request: request(), params: {}, context: {} }))
    const rawTimes = await timed(runs, raw)
    report(
      `dashboard: province overview loader, ${preset}${scope}`,
      `p50 ${ms(loaderTimes.p50)}, p95 ${ms(loaderTimes.p95)}`,
      `${runs} runs, ${q.period.from} – ${q.period.to}: session + scope + rollups`,
    )
    report(
      `dashboard: raw SQL over rollups, ${preset}${scope}`,
      `p50 ${ms(rawTimes.p50)}, p95 ${ms(rawTimes.p95)}`,
      `the overview's statements alone, same run; loader/raw p95 = ${(loaderTimes.p95 / rawTimes.p95).toFixed(2)}×`,
    )
  }
}

async function growThroughTriggers(db: Database, report: Report, matches: number) {
  const rows = async <T>(statement: ReturnType<typeof sql>) => {
    const result = (await db.execute(statement)) as unknown
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
  }
  let t = performance.now()
  console.log(`\ndashboard: ${matches.toLocaleString()} more matches, 3 stage changes each, through the rollup triggers`)
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
}
