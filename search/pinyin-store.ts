import { sql } from 'drizzle-orm'
import type { Executor } from '../db/client'
import type { ListingDocument } from './types'

/**
 * Keeps listing_search_pinyin (migration 0019) equal to the pinyin the search documents carry (`pinyin`
 * and `textPinyin` together), so the Postgres fallback finds pinyin queries as Meilisearch does. Written
 * before the engine is asked, so it stays current while Meilisearch is down; listings that leave search
 * simply stop matching (the fallback reads published listings only) and their rows go with them on delete.
 */
export async function storeListingPinyin(db: Executor, documents: Pick<ListingDocument, 'id' | 'pinyin' | 'textPinyin'>[]) {
  if (documents.length === 0) return
  // A reindex rewrites only what changed (no dead rows, no GIN work). One JSON parameter rather than
  // arrays: both drivers (postgres-js, PGlite) pass text the same way.
  const rows = JSON.stringify(documents.map((d) => [d.id, `${d.pinyin} ${d.textPinyin}`]))
  await db.execute(sql`
    insert into listing_search_pinyin (listing_id, terms)
    select (r ->> 0)::int, to_tsvector('simple', r ->> 1) from jsonb_array_elements(${rows}::jsonb) as r
    on conflict (listing_id) do update set terms = excluded.terms
    where listing_search_pinyin.terms is distinct from excluded.terms`)
}
