import { count, countDistinct, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { authenticate } from '../../app/domain/accounts/sign-in.server'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from '../../db/seed'
import { listingClusters, listings, matches, organisations, outbox } from '../../db/schema'

describe('Shanxi demo data', () => {
  it('covers every city, cluster, cooperation type and match stage, marks fictional enterprises 示例, and queues search', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true)
    const steps = new Set<string>()
    const summary = await seedDemoData({ db, onProgress: (step) => steps.add(step) })
    expect(summary.listings).toBeGreaterThanOrEqual(2000)
    expect(summary.matches).toBeGreaterThanOrEqual(1000)
    expect([...steps]).toEqual(['机构', '需求与供给', '合作记录'])

    const [enterprises] = await db.select({ n: count() }).from(organisations).where(eq(organisations.kind, 'enterprise'))
    const [marked] = await db.select({ n: count() }).from(organisations).where(like(organisations.name, '%示例%'))
    expect(enterprises!.n).toBeGreaterThanOrEqual(300)
    expect(marked!.n).toBe(enterprises!.n)
    const [{ institutions }] = await db
      .select({ institutions: count() })
      .from(organisations)
      .where(eq(organisations.kind, 'vocational_higher'))
    expect(institutions).toBeGreaterThanOrEqual(20)
    expect(await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, '太原理工大学'))).toHaveLength(1)

    const [spread] = await db.select({ cities: countDistinct(listings.cityCode), types: countDistinct(listings.type) }).from(listings)
    expect(spread).toEqual({ cities: 11, types: 5 })
    const [clusters] = await db.select({ n: countDistinct(listingClusters.clusterCode) }).from(listingClusters)
    expect(clusters!.n).toBe(14)
    const stages = await db.selectDistinct({ stage: matches.stage }).from(matches)
    expect(stages.map((s) => s.stage).sort()).toEqual(['completed', 'contact', 'in_progress', 'negotiation', 'signed', 'terminated'])
    const [queued] = await db.select({ n: count() }).from(outbox)
    expect(queued!.n).toBe(summary.listings + summary.organisations)

    expect(await authenticate({ email: DEMO_ACCOUNTS.enterprise, password: DEMO_PASSWORD, address: 'seed-test' })).toMatchObject({
      userId: expect.any(Number),
    })
    await expect(seedDemoData({ db })).rejects.toThrow('数据库已有数据')
  })

  it('gives the same data on every run', async () => {
    const first = await db.select({ title: listings.title }).from(listings).orderBy(listings.id).limit(50)
    await seedDemoData({ db, force: true })
    const second = await db.select({ title: listings.title }).from(listings).orderBy(listings.id).limit(50)
    expect(second).toEqual(first)
  })
})
