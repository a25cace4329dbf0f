import { and, eq, inArray, isNull } from 'drizzle-orm'
import { db, type Executor } from '~/db.server'
import { listings } from '../../../db/schema'
import { EXPORT_REFERENCE } from './sheets.server'

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

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back')
  }
}

/** Runs work in a transaction and always rolls it back, returning what the work returned. */
export async function dryRun<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new RolledBack(await work(tx))
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T
    throw error
  }
  throw new Error('unreachable')
}
