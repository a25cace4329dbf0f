import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { db, getDatabaseHandle } from '../../app/db.server'
import { createViewCounter, countListingView, viewCounter, viewDay } from '../../app/domain/listings/views.server'
import { listManagedListings, parseManageQuery } from '../../app/domain/listings/manage.server'
import { loader as listingLoader } from '../../app/routes/listings.$id'
import { openDatabase } from '../../db/client'
import { listingViewDays, matches } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const usesPostgres = Boolean(process.env.DATABASE_URL)
// A second process's connection pool (PGlite is one process by nature, so there both flushers share it).
const otherProcess = usesPostgres
  ? openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: path.join(process.env.DATA_DIR!, 'unused'), maxConnections: 3 })
  : getDatabaseHandle()
afterAll(() => (usesPostgres ? otherProcess.close() : undefined))

type ListingData = Awaited<ReturnType<typeof listingLoader>>

/** A page view as the browser asks for it, through the route's loader. */
async function view(
  listingId: number,
  { cookie, userAgent = BROWSER, address = '203.0.113.7' }: { cookie?: string; userAgent?: string; address?: string } = {},
) {
  const headers: Record<string, string> = { 'User-Agent': userAgent, 'X-Jcj-Client-Address': address }
  if (cookie) headers.Cookie = cookie
  const request = new Request(`http://jcj.test/listings/${listingId}`, { headers })
  return (await listingLoader({ request, params: { id: String(listingId) }, context: {} } as never)) as ListingData
}

const stored = async (listingId: number) =>
  Number(
    (
      await db
        .select({ n: sql<number>`coalesce(sum(${listingViewDays.views}), 0)::int` })
        .from(listingViewDays)
        .where(eq(listingViewDays.listingId, listingId))
    )[0]!.n,
  )

async function ownerOf() {
  const org = await createOrganisation()
  const user = await createUser()
  await addMember(user.id, org.id, 'member')
  return { org, ...(await signIn(user.id, org.id)) }
}

describe('listing page views', () => {
  it('counts visitors once a day each, not the owner’s members or bots, and shows the counts to the owner only', async () => {
    const owner = await ownerOf()
    const listing = await createListing(owner.org.id)
    const college = await createOrganisation({ kind: 'vocational_higher' })
    const reader = await createUser()
    await addMember(reader.id, college.id)
    const readerSession = await signIn(reader.id, college.id)
    await db
      .insert(matches)
      .values({ listingId: listing.id, initiatorOrganisationId: college.id, partnerOrganisationId: owner.org.id, type: 'internship' })
    await viewCounter().flush()

    await view(listing.id) // a visitor
    await view(listing.id) // the same visitor again the same day
    await view(listing.id, { address: '198.51.100.20' }) // another visitor
    await view(listing.id, { cookie: readerSession.cookie }) // a signed-in member of another organisation
    await view(listing.id, { cookie: owner.cookie }) // the owner's own member
    await view(listing.id, { userAgent: 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)' })
    await view(listing.id, { userAgent: '' })
    expect(viewCounter().pendingViews()).toBe(3)
    expect(await viewCounter().flush()).toBe(3)
    expect(await stored(listing.id)).toBe(3)

    const visitor = await view(listing.id)
    expect(visitor.stats).toBeNull()
    expect(JSON.stringify(visitor)).not.toMatch(/views(Last30|Total)/)
    expect((await view(listing.id, { cookie: readerSession.cookie })).stats).toBeNull()
    const own = await view(listing.id, { cookie: owner.cookie })
    expect(own.stats).toEqual({ viewsLast30: 3, viewsTotal: 3, interest: 1 })

    // An old day counts in the total, not in the last 30 days.
    await db.insert(listingViewDays).values({ listingId: listing.id, day: viewDay(new Date(Date.now() - 40 * 86_400_000)), views: 5 })
    expect((await view(listing.id, { cookie: owner.cookie })).stats).toEqual({ viewsLast30: 3, viewsTotal: 8, interest: 1 })

    const managed = await listManagedListings({
      actor: owner.actor,
      organisationId: owner.org.id,
      query: parseManageQuery(new URLSearchParams({ sort: 'views' })),
    })
    expect(managed.rows.find((r) => r.id === listing.id)).toMatchObject({ views: 8, interest: 1 })
  })

  it('counts a visitor again on the next day', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const counter = createViewCounter()
    const request = new Request('http://jcj.test/', { headers: { 'User-Agent': BROWSER } })
    const day1 = new Date('2027-03-01T10:00:00+08:00')
    const day2 = new Date('2027-03-02T00:30:00+08:00')
    expect(countListingView({ request, actor: { kind: 'anonymous' }, listing, counter, now: day1 })).toBe(true)
    expect(countListingView({ request, actor: { kind: 'anonymous' }, listing, counter, now: day1 })).toBe(false)
    expect(countListingView({ request, actor: { kind: 'anonymous' }, listing, counter, now: day2 })).toBe(true)
    await counter.flush()
    const rows = await db.select().from(listingViewDays).where(eq(listingViewDays.listingId, listing.id)).orderBy(listingViewDays.day)
    expect(rows.map((r) => [r.day, r.views])).toEqual([
      ['2027-03-01', 1],
      ['2027-03-02', 1],
    ])
  })

  it('adds every view exactly once with two processes flushing at the same time, twice over, and keeps a failed batch', async () => {
    const org = await createOrganisation()
    const listings = [await createListing(org.id), await createListing(org.id), await createListing(org.id)]
    const a = createViewCounter()
    const b = createViewCounter()
    const now = new Date()
    let recorded = 0
    for (let i = 0; i < 300; i++) {
      const listing = listings[i % listings.length]!
      if ((i % 2 ? a : b).record({ listingId: listing.id, visitor: `visitor-${i}`, now })) recorded++
    }
    expect(recorded).toBe(300)
    // Each process flushes twice at once (a timer tick meeting the shutdown flush), both processes together.
    const flushed = await Promise.all([a.flush(db), a.flush(db), b.flush(otherProcess.db), b.flush(otherProcess.db)])
    expect(flushed.reduce((s, n) => s + n, 0)).toBe(300)
    expect(await Promise.all([a.flush(db), b.flush(otherProcess.db)])).toEqual([0, 0])
    const perListing = await Promise.all(listings.map((l) => stored(l.id)))
    expect(perListing).toEqual([100, 100, 100])

    // A write that fails (here: a pool already closed) keeps its views for the next flush.
    if (usesPostgres) {
      const closed = openDatabase({
        databaseUrl: process.env.DATABASE_URL,
        pgliteDir: path.join(process.env.DATA_DIR!, 'unused'),
        maxConnections: 1,
      })
      await closed.close()
      a.record({ listingId: listings[1]!.id, visitor: 'later', now })
      await expect(a.flush(closed.db)).rejects.toThrow()
    } else a.record({ listingId: listings[1]!.id, visitor: 'later', now })
    expect(a.pendingViews()).toBe(1)
    expect(await a.flush(db)).toBe(1)
    expect(await stored(listings[1]!.id)).toBe(101)
  })

  it('skips a listing deleted before its views were flushed, without losing the others', async () => {
    const org = await createOrganisation()
    const [kept, gone] = [await createListing(org.id), await createListing(org.id)]
    const counter = createViewCounter()
    const now = new Date()
    counter.record({ listingId: kept.id, visitor: 'v', now })
    counter.record({ listingId: gone.id, visitor: 'v', now })
    await db.execute(sql`delete from listings where id = ${gone.id}`)
    await counter.flush()
    expect(await stored(kept.id)).toBe(1)
    expect(counter.pendingViews()).toBe(0)
  })
})
