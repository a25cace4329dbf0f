import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import {
  changeListingStatus,
  createListing,
  duplicateListing,
  expireListings,
  updateListing,
} from '../../app/domain/listings/mutations.server'
import { searchListings } from '../../app/search.server'
import { ListingSchema } from '../../app/lib/schemas/listing'
import { auditLog, listings, listingVersions, outbox } from '../../db/schema'
import { searchParams } from '../factories'
import { memberOfNewOrganisation } from '../factories/accounts'
import { prepareSearch } from '../setup/search'

const input = ListingSchema.parse({
  direction: 'offer',
  type: 'teacher_practice',
  title: '煤机智能制造教师企业实践岗位',
  description: '接收职业院校机电类专业教师到液压支架生产线实践，参与智能化改造项目，可计入双师型教师认定。',
  clusters: ['coal_machinery'],
  cityCode: 'changzhi',
  capacity: '4',
  startsOn: '2027-07-01',
  endsOn: '2027-08-31',
  details: {
    field: '机电一体化',
    posts: '4',
    durationDays: '45',
    schedule: '暑期集中',
    tasks: '参与液压支架电控系统调试与工艺改进',
    countsForDualQualified: 'on',
  },
})

const memberOf = (verification: 'verified' | 'unverified' = 'verified') => memberOfNewOrganisation({ verification, cityCode: 'changzhi' })

describe('publishing listings', () => {
  it('a member of a verified organisation publishes, and the listing becomes searchable through the outbox', async () => {
    const { indexer } = await prepareSearch()
    const { org, actor } = await memberOf()
    const id = await createListing({ actor, organisationId: org.id, input, publish: true })
    await indexer.drainAll()
    const result = await searchListings(searchParams({ q: '教师企业实践' }))
    expect(result.hits.map((h) => h.id)).toContain(id)
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, id))).toHaveLength(1)
  })

  it('an unverified organisation may save a draft but not publish', async () => {
    const { org, actor } = await memberOf('unverified')
    await expect(createListing({ actor, organisationId: org.id, input, publish: true })).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'domain.publishNeedsVerification',
    })
    const draftId = await createListing({ actor, organisationId: org.id, input })
    await expect(changeListingStatus({ actor, id: draftId, action: 'publish' })).rejects.toMatchObject({
      messageKey: 'domain.publishNeedsVerification',
    })
  })

  it('someone outside the organisation cannot change its listing', async () => {
    const { org, actor } = await memberOf()
    const id = await createListing({ actor, organisationId: org.id, input, publish: true })
    const outsider = (await memberOf()).actor
    await expect(updateListing({ actor: outsider, id, input: { ...input, title: '被篡改的标题内容' } })).rejects.toMatchObject({
      status: 403,
    })
    await expect(changeListingStatus({ actor: outsider, id, action: 'close' })).rejects.toMatchObject({ status: 403 })
  })

  it('keeps a version of each published change with what changed', async () => {
    const { org, actor } = await memberOf()
    const id = await createListing({ actor, organisationId: org.id, input, publish: true })
    await updateListing({ actor, id, input: { ...input, capacity: 6, title: '煤机智能制造教师企业实践岗位（扩招）' } })
    const [version] = await db.select().from(listingVersions).where(eq(listingVersions.listingId, id))
    expect(version!.changes).toMatchObject({ capacity: { from: 4, to: 6 }, title: { to: '煤机智能制造教师企业实践岗位（扩招）' } })
  })

  it('pauses, closes and re-opens, and refuses a transition that makes no sense', async () => {
    const { org, actor } = await memberOf()
    const id = await createListing({ actor, organisationId: org.id, input, publish: true })
    expect(await changeListingStatus({ actor, id, action: 'pause' })).toBe('paused')
    await expect(changeListingStatus({ actor, id, action: 'pause' })).rejects.toMatchObject({ code: 'conflict', status: 409 })
    expect(await changeListingStatus({ actor, id, action: 'close' })).toBe('closed')
    expect(await changeListingStatus({ actor, id, action: 'reopen' })).toBe('published')
  })

  it('duplicates a listing into a new draft', async () => {
    const { org, actor } = await memberOf()
    const id = await createListing({ actor, organisationId: org.id, input, publish: true })
    const copyId = await duplicateListing({ actor, id })
    const [copy] = await db.select().from(listings).where(eq(listings.id, copyId))
    expect(copy).toMatchObject({ status: 'draft', title: '煤机智能制造教师企业实践岗位（副本）', capacity: 4 })
  })

  it('expires published listings whose end date has passed and sends them out of search', async () => {
    const { org, actor } = await memberOf()
    const id = await createListing({ actor, organisationId: org.id, input, publish: true })
    const expiredCount = await expireListings(new Date('2027-09-01T00:00:00Z'))
    expect(expiredCount).toBeGreaterThanOrEqual(1)
    const [row] = await db.select().from(listings).where(eq(listings.id, id))
    expect(row!.status).toBe('expired')
    expect((await db.select().from(outbox).where(eq(outbox.entityId, id))).length).toBeGreaterThanOrEqual(2)
  })
})
