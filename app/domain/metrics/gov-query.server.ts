import { cityByCode, clusterByCode, cooperationTypeByCode, regionByCode, regionOfCity } from '../../../db/reference'
import { citiesInScope } from '../accounts/guards.server'
import type { GovScope, UserActor } from '../actor'
import { DomainError } from '../errors.server'
import { PERIOD_PRESETS, type GovParams, type PeriodPreset } from '~/lib/gov-params'

export type Range = { from: string; to: string }
export type Period = Range & { preset: PeriodPreset; previous: Range }
export type MetricFilters = { cluster: string | null; type: string | null }
export type GovActor = UserActor & { govScope: GovScope }
/** What every government figure takes: who asks, for which area, which period, which slice. */
export type GovQuery = { actor: GovActor; scope: GovScope; period: Period; filters: MetricFilters }

const MAX_YEARS = 10
const DATE = /^\d{4}-\d{2}-\d{2}$/
const DAY = 86_400_000

/** Today on the Shanxi calendar (UTC+8). */
export function beijingToday(now = new Date()) {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const shiftYears = (day: string, years: number) => {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y! + years, m! - 1, d!))
  // 29 February a year away becomes 28 February, not 1 March.
  if (date.getUTCMonth() !== m! - 1) date.setUTCDate(0)
  return date.toISOString().slice(0, 10)
}
const validDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY)

/**
 * The period a dashboard shows and the one it is compared with: a year (or year to date) against the
 * same days a year earlier; 12 months against the 12 before; a custom range against as many days before it.
 */
export function parsePeriod(params: GovParams, now = new Date()): Period {
  const today = beijingToday(now)
  const year = Number(today.slice(0, 4))
  const preset = (params.preset ?? (params.from || params.to ? 'custom' : params.year ? 'year' : 'this_year')) as PeriodPreset | 'year'
  if (preset === 'year') {
    const y = Number(params.year)
    if (!/^\d{4}$/.test(params.year ?? '') || y < 2000 || y > year + 1)
      throw new DomainError('invalid', 'gov.error.badYear', { field: 'year' })
    const from = `${y}-01-01`
    const to = `${y}-12-31`
    return { preset: 'custom', from, to, previous: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` } }
  }
  if (!PERIOD_PRESETS.includes(preset)) throw new DomainError('invalid', 'gov.error.badPreset', { field: 'preset' })
  if (preset === 'this_year') {
    const from = `${year}-01-01`
    return { preset, from, to: today, previous: { from: shiftYears(from, -1), to: shiftYears(today, -1) } }
  }
  if (preset === 'last_year') {
    return { preset, from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, previous: { from: `${year - 2}-01-01`, to: `${year - 2}-12-31` } }
  }
  if (preset === 'last_12_months') {
    const from = shift(shiftYears(today, -1), 1)
    return { preset, from, to: today, previous: { from: shiftYears(from, -1), to: shift(from, -1) } }
  }
  const from = params.from ?? ''
  const to = params.to ?? ''
  if (!validDate(from)) throw new DomainError('invalid', 'gov.error.badDate', { field: 'from' })
  if (!validDate(to)) throw new DomainError('invalid', 'gov.error.badDate', { field: 'to' })
  if (to < from) throw new DomainError('invalid', 'gov.error.endBeforeStart', { field: 'to' })
  if (shiftYears(from, MAX_YEARS) <= to) throw new DomainError('invalid', 'gov.error.tooLong', { field: 'to', vars: { years: MAX_YEARS } })
  const length = daysBetween(from, to)
  return { preset, from, to, previous: { from: shift(from, -length - 1), to: shift(from, -1) } }
}

/** The area asked for (city or region in the URL, else the official's own), refused when outside theirs. */
export function resolveScope(actor: GovActor, params: GovParams): GovScope {
  let scope: GovScope = actor.govScope
  if (params.city) {
    if (!cityByCode.has(params.city)) throw new DomainError('invalid', 'gov.error.unknownCity', { field: 'city' })
    scope = { type: 'city', code: params.city }
  } else if (params.region) {
    if (!regionByCode.has(params.region)) throw new DomainError('invalid', 'gov.error.unknownRegion', { field: 'region' })
    scope = { type: 'region', code: params.region }
  }
  assertScope(actor, scope)
  return scope
}

/** A government user may read their own area and anything inside it, nothing else. */
export function assertScope(actor: GovActor, scope: GovScope): string[] {
  const own = new Set(citiesInScope(actor.govScope))
  const asked = citiesInScope(scope)
  if (own.size === 0 || asked.length === 0 || asked.some((c) => !own.has(c))) throw new DomainError('forbidden', 'gov.error.outOfScope')
  return asked
}

export function parseFilters(params: GovParams): MetricFilters {
  if (params.cluster && !clusterByCode.has(params.cluster))
    throw new DomainError('invalid', 'gov.error.unknownCluster', { field: 'cluster' })
  if (params.type && !cooperationTypeByCode.has(params.type)) throw new DomainError('invalid', 'gov.error.unknownType', { field: 'type' })
  return { cluster: params.cluster ?? null, type: params.type ?? null }
}

export function parseGovQuery({ actor, params, now }: { actor: GovActor; params: GovParams; now?: Date }): GovQuery {
  const scope = resolveScope(actor, params)
  return { actor, scope, period: parsePeriod(params, now), filters: parseFilters(params) }
}

/** The regional groups (and their cities) a scope spans, in taxonomy order. */
export function regionsOf(cities: string[]) {
  const codes = new Set(cities.map((c) => regionOfCity.get(c)!.code))
  return [...regionByCode.values()].filter((g) => codes.has(g.code))
}
