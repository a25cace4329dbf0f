import { and, inArray } from 'drizzle-orm'
import type { Executor } from '~/db.server'
import { translate } from '~/lib/i18n'
import { matches } from '~/db.server'
import { isMemberOf, type Actor } from '../actor'
import { appendEvents } from '../matches/mutations.server'
import { notifyOrganisation } from '../matches/notifications.server'

export type IntentPair = {
  collegeId: number
  collegeName: string
  needListingId: number | null
  post: { postId: number; postTitle: string; enterpriseId: number }
  count: number
  major: string
}

const OPEN = ['contact', 'negotiation', 'signed', 'in_progress'] as const

/**
 * Opens one match at the intent stage (`contact`) per college and post with tracking's own event
 * writer (gap-free seq, acting organisation) and notifies both organisations (bell and mail). A pair
 * that already has an open match about that post keeps it. Runs inside the caller's transaction.
 */
export async function openIntentMatches(tx: Executor, actor: Actor, pairs: IntentPair[]) {
  if (actor.kind !== 'user' || !pairs.length) return 0
  const now = new Date()
  const existing = await tx
    .select({ listingId: matches.listingId, a: matches.initiatorOrganisationId, b: matches.partnerOrganisationId })
    .from(matches)
    .where(
      and(
        inArray(
          matches.listingId,
          pairs.map((p) => p.post.postId),
        ),
        inArray(matches.stage, [...OPEN]),
      ),
    )
  const open = new Set(existing.flatMap((m) => [`${m.listingId}|${m.a}|${m.b}`, `${m.listingId}|${m.b}|${m.a}`]))
  const fresh = pairs.filter((p) => !open.has(`${p.post.postId}|${p.collegeId}|${p.post.enterpriseId}`))
  for (const p of fresh) {
    const [match] = await tx
      .insert(matches)
      .values({
        listingId: p.post.postId,
        counterpartListingId: p.needListingId,
        initiatorOrganisationId: p.collegeId,
        partnerOrganisationId: p.post.enterpriseId,
        type: 'internship',
        stage: 'contact',
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: matches.id })
    const vars = { college: p.collegeName, count: p.count, major: p.major, post: p.post.postTitle }
    const acting = isMemberOf(actor, p.collegeId) ? p.collegeId : null
    await appendEvents(tx, { matchId: match!.id, actor, organisationId: acting, now }, [
      { kind: 'stage_change', fromStage: null, toStage: 'contact' },
      { kind: 'note', body: translate('zh-CN', 'allocation.notify.body', vars), data: { allocation: vars } },
    ])
    for (const organisationId of [p.collegeId, p.post.enterpriseId])
      await notifyOrganisation(tx, {
        organisationId,
        exceptUserId: actor.userId,
        kind: 'interest',
        matchId: match!.id,
        messageKey: 'allocation.notify.body',
        vars,
        now,
      })
  }
  return fresh.length
}
