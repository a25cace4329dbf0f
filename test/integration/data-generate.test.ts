import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import type { Actor } from '../../app/domain/actor'
import type { GovActor } from '../../app/domain/metrics/gov-query.server'
import { parseGovQuery } from '../../app/domain/metrics/gov-query.server'
import { getOverview } from '../../app/domain/metrics/overview.server'
import { recommendForListing } from '../../app/domain/matching/recommend.server'
import { DEMO_ACCOUNTS } from '../../db/seed'
import { users } from '../../db/schema'
import { generateData, type GenerateSummary } from '../../scripts/lib/generate'
import { signIn } from '../factories/accounts'
import { rollupRows, rollupsThroughTriggers } from '../support/rollups'

const TODAY = new Date('2026-11-20T00:00:00Z')
const SIZE = { orgs: 200, listings: 2000, events: 20_000 }

async function rows<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/** Counts and an md5 over a few columns of every generated table: equal when the data is. */
async function fingerprint() {
  const [row] = await rows<Record<string, string | number>>(sql`select
    (select count(*)::int from organisations) as orgs, (select count(*)::int from listings) as listings,
    (select count(*)::int from matches) as matches, (select count(*)::int from match_events) as events,
    (select md5(string_agg(concat_ws('|', id, name, city_code, verification, staff_count), ',' order by id)) from organisations) as o,
    (select md5(string_agg(concat_ws('|', id, title, status, published_at, starts_on), ',' order by id)) from listings) as l,
    (select md5(string_agg(concat_ws('|', id, stage, listing_id, partner_organisation_id, created_at, outcome), ',' order by id)) from matches) as m,
    (select md5(string_agg(concat_ws('|', id, match_id, kind, seq, created_at), ',' order by id)) from match_events) as e`)
  return row!
}

let first: GenerateSummary
let firstPrint: Record<string, string | number>

beforeAll(async () => {
  first = await generateData({ handle: getDatabaseHandle(), ...SIZE, today: TODAY })
  firstPrint = await fingerprint()
}, 120_000)

describe('data:generate at a small size', () => {
  it('fills the database with the sizes asked for and refuses to overwrite it without force', async () => {
    expect(first).toMatchObject({ organisations: SIZE.orgs, listings: SIZE.listings, rollupSample: { mismatches: 0 } })
    expect(first.searchVectorSample).toBeGreaterThan(0)
    // The COPYed search_vector (computed in TypeScript) is what the database computes, on every row, not only the sample.
    const [vectors] = await rows<{ differ: number; empty: number }>(
      sql`select count(*) filter (where search_vector is distinct from jcj_listing_search_vector(title, description, majors))::int as differ,
        count(*) filter (where search_vector is null or search_vector = ''::tsvector)::int as empty from listings`,
    )
    expect(vectors).toEqual({ differ: 0, empty: 0 })
    expect(first.events).toBeGreaterThanOrEqual(SIZE.events)
    expect(first.events).toBeLessThan(SIZE.events + 100)
    const [kinds] = await rows<Record<string, number>>(sql`select
      count(*) filter (where kind = 'enterprise')::int as enterprises, count(*) filter (where kind like 'vocational%' or kind = 'undergrad')::int as colleges,
      count(distinct city_code)::int as cities, (select count(distinct type)::int from listings) as types,
      (select count(distinct direction)::int from listings) as directions, (select count(distinct cluster_code)::int from listing_clusters) as clusters
      from organisations`)
    // Every institution of the Ministry's list is there, with the enterprises filling the rest.
    expect(kinds).toMatchObject({ cities: 11, types: 5, directions: 2, clusters: 14 })
    expect(kinds!.colleges).toBeGreaterThanOrEqual(82)
    expect(kinds!.enterprises).toBeGreaterThan(50)
    await expect(generateData({ handle: getDatabaseHandle(), ...SIZE, today: TODAY })).rejects.toThrow(/--force/)
  })

  it('gives every match a coherent history: gap-free seq, stages in order with rising times, outcomes only once signed', async () => {
    const [bad] = await rows<Record<string, number>>(sql`
      with s as (
        select e.match_id, e.from_stage, e.to_stage, e.created_at,
          lag(e.to_stage) over w as prev_to, lag(e.created_at) over w as prev_at, row_number() over w as n
        from match_events e where e.kind = 'stage_change' window w as (partition by e.match_id order by e.seq)
      ), order_of(stage, k) as (values ('contact', 1), ('negotiation', 2), ('signed', 3), ('in_progress', 4), ('completed', 5), ('terminated', 6))
      select
        (select count(*)::int from (select match_id from match_events group by match_id having max(seq) <> count(*) or min(seq) <> 1) g) as seq_gaps,
        (select count(*)::int from match_events a join match_events b on b.match_id = a.match_id and b.seq = a.seq + 1 where b.created_at < a.created_at) as time_reversals,
        (select count(*)::int from s where n = 1 and (to_stage <> 'contact' or from_stage is not null)) as bad_first,
        (select count(*)::int from s join order_of a on a.stage = s.prev_to join order_of b on b.stage = s.to_stage
          where s.n > 1 and (s.from_stage is distinct from s.prev_to or b.k <= a.k or s.created_at <= s.prev_at)) as out_of_order,
        (select count(*)::int from matches m where m.stage <> (select e.to_stage from match_events e where e.match_id = m.id and e.kind = 'stage_change' order by e.seq desc limit 1)) as stage_mismatch,
        (select count(*)::int from matches where outcome <> '{}'::jsonb and stage not in ('signed', 'in_progress', 'completed')) as stray_outcomes,
        (select count(*)::int from matches where stage = 'completed' and outcome = '{}'::jsonb) as completed_without_outcome,
        (select count(*)::int from matches m join listings l on l.id = m.listing_id where m.created_at <= l.published_at) as before_publication,
        (select count(*)::int from match_events e left join matches m on m.id = e.match_id where m.id is null) as orphans`)
    expect(bad).toEqual({
      seq_gaps: 0,
      time_reversals: 0,
      bad_first: 0,
      out_of_order: 0,
      stage_mismatch: 0,
      stray_outcomes: 0,
      completed_without_outcome: 0,
      before_publication: 0,
      orphans: 0,
    })
    const stages = await rows<{ stage: string }>(sql`select distinct stage from matches order by 1`)
    expect(stages.map((s) => s.stage)).toEqual(['completed', 'contact', 'in_progress', 'negotiation', 'signed', 'terminated'])
  })

  it('answers the province overview and a recommendation on the generated data', async () => {
    const [official] = await db
      .select()
      .from(users)
      .where(sql`email = ${DEMO_ACCOUNTS.province}`)
    const actor = (await signIn(official!.id)).actor as GovActor
    const q = parseGovQuery({ actor, params: { preset: 'last_12_months' }, now: TODAY })
    const overview = await getOverview(q)
    const [raw] = await rows<{ listings: number; contacts: number }>(sql`select
      (select count(*)::int from listings where status <> 'draft' and metric_day(published_at) between ${q.period.from} and ${q.period.to}) as listings,
      (select count(*)::int from match_events where kind = 'stage_change' and to_stage = 'contact' and metric_day(created_at) between ${q.period.from} and ${q.period.to}) as contacts`)
    expect(raw!.listings).toBeGreaterThan(100)
    expect(overview.listings.reduce((s, f) => s + f.current, 0)).toBe(raw!.listings)
    expect(overview.stages.find((s) => s.id === 'stage.contact')!.current).toBe(raw!.contacts)
    expect(overview.organisations.current).toBeGreaterThan(50)

    const [listing] = await rows<{ id: number }>(
      sql`select l.id from listings l join organisations o on o.id = l.organisation_id
        where l.status = 'published' and l.type = 'internship' and l.direction = 'offer' and o.kind = 'enterprise' order by l.id limit 1`,
    )
    const admin: Actor = { kind: 'user', userId: 0, platformRole: 'admin', govScope: null, activeOrganisationId: null, memberships: [] }
    const recommended = await recommendForListing({ actor: admin, listingId: listing!.id, options: { limit: 20 } })
    expect(recommended.organisations.length).toBeGreaterThan(0)
    expect(recommended.listings.length).toBeGreaterThan(0)
  })

  it('builds the rollups the triggers would have: equal to migration 0006 recomputing every listing and match', async () => {
    const rebuilt = await rollupRows()
    expect(rebuilt.daily.length).toBeGreaterThan(1000)
    expect(rebuilt.orgActive.length).toBeGreaterThan(50)
    expect(rebuilt).toEqual(await rollupsThroughTriggers())
  }, 120_000)

  it('is deterministic: the same flags give the same rows', async () => {
    const again = await generateData({ handle: getDatabaseHandle(), ...SIZE, today: TODAY, force: true })
    expect({ ...again, phases: [] }).toEqual({ ...first, phases: [] })
    expect(await fingerprint()).toEqual(firstPrint)
  }, 120_000)
})
