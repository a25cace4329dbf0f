import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { bulkUpdateListings, listManagedListings, MANAGE_PER_PAGE, parseManageQuery } from '../../app/domain/listings/manage.server'
import { auditLog, listings, matches, outbox } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { memberOfNewOrganisation } from '../factories/accounts'
import { getOrganisationProfile } from '../../app/domain/orgs/queries.server'
import { anonymous } from '../../app/domain/actor'

const memberOf = () => memberOfNewOrganisation()

const query = (params: Record<string, string> = {}) => parseManageQuery(new URLSearchParams(params))

describe('the dashboard’s listing management', () => {
  it('pages, searches, filters by status and sorts by interest (matches per listing)', async () => {
    const { org, actor } = await memberOf()
    const partners = [
      await createOrganisation({ kind: 'vocational_higher' }),
      await createOrganisation({ kind: 'vocational_higher' }),
      await createOrganisation({ kind: 'vocational_higher' }),
    ]
    const created = []
    for (let i = 0; i < MANAGE_PER_PAGE + 5; i++)
      created.push(
        await createListing(org.id, { title: `液压支架装配实习岗位 第${i + 1}批`, status: i % 5 === 0 ? 'paused' : 'published' }),
      )
    await createListing(org.id, { title: '采煤机电控系统调试实习', reference: 'CMJ-7' })
    const popular = created[3]!
    await db.insert(matches).values(
      (await Promise.all(partners)).map((partner) => ({
        listingId: popular.id,
        initiatorOrganisationId: partner.id,
        partnerOrganisationId: org.id,
        type: 'internship',
      })),
    )

    const first = await listManagedListings({ actor, organisationId: org.id, query: query() })
    expect(first.rows).toHaveLength(MANAGE_PER_PAGE)
    expect(first.total).toBe(MANAGE_PER_PAGE + 6)
    expect(first.totalPages).toBe(2)
    expect(first.counts).toMatchObject({ published: 21, paused: 5, draft: 0 })
    const second = await listManagedListings({ actor, organisationId: org.id, query: query({ page: '2' }) })
    expect(second.rows).toHaveLength(6)
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(MANAGE_PER_PAGE + 6)

    const paused = await listManagedListings({ actor, organisationId: org.id, query: query({ status: 'paused' }) })
    expect(paused.rows.every((r) => r.status === 'paused')).toBe(true)
    expect(paused.total).toBe(5)

    const byReference = await listManagedListings({ actor, organisationId: org.id, query: query({ q: 'cmj-7' }) })
    expect(byReference.rows.map((r) => r.title)).toEqual(['采煤机电控系统调试实习'])

    const byInterest = await listManagedListings({ actor, organisationId: org.id, query: query({ sort: 'interest' }) })
    expect(byInterest.rows[0]).toMatchObject({ id: popular.id, interest: 3 })

    const byTitle = await listManagedListings({ actor, organisationId: org.id, query: query({ sort: 'title', dir: 'asc' }) })
    const titles = byTitle.rows.map((r) => r.title)
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('ignores nonsense in the URL', () => {
    expect(query({ status: 'constructor', sort: 'toString', page: '1e400', dir: 'x' })).toEqual({
      q: '',
      status: null,
      sort: 'updated',
      dir: 'desc',
      page: 1,
    })
  })

  it('bulk pause, close and extend, with versions, audit and outbox rows, leaving others’ listings alone', async () => {
    const { org, actor } = await memberOf()
    const other = await createOrganisation()
    const a = await createListing(org.id, { endsOn: '2027-06-30' })
    const b = await createListing(org.id, { endsOn: '2027-07-31' })
    const draft = await createListing(org.id, { status: 'draft', publishedAt: null })
    const foreign = await createListing(other.id)
    const outboxBefore = (await db.select().from(outbox)).length

    expect(await bulkUpdateListings({ actor, organisationId: org.id, ids: [a.id, draft.id, foreign.id], action: 'pause' })).toEqual({
      changed: 1,
      skipped: 2,
    })
    expect(await bulkUpdateListings({ actor, organisationId: org.id, ids: [a.id, b.id], action: 'extend', days: 30 })).toEqual({
      changed: 2,
      skipped: 0,
    })
    expect(await bulkUpdateListings({ actor, organisationId: org.id, ids: [b.id], action: 'close' })).toEqual({ changed: 1, skipped: 0 })

    const rows = await db
      .select({ id: listings.id, status: listings.status, endsOn: listings.endsOn })
      .from(listings)
      .where(inArray(listings.id, [a.id, b.id, draft.id, foreign.id]))
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get(a.id)).toMatchObject({ status: 'paused', endsOn: '2027-07-30' })
    expect(byId.get(b.id)).toMatchObject({ status: 'closed', endsOn: '2027-08-30' })
    expect(byId.get(draft.id)!.status).toBe('draft')
    expect(byId.get(foreign.id)!.status).toBe('published')
    expect((await db.select().from(outbox)).length - outboxBefore).toBe(4)
    expect((await db.select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((r) => r.action)).toEqual(
      expect.arrayContaining(['listing.bulk_pause', 'listing.bulk_extend']),
    )
    await expect(bulkUpdateListings({ actor, organisationId: org.id, ids: [a.id], action: 'extend', days: 0 })).rejects.toMatchObject({
      messageKey: 'manage.days.invalid',
    })
  })

  it('is refused to people outside the organisation', async () => {
    const org = await createOrganisation()
    const { actor } = await memberOf()
    await expect(listManagedListings({ actor, organisationId: org.id, query: query() })).rejects.toMatchObject({ status: 403 })
    await expect(bulkUpdateListings({ actor, organisationId: org.id, ids: [1], action: 'pause' })).rejects.toMatchObject({ status: 403 })
  })
})

describe('the public organisation profile', () => {
  it('pages beyond 50 published listings', async () => {
    const org = await createOrganisation()
    for (let i = 0; i < 53; i++) await createListing(org.id, { title: `综采工作面巡检实习岗位 ${i + 1}` })
    const first = (await getOrganisationProfile({ id: org.id, actor: anonymous }))!
    expect(first).toMatchObject({ listingTotal: 53, listingPage: 1, listingPages: 2 })
    expect(first.listings).toHaveLength(50)
    const second = (await getOrganisationProfile({ id: org.id, actor: anonymous, listingPage: 2 }))!
    expect(second.listings).toHaveLength(3)
    expect(second.listings.some((l) => first.listings.some((f) => f.id === l.id))).toBe(false)
  })
})
