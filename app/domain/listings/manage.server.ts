import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import { db, enqueueSearchSync, listings, listingVersions } from '~/db.server'
import { LISTING_STATUSES, type ListingStatus } from '../../../db/reference'
import { assertOrgRole } from '../accounts/guards.server'
import type { Actor } from '../actor'
import { recordAudit } from '../audit/audit.server'
import { DomainError } from '../errors.server'
import { listingInterestSql as interest, listingViewsSql as views } from './views.server'

export const MANAGE_SORTS = ['updated', 'title', 'status', 'capacity', 'endsOn', 'views', 'interest'] as const
export type ManageSort = (typeof MANAGE_SORTS)[number]
export const MANAGE_PER_PAGE = 20

export type ManageQuery = {
  q: string
  status: ListingStatus | null
  sort: ManageSort
  dir: 'asc' | 'desc'
  page: number
}

/** The dashboard's list settings from its URL; anything unknown falls back to the default. */
export function parseManageQuery(params: URLSearchParams): ManageQuery {
  const status = params.get('status')
  const sort = params.get('sort')
  const page = Number(params.get('page'))
  return {
    q: (params.get('q') ?? '').trim().slice(0, 80),
    status: LISTING_STATUSES.find((s) => s === status) ?? null,
    sort: MANAGE_SORTS.find((s) => s === sort) ?? 'updated',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)

/** One page of an organisation's own listings, searchable, filterable by status and sortable, with counts per status. */
export async function listManagedListings({ actor, organisationId, query }: { actor: Actor; organisationId: number; query: ManageQuery }) {
  assertOrgRole(actor, organisationId, 'member')
  const own = eq(listings.organisationId, organisationId)
  const search: SQL | undefined = query.q
    ? or(ilike(listings.title, `%${escapeLike(query.q)}%`), ilike(listings.reference, `%${escapeLike(query.q)}%`))
    : undefined
  const where = and(own, search, query.status ? eq(listings.status, query.status) : undefined)
  const column = {
    updated: listings.updatedAt,
    title: listings.title,
    status: listings.status,
    capacity: listings.capacity,
    endsOn: listings.endsOn,
    views,
    interest,
  }[query.sort]
  const order = query.dir === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`
  const [rows, [{ total } = { total: 0 }], byStatus] = await Promise.all([
    db
      .select({
        id: listings.id,
        title: listings.title,
        reference: listings.reference,
        type: listings.type,
        direction: listings.direction,
        status: listings.status,
        capacity: listings.capacity,
        startsOn: listings.startsOn,
        endsOn: listings.endsOn,
        updatedAt: listings.updatedAt,
        views,
        interest,
      })
      .from(listings)
      .where(where)
      .orderBy(order, desc(listings.id))
      .limit(MANAGE_PER_PAGE)
      .offset((query.page - 1) * MANAGE_PER_PAGE),
    db.select({ total: count() }).from(listings).where(where),
    db
      .select({ status: listings.status, n: count() })
      .from(listings)
      .where(and(own, search))
      .groupBy(listings.status)
      .orderBy(asc(listings.status)),
  ])
  const counts = Object.fromEntries(LISTING_STATUSES.map((s) => [s, Number(byStatus.find((r) => r.status === s)?.n ?? 0)])) as Record<
    ListingStatus,
    number
  >
  return {
    rows: rows.map((r) => ({ ...r, views: Number(r.views), interest: Number(r.interest) })),
    total: Number(total),
    counts,
    totalPages: Math.max(1, Math.ceil(Number(total) / MANAGE_PER_PAGE)),
  }
}

export const BULK_ACTIONS = ['pause', 'close', 'extend'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]
const BULK_FROM: Record<BulkAction, ListingStatus[]> = {
  pause: ['published'],
  close: ['published', 'paused', 'draft'],
  extend: ['published', 'paused', 'closed', 'expired', 'draft'],
}
export const MAX_EXTEND_DAYS = 366
const MAX_BULK = 200

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * Pauses, closes or extends (end date + N days) several of the organisation's listings at once:
 * one transaction for the rows, their versions, audit entries and outbox rows. Listings the action
 * does not apply to (a draft cannot be paused; one without an end date cannot be extended) are left
 * as they are and counted as skipped.
 */
export async function bulkUpdateListings({
  actor,
  organisationId,
  ids,
  action,
  days = 0,
}: {
  actor: Actor
  organisationId: number
  ids: number[]
  action: BulkAction
  days?: number
}) {
  assertOrgRole(actor, organisationId, 'member')
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (unique.length === 0) throw new DomainError('invalid', 'manage.noneSelected')
  if (unique.length > MAX_BULK) throw new DomainError('invalid', 'manage.tooMany', { vars: { max: MAX_BULK } })
  if (action === 'extend' && !(Number.isInteger(days) && days >= 1 && days <= MAX_EXTEND_DAYS))
    throw new DomainError('invalid', 'manage.days.invalid', { field: 'days', vars: { max: MAX_EXTEND_DAYS } })
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: listings.id, status: listings.status, endsOn: listings.endsOn, version: listings.version })
      .from(listings)
      .where(and(eq(listings.organisationId, organisationId), inArray(listings.id, unique)))
      .orderBy(asc(listings.id))
      .for('update')
    const eligible = rows.filter((r) => BULK_FROM[action].includes(r.status) && (action !== 'extend' || r.endsOn !== null))
    const now = new Date()
    for (const row of eligible) {
      const change: Record<string, { from: unknown; to: string }> =
        action === 'extend'
          ? { endsOn: { from: row.endsOn, to: addDays(row.endsOn!, days) } }
          : { status: { from: row.status, to: action === 'pause' ? 'paused' : 'closed' } }
      await tx
        .update(listings)
        .set({
          ...(action === 'extend' ? { endsOn: change.endsOn!.to } : { status: change.status!.to as ListingStatus }),
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(listings.id, row.id))
      if (row.status !== 'draft')
        await tx.insert(listingVersions).values({
          listingId: row.id,
          version: row.version + 1,
          actorUserId: actor.kind === 'user' ? actor.userId : null,
          changes: change,
        })
      await recordAudit(tx, {
        actor,
        organisationId,
        action: `listing.bulk_${action}`,
        entity: 'listing',
        entityId: row.id,
        summary: change,
      })
    }
    await enqueueSearchSync(
      tx,
      'listing',
      eligible.map((r) => r.id),
    )
    return { changed: eligible.length, skipped: unique.length - eligible.length }
  })
}
