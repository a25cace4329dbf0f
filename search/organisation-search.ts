import type { Meilisearch, SearchResponse } from 'meilisearch'
import type { OrganisationDocument } from './documents'
import { POST, PRE, markHighlights } from './listing-search'

export type OrganisationSearchParams = {
  q: string
  kinds: string[]
  cities: string[]
  clusters: string[]
  verifiedOnly: boolean
  page: number
  perPage: number
}
export type OrganisationHit = OrganisationDocument & { highlightedName: string }
export type OrganisationSearchResult = {
  hits: OrganisationHit[]
  total: number
  totalPages: number
  facets: Record<'kind' | 'city' | 'clusters', Record<string, number>>
  engine?: 'meilisearch' | 'postgres'
  unavailable?: boolean
}

const anyOf = (attribute: string, values: string[]) =>
  values.length ? `${attribute} IN [${values.map((v) => JSON.stringify(v)).join(', ')}]` : undefined

export function organisationFilters(params: OrganisationSearchParams) {
  return [
    anyOf('kind', params.kinds),
    anyOf('city', params.cities),
    anyOf('clusters', params.clusters),
    params.verifiedOnly ? 'verified = true' : undefined,
  ].filter((f): f is string => f !== undefined)
}

/** Government units are not partners to find, so they never appear. */
export async function searchOrganisationIndex(
  client: Meilisearch,
  uid: string,
  params: OrganisationSearchParams,
): Promise<OrganisationSearchResult> {
  const response = (await client.index(uid).search(params.q, {
    filter: [...organisationFilters(params), 'kind != "government"'],
    facets: ['kind', 'city', 'clusters'],
    page: params.page,
    hitsPerPage: params.perPage,
    attributesToHighlight: ['name'],
    highlightPreTag: PRE,
    highlightPostTag: POST,
  })) as SearchResponse<OrganisationDocument>
  return {
    hits: response.hits.map(({ _formatted, ...doc }) => ({
      ...(doc as OrganisationDocument),
      highlightedName: markHighlights((_formatted as { name?: string } | undefined)?.name ?? doc.name),
    })),
    total: response.totalHits ?? response.hits.length,
    totalPages: response.totalPages ?? 1,
    facets: {
      kind: response.facetDistribution?.kind ?? {},
      city: response.facetDistribution?.city ?? {},
      clusters: response.facetDistribution?.clusters ?? {},
    },
    engine: 'meilisearch',
  }
}
