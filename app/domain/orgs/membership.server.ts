import { asc, eq } from 'drizzle-orm'
import { db, memberships } from '~/db.server'

/** The organisation a user acts for right after signing in: their first one. */
export async function firstOrganisationOf({ userId }: { userId: number }) {
  const [row] = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1)
  return row?.id ?? null
}
