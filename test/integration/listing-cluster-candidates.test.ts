import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { changeListingStatus } from '../../app/domain/listings/mutations.server'
import { recommendForListing } from '../../app/domain/matching/recommend.server'
import { listingClusters, listings } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { type signIn, signInMember } from '../factories/accounts'

const copied = async (listingId: number) =>
  db
    .select({
      cluster: listingClusters.clusterCode,
      type: listingClusters.type,
      direction: listingClusters.direction,
      status: listingClusters.status,
    })
    .from(listingClusters)
    .where(eq(listingClusters.listingId, listingId))
    .orderBy(listingClusters.clusterCode)

let ownerActor: Awaited<ReturnType<typeof signIn>>['actor']
let post: { id: number }
let need: { id: number }

beforeAll(async () => {
  const enterprise = await createOrganisation({ name: '晋中示例候选煤机有限公司', cityCode: 'jinzhong' })
  const college = await createOrganisation({ kind: 'vocational_higher', name: '山西示例候选职业技术学院', cityCode: 'jinzhong' })
  post = await createListing(enterprise.id, { clusters: ['coal_machinery', 'nev'] })
  need = await createListing(college.id, { direction: 'need', clusters: ['coal_machinery'] })
  ownerActor = (await signInMember(enterprise.id, 'admin')).actor
})

describe('listing_clusters carries its listing’s type, direction and status (0016 triggers)', () => {
  it('copies them on insert, follows status changes in the same transaction, and the candidates follow', async () => {
    expect(await copied(post.id)).toEqual([
      { cluster: 'coal_machinery', type: 'internship', direction: 'offer', status: 'published' },
      { cluster: 'nev', type: 'internship', direction: 'offer', status: 'published' },
    ])
    const recommended = async () => (await recommendForListing({ actor: ownerActor, listingId: post.id })).listings.map((l) => l.listing.id)
    expect(await recommended()).toContain(need.id)

    // A write rolled back leaves the copy as it was.
    await db
      .transaction(async (tx) => {
        await tx.update(listings).set({ status: 'paused' }).where(eq(listings.id, need.id))
        expect(
          (await tx.select({ s: listingClusters.status }).from(listingClusters).where(eq(listingClusters.listingId, need.id)))[0]!.s,
        ).toBe('paused')
        throw new Error('roll back')
      })
      .catch(() => {})
    expect((await copied(need.id))[0]!.status).toBe('published')

    await db.update(listings).set({ status: 'closed', type: 'teacher_practice' }).where(eq(listings.id, need.id))
    expect(await copied(need.id)).toEqual([{ cluster: 'coal_machinery', type: 'teacher_practice', direction: 'need', status: 'closed' }])
    expect(await recommended()).not.toContain(need.id)
  })

  it('follows the owner closing a listing through the domain', async () => {
    await changeListingStatus({ actor: ownerActor, id: post.id, action: 'close' })
    expect((await copied(post.id)).map((r) => r.status)).toEqual(['closed', 'closed'])
    const [{ n }] = (await db.execute(
      sql`select count(*)::int as n from listing_clusters where status = 'published' and listing_id = ${post.id}`,
    )) as unknown as { n: number }[]
    expect(Number(n)).toBe(0)
  })
})
