import { and, inArray, sql } from 'drizzle-orm'
import type { Executor } from '~/db.server'
import { translate } from '~/lib/i18n'
import { matchEvents, matches, organisations } from '~/db.server'
import type { Actor } from '../actor'
import { queueMail } from '../mail/mail.server'

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
 * Opens one match at the intent stage (`contact`) per college and post, with the same stage_change event
 * tracking writes when a match starts, and mails both sides. A pair that already has an open match
 * about that post keeps it. Runs inside the caller's transaction.
 *
 * When tracking's `appendEvents` / `notifyOrganisation` are on main, this is the one place to call them.
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
  if (!fresh.length) return 0
  const inserted = await tx
    .insert(matches)
    .values(
      fresh.map((p) => ({
        listingId: p.post.postId,
        counterpartListingId: p.needListingId,
        initiatorOrganisationId: p.collegeId,
        partnerOrganisationId: p.post.enterpriseId,
        type: 'internship',
        stage: 'contact' as const,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: matches.id })
  const body = (p: IntentPair) =>
    translate('zh-CN', 'allocation.notify.body', { college: p.collegeName, count: p.count, major: p.major, post: p.post.postTitle })
  await tx.insert(matchEvents).values(
    fresh.flatMap((p, i) => [
      {
        matchId: inserted[i]!.id,
        actorUserId: actor.userId,
        kind: 'stage_change' as const,
        fromStage: null,
        toStage: 'contact' as const,
        createdAt: now,
      },
      { matchId: inserted[i]!.id, actorUserId: actor.userId, kind: 'note' as const, body: body(p), createdAt: now },
    ]),
  )
  const orgIds = [...new Set(fresh.flatMap((p) => [p.collegeId, p.post.enterpriseId]))]
  const contacts = await tx
    .select({ id: organisations.id, email: organisations.contactEmail })
    .from(organisations)
    .where(and(inArray(organisations.id, orgIds), sql`${organisations.contactEmail} is not null`))
  const emailOf = new Map(contacts.map((c) => [c.id, c.email!]))
  for (const p of fresh)
    for (const org of [p.collegeId, p.post.enterpriseId]) {
      const to = emailOf.get(org)
      if (to) await queueMail(tx, { to, subject: translate('zh-CN', 'allocation.notify.subject'), text: body(p) })
    }
  return fresh.length
}
