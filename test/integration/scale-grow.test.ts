import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { generateData } from '../../scripts/lib/generate'
import { growListings } from '../../scripts/lib/scale'
import { rollupRows, rollupsThroughTriggers } from '../support/rollups'

const TODAY = new Date('2026-11-20T00:00:00Z')
const rowsOf = <T>(result: unknown) => (result as { rows?: T[] }).rows ?? (result as T[])
const one = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(statement))[0]!

let base: { listings: number; published: number; clusters: number }

beforeAll(async () => {
  await generateData({ handle: getDatabaseHandle(), orgs: 120, listings: 800, events: 4000, today: TODAY })
  base = await one(sql`select count(*)::int as listings, (count(*) filter (where status = 'published'))::int as published,
    (select count(*)::int from listing_clusters) as clusters from listings`)
}, 120_000)

describe('growListings (npm run bench -- scale)', () => {
  it('copies published listings by COPY, with the search vectors, clusters and rollups the triggers would have given', async () => {
    await growListings(getDatabaseHandle(), 1500)
    // A second grow numbers its copies after the first's.
    await growListings(getDatabaseHandle(), 700)
    const after = await one<
      Record<string, number>
    >(sql`select count(*)::int as listings, (count(*) filter (where status = 'published'))::int as published,
      (count(distinct reference) filter (where reference like 'scale:%'))::int as "distinctCopies",
      (count(*) filter (where search_vector is distinct from jcj_listing_search_vector(title, description, majors)))::int as "vectorsDiffer",
      (select count(*)::int from listing_clusters c join listings l on l.id = c.listing_id
        where (c.type, c.direction, c.status) is distinct from (l.type, l.direction, l.status)) as "clusterColumnsDiffer",
      (select count(*)::int from listings l join listings s on s.id = split_part(l.reference, ':', 2)::int
        where l.reference like 'scale:%' and (select array_agg(cluster_code order by cluster_code) from listing_clusters where listing_id = l.id)
          is distinct from (select array_agg(cluster_code order by cluster_code) from listing_clusters where listing_id = s.id)) as "clustersDiffer"
      from listings`)
    expect(after).toEqual({
      listings: base.listings + 2200,
      published: base.published + 2200,
      distinctCopies: 2200,
      vectorsDiffer: 0,
      clusterColumnsDiffer: 0,
      clustersDiffer: 0,
    })

    const grown = await rollupRows()
    expect(grown.daily.length).toBeGreaterThan(500)
    expect(grown).toEqual(await rollupsThroughTriggers())

    // The id sequence continues after the copies: an ordinary insert (through the triggers) still works.
    const inserted = await one<{ id: number }>(sql`insert into listings (organisation_id, direction, type, title, description)
      select organisation_id, direction, type, '新增', '新增' from listings limit 1 returning id`)
    expect(inserted.id).toBeGreaterThan(base.listings + 2200)
  }, 240_000)
})
