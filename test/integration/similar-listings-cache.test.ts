import { afterAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { anonymous } from '../../app/domain/actor'
import { getListing } from '../../app/domain/listings/queries.server'
import { listSimilarListings } from '../../app/domain/listings/similar.server'
import { pageInvalidation } from '../../app/lib/page-invalidation.server'
import { notifySearchApplied } from '../../db/outbox'
import { createPageCache } from '../../scripts/lib/page-cache'
import { createListing, createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
// The page cache as the server runs it, on this file's database: its NOTIFYs drive the shared invalidation state.
const pageCache = createPageCache({ maxBytes: 1024 * 1024, shared: pageInvalidation() })
let stop: (() => Promise<void>) | undefined
afterAll(() => stop?.())

describe('similar listings, reused until search changes', () => {
  it('answers from its cache while the page cache listens, and searches again after the indexer notifies', async () => {
    const { runtime, indexer } = await prepareSearch()
    const [a, b] = [await createOrganisation(), await createOrganisation()]
    const listing = await createListing(a.id, { title: '煤矿综采液压支架智能化改造顶岗实习' })
    const other = await createListing(b.id, { title: '煤矿综采液压支架维护跟岗实习' })
    await indexer.drainAll()
    const similarTo = await getListing({ id: listing.id, actor: anonymous })
    const ids = async () => (await listSimilarListings({ listing: similarTo })).map((s) => s.id)

    stop = await pageCache.listen(getDatabaseHandle().listen)
    const deadline = Date.now() + 10_000
    while (!pageInvalidation().live && Date.now() < deadline) await wait(20)
    expect(pageInvalidation().live).toBe(true)
    expect(await ids()).toContain(other.id)

    // The engine changes behind the cache's back (no notification): the cached answer stays.
    await runtime.client.index(runtime.names.listings).deleteDocument(other.id).waitTask()
    expect(await ids()).toContain(other.id)

    // The indexer's notification (as after any batch it applies) makes the next call search again.
    const before = pageInvalidation().generation
    await notifySearchApplied(db)
    while (pageInvalidation().generation === before && Date.now() < deadline + 10_000) await wait(20)
    expect(await ids()).not.toContain(other.id)

    // Nothing is reused while nobody listens (cache off, LISTEN lost): no notification would say when to drop it.
    await stop()
    stop = undefined
    expect(pageInvalidation().live).toBe(false)
    await ids()
    const third = await createListing(b.id, { title: '煤矿综采液压支架检修顶岗实习' })
    await indexer.drainAll()
    expect(await ids()).toContain(third.id)
  }, 60_000)
})
