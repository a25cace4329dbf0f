import { sql, type SQL } from 'drizzle-orm'
import type { GovQuery, Range } from './gov-query.server'
import { assertScope } from './gov-query.server'
import { inList, num, query } from './sql.server'

/** Conditions on the rollups for a query's area and slice ('' is the all-clusters row, so nothing counts twice). */
export function rollupSlice(q: GovQuery, cities = assertScope(q.actor, q.scope)): SQL {
  return sql`city_code in ${inList(cities)} and cluster_code = ${q.filters.cluster ?? ''}${q.filters.type ? sql` and type = ${q.filters.type}` : sql``}`
}

/**
 * A range as whole months (first days of the months) and, for a month it covers only in part, either
 * its days (`days`) or, when those are most of the month, the whole month (`edgeMonths`) less the days
 * outside the range (`minusDays`): a year back from today reads a day or two of daily rows, not a month.
 */
export type Span = { months: Range | null; days: Range[]; edgeMonths: string[]; minusDays: Range[] }

const DAY = 86_400_000
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)
const monthStart = (day: string) => `${day.slice(0, 7)}-01`
const nextMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number)
  return new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 10)
}
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1

export function splitRange({ from, to }: Range): Span {
  const firstWhole = from.endsWith('-01') ? from : nextMonth(from)
  const afterTo = addDays(to, 1)
  // The month holding the day after `to` is the first that is not whole; the one before it is the last whole month.
  const lastWholeEnd = monthStart(afterTo) === afterTo ? to : addDays(monthStart(to), -1)
  const span: Span = { months: null, days: [], edgeMonths: [], minusDays: [] }
  const partial: Range[] = []
  if (firstWhole > lastWholeEnd) {
    for (let start = from; start <= to; start = nextMonth(start))
      partial.push({ from: start, to: [to, addDays(nextMonth(start), -1)].sort()[0]! })
  } else {
    span.months = { from: firstWhole, to: monthStart(lastWholeEnd) }
    if (from < firstWhole) partial.push({ from, to: addDays(firstWhole, -1) })
    if (to > lastWholeEnd) partial.push({ from: addDays(lastWholeEnd, 1), to })
  }
  for (const days of partial) {
    const first = monthStart(days.from)
    const last = addDays(nextMonth(first), -1)
    const outside = daysFrom(first, last) - daysFrom(days.from, days.to)
    if (outside >= daysFrom(days.from, days.to)) {
      span.days.push(days)
      continue
    }
    span.edgeMonths.push(first)
    if (days.from > first) span.minusDays.push({ from: first, to: addDays(days.from, -1) })
    if (days.to < last) span.minusDays.push({ from: addDays(days.to, 1), to: last })
  }
  return span
}

/** The whole months of a span as metric_month_index() numbers. */
export function monthIndexes(months: Range | null): number[] {
  if (!months) return []
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1
  return Array.from({ length: index(months.to) - index(months.from) + 1 }, (_, i) => index(months.from) + i)
}

const anyOf = (parts: SQL[]) => (parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`)
const monthsIn = (span: Span) => [
  ...(span.months ? [sql`month between ${span.months.from} and ${span.months.to}`] : []),
  ...(span.edgeMonths.length ? [sql`month in ${inList(span.edgeMonths)}`] : []),
]
const dayRanges = (days: Range[]) => days.map((d) => sql`day between ${d.from} and ${d.to}`)
const daysIn = (span: Span) => [...dayRanges(span.days), ...dayRanges(span.minusDays)]
/** A daily row's share of a span: its value on the span's own days, less it on the days an edge month brings in. */
const dailyShare = (span: Span) =>
  sql`case when ${anyOf(dayRanges(span.days))} then value when ${anyOf(dayRanges(span.minusDays))} then -value end`

/**
 * One statement summing `value` per key over several ranges at once (v0, v1, … in the order given): the
 * whole months from metric_monthly, only the days of partial months from metric_daily. `byMonth` adds the
 * key `month` (YYYY-MM). Measures must be ones metric_monthly keeps (not dwell).
 */
export function rollupSums({ where, keys, ranges, byMonth = false }: { where: SQL; keys: string[]; ranges: Range[]; byMonth?: boolean }) {
  const spans = ranges.map(splitRange)
  const part = (table: 'metric_monthly' | 'metric_daily', conditions: (s: Span) => SQL[]) => {
    const date = sql.identifier(table === 'metric_monthly' ? 'month' : 'day')
    const keyColumns = [...keys.map((k) => sql.identifier(k)), ...(byMonth ? [sql`to_char(${date}, 'YYYY-MM') as month`] : [])]
    const sums = spans.map((s, i) =>
      table === 'metric_monthly'
        ? sql`sum(value) filter (where ${anyOf(conditions(s))}) as ${sql.identifier(`v${i}`)}`
        : sql`sum(${dailyShare(s)}) as ${sql.identifier(`v${i}`)}`,
    )
    const groups = keyColumns.map((_, i) => sql.raw(String(i + 1)))
    return sql`select ${sql.join([...keyColumns, ...sums], sql`, `)} from ${sql.identifier(table)}
      where ${where} and ${anyOf(spans.flatMap(conditions))}${groups.length ? sql` group by ${sql.join(groups, sql`, `)}` : sql``}`
  }
  const parts = [
    ...(spans.some((s) => monthsIn(s).length) ? [part('metric_monthly', monthsIn)] : []),
    ...(spans.some((s) => daysIn(s).length) ? [part('metric_daily', daysIn)] : []),
  ]
  const outKeys = [...keys, ...(byMonth ? ['month'] : [])].map((k) => sql.identifier(k))
  const totals = spans.map((_, i) => sql`coalesce(sum(${sql.identifier(`v${i}`)}), 0) as ${sql.identifier(`v${i}`)}`)
  return sql`select ${sql.join([...outKeys, ...totals], sql`, `)} from (${sql.join(parts, sql` union all `)}) x${
    outKeys.length ? sql` group by ${sql.join(outKeys, sql`, `)}` : sql``
  }`
}

export type RollupSum = { measure: string; type: string; direction: string; stage: string; current: number; previous: number }

export const sumRollupsStatement = (q: GovQuery, measures: SQL) =>
  rollupSums({
    where: sql`${rollupSlice(q)} and (${measures})`,
    keys: ['measure', 'type', 'direction', 'stage'],
    ranges: [q.period, q.period.previous],
  })

/** Sums per measure × type × direction × stage for the period and the one it is compared with. */
export async function sumRollups(q: GovQuery, measures: SQL): Promise<RollupSum[]> {
  const rows = await query<Record<string, unknown>>(sumRollupsStatement(q, measures))
  return rows.map((r) => ({
    measure: String(r.measure),
    type: String(r.type),
    direction: String(r.direction),
    stage: String(r.stage),
    current: num(r.v0),
    previous: num(r.v1),
  }))
}

/**
 * Organisations with at least one listing published or stage entered, per range: those with a whole month
 * of the range in metric_org_active, and those whose contributions in the range's partial months (the
 * span's days, or edge months less the days outside the range) add up to more than nothing.
 */
export function activeOrganisationsStatement(q: GovQuery, ranges: Range[]) {
  const inCities = sql`city_code in ${inList(assertScope(q.actor, q.scope))}`
  const inCluster = q.filters.cluster
    ? sql` where exists (select 1 from organisation_clusters oc where oc.organisation_id = a.organisation_id and oc.cluster_code = ${q.filters.cluster})`
    : sql``
  const counts = ranges.map((range, i) => {
    const span = splitRange(range)
    const whole = monthIndexes(span.months)
    const edge = [
      ...(span.edgeMonths.length
        ? [sql`select organisation_id, value from metric_org_monthly where month in ${inList(span.edgeMonths)} and ${inCities}`]
        : []),
      ...(daysIn(span).length
        ? [sql`select organisation_id, ${dailyShare(span)} as value from metric_org_daily where ${anyOf(daysIn(span))} and ${inCities}`]
        : []),
    ]
    const parts = [
      ...(whole.length
        ? [sql`select organisation_id from metric_org_active where ${inCities} and months && ${`{${whole.join(',')}}`}::integer[]`]
        : []),
      ...(edge.length ? [sql`select organisation_id from (${sql.join(edge, sql` union all `)}) e group by 1 having sum(value) > 0`] : []),
    ]
    return sql`(select count(*) from (${sql.join(parts, sql` union `)}) a${inCluster})::int as ${sql.identifier(`n${i}`)}`
  })
  return sql`select ${sql.join(counts, sql`, `)}`
}

export async function countActiveOrganisations(q: GovQuery, ranges: Range[]): Promise<number[]> {
  const [row] = await query<Record<string, unknown>>(activeOrganisationsStatement(q, ranges))
  return ranges.map((_, i) => num(row?.[`n${i}`]))
}

/** Histograms of whole days spent per type × stage, for medians (day precision: dwell is only kept daily). */
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
  const [row] = await query<{ v0: unknown }>(
    rollupSums({
      where: sql`${rollupSlice(q)} and measure = ${measure}${type ? sql` and type = ${type}` : sql``}`,
      keys: [],
      ranges: [range],
    }),
  )
  return num(row?.v0)
}
