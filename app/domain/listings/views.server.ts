import { createHash, randomBytes } from 'node:crypto'
import { eq, or, sql } from 'drizzle-orm'
import { db, listingViewDays, matches, type Executor } from '~/db.server'
import { remember } from '~/lib/remember'
import { isMemberOf, type Actor } from '../actor'
import { clientAddress } from '../rate-limit.server'

/**
 * Page views of listings, for their owners. A view is counted in this process's memory and added to
 * listing_view_days in batches (`count = count + excluded.count`), so a busy listing costs one upsert
 * every few seconds instead of one write per view, and any number of processes can flush side by side.
 */

// Crawlers, link previews, monitors and scripted clients; a browser without a user agent is not one either.
const NOT_A_PERSON =
  /bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|headless|lighthouse|curl|wget|python|httpclient|go-http|java\/|okhttp|axios|node-fetch|undici|monitor|pingdom|uptime|scan/i

const isBotUserAgent = (userAgent: string | null) => !userAgent || NOT_A_PERSON.test(userAgent)

const SHANGHAI_OFFSET_MS = 8 * 3_600_000
/** The calendar day in Shanxi (UTC+8), as the owners read their figures. */
export const viewDay = (now: Date) => new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

type ViewRow = { listingId: number; day: string; views: number }

export type ViewCounter = ReturnType<typeof createViewCounter>

/**
 * One process's counter. A visitor counts once per listing per day: the check keeps a short hash of
 * (day's random salt, listing, visitor) in memory only; the salt is replaced each day and never
 * written anywhere, so nothing stored can be traced back to a person. The seen-set is per process:
 * with several processes a visitor may count once per process that served them.
 */
export function createViewCounter({ maxSeen = 200_000 }: { maxSeen?: number } = {}) {
  let pending = new Map<string, ViewRow>()
  let seen = new Set<string>()
  let seenDay = ''
  let salt = randomBytes(16)

  function record({ listingId, visitor, now }: { listingId: number; visitor: string; now: Date }) {
    const day = viewDay(now)
    if (day !== seenDay) {
      seen = new Set()
      seenDay = day
      salt = randomBytes(16)
    }
    const key = createHash('sha256').update(salt).update(`${listingId}\0${visitor}`).digest('base64url').slice(0, 16)
    if (seen.has(key)) return false
    // A flood of distinct visitors must not grow memory without bound; forgetting means some count twice.
    if (seen.size >= maxSeen) seen.clear()
    seen.add(key)
    const slot = `${listingId}|${day}`
    const row = pending.get(slot)
    if (row) row.views += 1
    else pending.set(slot, { listingId, day, views: 1 })
    return true
  }

  function restore(batch: Map<string, ViewRow>) {
    for (const [slot, row] of batch) {
      const current = pending.get(slot)
      if (current) current.views += row.views
      else pending.set(slot, row)
    }
  }

  /**
   * Adds what was counted since the last flush. The batch is taken out before the write, so two
   * flushes at once never add the same views twice; a failed write puts it back for the next one.
   */
  async function flush(executor: Executor = db) {
    if (pending.size === 0) return 0
    const batch = pending
    pending = new Map()
    // Sorted, so two processes upserting overlapping rows take their locks in the same order.
    const rows = [...batch.values()].sort((a, b) => a.listingId - b.listingId || a.day.localeCompare(b.day))
    try {
      for (let i = 0; i < rows.length; i += 500) await upsertViews(executor, rows.slice(i, i + 500))
    } catch (error) {
      restore(batch)
      throw error
    }
    return rows.reduce((sum, r) => sum + r.views, 0)
  }

  return { record, flush, pendingViews: () => [...pending.values()].reduce((sum, r) => sum + r.views, 0) }
}

// A listing deleted since its views were counted is skipped rather than failing the batch on its foreign key.
async function upsertViews(executor: Executor, rows: ViewRow[]) {
  const values = sql.join(
    rows.map((r) => sql`(${r.listingId}::int, ${r.day}::date, ${r.views}::int)`),
    sql`, `,
  )
  await executor.execute(sql`
    insert into ${listingViewDays} (listing_id, day, views)
    select v.listing_id, v.day, v.views from (values ${values}) as v(listing_id, day, views)
    where exists (select 1 from listings l where l.id = v.listing_id)
    on conflict (listing_id, day) do update set views = ${listingViewDays}.views + excluded.views`)
}

/** This process's counter (shared by the routes and the jobs module's flush timer). */
export const viewCounter = () => remember('listing-view-counter', () => createViewCounter())

/**
 * Counts a view of a listing's page, unless the reader is a member of the organisation that owns it
 * or not a person. Signed-in readers are told apart by account, others by address and browser.
 */
export function countListingView({
  request,
  actor,
  listing,
  counter = viewCounter(),
  now = new Date(),
}: {
  request: Request
  actor: Actor
  listing: { id: number; organisationId: number }
  counter?: ViewCounter
  now?: Date
}) {
  if (isMemberOf(actor, listing.organisationId)) return false
  const userAgent = request.headers.get('User-Agent')
  if (actor.kind !== 'user')
    return countAnonymousListingView({ listingId: listing.id, userAgent, address: clientAddress(request), counter, now })
  if (isBotUserAgent(userAgent)) return false
  return counter.record({ listingId: listing.id, visitor: `user:${actor.userId}`, now })
}

/** A view by someone signed out, told apart by address and browser; also what the page cache counts for a page it serves. */
export function countAnonymousListingView({
  listingId,
  userAgent,
  address,
  counter = viewCounter(),
  now = new Date(),
}: {
  listingId: number
  userAgent: string | null
  address: string
  counter?: ViewCounter
  now?: Date
}) {
  if (isBotUserAgent(userAgent)) return false
  return counter.record({ listingId, visitor: `anon:${address}\0${userAgent}`, now })
}

/** Flushes this process's counter every few seconds; `stop` flushes what is left (on shutdown). */
export function startViewFlushing({ intervalMs = 10_000, onError }: { intervalMs?: number; onError?: (error: unknown) => void }) {
  const counter = viewCounter()
  const report = onError ?? ((error: unknown) => console.warn(`listing views: flush failed, kept for the next one: ${String(error)}`))
  const timer = setInterval(() => void counter.flush().catch(report), intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await counter.flush().catch(report)
  }
}

// Interest: how many matches (contacts and beyond) name the listing, on either side.
// Written qualified: drizzle leaves a lone table's columns unqualified, and "id" would then mean the match's.
export const listingInterestSql = sql<number>`(select count(*)::int from ${matches} m where m.listing_id = "listings"."id" or m.counterpart_listing_id = "listings"."id")`
export const listingViewsSql = sql<number>`(select coalesce(sum(v.views), 0)::int from ${listingViewDays} v where v.listing_id = "listings"."id")`

/** Views (last 30 days and in total) and interest of one listing, for members of its organisation only. */
export async function getListingStats({
  actor,
  listing,
  now = new Date(),
}: {
  actor: Actor
  listing: { id: number; organisationId: number }
  now?: Date
}) {
  if (!isMemberOf(actor, listing.organisationId)) return null
  const since = viewDay(new Date(now.getTime() - 29 * 86_400_000))
  const [[views], [interest]] = await Promise.all([
    db
      .select({
        total: sql<number>`coalesce(sum(${listingViewDays.views}), 0)::int`,
        last30: sql<number>`coalesce(sum(${listingViewDays.views}) filter (where ${listingViewDays.day} >= ${since}::date), 0)::int`,
      })
      .from(listingViewDays)
      .where(eq(listingViewDays.listingId, listing.id)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(matches)
      .where(or(eq(matches.listingId, listing.id), eq(matches.counterpartListingId, listing.id))),
  ])
  return { viewsLast30: Number(views?.last30 ?? 0), viewsTotal: Number(views?.total ?? 0), interest: Number(interest?.n ?? 0) }
}
