import { sql } from 'drizzle-orm'
import { listings } from './schema'

/** A listing's cluster codes as one array column, for selects that list listings. */
export const listingClusterCodes = sql<
  string[]
>`array(select lc.cluster_code from listing_clusters lc where lc.listing_id = ${listings.id} order by lc.cluster_code)`

/** What a listing card shows, besides who published it. */
export const listingCardColumns = {
  id: listings.id,
  title: listings.title,
  direction: listings.direction,
  type: listings.type,
  city: listings.cityCode,
  capacity: listings.capacity,
  startsOn: listings.startsOn,
  endsOn: listings.endsOn,
  majors: listings.majors,
  clusters: listingClusterCodes,
}
