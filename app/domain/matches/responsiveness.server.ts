import { and, eq, gte, inArray, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '~/db.server'
import { matches, organisations } from '~/db.server'
import type { Responsiveness } from '~/lib/responsiveness'

const YEAR_MS = 365 * 86_400_000

/**
 * How quickly and how often organisations answer, for profiles and recommendation ranking. One
 * query per figure for any number of organisations; public data (no names, no messages).
 */
export async function getResponsiveness({
  organisationIds,
  now = new Date(),
}: {
  organisationIds: number[]
  now?: Date
}): Promise<Map<number, Responsiveness>> {
  const result = new Map<number, Responsiveness>()
  const ids = [...new Set(organisationIds)].filter((id) => Number.isSafeInteger(id) && id > 0)
  for (const id of ids)
    result.set(id, { interestsReceived: 0, interestsAnswered: 0, answeredShare: null, medianFirstReplyHours: null, completedByType: {} })
  if (!ids.length) return result
  const since = new Date(now.getTime() - YEAR_MS)
  const [replies, ...completed] = await Promise.all([
    db
      .select({
        id: matches.partnerOrganisationId,
        received: sql<number>`count(*)::int`,
        answered: sql<number>`count(${matches.firstResponseAt})::int`,
        median: sql<
          number | null
        >`percentile_cont(0.5) within group (order by extract(epoch from (${matches.firstResponseAt} - ${matches.createdAt})) / 3600)`,
      })
      .from(matches)
      .where(and(inArray(matches.partnerOrganisationId, ids), gte(matches.createdAt, since)))
      .groupBy(matches.partnerOrganisationId),
    // Either side's completed matches, one index read per side (matches_initiator_idx, matches_partner_idx):
    // a join on `id in (initiator, partner)` scanned every completed match in the province.
    ...(['initiator', 'partner'] as const).map((side) => {
      const column = side === 'initiator' ? matches.initiatorOrganisationId : matches.partnerOrganisationId
      return db
        .select({ id: sql<number>`${column}`, type: matches.type, n: sql<number>`count(*)::int` })
        .from(matches)
        .where(and(inArray(column, ids), eq(matches.stage, 'completed')))
        .groupBy(column, matches.type)
    }),
  ])
  for (const r of replies) {
    const entry = result.get(Number(r.id))!
    entry.interestsReceived = Number(r.received)
    entry.interestsAnswered = Number(r.answered)
    entry.answeredShare = entry.interestsReceived ? entry.interestsAnswered / entry.interestsReceived : null
    entry.medianFirstReplyHours = r.median === null ? null : Math.round(Number(r.median) * 10) / 10
  }
  for (const r of completed.flat()) {
    const byType = result.get(Number(r.id))!.completedByType
    byType[r.type] = (byType[r.type] ?? 0) + Number(r.n)
  }
  return result
}

/** Completed partners an organisation may name publicly: only where both sides agreed to be listed. */
export async function listPublicPartners({ organisationId, limit = 20 }: { organisationId: number; limit?: number }) {
  const other = alias(organisations, 'other')
  return db
    .selectDistinct({ id: other.id, name: other.name })
    .from(matches)
    .innerJoin(
      other,
      sql`${other.id} = case when ${matches.initiatorOrganisationId} = ${organisationId} then ${matches.partnerOrganisationId} else ${matches.initiatorOrganisationId} end`,
    )
    .where(
      and(
        or(eq(matches.initiatorOrganisationId, organisationId), eq(matches.partnerOrganisationId, organisationId)),
        eq(matches.stage, 'completed'),
        eq(matches.initiatorListsPublicly, true),
        eq(matches.partnerListsPublicly, true),
      ),
    )
    .limit(limit)
}
