import { sql } from 'drizzle-orm'
import { listings } from './schema'

/** A listing's cluster codes as one array column, for selects that list listings. */
export const listingClusterCodes = sql<string[]>`array(select lc.cluster_code from listing_clusters lc where lc.listing_id = ${listings.id} order by lc.cluster_code)`
