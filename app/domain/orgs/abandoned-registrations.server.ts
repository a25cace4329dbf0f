import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm'
import { db, enqueueSearchSync, type Executor, memberships, organisations, users } from '~/db.server'
import { anonymous } from '../actor'
import { recordAudit } from '../audit/audit.server'

/**
 * A registration nobody confirmed is removed this long after its last link lapsed. The link lives
 * CONFIRM_HOURS, and anyone can ask for a new one on /confirm-email; a week covers a registration
 * made just before a seven-day holiday (春节, 国庆) whose mail waited in a spam folder. Until then it
 * holds its email, organisation name and credit code, but never locks the code's owner out that
 * long: a new registration of the same code or email replaces it once its links have lapsed
 * (REPLACEABLE_AFTER_MS).
 */
export const ABANDONED_AFTER_DAYS = 7
/**
 * A registration may be replaced by a new one this long after its last link lapsed. The margin keeps
 * a click on a link in its last second (its confirmation still running) well clear of the removal.
 */
export const REPLACEABLE_AFTER_MS = 3_600_000

const BATCH = 100

/**
 * Since when a registration has been idle: its creation, or the expiry of its newest link (a resent
 * confirmation, or a password reset, which confirms the email as well).
 */
const idleSince = (userId: number) => sql`greatest(
  (select created_at from users where id = ${userId}),
  (select max(expires_at) from email_confirmations where user_id = ${userId}),
  (select max(expires_at) from password_resets where user_id = ${userId}))`

/** Anything of an organisation beyond a bare registration: then it is kept whatever its members do. */
const organisationInUse = (id: typeof organisations.id) => sql<boolean>`(
  ${organisations.verification} <> 'unverified' or ${organisations.isDemo}
  or exists (select 1 from listings where organisation_id = ${id})
  or exists (select 1 from matches where initiator_organisation_id = ${id} or partner_organisation_id = ${id})
  or exists (select 1 from match_reports where reported_organisation_id = ${id} or reporter_organisation_id = ${id})
  or exists (select 1 from verification_documents where organisation_id = ${id})
  or exists (select 1 from invitations where organisation_id = ${id})
  or exists (select 1 from platforms where host_organisation_id = ${id})
  or exists (select 1 from recommendation_dismissals where organisation_id = ${id} or target_organisation_id = ${id})
  or exists (select 1 from allocation_runs where organisation_id = ${id})
  or exists (select 1 from metric_org_daily where organisation_id = ${id}))`

export type RemovedRegistration = { userId: number; organisationIds: number[] }

/**
 * Removes an account that never confirmed its email and has been idle since before `idleBefore`,
 * with the organisations it registered that nobody else uses, in the caller's transaction. Answers
 * null, removing nothing, when the account is confirmed, not idle that long, or the only member of
 * an organisation that holds more than its registration.
 *
 * Race-safe: the account row is locked first and only then are its links read, so a confirmation
 * running now either committed before (the lock waits for it, and the account is no longer
 * unconfirmed) or has not spent its link yet (a live link, so the account is not idle); a link asked
 * for meanwhile waits for this transaction (its row references the locked account).
 */
export async function removeAbandonedRegistration(
  tx: Executor,
  { userId, idleBefore, reason }: { userId: number; idleBefore: Date; reason: 'abandoned' | 'replaced' },
): Promise<RemovedRegistration | null> {
  const [user] = await tx
    .select({ id: users.id, email: users.email, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt), eq(users.platformRole, 'user'), isNull(users.govScopeType)))
    .for('update')
  if (!user) return null
  const [idle] = await tx
    .select({ idle: sql<boolean>`${idleSince(userId)} < ${idleBefore.toISOString()}::timestamptz` })
    .from(users)
    .where(eq(users.id, userId))
  if (!idle?.idle) return null

  const orgs = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      creditCode: organisations.creditCode,
      otherMembers: sql<boolean>`exists (select 1 from memberships m where m.organisation_id = ${organisations.id} and m.user_id <> ${userId})`,
      inUse: organisationInUse(organisations.id),
    })
    .from(organisations)
    .innerJoin(memberships, and(eq(memberships.organisationId, organisations.id), eq(memberships.userId, userId)))
    .orderBy(asc(organisations.id))
    // Locked, so nothing can be added under them (a listing, an invitation) while they are judged and removed.
    .for('update', { of: organisations })
  if (orgs.some((o) => !o.otherMembers && o.inUse)) return null
  const removed = orgs.filter((o) => !o.otherMembers)

  if (removed.length)
    await tx.delete(organisations).where(
      inArray(
        organisations.id,
        removed.map((o) => o.id),
      ),
    )
  await enqueueSearchSync(
    tx,
    'organisation',
    removed.map((o) => o.id),
  )
  await tx.delete(users).where(eq(users.id, userId))
  await recordAudit(tx, {
    actor: anonymous,
    action: reason === 'abandoned' ? 'registration.purge' : 'registration.replace',
    entity: 'user',
    entityId: userId,
    summary: {
      email: user.email,
      registeredAt: user.createdAt.toISOString(),
      organisations: removed.map((o) => ({ id: o.id, name: o.name, creditCode: o.creditCode })),
      keptOrganisations: orgs.filter((o) => o.otherMembers).map((o) => o.id),
    },
  })
  return { userId, organisationIds: removed.map((o) => o.id) }
}

/**
 * The scheduled purge: every registration idle for ABANDONED_AFTER_DAYS without its email confirmed,
 * one transaction each (a confirmation waits for one account's removal at most, never a whole batch).
 */
export async function purgeAbandonedRegistrations({ now = new Date() }: { now?: Date } = {}) {
  const idleBefore = new Date(now.getTime() - ABANDONED_AFTER_DAYS * 86_400_000)
  let removed = 0
  let after = 0
  for (;;) {
    const candidates = await db
      .select({ id: users.id })
      .from(users)
      .where(and(isNull(users.emailConfirmedAt), lt(users.createdAt, idleBefore), gt(users.id, after)))
      .orderBy(asc(users.id))
      .limit(BATCH)
    for (const { id } of candidates) {
      if (await db.transaction((tx) => removeAbandonedRegistration(tx, { userId: id, idleBefore, reason: 'abandoned' }))) removed++
      after = id
    }
    if (candidates.length < BATCH) return removed
  }
}

/**
 * Who holds an organisation's registration while it waits for confirmation: its only member, an
 * unconfirmed account, and when a new registration may replace it. Null when it is a real
 * organisation (confirmed, or more than one member).
 */
export async function pendingRegistrationOf({ organisationId }: { organisationId: number }) {
  const members = await db
    .select({ userId: memberships.userId, confirmedAt: users.emailConfirmedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
  const [only] = members
  if (members.length !== 1 || !only || only.confirmedAt) return null
  return pendingAccount({ userId: only.userId })
}

/** An unconfirmed account and when a new registration with its email or code may replace it; null if confirmed. */
export async function pendingAccount({ userId }: { userId: number }) {
  const [row] = await db
    .select({ since: sql<number>`extract(epoch from ${idleSince(userId)})::float8 * 1000` })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
  if (!row) return null
  return { userId, replaceableAt: new Date(Number(row.since) + REPLACEABLE_AFTER_MS) }
}
