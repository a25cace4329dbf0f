import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'

/**
 * Grows a seeded database by `extra` published listings, copying the demo listings inside
 * Postgres in batches (with progress). Each copy's reference `scale:<source>:<batch>:<n>`
 * keeps it unique and says where it came from; titles carry the batch so they stay distinct.
 * For benchmarks only: copies are not queued for search (the benchmark indexes them itself).
 */
export async function growListings(db: Database, extra: number, onProgress?: (step: string, done: number, total: number) => void) {
  const BATCH = 50_000
  for (let done = 0, batch = 1; done < extra; batch++) {
    const take = Math.min(BATCH, extra - done)
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        with src as (
          select id, row_number() over (order by id) as rn, count(*) over () as n
          from listings where status = 'published' and (reference is null or reference not like 'scale:%')
        ), gen as (
          select g, s.id as src_id from generate_series(1, ${take}::int) g join src s on s.rn = ((g - 1) % s.n) + 1
        )
        insert into listings (organisation_id, direction, type, title, description, city_code, capacity, starts_on, ends_on, details, status, reference, published_at, created_at, updated_at)
        select l.organisation_id, l.direction, l.type, left(l.title, 64) || '（第' || ${batch}::int || '批' || gen.g || '）', l.description, l.city_code, l.capacity,
               l.starts_on, l.ends_on, l.details, 'published', 'scale:' || l.id || ':' || ${batch}::int || ':' || gen.g, l.published_at, l.created_at, l.updated_at
        from gen join listings l on l.id = gen.src_id`)
      await tx.execute(sql`
        insert into listing_clusters (listing_id, cluster_code)
        select l.id, lc.cluster_code from listings l
        join listing_clusters lc on lc.listing_id = split_part(l.reference, ':', 2)::int
        where l.reference like ${`scale:%:${batch}:%`}`)
    })
    done += take
    onProgress?.('扩充数据', done, extra)
  }
}
