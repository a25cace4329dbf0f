import { sql } from 'drizzle-orm'
import { db } from '~/db.server'
import { getResponsiveness as trackingFigures } from '../matches/responsiveness.server'
import type { Responsiveness } from './features'

/**
 * How each organisation answers when contacted (share answered, median hours to the first answer by
 * one of its members) and its record (completed and terminated partnerships), from match_events.
 *
 * Recommendations depend only on the `ResponsivenessSource` signature, so the source can be switched.
 */
export type ResponsivenessSource = (input: { organisationIds: number[]; asOf?: Date }) => Promise<Map<number, Responsiveness>>

export const getResponsiveness: ResponsivenessSource = async ({ organisationIds, asOf = new Date() }) => {
  const result = new Map<number, Responsiveness>()
  if (!organisationIds.length) return result
  const ids = sql`array[${sql.join(
    organisationIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`
  const replies = await db.execute<{ org: number; contacted: number; answered: number; median_hours: number | null }>(sql`
    select m.partner_organisation_id as org, count(*)::int as contacted, count(r.first_reply)::int as answered,
      percentile_cont(0.5) within group (order by extract(epoch from r.first_reply - m.created_at) / 3600) as median_hours
    from matches m
    left join lateral (
      select min(e.created_at) as first_reply from match_events e
      join memberships ms on ms.user_id = e.actor_user_id and ms.organisation_id = m.partner_organisation_id
      where e.match_id = m.id and e.created_at < ${asOf.toISOString()}
    ) r on true
    where m.partner_organisation_id = any(${ids}) and m.created_at < ${asOf.toISOString()}
    group by 1`)
  const records = await db.execute<{ org: number; completed: number; terminated: number }>(sql`
    select org, count(*) filter (where stage = 'completed')::int as completed, count(*) filter (where stage = 'terminated')::int as terminated
    from (
      select initiator_organisation_id as org, stage, updated_at from matches where initiator_organisation_id = any(${ids})
      union all
      select partner_organisation_id, stage, updated_at from matches where partner_organisation_id = any(${ids})
    ) x
    where updated_at < ${asOf.toISOString()}
    group by org`)
  const rowsOf = <T>(r: unknown) => (r as { rows?: T[] }).rows ?? (r as T[])
  for (const r of rowsOf<{ org: number; contacted: number; answered: number; median_hours: number | null }>(replies))
    result.set(Number(r.org), {
      contacted: Number(r.contacted),
      answered: Number(r.answered),
      medianReplyHours: r.median_hours === null ? null : Number(r.median_hours),
      completed: 0,
      terminated: 0,
    })
  for (const r of rowsOf<{ org: number; completed: number; terminated: number }>(records)) {
    const entry = result.get(Number(r.org)) ?? { contacted: 0, answered: 0, medianReplyHours: null, completed: 0, terminated: 0 }
    entry.completed = Number(r.completed)
    entry.terminated = Number(r.terminated)
    result.set(Number(r.org), entry)
  }
  return result
}

/**
 * Ranking now uses tracking's figures (the same ones profiles show: last 12 months, first response
 * by the contacted side); an as-of evaluation keeps the local version above, which can look back.
 */
export const trackingResponsiveness: ResponsivenessSource = async ({ organisationIds, asOf }) => {
  if (asOf && Date.now() - asOf.getTime() > 60_000) return getResponsiveness({ organisationIds, asOf })
  const figures = await trackingFigures({ organisationIds })
  const result = new Map<number, Responsiveness>()
  for (const [id, f] of figures)
    result.set(id, {
      contacted: f.interestsReceived,
      answered: f.interestsAnswered,
      medianReplyHours: f.medianFirstReplyHours,
      completed: Object.values(f.completedByType).reduce((s, n) => s + n, 0),
      terminated: 0,
    })
  return result
}
