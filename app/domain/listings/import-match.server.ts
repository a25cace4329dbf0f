import { and, eq, inArray, isNull } from 'drizzle-orm'
import { db, listings, type Executor } from '~/db.server'
import { EXPORT_REFERENCE } from './import-workbooks.server'

/**
 * Which listing each imported 内部编号 updates: the organisation's listing with that reference, or
 * — for a listing exported without one (JCJ-<id>) — that listing, which then keeps the reference.
 */
export async function findExistingListings(tx: Executor, organisationId: number, references: string[]) {
  const existing = new Map<string, number>()
  for (let i = 0; i < references.length; i += 5000) {
    const found = await tx
      .select({ id: listings.id, reference: listings.reference })
      .from(listings)
      .where(and(eq(listings.organisationId, organisationId), inArray(listings.reference, references.slice(i, i + 5000))))
    for (const f of found) existing.set(f.reference!, f.id)
  }
  const exported = new Map(
    references
      .filter((r) => !existing.has(r))
      .flatMap((r) => (EXPORT_REFERENCE.test(r) ? [[Number(EXPORT_REFERENCE.exec(r)![1]), r] as const] : [])),
  )
  if (exported.size) {
    const found = await tx
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.organisationId, organisationId), isNull(listings.reference), inArray(listings.id, [...exported.keys()])))
    for (const f of found) existing.set(exported.get(f.id)!, f.id)
  }
  return existing
}

/** Runs work in a transaction and always rolls it back, returning what the work returned. */
export async function dryRun<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  let finished: { value: T } | null = null
  try {
    await db.transaction(async (tx) => {
      finished = { value: await work(tx) }
      tx.rollback()
    })
  } catch (error) {
    // tx.rollback() ends the transaction by throwing; anything thrown before the work finished is real.
    if (!finished) throw error
  }
  return (finished as unknown as { value: T }).value
}
