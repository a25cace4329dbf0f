import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { createScheduler } from '../../app/jobs/scheduler.server'
import { enqueueSearchSync, OUTBOX_CHANNEL, outboxLag } from '../../db/outbox'
import { listings } from '../../db/schema'
import { createSearchClient } from '../../search/client'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../search/embedded'
import { ensureIndexes, indexNames } from '../../search/indexes'
import { createOutboxIndexer } from '../../search/indexer'
import { createListing, createOrganisation } from '../factories'

const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-fault-meili-'))
let meili: EmbeddedMeilisearch | undefined
afterAll(async () => {
  await meili?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('fault drill: Meilisearch killed while listings are published', () => {
  it('ends with every listing in the index at its latest version, none missing, none stale', async () => {
    meili = await startEmbeddedMeilisearch({ dataDir })
    const client = createSearchClient(meili, { timeoutMs: 2_000 })
    const names = indexNames('drill_')
    await ensureIndexes(client, names)
    const indexer = createOutboxIndexer({ db, client, names, batchSize: 200 })
    const scheduler = createScheduler({
      handle: getDatabaseHandle(),
      jobs: [{ name: 'drill-indexer', intervalMs: 1_000, oncePerInterval: false, run: () => indexer.drainAll() }],
    })
    scheduler.start()
    const unlisten = await getDatabaseHandle().listen(OUTBOX_CHANNEL, () => scheduler.kick('drill-indexer'))

    const org = await createOrganisation()
    const ids: number[] = []
    const TOTAL = 1_000
    for (let i = 0; i < TOTAL; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, j) => createListing(org.id, { title: `演练岗位 ${i + j} 第1版` }).then((l) => l.id)),
      )
      ids.push(...batch)
      // Killed twice, hard, while the writes go on; the supervisor brings it back each time.
      if (i === 300) meili.process.kill('SIGKILL')
      if (i === 700) {
        while (meili.restarts < 1) await wait(50) // the second kill must hit the restarted server
        meili.process.kill('SIGKILL')
      }
      // A third of them are edited straight away, so an old document must never win.
      const edited = batch.filter((_, j) => j % 3 === 0)
      await db.transaction(async (tx) => {
        for (const id of edited)
          await tx
            .update(listings)
            .set({ title: `演练岗位 ${id} 第2版` })
            .where(eq(listings.id, id))
        await enqueueSearchSync(tx, 'listing', edited)
      })
    }
    const deadline = Date.now() + 120_000
    while ((await outboxLag(db)).pending > 0 && Date.now() < deadline) await wait(250)
    await unlisten()
    await scheduler.stop()
    expect(meili.restarts).toBe(2)
    expect(await outboxLag(db)).toMatchObject({ pending: 0, parked: 0 })

    const rows = await db.select({ id: listings.id, title: listings.title }).from(listings).where(inArray(listings.id, ids))
    const { results } = await client.index(names.listings).getDocuments({ limit: TOTAL + 10, fields: ['id', 'title'] })
    const indexed = new Map(results.map((d) => [d.id as number, d.title as string]))
    expect(indexed.size).toBe(TOTAL)
    const stale = rows.filter((r) => indexed.get(r.id) !== r.title)
    expect(stale).toEqual([])
  }, 240_000)
})
