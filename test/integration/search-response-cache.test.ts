import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle, listings } from '../../app/db.server'
import { searchInvalidation } from '../../app/lib/page-invalidation.server'
import { blankSearch } from '../../app/lib/search-params'
import { searchListings } from '../../app/search.server'
import { openDatabase } from '../../db/client'
import { enqueueSearchSync } from '../../db/outbox'
import { listenForSearchApplied } from '../../scripts/lib/page-cache'
import { createListing, createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

const usesPostgres = Boolean(process.env.DATABASE_URL)
// The serving process's own LISTEN connection; the writes below come through the test's pool, as from another process.
const server = usesPostgres
  ? openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: path.join(process.env.DATA_DIR!, 'unused'), maxConnections: 2 })
  : getDatabaseHandle()
let stop: (() => Promise<void>) | undefined
afterAll(async () => {
  await stop?.()
  if (usesPostgres) await server.close()
})

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await wait(20)
  return check()
}
const titles = async (q: string) => (await searchListings({ ...blankSearch(), q })).hits.map((h) => h.title)

describe('engine answers kept until the indexer applies a batch', () => {
  it('reuses an identical search, and answers afresh once a write has been indexed', async () => {
    const { runtime, indexer } = await prepareSearch()
    const org = await createOrganisation()
    const listing = await createListing(org.id, { title: '碳化硅单晶衬底切割抛光岗位实习' })
    await indexer.drainAll()
    stop = await listenForSearchApplied(server.listen, searchInvalidation())
    expect(await until(() => searchInvalidation().live)).toBe(true)
    expect(await titles('碳化硅衬底')).toEqual(['碳化硅单晶衬底切割抛光岗位实习'])

    // The engine changes behind the cache's back (no notification): the kept answer stays.
    await runtime.client.index(runtime.names.listings).deleteDocument(listing.id).waitTask()
    expect(await titles('碳化硅衬底')).toEqual(['碳化硅单晶衬底切割抛光岗位实习'])

    // A write through the outbox, then the indexer's batch: the same search shows the change.
    const generation = searchInvalidation().generation
    await db.transaction(async (tx) => {
      await tx.update(listings).set({ title: '碳化硅衬底研磨工艺顶岗实习' }).where(eq(listings.id, listing.id))
      await enqueueSearchSync(tx, 'listing', [listing.id])
    })
    // The commit alone changes no engine answer: nothing is dropped before the batch.
    await wait(300)
    expect(searchInvalidation().generation).toBe(generation)
    expect(await indexer.drainAll()).toBeGreaterThan(0)
    expect(await until(() => searchInvalidation().generation !== generation)).toBe(true)
    expect(await titles('碳化硅衬底')).toEqual(['碳化硅衬底研磨工艺顶岗实习'])
  }, 60_000)

  it('keeps nothing once it no longer listens', async () => {
    const { runtime, indexer } = await prepareSearch()
    await stop?.()
    stop = undefined
    expect(searchInvalidation().live).toBe(false)
    const listing = await createListing((await createOrganisation()).id, { title: '氢燃料电池电堆装配调试实习' })
    await indexer.drainAll()
    expect(await titles('氢燃料电堆')).toContain('氢燃料电池电堆装配调试实习')
    await runtime.client.index(runtime.names.listings).deleteDocument(listing.id).waitTask()
    expect(await titles('氢燃料电堆')).not.toContain('氢燃料电池电堆装配调试实习')
  }, 60_000)
})
