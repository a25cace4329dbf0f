import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/client'
import { rows } from './indexes'

/**
 * The generator COPYs listings.search_vector computed in TypeScript (search/search-vector.ts); the app's writes get
 * it from the database (jcj_listing_search_vector, migration 0020). Every `every`-th listing is held against the SQL
 * function, so a tokeniser drift fails the run instead of changing the fallback's scores silently.
 */
export async function checkSearchVectorSample(db: Database, every = 250): Promise<{ checked: number; mismatches: number[] }> {
  const [row] = await rows<{ checked: number; mismatches: number[] | null }>(
    db,
    sql`select count(*)::int as checked,
        array_agg(id order by id) filter (where search_vector is distinct from jcj_listing_search_vector(title, description, majors)) as mismatches
      from listings where id % ${every} = 1`,
  )
  return { checked: row?.checked ?? 0, mismatches: row?.mismatches ?? [] }
}
