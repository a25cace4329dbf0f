import { and, asc, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Executor } from './client'
import { outbox, type OutboxEntity } from './schema'

/**
 * Records that these rows changed and search must catch up. Call it inside the same
 * transaction as the write itself, so a change is never committed without its outbox row.
 */
export async function enqueueSearchSync(tx: Executor, entity: OutboxEntity, ids: number[]) {
  if (ids.length === 0) return
  await tx.insert(outbox).values(ids.map((entityId) => ({ entity, entityId })))
}

export type OutboxRow = typeof outbox.$inferSelect

export async function claimDueOutboxRows(db: Executor, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.processedAt), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(outbox.id))
    .limit(limit)
}

export async function markOutboxDone(db: Executor, ids: number[]) {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({ processedAt: sql`now()` })
    .where(inArray(outbox.id, ids))
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 5 minutes. */
export async function markOutboxFailed(db: Executor, ids: number[], error: string) {
  if (ids.length === 0) return
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      nextAttemptAt: sql`now() + least(power(2, ${outbox.attempts}) , 300) * interval '1 second'`,
    })
    .where(inArray(outbox.id, ids))
}

export async function outboxLag(db: Executor) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*)::int`,
      oldestSeconds: sql<number | null>`extract(epoch from now() - min(${outbox.createdAt}))::float8`,
    })
    .from(outbox)
    .where(isNull(outbox.processedAt))
  return { pending: row?.pending ?? 0, oldestSeconds: row?.oldestSeconds ?? null }
}

/** An organisation's name and verification are copied into its listings' documents, so they follow it. */
export async function enqueueOrganisationWithListings(tx: Executor, organisationId: number) {
  await enqueueSearchSync(tx, 'organisation', [organisationId])
  await tx.execute(sql`insert into outbox (entity, entity_id) select 'listing', id from listings where organisation_id = ${organisationId}`)
}
