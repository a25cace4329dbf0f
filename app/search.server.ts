import type { Meilisearch } from 'meilisearch'
import { createSearchClient, isSearchHealthy, type SearchEndpoint } from '../search/client'
import { indexNames, type IndexNames } from '../search/indexes'
import { searchListingIndex, unavailableResult } from '../search/listing-search'
import type { ListingSearchParams, ListingSearchResult } from '../search/types'
import { searchOrganisationsInPostgres } from './domain/search/postgres-org-search.server'
import { searchListingsInPostgres } from './domain/search/postgres-search.server'
import { searchOrganisationIndex, type OrganisationSearchParams, type OrganisationSearchResult } from '../search/organisation-search'
import { getEnv } from './env.server'
import { remember } from './lib/remember'

export type { ListingSearchParams, ListingSearchResult } from '../search/types'

type SearchRuntime = { client: Meilisearch; names: IndexNames }

const runtimes = () => remember('search-runtime', () => ({ current: null as SearchRuntime | null }))

/** Points this process at a Meilisearch (the embedded one or MEILI_URL). Called once by the server script. */
export function configureSearch(endpoint: SearchEndpoint, prefix = getEnv().SEARCH_INDEX_PREFIX): SearchRuntime {
  const runtime = { client: createSearchClient(endpoint, { timeoutMs: 5_000 }), names: indexNames(prefix) }
  runtimes().current = runtime
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
export async function searchListings(params: ListingSearchParams): Promise<ListingSearchResult> {
  const runtime = getSearchRuntime()
  if (runtime) {
    try {
      return await searchListingIndex(runtime.client, runtime.names.listings, params)
    } catch (error) {
      console.warn(`Meilisearch 不可用，改用数据库检索 (falling back to Postgres): ${error instanceof Error ? error.message : error}`)
    }
  }
  try {
    return await searchListingsInPostgres(params)
  } catch (error) {
    console.error(`数据库检索失败 (Postgres search failed): ${error instanceof Error ? error.message : error}`)
    return unavailableResult(params)
  }
}

/** Organisations, with the same fallback: Meilisearch, else Postgres, else an empty result with a notice. */
export async function searchOrganisations(params: OrganisationSearchParams): Promise<OrganisationSearchResult> {
  const runtime = getSearchRuntime()
  if (runtime) {
    try {
      return await searchOrganisationIndex(runtime.client, runtime.names.organisations, params)
    } catch (error) {
      console.warn(`Meilisearch 不可用，改用数据库检索 (falling back to Postgres): ${error instanceof Error ? error.message : error}`)
    }
  }
  try {
    return await searchOrganisationsInPostgres(params)
  } catch {
    return { hits: [], total: 0, totalPages: 0, facets: { kind: {}, city: {}, clusters: {} }, unavailable: true }
  }
}

export async function checkSearchHealth() {
  const runtime = getSearchRuntime()
  return runtime ? isSearchHealthy(runtime.client) : false
}
