import type { Meilisearch } from 'meilisearch'
import type { Executor } from '../db/client'
import { claimDueOutboxRows, markOutboxDone, markOutboxFailed, type OutboxRow } from '../db/outbox'
import { loadListingDocuments, loadOrganisationDocuments } from './documents'
import type { IndexNames } from './indexes'

const loaders = { listing: loadListingDocuments, organisation: loadOrganisationDocuments } as const

async function applyBatch(db: Executor, client: Meilisearch, names: IndexNames, rows: OutboxRow[]) {
  for (const entity of ['listing', 'organisation'] as const) {
    const ids = [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))]
    if (ids.length === 0) continue
    const index = client.index(entity === 'listing' ? names.listings : names.organisations)
    // The database is the truth: whatever is no longer searchable (unpublished, deleted) leaves the index.
    const documents = await loaders[entity](db, ids)
    const present = new Set(documents.map((d) => d.id))
    const gone = ids.filter((id) => !present.has(id))
    if (documents.length) await expectSuccess(index.addDocuments(documents, { primaryKey: 'id' }).waitTask())
    if (gone.length) await expectSuccess(index.deleteDocuments(gone).waitTask())
  }
}

async function expectSuccess(taskPromise: Promise<{ status: string; error?: { message: string } | null }>) {
  const task = await taskPromise
  if (task.status !== 'succeeded') throw new Error(task.error?.message ?? `Meilisearch task ${task.status}`)
}

export type IndexerOptions = {
  db: Executor
  client: Meilisearch
  names: IndexNames
  batchSize?: number
  idleDelayMs?: number
  onError?: (error: unknown) => void
}

/**
 * Drains the outbox into Meilisearch: claims due rows in order, applies them in batches,
 * marks them done, and backs off (1 s, 2 s … 5 min) on failure. Nothing is lost when
 * Meilisearch is down: rows just wait.
 */
export function createOutboxIndexer({ db, client, names, batchSize = 1000, idleDelayMs = 100, onError }: IndexerOptions) {
  let running = false
  let timer: NodeJS.Timeout | undefined
  let wake: (() => void) | undefined
  let loop: Promise<void> | undefined

  /** Processes one batch; returns how many rows it handled. */
  async function drainOnce(): Promise<number> {
    const rows = await claimDueOutboxRows(db, batchSize)
    if (rows.length === 0) return 0
    const ids = rows.map((r) => r.id)
    try {
      await applyBatch(db, client, names, rows)
      await markOutboxDone(db, ids)
    } catch (error) {
      await markOutboxFailed(db, ids, error instanceof Error ? error.message : String(error))
      throw error
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
    return new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(resolve, ms)
    })
  }

  async function run() {
    let failures = 0
    while (running) {
      try {
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
    /** Wakes the loop at once, e.g. right after a write, instead of waiting for the next poll. */
    kick() {
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
