import { sql, type SQL } from 'drizzle-orm'
import type { GovQuery, Range } from './gov-query.server'
import { assertScope } from './gov-query.server'
import { inList, num, query } from './sql.server'

/** Conditions on metric_daily for a query's area and slice ('' is the all-clusters row, so nothing counts twice). */
export function rollupSlice(q: GovQuery, cities = assertScope(q.actor, q.scope)): SQL {
  return sql`city_code in ${inList(cities)} and cluster_code = ${q.filters.cluster ?? ''}${q.filters.type ? sql` and type = ${q.filters.type}` : sql``}`
}

export type RollupSum = { measure: string; type: string; direction: string; stage: string; current: number; previous: number }

/** Sums per measure × type × direction × stage for the period and the one it is compared with. */
export async function sumRollups(q: GovQuery, measures: SQL): Promise<RollupSum[]> {
  const { period } = q
  const rows = await query<Record<string, unknown>>(sql`
    select measure, type, direction, stage,
      sum(value) filter (where day between ${period.from} and ${period.to}) as current,
      sum(value) filter (where day between ${period.previous.from} and ${period.previous.to}) as previous
    from metric_daily
    where ${rollupSlice(q)} and (${measures})
      and day between ${period.previous.from < period.from ? period.previous.from : period.from} and ${period.to}
    group by 1, 2, 3, 4`)
  return rows.map((r) => ({
    measure: String(r.measure),
    type: String(r.type),
    direction: String(r.direction),
    stage: String(r.stage),
    current: num(r.current),
    previous: num(r.previous),
  }))
}

/** Organisations with at least one listing published or stage entered in a range. */
export async function countActiveOrganisations(q: GovQuery, range: Range) {
  const cities = assertScope(q.actor, q.scope)
  const [row] = await query<{ n: number }>(sql`
    select count(distinct d.organisation_id)::int as n from metric_org_daily d
    where d.city_code in ${inList(cities)} and d.day between ${range.from} and ${range.to} and d.value > 0
    ${q.filters.cluster ? sql`and exists (select 1 from organisation_clusters oc where oc.organisation_id = d.organisation_id and oc.cluster_code = ${q.filters.cluster})` : sql``}`)
  return num(row?.n)
}

/** Histograms of whole days spent per type × stage, for medians. */
export async function dwellHistograms(q: GovQuery) {
  const rows = await query<Record<string, unknown>>(sql`
    select type, stage, bucket, sum(value) as n from metric_daily
    where measure = 'dwell' and ${rollupSlice(q)} and day between ${q.period.from} and ${q.period.to}
    group by 1, 2, 3`)
  return rows.map((r) => ({ type: String(r.type), stage: String(r.stage), bucket: num(r.bucket), n: num(r.n) }))
}

export function medianOf(histogram: { bucket: number; n: number }[]): number | null {
  const sorted = histogram.filter((h) => h.n > 0).sort((a, b) => a.bucket - b.bucket)
  const total = sorted.reduce((s, h) => s + h.n, 0)
  if (total === 0) return null
  const lowRank = Math.floor((total - 1) / 2)
  const highRank = Math.floor(total / 2)
  let seen = 0
  let low: number | null = null
  for (const h of sorted) {
    if (low === null && seen + h.n > lowRank) low = h.bucket
    if (seen + h.n > highRank) return (low! + h.bucket) / 2
    seen += h.n
  }
  return low
}

/** One measure summed over a range of days (type optional), in a query's area and cluster. */
export async function sumMeasure(q: GovQuery, measure: string, range: Range, type?: string) {
  const [row] = await query<{ v: unknown }>(sql`
    select coalesce(sum(value), 0) as v from metric_daily
    where ${rollupSlice(q)} and measure = ${measure} and day between ${range.from} and ${range.to}${type ? sql` and type = ${type}` : sql``}`)
  return num(row?.v)
}
