import path from 'node:path'
import { eq, inArray, sql } from 'drizzle-orm'
import type { Meilisearch } from 'meilisearch'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { openDatabase, type Executor } from '../../db/client'
import { enqueueSearchSync, outboxLag, purgeProcessedOutboxRows, unparkOutboxRows, MAX_OUTBOX_ATTEMPTS } from '../../db/outbox'
import { listings, outbox } from '../../db/schema'
import { createSearchClient } from '../../search/client'
import { createOutboxIndexer } from '../../search/indexer'
import { createListing, createOrganisation } from '../factories'
import { prepareSearch } from '../setup/search'

type Push = { taskUid: number; docs: { id: number; title: string }[] }

/** A client that records what it sends, in Meilisearch's own task order, after a random delay (as a busy process would). */
function recordingClient(pushes: Push[]): Meilisearch {
  const client = createSearchClient({ url: inject('meiliUrl') })
  const index = client.index.bind(client)
  client.index = ((uid: string) => {
    const idx = index(uid)
    const add = idx.addDocuments.bind(idx)
    idx.addDocuments = ((docs: { id: number; title: string }[], options: never) => {
      const enqueued = (async () => {
        await new Promise((r) => setTimeout(r, Math.random() * 40))
        const task = await add(docs, options)
        // Listings only: an organisation's document shares its numeric id space, and its order against a listing's is free.
        if (uid.endsWith('listings')) pushes.push({ taskUid: task.taskUid, docs: docs.map((d) => ({ id: d.id, title: d.title })) })
        return task
      })()
      return Object.assign(enqueued, { waitTask: async () => client.tasks.waitForTask(await enqueued) })
    }) as never
    return idx
  }) as never
  return client
}

const secondHandle = process.env.DATABASE_URL
  ? openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: path.join(process.env.DATA_DIR!, 'unused'), maxConnections: 4 })
  : null
afterAll(() => secondHandle?.close())

async function rename(executor: Executor, id: number, title: string) {
  await executor.transaction(async (tx) => {
    await tx.update(listings).set({ title }).where(eq(listings.id, id))
    await enqueueSearchSync(tx, 'listing', [id])
  })
}

const versionOf = (title: string) => Number(/版本(\d+)$/.exec(title)?.[1] ?? -1)

describe('outbox indexer', () => {
  it('two indexers on one database and one Meilisearch leave every listing at its latest version, never applying an older one after a newer one', async () => {
    const { runtime } = await prepareSearch()
    const org = await createOrganisation()
    const created = []
    for (let i = 0; i < 6; i++) created.push(await createListing(org.id, { title: `液压支架装配实习 版本0` }))
    const ids = created.map((l) => l.id)
    const pushes: Push[] = []
    // Two processes: two connection pools when Postgres is there (PGlite is one process by nature).
    const indexers = [getDatabaseHandle().db, secondHandle?.db ?? db].map((executor) =>
      createOutboxIndexer({ db: executor, client: recordingClient(pushes), names: runtime.names, idleDelayMs: 5, batchSize: 3 }),
    )
    indexers.forEach((i) => i.start())

    const latest = new Map(ids.map((id) => [id, 0]))
    const writers = [db, secondHandle?.db ?? db]
    for (let round = 1; round <= 12; round++) {
      await Promise.all(
        ids.map(async (id, n) => {
          const version = round * 10 + n
          await rename(writers[(round + n) % 2]!, id, `液压支架装配实习 版本${version}`)
          latest.set(id, version)
        }),
      )
      indexers[round % 2]!.kick()
      await new Promise((r) => setTimeout(r, Math.random() * 30))
    }
    for (;;) {
      const { pending } = await outboxLag(db)
      if (pending === 0) break
      await new Promise((r) => setTimeout(r, 50))
    }
    await Promise.all(indexers.map((i) => i.stop()))

    const sent = new Map<number, number[]>()
    for (const push of pushes.sort((a, b) => a.taskUid - b.taskUid))
      for (const doc of push.docs) sent.set(doc.id, [...(sent.get(doc.id) ?? []), versionOf(doc.title)])
    for (const id of ids) {
      const versions = sent.get(id) ?? []
      expect(versions, `versions sent for listing ${id}`).toEqual([...versions].sort((a, b) => a - b))
      const doc = await runtime.client.index(runtime.names.listings).getDocument(id)
      expect(versionOf(doc.title as string)).toBe(latest.get(id))
    }
  }, 120_000)

  it('indexes the rest of a batch around a poison row, then parks the poison with its error', async () => {
    const { runtime, indexer } = await prepareSearch()
    await indexer.drainAll()
    const org = await createOrganisation()
    const before = await createListing(org.id, { title: '碳化硅外延片检测实习' })
    await db.insert(outbox).values({ entity: 'certificate' as never, entityId: 1 })
    const after = await createListing(org.id, { title: '碳化硅衬底切割实习' })

    expect(await indexer.drainOnce()).toBeGreaterThanOrEqual(3)
    const { hits } = await runtime.client.index(runtime.names.listings).search('碳化硅')
    expect(hits.map((h) => h.id).sort()).toEqual([before.id, after.id].sort())
    const poison = () =>
      db
        .select()
        .from(outbox)
        .where(eq(outbox.entity, 'certificate' as never))
    let [row] = await poison()
    expect(row!.processedAt).toBeNull()
    expect(row!.attempts).toBe(1)
    expect(row!.lastError).toContain('unknown outbox entity')
    expect(row!.parkedAt).toBeNull()

    for (let i = 1; i < MAX_OUTBOX_ATTEMPTS; i++) {
      await db
        .update(outbox)
        .set({ nextAttemptAt: new Date(0) })
        .where(eq(outbox.id, row!.id))
      await indexer.drainAll()
    }
    ;[row] = await poison()
    expect(row!.parkedAt).not.toBeNull()
    expect(row!.attempts).toBe(MAX_OUTBOX_ATTEMPTS)
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(outbox.id, row!.id))
    expect(await indexer.drainOnce()).toBe(0)
    expect(await outboxLag(db)).toMatchObject({ pending: 0, parked: 1 })

    // Once the cause is fixed, an operator gives parked rows another round of tries.
    expect(await unparkOutboxRows(db)).toBe(1)
    ;[row] = await poison()
    expect(row).toMatchObject({ parkedAt: null, attempts: 0 })
    expect(await outboxLag(db)).toMatchObject({ pending: 1, parked: 0 })
  })

  it('purges processed rows after the retention period and keeps recent and pending ones', async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation()
    await createListing(org.id)
    await indexer.drainAll()
    const done = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(sql`processed_at is not null`)
    const old = done.slice(0, 1).map((r) => r.id)
    await db
      .update(outbox)
      .set({ processedAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(inArray(outbox.id, old))
    await db.insert(outbox).values({ entity: 'listing', entityId: 999_999, nextAttemptAt: new Date(Date.now() + 3_600_000) })
    const total = (await db.select({ id: outbox.id }).from(outbox)).length

    expect(await purgeProcessedOutboxRows(db)).toBe(1)
    const left = await db.select({ id: outbox.id }).from(outbox)
    expect(left.map((r) => r.id)).not.toContain(old[0])
    expect(left.length).toBe(total - 1)
  })
})
