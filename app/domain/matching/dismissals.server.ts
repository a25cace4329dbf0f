import { and, eq } from 'drizzle-orm'
import { db } from '~/db.server'
import { DISMISSAL_REASONS, listings, organisations, recommendationDismissals, type DismissalReason } from '~/db.server'
import { isMemberOf, type Actor } from '../actor'
import { DomainError } from '../errors.server'

/**
 * "Not a fit": the acting organisation marks a recommended listing (or a whole organisation) as not a
 * fit, with a reason. Later rankings drop it, and rank that organisation's other listings lower.
 */
export async function dismissRecommendation({
  actor,
  targetListingId,
  targetOrganisationId,
  reason,
}: {
  actor: Actor
  targetListingId: number | null
  targetOrganisationId: number | null
  reason: string
}) {
  const organisationId = actor.kind === 'user' ? actor.activeOrganisationId : null
  if (actor.kind !== 'user' || !organisationId || !isMemberOf(actor, organisationId)) throw new DomainError('forbidden', 'domain.forbidden')
  if (!(DISMISSAL_REASONS as readonly string[]).includes(reason))
    throw new DomainError('invalid', 'matching.dismiss.invalidReason', { field: 'reason' })
  let targetOrg = targetOrganisationId
  if (targetListingId) {
    const [listing] = await db
      .select({ org: listings.organisationId })
      .from(listings)
      .where(and(eq(listings.id, targetListingId), eq(listings.status, 'published')))
    if (!listing) throw new DomainError('invalid', 'matching.dismiss.invalidTarget')
    targetOrg = listing.org
  } else if (targetOrg) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, targetOrg))
    if (!org) throw new DomainError('invalid', 'matching.dismiss.invalidTarget')
  }
  if (!targetOrg || targetOrg === organisationId) throw new DomainError('invalid', 'matching.dismiss.invalidTarget')
  await db
    .insert(recommendationDismissals)
    .values({
      organisationId,
      targetOrganisationId: targetOrg,
      targetListingId: targetListingId ?? null,
      reason: reason as DismissalReason,
      createdByUserId: actor.userId,
    })
    .onConflictDoUpdate({
      target: [
        recommendationDismissals.organisationId,
        recommendationDismissals.targetOrganisationId,
        recommendationDismissals.targetListingId,
      ],
      set: { reason: reason as DismissalReason, createdByUserId: actor.userId, createdAt: new Date() },
    })
}
