import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import { db, listings, organisations } from '~/db.server'
import { indicatorThreshold } from '../../../db/reference'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'

export type QuotaLine = {
  indicator: 'internship_post_ratio' | 'teacher_practice_ratio'
  threshold: number
  base: number | null
  required: number | null
  published: number
  missing: number | null
  met: boolean | null
}

/**
 * The enterprise's distance to its policy quotas this year (晋政办发〔2018〕38号 (十二)):
 * internship posts ≥ 10 % of technical posts; teacher-practice posts ≥ 0.5 % of staff.
 * Posts are counted from the headcount of its published offers whose window touches this year.
 */
export async function getEnterpriseQuota({
  actor,
  organisationId,
  year = new Date().getFullYear(),
}: {
  actor: Actor
  organisationId: number
  year?: number
}) {
  assertOrgRole(actor, organisationId, 'member')
  const [org] = await db
    .select({ kind: organisations.kind, staffCount: organisations.staffCount, technicalPostCount: organisations.technicalPostCount })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  if (!org || org.kind !== 'enterprise') return null
  const rows = await db
    .select({ type: listings.type, posts: sql<number>`coalesce(sum(${listings.capacity}), 0)::int` })
    .from(listings)
    .where(
      and(
        eq(listings.organisationId, organisationId),
        eq(listings.direction, 'offer'),
        inArray(listings.status, ['published', 'paused', 'closed', 'expired']),
        inArray(listings.type, ['internship', 'teacher_practice']),
        lte(listings.startsOn, `${year}-12-31`),
        gte(listings.endsOn, `${year}-01-01`),
      ),
    )
    .groupBy(listings.type)
  const published = (type: string) => Number(rows.find((r) => r.type === type)?.posts ?? 0)
  const line = (indicator: QuotaLine['indicator'], base: number | null, posts: number): QuotaLine => {
    const threshold = indicatorThreshold(indicator)
    const required = base === null ? null : Math.ceil(base * threshold)
    return {
      indicator,
      threshold,
      base,
      required,
      published: posts,
      missing: required === null ? null : Math.max(0, required - posts),
      met: required === null ? null : posts >= required,
    }
  }
  return {
    year,
    lines: [
      line('internship_post_ratio', org.technicalPostCount, published('internship')),
      line('teacher_practice_ratio', org.staffCount, published('teacher_practice')),
    ],
  }
}
