import { capPerOrganisation, searchListings } from '~/search.server'
import { NO_FILTERS } from '~/lib/search-params'
import { createInvalidatedCache } from '~/lib/page-invalidation.server'
import { remember } from '~/lib/remember'
import { clusterByCode } from '../../../db/reference'

export const SIMILAR_LIMIT = 6
/** One organisation's batch of near-identical posts would otherwise fill the section. */
const SIMILAR_PER_ORGANISATION = 2
/** Enough ranked candidates that the cap and the listing itself still leave six. */
const CANDIDATES = 30

type SimilarTo = { id: number; title: string; type: string; direction: 'need' | 'offer'; clusters: string[]; majors: string[] }

/**
 * Other live listings most like this one: the same type and direction (unlike the recommendations,
 * which pair a need with an offer), ranked by the search engine on the listing's own words — title,
 * majors, cluster names, in that order because the engine weighs the first words most. The search
 * index holds only published listings, and when Meilisearch is down the Postgres fallback answers.
 * Public data only, so the actor who read `listing` does not narrow it further.
 */
export async function listSimilarListings({ listing }: { listing: SimilarTo }) {
  // The same for every reader of the listing until search changes (the page cache's signals say when), so signed-in
  // readers, whose pages are never cached whole, reuse it too. The key holds everything the search below reads.
  const day = Math.floor(Date.now() / 86_400_000)
  const key = JSON.stringify([listing.id, listing.title, listing.type, listing.direction, listing.clusters, listing.majors, day])
  return similarResults().get(key, () => searchSimilar({ listing, day }))
}

const similarResults = () =>
  remember('similar-listings', () => createInvalidatedCache<Awaited<ReturnType<typeof searchSimilar>>>({ maxEntries: 2_000 }))

async function searchSimilar({ listing, day }: { listing: SimilarTo; day: number }) {
  const clusterNames = listing.clusters.map((c) => clusterByCode.get(c)?.name).filter((n): n is string => !!n)
  const result = await searchListings({
    ...NO_FILTERS,
    q: [listing.title, ...listing.majors, ...clusterNames].join(' '),
    anyWord: true,
    types: [listing.type],
    directions: [listing.direction],
    // Still published but past its end date (the expiry job runs daily) is not live either.
    from: day,
    sort: 'relevance',
    page: 1,
    perPage: CANDIDATES,
  })
  const others = result.hits.filter((hit) => hit.id !== listing.id)
  return capPerOrganisation(others, SIMILAR_PER_ORGANISATION, SIMILAR_LIMIT).map((hit) => ({
    id: hit.id,
    title: hit.title,
    direction: hit.direction,
    type: hit.type,
    organisationName: hit.organisationName,
    organisationVerified: hit.organisationVerified,
    city: hit.city,
    clusters: hit.clusters,
    majors: hit.majors,
    capacity: hit.capacity,
    startsOn: hit.startsOn,
    endsOn: hit.endsOn,
  }))
}
