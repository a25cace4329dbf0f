import fc from 'fast-check'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { listingClusters, listings, matchEvents, matches, organisationClusters, organisations } from '../../db/schema'
import { MATCH_STAGES, taxonomy } from '../../db/reference'
import { uniqueViolation } from '../../db/errors'
import type { GovQuery } from '../../app/domain/metrics/gov-query.server'
import { activeOrganisationsStatement, rollupSlice, rollupSums } from '../../app/domain/metrics/rollups.server'

/**
 * The rollups (migration 0006 triggers, 0013's monthly tables, 0022's active months) against a from-scratch computation written here in TypeScript,
 * after random sequences of the writes the app makes: organisations, listings, clusters, matches,
 * outcomes and stage changes inserted, updated and deleted in any order.
 */
const DAY = 86_400_000
const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
const CITIES = ['taiyuan', 'datong', 'jinzhong']
const CLUSTERS = taxonomy.clusters.slice(0, 3).map((c) => c.code)
const TYPES = ['internship', 'tech_transfer', 'joint_lab']
const T0 = Date.UTC(2025, 11, 31, 10)

type Row = { id: number } & Record<string, unknown>

async function expected() {
  const [orgs, ls, lcs, ocs, ms, evs] = await Promise.all([
    db.select().from(organisations),
    db.select().from(listings),
    db.select().from(listingClusters),
    db.select().from(organisationClusters),
    db.select().from(matches),
    db.select().from(matchEvents),
  ])
  const daily = new Map<string, number>()
  const orgDaily = new Map<string, number>()
  const add = (key: unknown[], v: number) => daily.set(JSON.stringify(key), (daily.get(JSON.stringify(key)) ?? 0) + v)
  const active = (orgId: number, day: string) => {
    const org = orgs.find((o) => o.id === orgId)!
    const key = JSON.stringify([day, orgId, org.cityCode])
    orgDaily.set(key, (orgDaily.get(key) ?? 0) + 1)
  }
  const clustersOfListing = (id: number) => ['', ...lcs.filter((c) => c.listingId === id).map((c) => c.clusterCode)]
  for (const l of ls) {
    if (l.status === 'draft' || !l.publishedAt) continue
    const day = beijingDay(l.publishedAt)
    for (const c of clustersOfListing(l.id)) {
      add([day, l.cityCode, c, l.type, l.direction, '', 0, 'listings'], 1)
      add([day, l.cityCode, c, l.type, l.direction, '', 0, 'capacity'], l.capacity!)
    }
    active(l.organisationId, day)
  }
  for (const m of ms) {
    const listing = ls.find((l) => l.id === m.listingId)
    const initiator = orgs.find((o) => o.id === m.initiatorOrganisationId)!
    const city = listing?.cityCode ?? initiator.cityCode
    const clusters = listing
      ? clustersOfListing(listing.id)
      : ['', ...ocs.filter((c) => c.organisationId === initiator.id).map((c) => c.clusterCode)]
    const facts: [string, string, string, number, number][] = []
    const events = evs
      .filter((e) => e.matchId === m.id && e.kind === 'stage_change' && e.toStage)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
    events.forEach((e, i) => {
      const day = beijingDay(e.createdAt)
      facts.push([day, 'entered', e.toStage!, 0, 1])
      const prev = events[i - 1]
      if (prev)
        facts.push([day, 'dwell', prev.toStage!, Math.max(0, Math.floor((e.createdAt.getTime() - prev.createdAt.getTime()) / DAY)), 1])
      if (i === 0 && listing?.publishedAt)
        facts.push([day, 'dwell', 'published', Math.max(0, Math.floor((e.createdAt.getTime() - listing.publishedAt.getTime()) / DAY)), 1])
      for (const orgId of new Set([m.initiatorOrganisationId, m.partnerOrganisationId])) active(orgId, day)
    })
    const outcomeDay = beijingDay(m.completedAt ?? m.signedAt ?? m.createdAt)
    for (const [key, value] of Object.entries(m.outcome as Record<string, unknown>)) {
      if (typeof value === 'number') facts.push([outcomeDay, `outcome:${key}`, '', 0, Math.round(value)])
      if (key === 'incomeByYear' && value && typeof value === 'object')
        for (const [year, income] of Object.entries(value))
          if (/^\d{4}$/.test(year) && typeof income === 'number') facts.push([`${year}-01-01`, 'income', '', 0, income])
    }
    for (const c of clusters)
      for (const [day, measure, stage, bucket, v] of facts) add([day, city, c, m.type, '', stage, bucket, measure], v)
  }
  const nonZero = (map: Map<string, number>) =>
    [...map]
      .filter(([, v]) => v !== 0)
      .map(([k, v]) => JSON.stringify([...JSON.parse(k), v]))
      .sort()
  // Migration 0013's monthly tables: the same sums per month, dwell left out; an organisation's city is its latest.
  const monthly = new Map<string, number>()
  for (const [k, v] of daily) {
    const [day, city, cluster, type, direction, stage, , measure] = JSON.parse(k) as [string, ...unknown[]]
    if (measure === 'dwell') continue
    const key = JSON.stringify([`${day.slice(0, 7)}-01`, city, cluster, type, direction, stage, measure])
    monthly.set(key, (monthly.get(key) ?? 0) + v)
  }
  const orgMonthly = new Map<string, number>()
  for (const [k, v] of orgDaily) {
    const [day, orgId, city] = JSON.parse(k) as [string, number, string]
    const key = JSON.stringify([`${day.slice(0, 7)}-01`, orgId, city])
    orgMonthly.set(key, (orgMonthly.get(key) ?? 0) + v)
  }
  // Migration 0022: the months (year × 12 + month − 1) with contributions, per organisation and city.
  const orgActive = new Map<string, number[]>()
  for (const [k, v] of orgMonthly) {
    const [month, orgId, city] = JSON.parse(k) as [string, number, string]
    if (v <= 0) continue
    const key = JSON.stringify([orgId, city])
    orgActive.set(key, [...(orgActive.get(key) ?? []), Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1])
  }
  return {
    daily: nonZero(daily),
    orgDaily: nonZero(orgDaily),
    monthly: nonZero(monthly),
    orgMonthly: nonZero(orgMonthly),
    orgActive: [...orgActive].map(([k, months]) => JSON.stringify([...JSON.parse(k), months.sort((a, b) => a - b)])).sort(),
  }
}

async function actual() {
  const daily = await db.execute<Row>(
    sql`select day::text, city_code, cluster_code, type, direction, stage, bucket, measure, value::int from metric_daily where value <> 0`,
  )
  const orgDaily = await db.execute<Row>(sql`select day::text, organisation_id, city_code, value from metric_org_daily where value <> 0`)
  const monthly = await db.execute<Row>(
    sql`select month::text, city_code, cluster_code, type, direction, stage, measure, value::int from metric_monthly where value <> 0`,
  )
  const orgMonthly = await db.execute<Row>(
    sql`select month::text, organisation_id, city_code, value from metric_org_monthly where value <> 0`,
  )
  const orgActive = await db.execute<Row>(sql`select organisation_id, city_code, months from metric_org_active`)
  const rows = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[])).map((x) => JSON.stringify(Object.values(x))).sort()
  return { daily: rows(daily), orgDaily: rows(orgDaily), monthly: rows(monthly), orgMonthly: rows(orgMonthly), orgActive: rows(orgActive) }
}

const op = fc.record({
  kind: fc.constantFrom(
    'org',
    'orgCity',
    'orgCluster',
    'listing',
    'listing',
    'listingUpdate',
    'listingDelete',
    'listingCluster',
    'match',
    'match',
    'matchUpdate',
    'matchDelete',
    'stage',
    'stage',
    'stage',
    'eventDelete',
    'orgDelete',
  ),
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(50),
  days: fc.integer({ min: -400, max: 400 }),
  hours: fc.integer({ min: 0, max: 23 }),
})
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

async function ids(table: 'organisations' | 'listings' | 'matches' | 'match_events') {
  const result = await db.execute<{ id: number }>(sql`select id from ${sql.identifier(table)} order by id`)
  return ((result as { rows?: { id: number }[] }).rows ?? (result as unknown as { id: number }[])).map((r) => r.id)
}
const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined)

/**
 * A write that would leave the same pair with two open matches on one listing (moving, reopening, or a
 * listing deleted under a match: its listing_id becomes null) is refused by matches_open_pair_key, as it
 * is in the app; the refused write changes nothing. True when the write went through.
 */
const unlessOpenPairRefuses = (write: PromiseLike<unknown>) =>
  Promise.resolve(write).then(
    () => true,
    (error: unknown) => {
      if (uniqueViolation(error) === 'matches_open_pair_key') return false
      throw error
    },
  )

async function apply(o: Op) {
  const at = new Date(T0 + o.days * DAY + o.hours * 3_600_000)
  const orgIds = await ids('organisations')
  const org = pick(orgIds, o.a)
  switch (o.kind) {
    case 'org': {
      const [row] = await db
        .insert(organisations)
        .values({ kind: 'enterprise', name: `属性测试企业${o.a}`, cityCode: CITIES[o.b % 3]!, isDemo: true })
        .returning()
      if (o.c % 2) await db.insert(organisationClusters).values({ organisationId: row!.id, clusterCode: CLUSTERS[o.c % 3]! })
      return
    }
    case 'orgCity':
      if (org)
        await db
          .update(organisations)
          .set({ cityCode: CITIES[o.b % 3]! })
          .where(sql`id = ${org}`)
      return
    case 'orgCluster':
      if (!org) return
      if (o.b % 2)
        await db
          .insert(organisationClusters)
          .values({ organisationId: org, clusterCode: CLUSTERS[o.c % 3]! })
          .onConflictDoNothing()
      else await db.delete(organisationClusters).where(sql`organisation_id = ${org} and cluster_code = ${CLUSTERS[o.c % 3]!}`)
      return
    case 'orgDelete':
      if (org && o.b % 4 === 0) await unlessOpenPairRefuses(db.delete(organisations).where(sql`id = ${org}`))
      return
    case 'listing': {
      if (!org) return
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(listings)
          .values({
            organisationId: org,
            direction: o.b % 2 ? 'need' : 'offer',
            type: TYPES[o.c % 3]!,
            title: '属性测试',
            description: '属性测试',
            cityCode: CITIES[o.c % 3]!,
            capacity: 1 + o.b,
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            status: o.b % 5 === 0 ? 'draft' : 'published',
            publishedAt: o.b % 5 === 0 ? null : at,
          })
          .returning()
        const codes = [...new Set([CLUSTERS[o.a % 3]!, CLUSTERS[o.c % 3]!])]
        await tx.insert(listingClusters).values(codes.map((clusterCode) => ({ listingId: row!.id, clusterCode })))
      })
      return
    }
    case 'listingUpdate': {
      const id = pick(await ids('listings'), o.b)
      if (!id) return
      const changes = [
        { status: 'closed' as const },
        { status: 'draft' as const },
        { cityCode: CITIES[o.c % 3]! },
        { capacity: o.c + 1 },
        { publishedAt: at, status: 'published' as const },
      ]
      await db
        .update(listings)
        .set(changes[o.c % changes.length]!)
        .where(sql`id = ${id}`)
      return
    }
    case 'listingDelete': {
      const id = pick(await ids('listings'), o.b)
      if (id && o.c % 2) await unlessOpenPairRefuses(db.delete(listings).where(sql`id = ${id}`))
      return
    }
    case 'listingCluster': {
      const id = pick(await ids('listings'), o.b)
      if (!id) return
      if (o.c % 2)
        await db
          .insert(listingClusters)
          .values({ listingId: id, clusterCode: CLUSTERS[o.a % 3]! })
          .onConflictDoNothing()
      else await db.delete(listingClusters).where(sql`listing_id = ${id} and cluster_code = ${CLUSTERS[o.a % 3]!}`)
      return
    }
    case 'match': {
      const partner = pick(orgIds, o.b)
      if (!org || !partner) return
      const listingId = o.c % 3 === 0 ? null : (pick(await ids('listings'), o.c) ?? null)
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(matches)
          .values({ listingId, initiatorOrganisationId: org, partnerOrganisationId: partner, type: TYPES[o.a % 3]!, createdAt: at })
          // The app refuses a second open match of the same pair on the same listing; so does the generator.
          .onConflictDoNothing()
          .returning()
        if (!row) return
        await tx.insert(matchEvents).values({ matchId: row!.id, kind: 'stage_change', fromStage: null, toStage: 'contact', createdAt: at })
      })
      return
    }
    case 'matchUpdate': {
      const id = pick(await ids('matches'), o.b)
      if (!id) return
      const changes = [
        { outcome: { internsPlaced: o.c, internDays: o.c * 20 }, completedAt: at },
        {
          outcome: { contractValueYuan: o.c * 10_000, incomeByYear: { '2025': o.a * 1000, '2026': o.c * 1000 }, contractKind: 'transfer' },
        },
        { outcome: {}, completedAt: null },
        { signedAt: at },
        { listingId: pick(await ids('listings'), o.c) ?? null },
      ]
      await unlessOpenPairRefuses(
        db
          .update(matches)
          .set(changes[o.c % changes.length] as never)
          .where(sql`id = ${id}`),
      )
      return
    }
    case 'matchDelete': {
      const id = pick(await ids('matches'), o.b)
      if (id && o.c % 2) await db.delete(matches).where(sql`id = ${id}`)
      return
    }
    case 'stage': {
      const id = pick(await ids('matches'), o.b)
      if (!id) return
      const toStage = MATCH_STAGES[o.c % MATCH_STAGES.length]!
      const moved = await unlessOpenPairRefuses(
        db
          .update(matches)
          .set({ stage: toStage })
          .where(sql`id = ${id}`),
      )
      if (moved)
        await db.insert(matchEvents).values({ matchId: id, kind: o.a % 7 === 0 ? 'message' : 'stage_change', toStage, createdAt: at })
      return
    }
    case 'eventDelete': {
      const id = pick(await ids('match_events'), o.b)
      if (id && o.c % 2) await db.delete(matchEvents).where(sql`id = ${id}`)
      return
    }
  }
}

describe('metric rollups', () => {
  it('equal a from-scratch computation after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        await db.execute(
          sql`truncate match_events, matches, listing_clusters, listings, organisation_clusters, organisations restart identity cascade`,
        )
        await apply({ kind: 'org', a: 0, b: 0, c: 1, days: 0, hours: 0 })
        for (const o of ops) await apply(o)
        expect(await actual()).toEqual(await expected())
      }),
      { numRuns: 8 },
    )
  }, 240_000)

  it('give the overview the same sums and organisations active over any range as the daily rows alone', async () => {
    // Writes within six weeks of T0 and ranges around them: the partial months at a range's ends hold data, on both sides.
    const day = fc.integer({ min: -50, max: 50 }).map((d) => beijingDay(new Date(T0 + d * DAY)))
    const range = fc.tuple(day, day).map(([a, b]) => (a < b ? { from: a, to: b } : { from: b, to: a }))
    const q = (cities: string) => {
      const scope = { type: cities === 'province' ? ('province' as const) : ('city' as const), code: cities }
      return {
        actor: { govScope: { type: 'province', code: 'shanxi' } },
        scope,
        filters: { cluster: null, type: null },
      } as unknown as GovQuery
    }
    const rows = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[])).map((x) => Object.values(x).map(String))
    const sameAsDays = async (ranges: { from: string; to: string }[], area: string) => {
      const cities = area === 'province' ? sql`true` : sql`city_code = ${area}`
      const byDay = (value: (range: ReturnType<typeof sql>) => ReturnType<typeof sql>) =>
        sql.join(
          ranges.map((r, i) => sql`${value(sql`filter (where day between ${r.from} and ${r.to})`)} as ${sql.identifier(`v${i}`)}`),
          sql`, `,
        )
      const sums = rollupSums({
        where: sql`${rollupSlice(q(area))} and measure <> 'dwell'`,
        keys: ['measure', 'type', 'direction', 'stage'],
        ranges,
      })
      const fromDays = sql`select measure, type, direction, stage, ${byDay((f) => sql`coalesce(sum(value) ${f}, 0)`)}
        from metric_daily where cluster_code = '' and measure <> 'dwell' and ${cities} group by 1, 2, 3, 4`
      const nonZero = (r: string[][]) => r.filter((x) => x.slice(4).some((v) => v !== '0')).sort()
      expect(nonZero(rows(await db.execute(sums)))).toEqual(nonZero(rows(await db.execute(fromDays))))
      const activeFromDays = sql`select ${byDay((f) => sql`count(distinct organisation_id) ${f}`)}
        from metric_org_daily where value > 0 and ${cities}`
      expect(rows(await db.execute(activeOrganisationsStatement(q(area), ranges)))).toEqual(rows(await db.execute(activeFromDays)))
    }
    // A listing on 1 December and one on the 20th; 3 December to 10 January is December less its first two days.
    await db.execute(
      sql`truncate match_events, matches, listing_clusters, listings, organisation_clusters, organisations restart identity cascade`,
    )
    await apply({ kind: 'org', a: 0, b: 0, c: 1, days: 0, hours: 0 })
    for (const days of [-30, -11]) await apply({ kind: 'listing', a: 0, b: 1, c: 1, days, hours: 0 })
    await sameAsDays([{ from: '2025-12-03', to: '2026-01-10' }], 'province')
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          op.map((o) => ({ ...o, days: o.days % 45 })),
          { minLength: 10, maxLength: 30 },
        ),
        fc.array(range, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('province', 'taiyuan'),
        async (ops, ranges, area) => {
          await db.execute(
            sql`truncate match_events, matches, listing_clusters, listings, organisation_clusters, organisations restart identity cascade`,
          )
          await apply({ kind: 'org', a: 0, b: 0, c: 1, days: 0, hours: 0 })
          for (const o of ops) await apply(o)
          await sameAsDays(ranges, area)
        },
      ),
      { numRuns: 5 },
    )
  }, 400_000)

  it('keep the active months right when several transactions write for the same organisation at once', async () => {
    await db.execute(
      sql`truncate match_events, matches, listing_clusters, listings, organisation_clusters, organisations restart identity cascade`,
    )
    await apply({ kind: 'org', a: 0, b: 0, c: 1, days: 0, hours: 0 })
    await apply({ kind: 'listing', a: 0, b: 1, c: 1, days: 0, hours: 0 })
    // Each holds its rollup rows until it commits, while the next ones write theirs for the same organisation.
    await Promise.all(
      [40, 80, 120].map((days) =>
        db.transaction(async (tx) => {
          await tx.insert(listings).values({
            organisationId: 1,
            direction: 'need',
            type: 'internship',
            title: '并发',
            description: '并发',
            cityCode: 'taiyuan',
            capacity: 1,
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            status: 'published',
            publishedAt: new Date(T0 + days * DAY),
          })
          await tx.execute(sql`select pg_sleep(0.3)`)
        }),
      ),
    )
    expect(await actual()).toEqual(await expected())
    expect((await actual()).orgActive).toHaveLength(1)
  })

  it('start again from what is left after a TRUNCATE, which fires no row triggers', async () => {
    await db.execute(sql`truncate match_events cascade`)
    expect(await actual()).toEqual(await expected())
  })

  it('backfills rows that existed before the triggers, the way the migration does', async () => {
    for (const o of [
      { kind: 'org', a: 1, b: 1, c: 1 },
      { kind: 'listing', a: 0, b: 1, c: 1 },
      { kind: 'match', a: 0, b: 0, c: 1 },
      { kind: 'stage', a: 1, b: 0, c: 1 },
      { kind: 'matchUpdate', a: 2, b: 0, c: 0 },
    ] as const)
      await apply({ ...o, days: 3, hours: 5 })
    await db.execute(sql`truncate metric_daily, metric_org_daily, metric_monthly, metric_org_monthly, metric_org_active, metric_ledger`)
    expect((await actual()).daily).toEqual([])
    await db.execute(sql`select metric_refresh('L', id) from listings`)
    await db.execute(sql`select metric_refresh('M', id) from matches`)
    expect(await actual()).toEqual(await expected())
    expect((await actual()).daily.length).toBeGreaterThan(0)
  })
})
