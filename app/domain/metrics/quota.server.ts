import { and, asc, eq, inArray } from 'drizzle-orm'
import { db, listings, organisations } from '~/db.server'
import { indicatorThreshold } from '../../../db/reference'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import type { QuotaLine } from '~/lib/quota'

/** Why a quota-type post does or does not count for the year shown. */
export type QuotaPostReason = 'counted' | 'not_published' | 'outside_year'

export type QuotaPost = {
  id: number
  title: string
  type: 'internship' | 'teacher_practice'
  status: string
  capacity: number | null
  startsOn: string | null
  endsOn: string | null
  reason: QuotaPostReason
}

const INDICATOR_TYPE = { internship_post_ratio: 'internship', teacher_practice_ratio: 'teacher_practice' } as const
const PROVIDED_STATUSES = new Set(['published', 'paused', 'closed', 'expired'])
const MAX_POSTS = 200

export function parseQuotaYear(value: string | null, now = new Date()) {
  const current = now.getFullYear()
  const year = Number(value)
  return Number.isInteger(year) && year >= current - 10 && year <= current + 5 ? year : current
}

function reasonFor(post: { status: string; startsOn: string | null; endsOn: string | null }, year: number): QuotaPostReason {
  if (!PROVIDED_STATUSES.has(post.status) || !post.startsOn || !post.endsOn) return 'not_published'
  // A post provided in a year is one running in it: it counts for every year its window touches.
  if (post.startsOn > `${year}-12-31` || post.endsOn < `${year}-01-01`) return 'outside_year'
  return 'counted'
}

/**
 * The enterprise's distance to its policy quotas in one year (晋政办发〔2018〕38号 (十二)):
 * internship posts ≥ 10 % of technical posts; teacher-practice posts ≥ 0.5 % of staff.
 * Posts are the places of its published (or since paused / ended) offers running in that year;
 * every quota-type offer is listed with the reason it does or does not count.
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
    .select({
      id: listings.id,
      title: listings.title,
      type: listings.type,
      status: listings.status,
      capacity: listings.capacity,
      startsOn: listings.startsOn,
      endsOn: listings.endsOn,
    })
    .from(listings)
    .where(
      and(
        eq(listings.organisationId, organisationId),
        eq(listings.direction, 'offer'),
        inArray(listings.type, ['internship', 'teacher_practice']),
      ),
    )
    .orderBy(asc(listings.startsOn), asc(listings.id))
  const posts: QuotaPost[] = rows.map((r) => ({ ...r, type: r.type as QuotaPost['type'], reason: reasonFor(r, year) }))
  const counted = (type: string) =>
    posts.filter((p) => p.type === type && p.reason === 'counted').reduce((sum, p) => sum + (p.capacity ?? 0), 0)
  const line = (indicator: QuotaLine['indicator'], base: number | null): QuotaLine => {
    const threshold = indicatorThreshold(indicator)
    const required = base === null ? null : Math.ceil(base * threshold)
    const published = counted(INDICATOR_TYPE[indicator])
    return {
      indicator,
      threshold,
      base,
      required,
      published,
      missing: required === null ? null : Math.max(0, required - published),
      met: required === null ? null : published >= required,
    }
  }
  // Counted posts first, so the list explains the figure before it explains the rest.
  const order: Record<QuotaPostReason, number> = { counted: 0, outside_year: 1, not_published: 2 }
  posts.sort((a, b) => order[a.reason] - order[b.reason])
  return {
    year,
    lines: [line('internship_post_ratio', org.technicalPostCount), line('teacher_practice_ratio', org.staffCount)],
    posts: posts.slice(0, MAX_POSTS),
    postCount: posts.length,
  }
}
