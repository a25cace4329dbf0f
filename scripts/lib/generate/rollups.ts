import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/client'
import type { BulkLoader } from './copy'
import { dropIndexes, inPairs, rows } from './indexes'

const LEDGER =
  'insert into metric_ledger (entity_kind, entity_id, day, city_code, cluster_code, type, direction, stage, bucket, measure, organisation_id, value)'

/** metric_contributions('L', id) for every listing with id in [from, to], as one set-based statement. */
const listingContributions = (from: number, to: number) => `${LEDGER}
  with l as (
    select li.*, o.city_code as org_city from listings li join organisations o on o.id = li.organisation_id
    where li.id between ${from} and ${to} and li.status <> 'draft' and li.published_at is not null
  ), lc as (
    select l.id, '' as cluster_code from l union all select c.listing_id, c.cluster_code from listing_clusters c join l on l.id = c.listing_id
  )
  select 'L', l.id, metric_day(l.published_at), l.city_code, lc.cluster_code, l.type, l.direction, '', 0, x.measure, null::integer,
      case when x.measure = 'listings' then 1 else l.capacity end::bigint
    from l join lc on lc.id = l.id cross join (values ('listings'), ('capacity')) x(measure)
  union all select 'L', l.id, metric_day(l.published_at), l.org_city, '', '', '', '', 0, 'active', l.organisation_id, 1 from l`

/** metric_contributions('M', id) for every match with id in [from, to]: the same facts, partitioned by match. */
const matchContributions = (from: number, to: number) => `${LEDGER}
  with m as (
    select ma.*, coalesce(li.city_code, ini.city_code) as m_city, li.published_at as listing_published_at
    from matches ma join organisations ini on ini.id = ma.initiator_organisation_id left join listings li on li.id = ma.listing_id
    where ma.id between ${from} and ${to}
  ), mc as (
    select m.id, '' as cluster_code from m
    union all select m.id, c.cluster_code from m join listing_clusters c on c.listing_id = m.listing_id
    union all select m.id, c.cluster_code from m join organisation_clusters c on c.organisation_id = m.initiator_organisation_id where m.listing_id is null
  ), range_events as materialized (
    -- The range by match id alone: with the kind in the same scan the planner takes the partial stage index, which spans every match.
    select e.match_id, e.id, e.kind, e.to_stage, e.created_at from match_events e where e.match_id between ${from} and ${to}
  ), ev as (
    select e.match_id, e.id, e.to_stage, e.created_at,
      lag(e.to_stage) over w as prev_stage, lag(e.created_at) over w as prev_at, row_number() over w as n
    from range_events e where e.kind = 'stage_change' and e.to_stage is not null
    window w as (partition by e.match_id order by e.created_at, e.id)
  ), facts as (
    select ev.match_id, metric_day(ev.created_at) as day, 'entered' as measure, ev.to_stage as stage, 0 as bucket, 1::bigint as value from ev
    union all select ev.match_id, metric_day(ev.created_at), 'dwell', ev.prev_stage,
      greatest(0, floor(extract(epoch from ev.created_at - ev.prev_at) / 86400))::int, 1 from ev where ev.prev_at is not null
    union all select ev.match_id, metric_day(ev.created_at), 'dwell', 'published',
      greatest(0, floor(extract(epoch from ev.created_at - m.listing_published_at) / 86400))::int, 1
      from ev join m on m.id = ev.match_id where ev.n = 1 and m.listing_published_at is not null
    union all select m.id, metric_day(coalesce(m.completed_at, m.signed_at, m.created_at)), 'outcome:' || kv.key, '', 0, round(kv.value::text::numeric)::bigint
      from m, jsonb_each(case when jsonb_typeof(m.outcome) = 'object' then m.outcome else '{}'::jsonb end) kv where jsonb_typeof(kv.value) = 'number'
    union all select m.id, make_date(y.key::int, 1, 1), 'income', '', 0, round(y.value::text::numeric)::bigint
      from m, jsonb_each(case when jsonb_typeof(m.outcome -> 'incomeByYear') = 'object' then m.outcome -> 'incomeByYear' else '{}'::jsonb end) y
      where y.key ~ '^[0-9]{4}$' and jsonb_typeof(y.value) = 'number'
  )
  select 'M', m.id, f.day, m.m_city, mc.cluster_code, m.type, '', f.stage, f.bucket, f.measure, null::integer, f.value
    from m join mc on mc.id = m.id join facts f on f.match_id = m.id
  union all select 'M', m.id, metric_day(ev.created_at), o.city_code, '', '', '', '', 0, 'active', o.id, 1
    from ev join m on m.id = ev.match_id join organisations o on o.id in (m.initiator_organisation_id, m.partner_organisation_id)`

const ROLLUP_TABLES = ['metric_ledger', 'metric_daily', 'metric_org_daily', 'metric_monthly', 'metric_org_monthly', 'metric_org_active']
/** Ledger statements per kind: a few large ranges, each joining the listings and clusters once, not once per small chunk. */
const CHUNKS = 4

/**
 * The rollups from scratch, without a trigger per row: the ledger gets what migration 0006's
 * metric_contributions() gives each listing and match (the function the triggers apply), computed for
 * ranges of ids at once, and the daily tables are the ledger's sums, as metric_apply would have added
 * them one by one. checkRollupSample holds a sample of the ledger against the function itself. Every
 * step is split into statements that run two at a time, indexes built as soon as their table is full.
 */
export async function rebuildRollups(
  db: Database,
  loader: BulkLoader,
  { listings, matches, onProgress }: { listings: number; matches: number; onProgress: (done: number, total: number) => void },
) {
  await loader.run(`truncate ${ROLLUP_TABLES.join(', ')}`)
  // Indexes are built once after the load (a sort each) instead of row by row.
  const indexes = await dropIndexes(db, loader, ROLLUP_TABLES, { constraints: true })
  const ranges = (n: number, make: (from: number, to: number) => string) => {
    const step = Math.max(1, Math.ceil(n / CHUNKS))
    const out: string[] = []
    for (let from = 1; from <= n; from += step) out.push(make(from, from + step - 1))
    return out
  }
  const daily = (measures: string) => `
    insert into metric_daily (day, city_code, cluster_code, type, direction, stage, bucket, measure, value)
    select day, city_code, cluster_code, type, direction, stage, bucket, measure, sum(value)
    from metric_ledger where ${measures} group by 1, 2, 3, 4, 5, 6, 7, 8`
  // Each stage reads only what the stages before it wrote; within one, the longest statements go first.
  const stages = [
    [...ranges(matches, matchContributions), ...ranges(listings, listingContributions)],
    [
      daily(`measure = 'dwell'`),
      daily(`measure not in ('dwell', 'active')`),
      `insert into metric_org_daily (day, organisation_id, city_code, value)
       select day, organisation_id, min(city_code), sum(value) from metric_ledger where measure = 'active' group by 1, 2`,
    ],
    [
      ...indexes.definitions('metric_ledger'),
      ...indexes.definitions('metric_daily'),
      // Migration 0013's monthly tables, as metric_apply adds them: the daily sums per month, dwell left out.
      `insert into metric_monthly (month, city_code, cluster_code, type, direction, stage, measure, value)
       select date_trunc('month', day)::date, city_code, cluster_code, type, direction, stage, measure, sum(value)
       from metric_daily where measure <> 'dwell' group by 1, 2, 3, 4, 5, 6, 7`,
      `insert into metric_org_monthly (month, organisation_id, city_code, value)
       select date_trunc('month', day)::date, organisation_id, min(city_code), sum(value) from metric_org_daily group by 1, 2`,
      ...indexes.definitions('metric_org_daily'),
    ],
    [
      // Migration 0022's active months, as metric_apply reads them back from metric_org_monthly.
      `insert into metric_org_active (organisation_id, city_code, months)
       select organisation_id, city_code, array_agg(metric_month_index(month) order by month) from metric_org_monthly where value > 0 group by 1, 2`,
      ...indexes.definitions('metric_monthly'),
      ...indexes.definitions('metric_org_monthly'),
    ],
    indexes.definitions('metric_org_active'),
  ]
  const total = stages.reduce((n, stage) => n + stage.length, 0)
  let done = 0
  for (const stage of stages) await inPairs(loader, stage, () => onProgress(++done, total))
}

type Sample = { label: string; expected: number; actual: number }

/**
 * A sample of the rebuilt rollups checked two ways: the ledger of sampled listings and matches against
 * metric_contributions() row for row, and rollup rows against counts straight from the base tables
 * (listings published per day and city, stages entered per day, city and stage, an organisation's
 * contributions on a day). Returns the mismatches (none when the rebuild is right).
 */
export async function checkRollupSample(db: Database, size = 25): Promise<{ checked: number; mismatches: Sample[] }> {
  // One pass over the base table per measure, grouped the way the rollup is, then compared on the sampled keys.
  const listingRows = await rows<{ day: string; city: string; actual: number; expected: number }>(
    db,
    sql`with s as (select day, city_code, sum(value) as actual from metric_daily where measure = 'listings' and cluster_code = ''
                   group by 1, 2 order by md5(day::text || city_code) limit ${size}),
      l as (select metric_day(published_at) as day, city_code, count(*) as n from listings
            where status <> 'draft' and published_at is not null group by 1, 2)
    select s.day::text, s.city_code as city, s.actual::int, coalesce(l.n, 0)::int as expected from s left join l using (day, city_code)`,
  )
  const enteredRows = await rows<{ day: string; city: string; stage: string; actual: number; expected: number }>(
    db,
    sql`with s as (select day, city_code, stage, sum(value) as actual from metric_daily where measure = 'entered' and cluster_code = ''
                   group by 1, 2, 3 order by md5(day::text || city_code || stage) limit ${size}),
      e as (select metric_day(e.created_at) as day, coalesce(l.city_code, ini.city_code) as city_code, e.to_stage as stage, count(*) as n
            from match_events e join matches m on m.id = e.match_id
            join organisations ini on ini.id = m.initiator_organisation_id left join listings l on l.id = m.listing_id
            where e.kind = 'stage_change' and metric_day(e.created_at) in (select day from s) group by 1, 2, 3)
    select s.day::text, s.city_code as city, s.stage, s.actual::int, coalesce(e.n, 0)::int as expected from s left join e using (day, city_code, stage)`,
  )
  const orgRows = await rows<{ day: string; org: number; actual: number; expected: number }>(
    db,
    sql`select d.day::text, d.organisation_id as org, d.value as actual,
      ((select count(*) from listings l where l.organisation_id = d.organisation_id and l.status <> 'draft'
         and l.published_at is not null and metric_day(l.published_at) = d.day)
       + (select count(*) from (select id from matches where initiator_organisation_id = d.organisation_id
                                union select id from matches where partner_organisation_id = d.organisation_id) m
          join match_events e on e.match_id = m.id
          where e.kind = 'stage_change' and e.to_stage is not null and metric_day(e.created_at) = d.day))::int as expected
    from (select * from metric_org_daily order by md5(day::text || organisation_id::text) limit ${size}) d`,
  )
  // The ledger of a sample of listings and matches against metric_contributions() itself, row for row.
  const ledgerRows = await rows<{ kind: string; id: number; differing: number }>(
    db,
    sql`with s as (
      (select 'L' as kind, id from listings where status <> 'draft' order by md5(id::text) limit ${size})
      union all (select 'M', id from matches order by md5(id::text) limit ${size})
    )
    select s.kind, s.id, (select count(*)::int from (
      (select c.* from metric_contributions(s.kind, s.id) c except all
       select day, city_code, cluster_code, type, direction, stage, bucket, measure, organisation_id, value from metric_ledger where entity_kind = s.kind and entity_id = s.id)
      union all
      (select day, city_code, cluster_code, type, direction, stage, bucket, measure, organisation_id, value from metric_ledger where entity_kind = s.kind and entity_id = s.id
       except all select c.* from metric_contributions(s.kind, s.id) c)) d) as differing
    from s`,
  )
  const samples: Sample[] = [
    ...ledgerRows.map((r) => ({ label: `ledger ${r.kind} ${r.id}`, expected: 0, actual: r.differing })),
    ...listingRows.map((r) => ({ label: `listings ${r.day} ${r.city}`, expected: r.expected, actual: r.actual })),
    ...enteredRows.map((r) => ({ label: `entered ${r.stage} ${r.day} ${r.city}`, expected: r.expected, actual: r.actual })),
    ...orgRows.map((r) => ({ label: `active org ${r.org} ${r.day}`, expected: r.expected, actual: r.actual })),
  ]
  return { checked: samples.length, mismatches: samples.filter((s) => Number(s.expected) !== Number(s.actual)) }
}
