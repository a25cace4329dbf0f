import { sql } from 'drizzle-orm'
import { listings } from './schema'

/** A listing's cluster codes as one array column, for selects that list listings. */
export const listingClusterCodes = sql<
  string[]
>`array(select lc.cluster_code from listing_clusters lc where lc.listing_id = ${listings.id} order by lc.cluster_code)`

/**
 * The columns only a draft may leave empty (the listings_complete_unless_draft check), typed as
 * present: use them in selects limited to listings that are not drafts.
 */
export const completeListingColumns = {
  cityCode: sql<string>`${listings.cityCode}`.mapWith(listings.cityCode),
  capacity: sql<number>`${listings.capacity}`.mapWith(listings.capacity),
  startsOn: sql<string>`${listings.startsOn}`.mapWith(listings.startsOn),
  endsOn: sql<string>`${listings.endsOn}`.mapWith(listings.endsOn),
}

/** What a listing card shows, besides who published it (cards show published listings only). */
export const listingCardColumns = {
  id: listings.id,
  title: listings.title,
  direction: listings.direction,
  type: listings.type,
  city: completeListingColumns.cityCode,
  capacity: completeListingColumns.capacity,
  startsOn: completeListingColumns.startsOn,
  endsOn: completeListingColumns.endsOn,
  majors: listings.majors,
  clusters: listingClusterCodes,
}
