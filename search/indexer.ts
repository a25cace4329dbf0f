import type { Meilisearch } from 'meilisearch'
import type { Executor } from '../db/client'
import { claimDueOutboxRows, extendOutboxClaim, markOutboxDone, markOutboxFailed, notifySearchApplied, type OutboxRow } from '../db/outbox'
import { isSearchHealthy, searchErrorMessage, waitForTask } from './client'
import { loadListingDocuments, loadOrganisationDocuments } from './documents'
import { storeListingPinyin } from './pinyin-store'
import type { ListingDocument } from './types'
import type { IndexNames } from './indexes'

const loaders = { listing: loadListingDocuments, organisation: loadOrganisationDocuments } as const

type Target = { db: Executor; client: Meilisearch; names: IndexNames }

/**
 * Applies one entity's rows. The database is the truth at apply time: each entity is read as it is now
 * (so several rows for one listing cost one document), and whatever is no longer searchable leaves the index.
 */
async function applyEntity({ db, client, names }: Target, entity: string, ids: number[]) {
  if (!Object.hasOwn(loaders, entity)) throw new Error(`unknown outbox entity "${entity}"`)
  const kind = entity as keyof typeof loaders
  const index = client.index(kind === 'listing' ? names.listings : names.organisations)
  const documents = await loaders[kind](db, ids)
  const present = new Set(documents.map((d) => d.id))
  const gone = ids.filter((id) => !present.has(id))
  if (kind === 'listing') await storeListingPinyin(db, documents as ListingDocument[])
  if (documents.length) await expectSuccess(client, await index.addDocuments(documents, { primaryKey: 'id' }))
  if (gone.length) await expectSuccess(client, await index.deleteDocuments(gone))
}

async function expectSuccess(client: Meilisearch, enqueued: { taskUid: number }) {
  const task = await waitForTask(client, enqueued.taskUid)
  if (task.status !== 'succeeded') throw new Error(task.error?.message ?? `Meilisearch task ${task.status}`)
}

function byEntity(rows: OutboxRow[]) {
  const groups = new Map<string, number[]>()
  for (const row of rows) {
    const ids = groups.get(row.entity) ?? []
    if (!ids.includes(row.entityId)) ids.push(row.entityId)
    groups.set(row.entity, ids)
  }
  return groups
}

/** Halves a failing group until the entities that fail on their own are found; the rest are applied. */
async function isolate(target: Target, entity: string, ids: number[], failed: Map<string, string>) {
  try {
    await applyEntity(target, entity, ids)
  } catch (error) {
    if (ids.length === 1) {
      failed.set(`${entity}:${ids[0]}`, searchErrorMessage(error))
      return
    }
    const half = Math.ceil(ids.length / 2)
    await isolate(target, entity, ids.slice(0, half), failed)
    await isolate(target, entity, ids.slice(half), failed)
  }
}

export type IndexerOptions = Target & {
  batchSize?: number
  idleDelayMs?: number
  leaseMs?: number
  onError?: (error: unknown) => void
}

/**
 * Drains the outbox into Meilisearch. Several indexers (processes) may run at once: rows are claimed
 * with SKIP LOCKED and one entity is never in two claims. When Meilisearch is down rows just wait
 * (1 s, 2 s … 5 min); a row that fails on its own while the engine answers is retried, then parked,
 * and never holds the others back.
 */
export function createOutboxIndexer({
  db,
  client,
  names,
  batchSize = 1000,
  idleDelayMs = 1000,
  leaseMs = 30_000,
  onError,
}: IndexerOptions) {
  const target = { db, client, names }
  let running = false
  let timer: NodeJS.Timeout | undefined
  let wake: (() => void) | undefined
  let kicked = false
  let loop: Promise<void> | undefined

  async function applyClaimed(rows: OutboxRow[]) {
    // Listings first: their pinyin for the fallback is written before the engine is asked, even when it is down.
    const groups = new Map([...byEntity(rows)].sort(([a], [b]) => Number(b === 'listing') - Number(a === 'listing')))
    try {
      for (const [entity, ids] of groups) await applyEntity(target, entity, ids)
      await markOutboxDone(
        db,
        rows.map((r) => r.id),
      )
      return
    } catch (error) {
      if (!(await isSearchHealthy(client))) {
        await markOutboxFailed(
          db,
          rows.map((r) => r.id),
          searchErrorMessage(error),
        )
        throw error
      }
    }
    const failed = new Map<string, string>()
    for (const [entity, ids] of groups) await isolate(target, entity, ids, failed)
    const done = rows.filter((r) => !failed.has(`${r.entity}:${r.entityId}`))
    await markOutboxDone(
      db,
      done.map((r) => r.id),
    )
    for (const [key, message] of failed) {
      const ids = rows.filter((r) => `${r.entity}:${r.entityId}` === key).map((r) => r.id)
      await markOutboxFailed(db, ids, message, { blame: true })
    }
  }

  /** Processes one batch; returns how many rows it handled. */
  async function drainOnce(): Promise<number> {
    const rows = await claimDueOutboxRows(db, { limit: batchSize, leaseMs })
    if (rows.length === 0) return 0
    const ids = rows.map((r) => r.id)
    const renew = setInterval(() => extendOutboxClaim(db, ids, leaseMs).catch(() => {}), leaseMs / 3)
    try {
      await applyClaimed(rows)
    } finally {
      clearInterval(renew)
      // Even after a failure part of the batch may be in the engine; an extra notification costs nothing.
      await notifySearchApplied(db).catch(() => {})
    }
    return rows.length
  }

  /** Drains until nothing is due. */
  async function drainAll() {
    let total = 0
    for (let n = await drainOnce(); n > 0; n = await drainOnce()) total += n
    return total
  }

  function sleep(ms: number) {
    if (kicked) {
      kicked = false
      return Promise.resolve()
    }
    return new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(resolve, ms)
    })
  }

  async function run() {
    let failures = 0
    while (running) {
      try {
        kicked = false
        const handled = await drainOnce()
        failures = 0
        if (handled === 0) await sleep(idleDelayMs)
      } catch (error) {
        failures++
        onError?.(error)
        await sleep(Math.min(1000 * 2 ** (failures - 1), 30_000))
      }
    }
  }

  return {
    drainOnce,
    drainAll,
    start() {
      if (running) return
      running = true
      loop = run()
    },
    /** Wakes the loop at once (a write was committed) instead of waiting for the next poll. */
    kick() {
      kicked = true
      clearTimeout(timer)
      wake?.()
    },
    async stop() {
      running = false
      clearTimeout(timer)
      wake?.()
      await loop
    },
  }
}

export type OutboxIndexer = ReturnType<typeof createOutboxIndexer>
