import { sql, type SQL } from 'drizzle-orm'
import { DIRECTIONS, MATCH_STAGES, cooperationTypeByCode, clusterByCode } from '../../../db/reference'
import { PLATFORM_KINDS, queryCursor, readAhead } from '~/db.server'
import { DomainError } from '../errors.server'
import { COUNTED_STATUSES } from './compliance.server'
import { FIGURE_KINDS, FUNNEL_STEPS, outcomeFigureByKey, type FigureKind, type FigureRef } from '~/lib/gov-figures'
import { assertScope, beijingToday, type GovQuery } from './gov-query.server'
import { MATCH_JOINS, matchCity, matchInCluster, platformUnion } from './sources.server'
import { between, inList, num, query } from './sql.server'

export type RecordRow = {
  kind: 'organisation' | 'listing' | 'match' | 'platform'
  id: number
  title: string
  organisation: string
  cityCode: string
  type: string | null
  date: string | null
  detail: string | null
  value: number | null
}
export type RecordList = { ref: FigureRef; sums: boolean; total: number; count: number; rows: RecordRow[] }

/** A figure reference from URL parameters (figure, ftype, direction, stage, key, org, platform, fcluster), checked. */
export function parseFigureRef(params: URLSearchParams): FigureRef {
  const figure = params.get('figure') as FigureKind
  const bad = (field: string) => new DomainError('invalid', 'gov.error.unknownFigure', { field })
  if (!FIGURE_KINDS.includes(figure)) throw bad('figure')
  const ref: FigureRef = { figure }
  // Each optional parameter, in the order they are checked: its URL name, what it may hold, where it goes.
  const checks: [param: string, valid: (v: string) => boolean, keep: (v: string) => void][] = [
    ['ftype', (v) => cooperationTypeByCode.has(v), (v) => (ref.type = v)],
    ['direction', (v) => DIRECTIONS.includes(v as never), (v) => (ref.direction = v)],
    ['stage', (v) => MATCH_STAGES.includes(v as never) || FUNNEL_STEPS.includes(v as never), (v) => (ref.stage = v)],
    ['key', (v) => outcomeFigureByKey.has(v) || (figure === 'platforms' && v === 'registered'), (v) => (ref.key = v)],
    ['org', (v) => /^\d{1,9}$/.test(v), (v) => (ref.org = Number(v))],
    ['platform', (v) => PLATFORM_KINDS.includes(v as never), (v) => (ref.platform = v)],
    ['fcluster', (v) => clusterByCode.has(v), (v) => (ref.cluster = v)],
  ]
  for (const [param, valid, keep] of checks) {
    const value = params.get(param)
    if (!value) continue
    if (!valid(value)) throw bad(param)
    keep(value)
  }
  if (figure === 'stage' && !ref.stage) throw bad('stage')
  if (figure === 'outcome' && !ref.key) throw bad('key')
  if (figure === 'quota' && (!ref.org || !ref.type)) throw bad('org')
  return ref
}

const beijingDay = (column: SQL) => sql`metric_day(${column})::text`

function baseQuery(q: GovQuery, ref: FigureRef, cities: string[], year: number): { statement: SQL; sums: boolean } {
  const { from, to } = q.period
  const cluster = q.filters.cluster
  const type = ref.type ?? q.filters.type
  const matchSlice = sql`${matchCity} in ${inList(cities)}${cluster ? sql` and ${matchInCluster(cluster)}` : sql``}${type ? sql` and m.type = ${type}` : sql``}`
  const matchTitle = sql`coalesce(ml.title, ini.name || ' / ' || par.name)`
  switch (ref.figure) {
    case 'orgs':
      return {
        sums: false,
        statement: sql`select 'organisation' as kind, o.id, o.name as title, o.kind as organisation, o.city_code, null as type, null as date, null as detail, null::bigint as value
          from organisations o
          where o.city_code in ${inList(cities)}
            ${cluster ? sql`and exists (select 1 from organisation_clusters oc where oc.organisation_id = o.id and oc.cluster_code = ${cluster})` : sql``}
            and (exists (select 1 from listings l where l.organisation_id = o.id and l.status <> 'draft' and ${between(sql`l.published_at`, from, to)})
              or exists (select 1 from match_events e join matches m on m.id = e.match_id
                where e.kind = 'stage_change' and e.to_stage is not null and ${between(sql`e.created_at`, from, to)}
                  and o.id in (m.initiator_organisation_id, m.partner_organisation_id)))`,
      }
    case 'listings':
      return {
        sums: false,
        statement: sql`select 'listing' as kind, l.id, l.title, o.name as organisation, l.city_code, l.type, ${beijingDay(sql`l.published_at`)} as date, l.direction as detail, l.capacity::bigint as value
          from listings l join organisations o on o.id = l.organisation_id
          where l.status <> 'draft' and ${between(sql`l.published_at`, from, to)} and l.city_code in ${inList(cities)}
            ${type ? sql`and l.type = ${type}` : sql``} ${ref.direction ? sql`and l.direction = ${ref.direction}` : sql``}
            ${cluster ? sql`and exists (select 1 from listing_clusters c where c.listing_id = l.id and c.cluster_code = ${cluster})` : sql``}`,
      }
    case 'stage':
      return {
        sums: false,
        statement: sql`select 'match' as kind, m.id, ${matchTitle} as title, ini.name || ' / ' || par.name as organisation, ${matchCity} as city_code, m.type,
            ${beijingDay(sql`e.created_at`)} as date, e.to_stage as detail, null::bigint as value
          from ${MATCH_JOINS} join match_events e on e.match_id = m.id
          where e.kind = 'stage_change' and e.to_stage = ${ref.stage!} and ${between(sql`e.created_at`, from, to)} and ${matchSlice}`,
      }
    case 'outcome': {
      const figure = outcomeFigureByKey.get(ref.key!)!
      const present = sql.join(
        figure.measures.map((k) => sql`jsonb_typeof(m.outcome -> ${k}) = 'number'`),
        sql` or `,
      )
      const summed = sql.join(
        figure.measures.map(
          (k) =>
            sql`coalesce((case when jsonb_typeof(m.outcome -> ${k}) = 'number' then round((m.outcome ->> ${k})::numeric)::bigint end), 0)`,
        ),
        sql` + `,
      )
      return {
        sums: true,
        statement: sql`select 'match' as kind, m.id, ${matchTitle} as title, ini.name || ' / ' || par.name as organisation, ${matchCity} as city_code, m.type,
            ${beijingDay(sql`coalesce(m.completed_at, m.signed_at, m.created_at)`)} as date, m.stage as detail, (${summed})::bigint as value
          from ${MATCH_JOINS}
          where jsonb_typeof(m.outcome) = 'object' and (${present}) and m.type = ${figure.type}
            and ${between(sql`coalesce(m.completed_at, m.signed_at, m.created_at)`, from, to)} and ${matchSlice}`,
      }
    }
    case 'income':
      return {
        sums: true,
        statement: sql`select 'match' as kind, m.id, ${matchTitle} as title, ini.name || ' / ' || par.name as organisation, ${matchCity} as city_code, m.type,
            min(y.key) || '–' || max(y.key) as date, m.stage as detail, sum(round(y.value::text::numeric))::bigint as value
          from ${MATCH_JOINS}
          cross join jsonb_each(case when jsonb_typeof(m.outcome -> 'incomeByYear') = 'object' then m.outcome -> 'incomeByYear' else '{}'::jsonb end) y
          where m.type = 'tech_transfer' and y.key ~ '^[0-9]{4}$' and jsonb_typeof(y.value) = 'number'
            and (y.key || '-01-01') between ${from} and ${to} and ${matchSlice}
          group by m.id, ml.title, ini.name, par.name, ml.city_code, ini.city_code, m.type, m.stage`,
      }
    case 'quota':
      return {
        sums: true,
        statement: sql`select 'listing' as kind, l.id, l.title, o.name as organisation, l.city_code, l.type, l.starts_on::text || ' – ' || l.ends_on::text as date, l.status as detail, l.capacity::bigint as value
          from listings l join organisations o on o.id = l.organisation_id
          where l.organisation_id = ${ref.org!} and o.city_code in ${inList(cities)} and l.type = ${ref.type!} and l.direction = 'offer'
            and l.status in ${inList(COUNTED_STATUSES)} and l.starts_on <= ${`${year}-12-31`} and l.ends_on >= ${`${year}-01-01`}`,
      }
    case 'platforms': {
      const platformCluster = ref.cluster ?? cluster
      return {
        sums: false,
        statement: sql`select case when u.source = 'platform' then 'platform' else 'match' end as kind, u.id, u.name as title, o.name as organisation, u.city_code, u.kind as type,
            u.since as date, u.source as detail, null::bigint as value
          from ${platformUnion(cities, to)} u join organisations o on o.id = u.organisation_id
          where true ${ref.platform ? sql`and u.kind = ${ref.platform}` : sql``} ${ref.key === 'registered' ? sql`and u.source = 'platform'` : sql``} ${platformCluster ? sql`and ${platformCluster} = any(u.clusters)` : sql``}`,
      }
    }
  }
}

// Newest first; dates are text and never empty, so '' puts the undated last. kind breaks ties between a platform
// and a match with the same id (the platforms figure lists both), so the order is total and keyset pages are exact.
const RECORD_ORDER = sql`coalesce(b.date, '') desc, b.id desc, b.kind desc`

const recordRow = (r: Record<string, unknown>): RecordRow => ({
  kind: r.kind as RecordRow['kind'],
  id: num(r.id),
  title: String(r.title ?? ''),
  organisation: String(r.organisation ?? ''),
  cityCode: String(r.city_code ?? ''),
  type: r.type === null ? null : String(r.type),
  date: r.date === null ? null : String(r.date),
  detail: r.detail === null ? null : String(r.detail),
  value: r.value === null ? null : num(r.value),
})

/** The statement behind one figure's records (scope checked), and the same in the list's order. */
export function recordsQuery(q: GovQuery, ref: FigureRef, options: { year?: number } = {}) {
  const cities = assertScope(q.actor, q.scope)
  const { statement, sums } = baseQuery(q, ref, cities, options.year ?? Number(beijingToday().slice(0, 4)))
  return { statement, sums, ordered: sql`select b.* from (${statement}) b order by ${RECORD_ORDER}` }
}

/**
 * Every record behind one figure, in the list's order, in batches as the database hands them over: a cursor on
 * Postgres, keyset pages on PGlite. For exports of tens of thousands of rows, which are never held whole.
 */
export function streamRecords(q: GovQuery, ref: FigureRef, options: { year?: number; batch?: number } = {}) {
  const batch = options.batch ?? 2000
  const { statement, sums, ordered } = recordsQuery(q, ref, options)
  async function* batches(): AsyncGenerator<RecordRow[]> {
    const cursor = queryCursor(ordered, batch)
    if (cursor) {
      for await (const rows of cursor) yield rows.map(recordRow)
      return
    }
    let after: SQL = sql`true`
    for (;;) {
      const rows = await query<Record<string, unknown>>(
        sql`select b.* from (${statement}) b where ${after} order by ${RECORD_ORDER} limit ${batch}`,
      )
      if (rows.length) yield rows.map(recordRow)
      if (rows.length < batch) return
      const last = rows[rows.length - 1]!
      after = sql`(coalesce(b.date, ''), b.id, b.kind) < (${String(last.date ?? '')}, ${num(last.id)}, ${String(last.kind)})`
    }
  }
  return { sums, batches: readAhead(batches()) }
}

/** The records behind one figure; `total` is their count (or, for sums, the sum of their values) and equals the figure. */
export async function listRecords(
  q: GovQuery,
  ref: FigureRef,
  options: { limit?: number; offset?: number; year?: number } = {},
): Promise<RecordList> {
  const cities = assertScope(q.actor, q.scope)
  const year = options.year ?? Number(beijingToday().slice(0, 4))
  const { statement, sums } = baseQuery(q, ref, cities, year)
  const limit = options.limit === undefined ? sql`` : sql`limit ${options.limit} offset ${options.offset ?? 0}`
  const rows = await query<Record<string, unknown>>(sql`
    select b.*, count(*) over () as total_count, coalesce(sum(b.value) over (), 0) as total_value
    from (${statement}) b order by ${RECORD_ORDER} ${limit}`)
  const count = num(rows[0]?.total_count)
  return {
    ref,
    sums,
    count,
    total: sums ? num(rows[0]?.total_value) : count,
    rows: rows.map(recordRow),
  }
}
