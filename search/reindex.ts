import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { Meilisearch } from 'meilisearch'
import type { Executor } from '../db/client'
import { listings, organisations, outbox } from '../db/schema'
import { notifySearchApplied } from '../db/outbox'
import { loadListingDocuments, loadOrganisationDocuments } from './documents'
import { storeListingPinyin } from './pinyin-store'
import type { IndexNames } from './indexes'
import { listingIndexSettings, organisationIndexSettings } from './settings'

type Progress = (step: string, done: number, total: number) => void

async function ensureLiveIndex(client: Meilisearch, uid: string) {
  const exists = await client
    .getIndex(uid)
    .then(() => true)
    .catch(() => false)
  if (!exists) await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
}

/**
 * Builds a fresh index beside the live one, fills it in batches, checks the count and swaps
 * it in atomically, so search never goes blank; then drops the old one.
 */
async function rebuild<D extends { id: number }>(options: {
  db: Executor
  client: Meilisearch
  uid: string
  step: string
  settings: object
  ids: () => Promise<number[]>
  load: (db: Executor, ids: number[]) => Promise<D[]>
  /** Work on each batch beside the engine's (the fallback's pinyin), awaited with the engine's tasks. */
  alongside?: (db: Executor, docs: D[]) => Promise<unknown>
  batchSize: number
  onProgress?: Progress
}) {
  const { client, uid } = options
  // A reindex killed mid-build leaves its half-filled index behind; it was never swapped in, so drop it.
  const { results } = await client.getIndexes({ limit: 1000 })
  for (const leftover of results.filter((i) => i.uid.startsWith(`${uid}_build_`))) await client.deleteIndex(leftover.uid).waitTask()
  const fresh = `${uid}_build_${Date.now()}`
  await client.createIndex(fresh, { primaryKey: 'id' }).waitTask()
  const index = client.index(fresh)
  await index.updateSettings(options.settings).waitTask()
  const ids = await options.ids()
  let expected = 0
  const pending: Promise<unknown>[] = []
  for (let i = 0; i < ids.length; i += options.batchSize) {
    const docs = await options.load(options.db, ids.slice(i, i + options.batchSize))
    expected += docs.length
    // Enqueue without waiting: Meilisearch batches consecutive additions itself.
    pending.push(index.addDocuments(docs, { primaryKey: 'id' }).waitTask())
    if (options.alongside) pending.push(options.alongside(options.db, docs).then(() => ({ status: 'succeeded' })))
    options.onProgress?.(options.step, Math.min(i + options.batchSize, ids.length), ids.length)
  }
  const tasks = (await Promise.all(pending)) as { status: string; error?: { message: string } }[]
  const failed = tasks.find((t) => t.status !== 'succeeded')
  if (failed) throw new Error(`reindex ${uid}: ${failed.error?.message}`)
  const stats = await index.getStats()
  if (stats.numberOfDocuments !== expected) {
    await client.deleteIndex(fresh).waitTask()
    throw new Error(`reindex ${uid}: expected ${expected} documents, index has ${stats.numberOfDocuments}`)
  }
  await ensureLiveIndex(client, uid)
  await client.swapIndexes([{ indexes: [uid, fresh], rename: false }]).waitTask()
  await client.deleteIndex(fresh).waitTask()
  return expected
}

async function allIds(db: Executor, table: typeof listings | typeof organisations, where?: ReturnType<typeof eq>) {
  const ids: number[] = []
  let last = 0
  for (;;) {
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(where ? and(where, gt(table.id, last)) : gt(table.id, last))
      .orderBy(asc(table.id))
      .limit(50_000)
    if (rows.length === 0) return ids
    for (const r of rows) ids.push(r.id)
    last = rows[rows.length - 1]!.id
  }
}

export async function reindexAll(options: {
  db: Executor
  client: Meilisearch
  names: IndexNames
  batchSize?: number
  onProgress?: Progress
}) {
  const batchSize = options.batchSize ?? 5000
  const [{ since }] = await options.db.select({ since: sql<number>`coalesce(max(${outbox.id}), 0)::int` }).from(outbox)
  const listingCount = await rebuild({
    ...options,
    batchSize,
    uid: options.names.listings,
    step: '需求与供给',
    settings: listingIndexSettings,
    ids: () => allIds(options.db, listings, eq(listings.status, 'published')),
    load: loadListingDocuments,
    alongside: storeListingPinyin,
  })
  const organisationCount = await rebuild({
    ...options,
    batchSize,
    uid: options.names.organisations,
    step: '机构',
    settings: organisationIndexSettings,
    ids: () => allIds(options.db, organisations),
    load: loadOrganisationDocuments,
  })
  // Changes that arrived while the new index was being built may have gone to the old one:
  // send them through the indexer again, now against the swapped-in index.
  await options.db
    .update(outbox)
    .set({ processedAt: null, nextAttemptAt: sql`now()` })
    .where(gt(outbox.id, since))
  await notifySearchApplied(options.db)
  return { listings: listingCount, organisations: organisationCount }
}
