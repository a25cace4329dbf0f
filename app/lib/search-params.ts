import { cityByCode, clusterByCode, cooperationTypeByCode, orgKindByCode, regionByCode } from '../../db/taxonomy'
import type { ListingSearchParams } from '../../search/types'

/**
 * The search page's whole state lives in its URL, so a search can be shared and the back
 * button works. Anything unknown is dropped and numbers are clamped: a hand-edited URL gives
 * a normal page, never an error or an injected filter.
 */
export const PER_PAGE = 20
export const MAX_PAGE = 500
export const MAX_QUERY_LENGTH = 200
const SORTS = ['relevance', 'newest', 'closing', 'capacity'] as const

const known = (values: string[], isKnown: (v: string) => boolean, max = 20) => [...new Set(values.filter(isKnown))].slice(0, max)

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/
/** "2027-03" → the day number of 2027-03-01; anything else → no bound. */
function monthStart(value: string | null) {
  const m = value ? MONTH.exec(value) : null
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) / 86_400_000 : undefined
}
function monthEnd(value: string | null) {
  const m = value ? MONTH.exec(value) : null
  return m ? Date.UTC(Number(m[1]), Number(m[2]), 1) / 86_400_000 - 1 : undefined
}
export const dayToMonth = (day: number | undefined) => (day === undefined ? '' : new Date(day * 86_400_000).toISOString().slice(0, 7))

export function parseSearchParams(search: URLSearchParams): ListingSearchParams {
  const page = Number.parseInt(search.get('page') ?? '1', 10)
  const sort = search.get('sort')
  return {
    q: (search.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH),
    clusters: known(search.getAll('cluster'), (v) => clusterByCode.has(v)),
    types: known(search.getAll('type'), (v) => cooperationTypeByCode.has(v)),
    cities: known(search.getAll('city'), (v) => cityByCode.has(v)),
    orgKinds: known(search.getAll('kind'), (v) => orgKindByCode.has(v)),
    directions: known(search.getAll('dir'), (v) => v === 'need' || v === 'offer') as ('need' | 'offer')[],
    regions: known(search.getAll('region'), (v) => regionByCode.has(v)),
    verifiedOnly: search.get('verified') === '1',
    from: monthStart(search.get('from')),
    to: monthEnd(search.get('to')),
    phase: search.get('phase') === 'upcoming' || search.get('phase') === 'ongoing' ? (search.get('phase') as 'upcoming' | 'ongoing') : undefined,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as ListingSearchParams['sort']) : 'relevance',
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
    perPage: PER_PAGE,
  }
}

export const FILTER_KEYS = { clusters: 'cluster', types: 'type', cities: 'city', regions: 'region', orgKinds: 'kind', directions: 'dir' } as const
export type FilterField = keyof typeof FILTER_KEYS

export function toSearchUrl(params: ListingSearchParams, overrides: Partial<ListingSearchParams> = {}) {
  const p = { ...params, ...overrides }
  const search = new URLSearchParams()
  if (p.q) search.set('q', p.q)
  for (const [field, key] of Object.entries(FILTER_KEYS) as [FilterField, string][]) for (const v of p[field]) search.append(key, v)
  if (p.verifiedOnly) search.set('verified', '1')
  if (p.from !== undefined) search.set('from', dayToMonth(p.from))
  if (p.to !== undefined) search.set('to', dayToMonth(p.to))
  if (p.phase) search.set('phase', p.phase)
  if (p.sort !== 'relevance') search.set('sort', p.sort)
  if (p.page > 1) search.set('page', String(p.page))
  const query = search.toString()
  return query ? `/search?${query}` : '/search'
}

export const hasFilters = (p: ListingSearchParams) => p.verifiedOnly || p.from !== undefined || p.to !== undefined || p.phase !== undefined || Object.keys(FILTER_KEYS).some((f) => p[f as FilterField].length > 0)

export const NO_FILTERS = { clusters: [], types: [], cities: [], regions: [], orgKinds: [], directions: [], verifiedOnly: false, from: undefined, to: undefined, phase: undefined }

/** The organisation search's URL state, with the same clamping as the listing search. */
export function parseOrganisationSearchParams(search: URLSearchParams) {
  const page = Number.parseInt(search.get('page') ?? '1', 10)
  return {
    q: (search.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH),
    kinds: known(search.getAll('kind'), (v) => orgKindByCode.has(v) && v !== 'government'),
    cities: known(search.getAll('city'), (v) => cityByCode.has(v)),
    clusters: known(search.getAll('cluster'), (v) => clusterByCode.has(v)),
    verifiedOnly: search.get('verified') === '1',
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1,
    perPage: PER_PAGE,
  }
}
