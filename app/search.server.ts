import type { Meilisearch } from 'meilisearch'
import { createSearchClient, isSearchHealthy, searchErrorMessage, type SearchEndpoint } from '../search/client'
import { indexNames, type IndexNames } from '../search/indexes'
import { searchListingIndex, unavailableResult } from '../search/listing-search'
import type { ListingSearchParams, ListingSearchResult } from '../search/types'
import { searchOrganisationsInPostgres } from '../search/postgres-org-search'
import { searchListingsInPostgres } from '../search/postgres-search'
import { warmVocabulary } from '../search/vocabulary'
import { db } from './db.server'
import { searchOrganisationIndex, type OrganisationSearchParams, type OrganisationSearchResult } from '../search/organisation-search'
import { getEnv } from './env.server'
import { remember } from './lib/remember'
import { createInvalidatedCache, searchInvalidation } from './lib/page-invalidation.server'

export type { FacetCounts, ListingHit, ListingSearchParams, ListingSearchResult } from '../search/types'
export type { OrganisationSearchParams, OrganisationSearchResult } from '../search/organisation-search'
// What the jobs module needs to run the outbox indexer.
export { searchErrorMessage } from '../search/client'
export { ensureIndexes, type IndexNames } from '../search/indexes'
export { createOutboxIndexer, type OutboxIndexer } from '../search/indexer'
export { capPerOrganisation, diversify } from '../search/diversity'
export { jiebaTfIdf, jiebaTokenizer } from '../search/text'

type SearchRuntime = { client: Meilisearch; names: IndexNames }

const runtimes = () => remember('search-runtime', () => ({ current: null as SearchRuntime | null }))

/** Memory for engine answers each process keeps: ~50 KB of JSON for a search page's, held as two-byte strings. */
export const SEARCH_RESPONSE_CACHE_BYTES = 12 * 1024 * 1024

/**
 * The engine's answers to identical searches, for every reader (signed-in ones too, whose pages are never
 * cached whole) and for the listing page's similar listings: dropped as soon as an indexer batch or a reindex
 * swap reaches the engine (SEARCH_APPLIED_CHANNEL), and nothing kept while the server does not listen for it.
 * The Postgres fallback's answers never pass through here.
 */
const searchResponses = () =>
  remember('search-responses', () =>
    createInvalidatedCache<string>({
      maxEntries: 2_000,
      maxBytes: SEARCH_RESPONSE_CACHE_BYTES,
      sizeOf: (text) => 2 * text.length,
      state: searchInvalidation,
    }),
  )

/** Points this process at a Meilisearch (the embedded one or MEILI_URL). Called once by the server script. */
export function configureSearch(
  endpoint: SearchEndpoint,
  prefix = getEnv().SEARCH_INDEX_PREFIX,
  { serving = true }: { serving?: boolean } = {},
): SearchRuntime {
  const runtime = {
    client: createSearchClient(endpoint, { timeoutMs: 5_000, responses: searchResponses() }),
    names: indexNames(prefix),
  }
  runtimes().current = runtime
  // The homophone index takes about a second to build; a serving process builds it now rather than on
  // the first typo. A cluster primary serves no page and never needs it (~20 MB).
  if (serving && process.env.NODE_ENV === 'production') setTimeout(warmVocabulary, 0)
  return runtime
}

export function getSearchRuntime(): SearchRuntime | null {
  const holder = runtimes()
  if (!holder.current) {
    const env = getEnv()
    if (env.MEILI_URL) configureSearch({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY })
  }
  return holder.current
}

/**
 * Never throws: when Meilisearch cannot answer, Postgres answers the same question (the result
 * says so, and the page shows a discreet notice); only if both fail is the result empty.
 */
async function withFallback<T>(
  fromIndex: (runtime: SearchRuntime) => Promise<T>,
  fromPostgres: () => Promise<T>,
  unavailable: () => T,
): Promise<T> {
  const runtime = getSearchRuntime()
  if (runtime) {
    try {
      return await fromIndex(runtime)
    } catch (error) {
      console.warn(`Meilisearch 不可用，改用数据库检索 (falling back to Postgres): ${searchErrorMessage(error)}`)
    }
  }
  try {
    return await fromPostgres()
  } catch (error) {
    console.error(`数据库检索失败 (Postgres search failed): ${error instanceof Error ? error.message : error}`)
    return unavailable()
  }
}

/** Listing search: Meilisearch, else Postgres; either way the first pages show no more than a few listings per organisation. */
export function searchListings(params: ListingSearchParams): Promise<ListingSearchResult> {
  return withFallback(
    (runtime) => searchListingIndex(runtime.client, runtime.names.listings, params),
    () => searchListingsInPostgres(db, params),
    () => unavailableResult(params),
  )
}

/**
 * The same search straight from Postgres, the record: search alerts ask it for what was published
 * in a window, which the index may not hold yet (it trails the database by the outbox's lag).
 */
export function searchListingsInDatabase(params: ListingSearchParams): Promise<ListingSearchResult> {
  return searchListingsInPostgres(db, params)
}

export function searchOrganisations(params: OrganisationSearchParams): Promise<OrganisationSearchResult> {
  return withFallback(
    (runtime) => searchOrganisationIndex(runtime.client, runtime.names.organisations, params),
    () => searchOrganisationsInPostgres(db, params),
    () => ({ hits: [], total: 0, totalPages: 0, facets: { kind: {}, city: {}, clusters: {} }, unavailable: true }),
  )
}

export async function checkSearchHealth() {
  const runtime = getSearchRuntime()
  return runtime ? isSearchHealthy(runtime.client) : false
}
