import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/client'
import { listingSearchVector } from '../../search/search-vector'
import { loaderFor } from './generate'
import { dropIndexes, rows } from './generate/indexes'
import { LISTING_COLUMNS } from './generate/listings'
import { rebuildRollups } from './generate/rollups'

const BATCH = 50_000

type Source = {
  id: number
  organisation_id: number
  direction: string
  type: string
  title: string
  description: string
  city_code: string | null
  capacity: number | null
  starts_on: string | null
  ends_on: string | null
  details: Record<string, unknown>
  majors: string[]
  created_by_user_id: number | null
  published_at: Date | null
  created_at: Date
  updated_at: Date
  clusters: string[]
}

/**
 * Grows a seeded database by `extra` published listings, copies of its own published listings (not earlier
 * copies), the way the generator writes (scripts/lib/generate): COPY with triggers off and the listings' indexes
 * dropped, search_vector computed here as the generator does, then the rollups rebuilt from scratch in one
 * set-based pass (rebuildRollups) instead of migration 0006's triggers refreshing them listing by listing (about
 * 36 ms a row under load, hours for 500,000). Copy n of this database is `scale:<source>:<batch>:<n within its
 * batch of 50,000>`, unique, numbered after the copies already there; titles carry the batch and number so they
 * stay distinct. For benchmarks only: copies are not queued for search (the benchmark indexes them itself).
 */
export async function growListings(
  handle: DatabaseHandle,
  extra: number,
  onProgress?: (step: string, done: number, total: number) => void,
) {
  if (extra <= 0) return
  const { db } = handle
  const sources = await rows<Source>(
    db,
    sql`select l.id, l.organisation_id, l.direction, l.type, l.title, l.description, l.city_code, l.capacity,
        l.starts_on::text as starts_on, l.ends_on::text as ends_on, l.details, l.majors, l.created_by_user_id,
        l.published_at, l.created_at, l.updated_at,
        coalesce((select array_agg(c.cluster_code order by c.cluster_code) from listing_clusters c where c.listing_id = l.id), '{}') as clusters
      from listings l where l.status = 'published' and (l.reference is null or l.reference not like 'scale:%') order by l.id`,
  )
  if (!sources.length) throw new Error('no published listings to copy')
  const [{ maxId, copies }] = await rows<{ maxId: number; copies: number }>(
    db,
    sql`select coalesce(max(id), 0)::int as "maxId", (count(*) filter (where reference like 'scale:%'))::int as copies from listings`,
  )
  const loader = loaderFor(handle)
  try {
    const indexes = await dropIndexes(db, loader, ['listings', 'listing_clusters'])
    const [listingOut, clusterOut] = await Promise.all([
      loader.open('listings', LISTING_COLUMNS),
      // The candidate columns (migration 0016) are kept by a trigger that COPY with triggers off does not fire.
      loader.open('listing_clusters', ['listing_id', 'cluster_code', 'type', 'direction', 'status']),
    ])
    for (let k = 0; k < extra; k++) {
      const n = copies + k
      const batch = Math.floor(n / BATCH) + 1
      const g = (n % BATCH) + 1
      const l = sources[n % sources.length]!
      const id = maxId + k + 1
      const title = `${[...l.title].slice(0, 64).join('')}（第${batch}批${g}）`
      await listingOut.write([
        id,
        l.organisation_id,
        l.direction,
        l.type,
        title,
        l.description,
        l.city_code,
        l.capacity,
        l.starts_on,
        l.ends_on,
        l.details,
        l.majors,
        listingSearchVector({ title, description: l.description, majors: l.majors }),
        'published',
        `scale:${l.id}:${batch}:${g}`,
        1,
        l.created_by_user_id,
        l.published_at,
        l.created_at,
        l.updated_at,
      ])
      for (const cluster of l.clusters) await clusterOut.write([id, cluster, l.type, l.direction, 'published'])
      if ((k + 1) % 5000 === 0) onProgress?.('扩充数据 listings', k + 1, extra)
    }
    await Promise.all([listingOut.end(), clusterOut.end()])
    onProgress?.('扩充数据 listings', extra, extra)
    await indexes.restore()
    await loader.run(`select setval(pg_get_serial_sequence('listings', 'id'), ${maxId + extra + 1}, false)`)
    const [{ matches }] = await rows<{ matches: number }>(db, sql`select coalesce(max(id), 0)::int as matches from matches`)
    await rebuildRollups(db, loader, {
      listings: maxId + extra,
      matches,
      onProgress: (done, total) => onProgress?.('汇总 rollups', done, total),
    })
    await loader.run('analyze listings, listing_clusters, metric_ledger, metric_daily, metric_org_daily')
  } finally {
    await loader.close()
  }
}
