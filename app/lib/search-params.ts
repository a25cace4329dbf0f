import { z } from 'zod'
import { cityByCode, clusterByCode, cooperationTypeByCode, orgKindByCode, regionByCode } from '../../db/reference'
import type { ListingSearchParams } from '~/search.server'

/**
 * The search page's whole state lives in its URL, so a search can be shared and the back
 * button works. Anything unknown is dropped and numbers are clamped: a hand-edited URL gives
 * a normal page, never an error or an injected filter.
 */
export const PER_PAGE = 20
/** Meilisearch answers at most 10,000 hits (search/settings.ts `maxTotalHits`): 500 pages of 20. */
export const MAX_PAGE = 500
export const MAX_QUERY_LENGTH = 200
const MAX_VALUES_PER_FILTER = 20
export const SORTS = ['relevance', 'newest', 'closing', 'capacity'] as const
export const DIRECTIONS = ['need', 'offer'] as const

/** Whether the typed query was longer than the search reads (it searches the first MAX_QUERY_LENGTH characters and says so). */
export const queryWasShortened = (search: URLSearchParams) => (search.get('q') ?? '').replace(/\s+/g, ' ').trim().length > MAX_QUERY_LENGTH

const QuerySchema = z
  .string()
  .transform((q) => q.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim())
  .catch('')

const codesOf = (isKnown: (code: string) => boolean) =>
  z
    .array(z.string())
    .transform((values) => [...new Set(values.filter(isKnown))].slice(0, MAX_VALUES_PER_FILTER))
    .catch([])

const PageSchema = z
  .string()
  .regex(/^\s*[+-]?\d+\s*$/)
  .transform((v) => Math.min(Math.max(Number.parseInt(v, 10), 1), MAX_PAGE))
  .catch(1)

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/
/** "2027-03" → the day number of 2027-03-01 (or of 2027-03-31 for an end); anything else → no bound. */
const monthBound = (edge: 'start' | 'end') =>
  z
    .string()
    .regex(MONTH)
    .transform((v) => {
      const [year, month] = v.split('-').map(Number) as [number, number]
      const firstOfNext = Date.UTC(year, month, 1) / 86_400_000
      return edge === 'start' ? Date.UTC(year, month - 1, 1) / 86_400_000 : firstOfNext - 1
    })
    .optional()
    .catch(undefined)

export const ListingSearchParamsSchema = z.object({
  q: QuerySchema,
  cluster: codesOf((v) => clusterByCode.has(v)),
  type: codesOf((v) => cooperationTypeByCode.has(v)),
  city: codesOf((v) => cityByCode.has(v)),
  kind: codesOf((v) => orgKindByCode.has(v)),
  dir: codesOf((v) => (DIRECTIONS as readonly string[]).includes(v)),
  region: codesOf((v) => regionByCode.has(v)),
  major: codesOf((v) => v.trim().length > 0 && v.length <= 40),
  org: codesOf((v) => /^[1-9]\d{0,9}$/.test(v)),
  verified: z.literal('1').optional().catch(undefined),
  from: monthBound('start'),
  to: monthBound('end'),
  phase: z.enum(['upcoming', 'ongoing']).optional().catch(undefined),
  sort: z.enum(SORTS).catch('relevance'),
  page: PageSchema,
})

const first = (search: URLSearchParams, key: string) => search.get(key) ?? undefined

export function parseSearchParams(search: URLSearchParams): ListingSearchParams {
  const raw = ListingSearchParamsSchema.parse({
    q: search.get('q') ?? '',
    cluster: search.getAll('cluster'),
    type: search.getAll('type'),
    city: search.getAll('city'),
    kind: search.getAll('kind'),
    dir: search.getAll('dir'),
    region: search.getAll('region'),
    major: search.getAll('major'),
    org: search.getAll('org'),
    verified: first(search, 'verified'),
    from: first(search, 'from'),
    to: first(search, 'to'),
    phase: first(search, 'phase'),
    sort: first(search, 'sort'),
    page: search.get('page') ?? '1',
  })
  return {
    q: raw.q,
    clusters: raw.cluster,
    types: raw.type,
    cities: raw.city,
    orgKinds: raw.kind,
    directions: raw.dir as ListingSearchParams['directions'],
    regions: raw.region,
    majors: raw.major,
    orgs: raw.org,
    verifiedOnly: raw.verified === '1',
    from: raw.from,
    to: raw.to,
    phase: raw.phase,
    sort: raw.sort,
    page: raw.page,
    perPage: PER_PAGE,
  }
}

export const dayToMonth = (day: number | undefined) => (day === undefined ? '' : new Date(day * 86_400_000).toISOString().slice(0, 7))

/** The URL key of each multi-value filter; values repeat the key: cluster=coal_machinery&cluster=nev. */
export const FILTER_KEYS = {
  clusters: 'cluster',
  types: 'type',
  cities: 'city',
  regions: 'region',
  orgKinds: 'kind',
  directions: 'dir',
  majors: 'major',
  orgs: 'org',
} as const
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

export const hasFilters = (p: ListingSearchParams) =>
  p.verifiedOnly ||
  p.from !== undefined ||
  p.to !== undefined ||
  p.phase !== undefined ||
  Object.keys(FILTER_KEYS).some((f) => p[f as FilterField].length > 0)

export const NO_FILTERS = {
  clusters: [],
  types: [],
  cities: [],
  regions: [],
  orgKinds: [],
  directions: [],
  majors: [],
  orgs: [],
  verifiedOnly: false,
  from: undefined,
  to: undefined,
  phase: undefined,
} satisfies Partial<ListingSearchParams>

const OrganisationSearchParamsSchema = z.object({
  q: QuerySchema,
  kind: codesOf((v) => orgKindByCode.has(v) && v !== 'government'),
  city: codesOf((v) => cityByCode.has(v)),
  cluster: codesOf((v) => clusterByCode.has(v)),
  verified: z.literal('1').optional().catch(undefined),
  page: PageSchema,
})

/** The organisation search's URL state, with the same clamping as the listing search. */
export function parseOrganisationSearchParams(search: URLSearchParams) {
  const raw = OrganisationSearchParamsSchema.parse({
    q: search.get('q') ?? '',
    kind: search.getAll('kind'),
    city: search.getAll('city'),
    cluster: search.getAll('cluster'),
    verified: first(search, 'verified'),
    page: search.get('page') ?? '1',
  })
  return {
    q: raw.q,
    kinds: raw.kind,
    cities: raw.city,
    clusters: raw.cluster,
    verifiedOnly: raw.verified === '1',
    page: raw.page,
    perPage: PER_PAGE,
  }
}

/** A search with nothing chosen: the starting point for tests, benchmarks and evaluations. */
export const blankSearch = (overrides: Partial<ListingSearchParams> = {}): ListingSearchParams => ({
  q: '',
  ...NO_FILTERS,
  sort: 'relevance',
  page: 1,
  perPage: PER_PAGE,
  ...overrides,
})
