import { db } from '../../app/db.server'
import { enqueueSearchSync } from '../../db/outbox'
import { listingClusters, listings, organisationClusters, organisations, type Direction, type ListingStatus } from '../../db/schema'
import { clusterByCode } from '../../db/reference'

let sequence = 0
const next = () => ++sequence

export type OrganisationOverrides = Partial<typeof organisations.$inferInsert> & { clusters?: string[] }

/** An organisation with realistic Shanxi facts; clusters default to 煤机智能制造装备. */
export async function createOrganisation(overrides: OrganisationOverrides = {}) {
  const { clusters = ['coal_machinery'], ...values } = overrides
  const n = next()
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: 'enterprise',
        name: `山西示例${clusterByCode.get(clusters[0]!)?.short ?? ''}科技有限公司${n}`,
        cityCode: 'jinzhong',
        address: '晋中市榆次区汇通路 88 号',
        description: '示例企业，从事综采液压支架与采煤机的研发制造。',
        staffCount: 1200,
        technicalPostCount: 300,
        verification: 'verified',
        isDemo: true,
        ...values,
      })
      .returning()
    await tx.insert(organisationClusters).values(clusters.map((clusterCode) => ({ organisationId: org!.id, clusterCode })))
    await enqueueSearchSync(tx, 'organisation', [org!.id])
    return org!
  })
}

type ListingOverrides = Partial<typeof listings.$inferInsert> & { clusters?: string[] }

/** A listing written the way the app writes one: row, clusters and outbox entry in one transaction. */
export async function createListing(organisationId: number, overrides: ListingOverrides = {}) {
  const { clusters = ['coal_machinery'], ...values } = overrides
  const n = next()
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .insert(listings)
      .values({
        organisationId,
        direction: 'offer' as Direction,
        type: 'internship',
        title: `综采液压支架装配与调试顶岗实习（机电一体化技术专业）${n}`,
        description: '面向机电一体化技术、电气自动化技术专业学生，提供煤机装备装配、调试与智能化改造岗位，配带教师傅。',
        cityCode: 'jinzhong',
        capacity: 20,
        startsOn: '2026-03-01',
        endsOn: '2027-06-30',
        status: 'published' as ListingStatus,
        publishedAt: new Date(),
        details: { majors: ['机电一体化技术'], headcount: 20 },
        ...values,
      })
      .returning()
    await tx.insert(listingClusters).values(clusters.map((clusterCode) => ({ listingId: listing!.id, clusterCode })))
    await enqueueSearchSync(tx, 'listing', [listing!.id])
    return listing!
  })
}

/** A search with nothing chosen, to override field by field. */
export { blankSearch as searchParams } from '../../app/lib/search-params'
