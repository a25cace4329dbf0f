import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import type { Database } from '~/db.server'
import { matches, organisations } from '~/db.server'
import { notifyOrganisation } from './notifications.server'
import { STALE_DAYS } from './queries.server'
import { OPEN_STAGES } from './transitions'

const BATCH = 200

/**
 * The 30-day nudge: every open match without activity for STALE_DAYS gets one reminder to both
 * sides (bell and mail), and no second one until there has been activity again. Safe to run from
 * several processes: each match is claimed by a conditional update before anyone is told.
 * Returns how many matches were nudged.
 */
export async function nudgeStaleMatches({ db, now = new Date() }: { db: Database; now?: Date }) {
  const before = new Date(now.getTime() - STALE_DAYS * 86_400_000)
  const due = and(
    inArray(matches.stage, [...OPEN_STAGES]),
    lt(matches.lastActivityAt, before),
    or(isNull(matches.staleNudgedAt), lt(matches.staleNudgedAt, matches.lastActivityAt)),
  )
  const candidates = await db.select({ id: matches.id }).from(matches).where(due).orderBy(matches.lastActivityAt).limit(BATCH)
  let nudged = 0
  for (const { id } of candidates) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(matches)
        .set({ staleNudgedAt: now })
        .where(and(eq(matches.id, id), due))
        .returning({ initiator: matches.initiatorOrganisationId, partner: matches.partnerOrganisationId })
      if (!claimed) return
      const names = new Map(
        (
          await tx
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, [claimed.initiator, claimed.partner]))
        ).map((o) => [o.id, o.name]),
      )
      for (const [me, them] of [
        [claimed.initiator, claimed.partner],
        [claimed.partner, claimed.initiator],
      ] as const)
        await notifyOrganisation(tx, {
          organisationId: me,
          kind: 'stale',
          matchId: id,
          messageKey: 'notify.stale',
          vars: { org: names.get(them) ?? '' },
          now,
        })
      nudged++
    })
  }
  return nudged
}
