import { sql } from 'drizzle-orm'
import { cityByCode, regionOfCity, taxonomy } from '../../../db/reference'
import { DomainError } from '../errors.server'
import { outcomeFigureByKey, TREND_GROUPS, TREND_METRICS, type TrendGroup, type TrendMetric } from '~/lib/gov-figures'
import { assertScope, beijingToday, regionsOf, type GovQuery } from './gov-query.server'
import { rollupSums } from './rollups.server'
import { inList, num, query } from './sql.server'

function measureOf(metric: TrendMetric) {
  if (metric === 'listings') return sql`measure = 'listings'`
  if (metric === 'contact' || metric === 'signed' || metric === 'completed') return sql`measure = 'entered' and stage = ${metric}`
  const figure = outcomeFigureByKey.get(metric)!
  return sql`measure in ${inList(figure.measures.map((m) => `outcome:${m}`))} and type = ${figure.type}`
}

/** The 36 months ending with this one, as YYYY-MM. */
export function lastMonths(count = 36, today = beijingToday()) {
  const [y, m] = today.split('-').map(Number)
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y!, m! - 1 - (count - 1 - i), 1))
    return d.toISOString().slice(0, 7)
  })
}

/** Monthly series of one metric for the last three years, in total or per region, city or cluster. */
export async function getTrends(q: GovQuery, options: { metric?: string; group?: string } = {}) {
  const cities = assertScope(q.actor, q.scope)
  const metric = (options.metric ?? 'contact') as TrendMetric
  const group = (options.group ?? 'total') as TrendGroup
  if (!TREND_METRICS.includes(metric)) throw new DomainError('invalid', 'gov.error.unknownMetric', { field: 'metric' })
  if (!TREND_GROUPS.includes(group)) throw new DomainError('invalid', 'gov.error.unknownGroup', { field: 'group' })
  const months = lastMonths()
  const byCluster = group === 'cluster'
  const key = byCluster ? 'cluster_code' : 'city_code'
  const rows = await query<Record<string, unknown>>(
    rollupSums({
      where: sql`city_code in ${inList(cities)} and ${measureOf(metric)}
        and ${byCluster ? (q.filters.cluster ? sql`cluster_code = ${q.filters.cluster}` : sql`cluster_code <> ''`) : sql`cluster_code = ${q.filters.cluster ?? ''}`}
        ${q.filters.type ? sql`and type = ${q.filters.type}` : sql``}`,
      keys: [key],
      byMonth: true,
      ranges: [{ from: `${months[0]}-01`, to: beijingToday() }],
    }),
  )
  const keyOf = (raw: string) => (group === 'total' ? 'total' : group === 'region' ? regionOfCity.get(raw)!.code : raw)
  const seriesKeys =
    group === 'total'
      ? ['total']
      : group === 'region'
        ? regionsOf(cities).map((g) => g.code)
        : group === 'city'
          ? cities.filter((c) => cityByCode.has(c))
          : taxonomy.clusters.map((c) => c.code).filter((c) => !q.filters.cluster || c === q.filters.cluster)
  const values = new Map<string, number>()
  for (const r of rows) {
    const k = `${keyOf(String(r[key]))}|${r.month}`
    values.set(k, (values.get(k) ?? 0) + num(r.v0))
  }
  const series = seriesKeys.map((key) => ({ key, values: months.map((m) => values.get(`${key}|${m}`) ?? 0) }))
  return { metric, group, months, series }
}

/** One metric per city of the official's whole area, for the map. */
export async function getCityValues(q: GovQuery, metric: string = 'contact') {
  if (!TREND_METRICS.includes(metric as TrendMetric)) throw new DomainError('invalid', 'gov.error.unknownMetric', { field: 'map' })
  const cities = assertScope(q.actor, q.actor.govScope)
  const rows = await query<Record<string, unknown>>(
    rollupSums({
      where: sql`city_code in ${inList(cities)} and ${measureOf(metric as TrendMetric)} and cluster_code = ${q.filters.cluster ?? ''}
        ${q.filters.type ? sql`and type = ${q.filters.type}` : sql``}`,
      keys: ['city_code'],
      ranges: [q.period],
    }),
  )
  const values = new Map(rows.map((r) => [String(r.city_code), num(r.v0)]))
  return { metric: metric as TrendMetric, values: Object.fromEntries(cities.map((c) => [c, values.get(c) ?? 0])) as Record<string, number> }
}
