import { and, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { Executor } from './client'
import { outbox, type OutboxEntity } from './schema'

/** Postgres NOTIFY channel: delivered at commit, to every process listening, so the indexer wakes without polling. */
export const OUTBOX_CHANNEL = 'outbox_changed'

/**
 * NOTIFY channel for "what search answers has changed": the indexer sends it after applying a batch to the
 * engine, and a reindex after its swap. Cached search pages are stale from then on, not from the write.
 */
export const SEARCH_APPLIED_CHANNEL = 'search_applied'

export async function notifySearchApplied(db: Executor) {
  await db.execute(sql`select pg_notify(${SEARCH_APPLIED_CHANNEL}, '')`)
}

/** Serialises claims (a few milliseconds each), which makes the per-entity check in the claim exact. */
const CLAIM_LOCK = 7_150_001

/**
 * Records that these rows changed and search must catch up. Call it inside the same
 * transaction as the write itself, so a change is never committed without its outbox row.
 */
export async function enqueueSearchSync(tx: Executor, entity: OutboxEntity, ids: number[]) {
  if (ids.length === 0) return
  await tx.insert(outbox).values(ids.map((entityId) => ({ entity, entityId })))
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`)
}

/** An organisation's name and verification are copied into its listings' documents, so they follow it. */
export async function enqueueOrganisationWithListings(tx: Executor, organisationId: number) {
  await enqueueSearchSync(tx, 'organisation', [organisationId])
  await tx.execute(sql`insert into outbox (entity, entity_id) select 'listing', id from listings where organisation_id = ${organisationId}`)
}

export type OutboxRow = typeof outbox.$inferSelect

export type ClaimOptions = { limit: number; leaseMs?: number }

/** The indexer renews its lease while it works, so a lease can be short and a crashed indexer's rows come back soon. */
export async function extendOutboxClaim(db: Executor, ids: number[], leaseMs: number) {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({ claimedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(and(inArray(outbox.id, ids), isNull(outbox.processedAt)))
}

/**
 * Claims due rows for one indexer. `FOR UPDATE SKIP LOCKED` keeps claimers off each other's rows; a row
 * whose entity is already claimed by another indexer is left alone until that one finishes, so two
 * indexers never apply the same listing at once and an older document can never land after a newer one.
 * The claim is a short transaction and the lease (`claimed_until`) is what is held while indexing:
 * PGlite runs one transaction at a time for the whole process, so a long one would stall every page.
 */
export async function claimDueOutboxRows(db: Executor, { limit, leaseMs = 30_000 }: ClaimOptions): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`)
    const rows = await tx.execute(sql`
      with due as (
        select o.id from outbox o
        where o.processed_at is null and o.parked_at is null and o.next_attempt_at <= now()
          and (o.claimed_until is null or o.claimed_until < now())
          and not exists (
            select 1 from outbox b
            where b.entity = o.entity and b.entity_id = o.entity_id and b.processed_at is null and b.claimed_until >= now()
          )
        order by o.id
        limit ${limit}
        for update skip locked
      )
      update outbox set claimed_until = now() + ${leaseMs} * interval '1 millisecond'
      from due where outbox.id = due.id
      returning outbox.id, outbox.entity, outbox.entity_id, outbox.attempts`)
    return toRows(rows)
  })
}

function toRows(result: unknown): OutboxRow[] {
  const list = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[]
  return list
    .map((r) => ({
      id: Number(r.id),
      entity: r.entity as OutboxEntity,
      entityId: Number(r.entity_id),
      attempts: Number(r.attempts),
    }))
    .sort((a, b) => a.id - b.id) as OutboxRow[]
}

export async function markOutboxDone(db: Executor, ids: number[]) {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({ processedAt: sql`now()`, claimedUntil: null })
    .where(inArray(outbox.id, ids))
}

export const MAX_OUTBOX_ATTEMPTS = 5

/**
 * Exponential backoff: 1 s, 2 s, 4 s … With `blame` the failure was this row's own (the engine answered
 * the others): capped at 5 minutes, and after MAX_OUTBOX_ATTEMPTS the row is parked with its error. An
 * outage (`blame: false`) only delays rows, however long it lasts, and by at most 30 s, so search
 * catches up soon after the engine is back.
 */
export async function markOutboxFailed(db: Executor, ids: number[], error: string, { blame = false } = {}) {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      claimedUntil: null,
      nextAttemptAt: sql`now() + least(power(2, ${outbox.attempts}), ${blame ? 300 : 30}) * interval '1 second'`,
      ...(blame ? { parkedAt: sql`case when ${outbox.attempts} + 1 >= ${MAX_OUTBOX_ATTEMPTS} then now() end` } : {}),
    })
    .where(inArray(outbox.id, ids))
}

/** Gives parked rows another chance, e.g. after the bug that broke them is fixed. */
export async function unparkOutboxRows(db: Executor) {
  const rows = await db
    .update(outbox)
    .set({ parkedAt: null, attempts: 0, nextAttemptAt: sql`now()` })
    .where(isNotNull(outbox.parkedAt))
    .returning({ id: outbox.id })
  return rows.length
}

/** Processed rows are only history; keep a week of it for questions, then let it go. */
export async function purgeProcessedOutboxRows(db: Executor, { olderThanMs = 7 * 86_400_000 } = {}) {
  const rows = await db
    .delete(outbox)
    .where(and(isNotNull(outbox.processedAt), lt(outbox.processedAt, sql`now() - ${olderThanMs} * interval '1 millisecond'`)))
    .returning({ id: outbox.id })
  return rows.length
}

export async function outboxLag(db: Executor) {
  const [row] = await db
    .select({
      pending: sql<number>`(count(*) filter (where ${outbox.parkedAt} is null))::int`,
      parked: sql<number>`(count(*) filter (where ${outbox.parkedAt} is not null))::int`,
      oldestSeconds: sql<
        number | null
      >`extract(epoch from now() - min(${outbox.createdAt}) filter (where ${outbox.parkedAt} is null))::float8`,
    })
    .from(outbox)
    .where(isNull(outbox.processedAt))
  return { pending: row?.pending ?? 0, parked: row?.parked ?? 0, oldestSeconds: row?.oldestSeconds ?? null }
}
