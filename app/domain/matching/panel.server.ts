import type { Actor } from '../actor'
import {
  rankOwnListingsFor,
  recommendForListing,
  recommendForOrganisation,
  type RecommendedListing,
  type RecommendedOrganisation,
} from './recommend.server'

const PANEL_SIZE = 6

/**
 * What a listing page shows: for its owner, the counterparts that fit it; for a signed-in visitor
 * whose organisation may act, which of their own listings fits it best; nothing for anyone else.
 */
export async function listingPanel({ actor, listingId, isOwner }: { actor: Actor; listingId: number; isOwner: boolean }) {
  if (isOwner) {
    const { listings, organisations } = await recommendForListing({ actor, listingId, options: { limit: PANEL_SIZE } })
    const own: Awaited<ReturnType<typeof rankOwnListingsFor>> = []
    return { mode: 'owner' as const, listingId, listings, organisations: organisations.slice(0, 4), own }
  }
  if (actor.kind !== 'user' || !actor.activeOrganisationId) return null
  const own = await rankOwnListingsFor({ actor, listingId })
  const none: { listings: RecommendedListing[]; organisations: RecommendedOrganisation[] } = { listings: [], organisations: [] }
  return { mode: 'visitor' as const, listingId, ...none, own }
}

export type ListingPanelData = NonNullable<Awaited<ReturnType<typeof listingPanel>>>

/** "Recommended for you" on the dashboard. */
export async function dashboardPanel({ actor, organisationId }: { actor: Actor; organisationId: number }) {
  const { listings, organisations } = await recommendForOrganisation({ actor, organisationId, limit: PANEL_SIZE })
  return { listings, organisations: organisations.slice(0, 4) }
}
